import type { Entities } from '../../../core/diagnosis/types.js';
import type { KnowledgeBase } from '../../../core/knowledge/kb.js';
import type { Locale } from '../../../core/knowledge/types.js';
import type { Breadcrumb } from '../../../core/trees/step-tree.js';
import type { TreeLeaf } from '../../../core/trees/types.js';
import { topicsReachedBy } from '../../../core/trees/validate-tree.js';
import type { ViewLine } from '../../components/ScrollView.js';
import type { T } from '../../i18n.js';
import { truncateWidth, wrapAnsiText } from '../../../core/text/wrap-ansi.js';
import { GLYPH } from '../../theme.js';
import { fillFixCommand } from '../../../core/fixes/fill-fix-command.js';
import { findTopic } from '../../../core/knowledge/topic-text.js';
import { localizeFix } from '../../../core/knowledge/fix-text.js';

const wrap = (text: string, width: number, indent = '', role?: Exclude<ViewLine, string>['role']): ViewLine[] =>
  wrapAnsiText(text, Math.max(10, width - indent.length)).map((l) => (role ? { text: indent + l, role } : indent + l));

/** The path so far, one line per step, the newest last; only the last `max` lines are kept. */
export function crumbLines(crumbs: readonly Breadcrumb[], t: T, width: number, max: number): ViewLine[] {
  const lines: ViewLine[] = crumbs.map((c) => ({
    text: truncateWidth(t(c.auto ? 'tree.crumb.auto' : 'tree.crumb', { question: c.question, answer: c.answer }), width),
    role: 'secondary',
  }));
  if (lines.length <= max) return lines;
  const hidden = lines.length - max + 1;
  return [{ text: t('tree.crumb.earlier', { count: hidden }), role: 'secondary' }, ...lines.slice(hidden)];
}

/**
 * The end of a walk: a known issue (our title and summary, the leaf's note, the fixes with what the
 * paste can fill in, the suggested one first) or "not a known issue" (what to collect, and how).
 */
export function leafLines(kb: KnowledgeBase, leaf: TreeLeaf, entities: Entities, locale: Locale, t: T, width: number): ViewLine[] {
  const heading = (text: string, role: Exclude<ViewLine, string>['role'] = 'heading'): ViewLine => ({ text: truncateWidth(text, width), role, bold: true });
  if (leaf.kind === 'unknown') {
    const lines: ViewLine[] = [heading(`${GLYPH.error} ${t('tree.unknown.title')}`, 'warning'), ...wrap(leaf.collect[locale], width), ''];
    if (leaf.commands.length) {
      lines.push(heading(t('tree.unknown.commands')));
      for (const c of leaf.commands) lines.push(...wrap(c, width, '  ', 'accent'));
      lines.push('');
    }
    lines.push(...wrap(t('tree.unknown.next'), width, '', 'secondary'));
    return lines;
  }
  const topic = findTopic(kb, leaf.topic);
  if (!topic) return [{ text: t('topic.notFound', { id: leaf.topic }), role: 'error' }];
  const lines: ViewLine[] = [heading(`${GLYPH.ok} ${t('tree.topic.title')}`, 'success'), { text: truncateWidth(topic.title[locale] ?? topic.title.en, width), bold: true }];
  lines.push(...wrap(topic.summary[locale] ?? topic.summary.en, width), '');
  if (leaf.note) lines.push(...wrap(leaf.note[locale], width, '', 'accent'), '');
  // The fixes' titles in the language of the rest of the leaf, as the topic screen shows them.
  const fixes = topic.fixes.map((f) => localizeFix(f, locale)).sort((a, b) => Number(b.id === leaf.fix) - Number(a.id === leaf.fix));
  if (fixes.length) {
    lines.push(heading(t('topic.fixes')));
    for (const fix of fixes) {
      const title = fix.id === leaf.fix ? t('tree.topic.suggested', { title: fix.title }) : fix.title;
      lines.push(...wrap(`• ${title}`, width));
      lines.push(...wrap(fillFixCommand(fix, entities), width, '  ', 'accent'));
    }
    lines.push('');
  }
  lines.push(...wrap(t('tree.topic.next'), width, '', 'secondary'));
  return lines;
}

/** The trees with a leaf that names the topic, in the order the knowledge base lists them. */
export function treesReaching(kb: KnowledgeBase, topicId: string): string[] {
  return kb.trees.filter((tree) => topicsReachedBy(tree).has(topicId)).map((tree) => tree.id);
}
