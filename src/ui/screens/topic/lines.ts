import type { Entities } from '../../../core/diagnosis/types.js';
import type { ViewLine } from '../../components/ScrollView.js';
import { LANGUAGE_NAME, type T } from '../../i18n.js';
import { truncateWidth, wrapAnsiText } from '../../../core/text/wrap-ansi.js';
import { GLYPH } from '../../theme.js';
import { fillFixCommand } from '../../../core/fixes/fill-fix-command.js';
import { type TopicText } from '../../../core/knowledge/topic-text.js';
import { safeText } from '../../text/safe-text.js';


const plain = (text: string, width: number, indent = ''): ViewLine[] => wrapAnsiText(text, width - indent.length).map((l) => indent + l);

/** The entities a paste revealed, as `name: value` pairs (lists joined). */
export function entityPairs(entities: Entities | undefined): [string, string][] {
  return Object.entries(entities ?? {})
    .filter((e): e is [string, string | string[]] => e[1] !== undefined && e[1].length > 0)
    .map(([k, v]) => [safeText(k), safeText(Array.isArray(v) ? v.join(', ') : v)]);
}

/**
 * The scrollable body of a topic: our summaries, what the paste revealed, the fix commands
 * (plain text, so they can be selected and copied; the selected one marked, as Enter runs it),
 * and the rendered source text. `fixAt` is the line where each fix starts.
 */
export function buildTopicLines(
  view: TopicText,
  markdownLines: readonly string[] | undefined,
  entities: Entities | undefined,
  t: T,
  width: number,
  selectedFix?: number,
): { lines: ViewLine[]; fixAt: number[] } {
  const fixAt: number[] = [];
  const heading = (text: string): ViewLine => ({ text: truncateWidth(text, width), role: 'heading', bold: true });
  const lines: ViewLine[] = [];
  if (view.localSummary) lines.push(heading(t('topic.summary')), ...plain(view.localSummary, width), '');
  lines.push(heading(t('topic.summaryEnglish')), ...plain(view.summary, width), '');
  const pairs = entityPairs(entities);
  if (pairs.length) {
    lines.push(heading(t('topic.entities')));
    for (const [k, v] of pairs) lines.push(...plain(`${k}: ${v}`, width, '  '));
    lines.push('');
  }
  if (view.topic.fixes.length) {
    lines.push(heading(t('topic.fixes')), ...wrapAnsiText(t('topic.fixesNote'), width).map((text): ViewLine => ({ text, role: 'secondary' })));
    for (const [i, fix] of view.topic.fixes.entries()) {
      const tags = [t(fix.risk === 'high' ? 'topic.fix.high' : 'topic.fix.low'), fix.admin ? t('topic.fix.admin') : '', fix.readOnly ? t('topic.fix.readOnly') : ''].filter(Boolean);
      const line = t('topic.fix.line', { title: fix.title, tags: tags.join(t('list.separator')) });
      fixAt.push(lines.length);
      if (i === selectedFix) lines.push(...wrapAnsiText(`${GLYPH.pointer} ${line}`, width).map((text): ViewLine => ({ text, role: 'heading', bold: true })));
      else lines.push(...plain(`• ${line}`, width));
      for (const l of wrapAnsiText(fillFixCommand(fix, entities), width - 2)) lines.push({ text: `  ${l}`, role: 'accent' });
    }
    lines.push('');
  }
  if (!view.shown) {
    lines.push(...wrapAnsiText(t('topic.noSource'), width).map((text): ViewLine => ({ text, role: 'secondary' })));
    return { lines, fixAt };
  }
  const sources = view.topic.sources ?? [];
  // A topic of our own says so, and ends with where its facts come from.
  lines.push(heading(t(sources.length ? 'topic.ours' : 'topic.sources', { language: t(LANGUAGE_NAME[view.shown]) })));
  if (markdownLines) lines.push(...markdownLines);
  else lines.push({ text: t('topic.loading'), role: 'secondary' });
  if (sources.length) {
    lines.push({ text: '', role: 'secondary' }, heading(t('topic.oursSources')));
    for (const s of sources) lines.push(...plain(`• ${s.title}: ${s.url}`, width));
  }
  return { lines, fixAt };
}
