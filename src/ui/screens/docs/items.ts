import type { KnowledgeBase, ResolvedTopic } from '../../../core/knowledge/kb.js';
import type { Locale } from '../../../core/knowledge/types.js';
import type { ListItem } from '../../components/SelectList.js';
import { CATEGORY_NAME, LANGUAGE_IN_TEXT, type T } from '../../i18n.js';
import { topicsByCategory } from '../../../core/knowledge/categories.js';
import { GLYPH } from '../../theme.js';
import { topicLocales } from '../../../core/knowledge/topic-text.js';


/** A topic row: its title in the language, marked when the topic has no text in it (neither source nor our translation). */
export function topicItem(kb: KnowledgeBase, topic: ResolvedTopic, locale: Locale, t: T): ListItem {
  const has = topicLocales(kb, topic).includes(locale);
  return {
    key: topic.id,
    label: topic.title[locale] ?? topic.title.en,
    ...(has ? {} : { badge: { text: `${GLYPH.error} ${t('docs.missing', { language: t(LANGUAGE_IN_TEXT[locale]) })}`, role: 'warning' as const } }),
  };
}

/** The browse tree: a header per category, then its topics. */
export function browseItems(kb: KnowledgeBase, locale: Locale, t: T): ListItem[] {
  return topicsByCategory(kb).flatMap((g) => [
    { key: `category:${g.category}`, label: t(CATEGORY_NAME[g.category]), header: true },
    ...g.topics.map((topic) => topicItem(kb, topic, locale, t)),
  ]);
}
