import type { KnowledgeBase, ResolvedTopic } from '../../core/knowledge/kb.js';
import type { Category, Locale } from '../../core/knowledge/types.js';
import type { ListItem } from '../components/SelectList.js';
import { LANGUAGE_IN_TEXT, type MessageKey, type T } from '../i18n.js';
import { GLYPH } from '../theme.js';
import { topicLocales } from '../topic/topic-text.js';

/** Category names, in the order the docs browser lists them. */
export const CATEGORY_NAME: Readonly<Record<Category, MessageKey>> = {
  general: 'docs.category.general',
  networking: 'docs.category.networking',
  'app-compat': 'docs.category.app-compat',
  docker: 'docs.category.docker',
  remote: 'docs.category.remote',
  identity: 'docs.category.identity',
  versions: 'docs.category.versions',
  orchestration: 'docs.category.orchestration',
};

const CATEGORY_ORDER = Object.keys(CATEGORY_NAME) as Category[];

/** Topics grouped by category, in display order; empty categories left out. */
export function topicsByCategory(kb: KnowledgeBase): { category: Category; topics: ResolvedTopic[] }[] {
  return CATEGORY_ORDER.map((category) => ({
    category,
    topics: kb.topics.filter((t) => t.category === category).sort((a, b) => a.title.en.localeCompare(b.title.en)),
  })).filter((g) => g.topics.length > 0);
}

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
