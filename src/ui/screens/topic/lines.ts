import { displayWidth } from '../../../core/text/display-width.js';
import type { Entities } from '../../../core/diagnosis/types.js';
import { entityLabelKey } from '../../diagnose-text.js';
import type { ViewLine } from '../../components/ScrollView.js';
import { LANGUAGE_IN_TEXT, type MessageKey, type T } from '../../i18n.js';
import { truncateWidth, wrapAnsiText } from '../../../core/text/wrap-ansi.js';
import { GLYPH } from '../../theme.js';
import { fillFixCommand } from '../../../core/fixes/fill-fix-command.js';
import { type TopicText } from '../../../core/knowledge/topic-text.js';
import { safeText } from '../../text/safe-text.js';
import { localizeFix } from '../../../core/knowledge/fix-text.js';
import { Command, keyLabel } from '../../keys.js';


/** The key that shows the source text beside our translation on the topic screen. */
export const ORIGINAL_KEY = keyLabel(Command.TopicOriginal);

const plain = (text: string, width: number, indent = ''): ViewLine[] => wrapAnsiText(text, width - indent.length).map((l) => indent + l);
/**
 * A summary's inline code without its Markdown backticks, as the rendered source text below shows code: the summary is
 * drawn as plain text, and `--isolation=hyperv` came out with its backticks (a new-user helper).
 */
const withoutCodeMarks = (text: string): string => text.replace(/`([^`\n]{1,200})`/g, '$1');
/** A list item: its mark, then its text wrapped beside it, the lines after the first under the text, not under the mark. */
const item = (mark: string, text: string, width: number): string[] => {
  const room = Math.max(1, width - displayWidth(mark) - 1);
  return wrapAnsiText(text, room).map((l, i) => (i === 0 ? `${mark} ${l}` : `${' '.repeat(displayWidth(mark) + 1)}${l}`));
};

/** The entities a paste revealed, as `label: value` pairs (lists joined); with `t`, labels are in the UI language. */
export function entityPairs(entities: Entities | undefined, t?: T): [string, string][] {
  return Object.entries(entities ?? {})
    .filter((e): e is [string, string | string[]] => e[1] !== undefined && e[1].length > 0)
    .map(([k, v]) => {
      const key = entityLabelKey(k);
      return [key && t ? t(key) : safeText(k), safeText(Array.isArray(v) ? v.join(', ') : v)];
    });
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
  // Our summary in the language asked for; the English one, labelled as such, only where we have not written it.
  const local = view.requested === 'en' ? view.summary : view.localSummary;
  lines.push(heading(t(local ? 'topic.summary' : 'topic.summaryEnglish')), ...plain(withoutCodeMarks(local ?? view.summary), width), '');
  const pairs = entityPairs(entities, t);
  if (pairs.length) {
    lines.push(heading(t('topic.entities')));
    for (const [k, v] of pairs) lines.push(...plain(`${k}: ${v}`, width, '  '));
    lines.push('');
  }
  if (view.topic.fixes.length) {
    lines.push(heading(t('topic.fixes')), ...wrapAnsiText(t('topic.fixesNote'), width).map((text): ViewLine => ({ text, role: 'secondary' })));
    for (const [i, fix] of view.topic.fixes.map((f) => localizeFix(f, view.requested)).entries()) {
      const tags = [t(fix.risk === 'high' ? 'topic.fix.high' : 'topic.fix.low'), fix.admin ? t('topic.fix.admin') : '', fix.readOnly ? t('topic.fix.readOnly') : ''].filter(Boolean);
      const line = t('topic.fix.line', { title: fix.title, tags: tags.join(t('list.separator')) });
      fixAt.push(lines.length);
      // Wrapped under the title, not under the mark (found by a tester: the second line began at the first column).
      if (i === selectedFix) lines.push(...item(GLYPH.pointer, line, width).map((text): ViewLine => ({ text, role: 'heading', bold: true })));
      else lines.push(...item('•', line, width));
      for (const l of wrapAnsiText(fillFixCommand(fix, entities), width - 2)) lines.push({ text: `  ${l}`, role: 'accent' });
    }
    lines.push('');
  }
  if (!view.shown) {
    lines.push(...wrapAnsiText(t('topic.noSource'), width).map((text): ViewLine => ({ text, role: 'secondary' })));
    return { lines, fixAt };
  }
  const sources = view.topic.sources ?? [];
  // A topic of our own says so, and ends with where its facts come from; our translation names its source language.
  const language = t(LANGUAGE_IN_TEXT[view.shown]);
  if (sources.length) lines.push(heading(t('topic.ours', { language })));
  else if (view.translatedFrom) {
    const from = t(LANGUAGE_IN_TEXT[view.translatedFrom]);
    lines.push(heading(t('topic.translated', { language, from })));
    lines.push(...wrapAnsiText(t('topic.translatedNote', { from, key: ORIGINAL_KEY }), width).map((text): ViewLine => ({ text, role: 'secondary' })));
  } else lines.push(heading(t('topic.sources', { language })));
  if (markdownLines) lines.push(...markdownLines);
  else lines.push({ text: t('topic.loading'), role: 'secondary' });
  if (sources.length) {
    lines.push({ text: '', role: 'secondary' }, heading(t('topic.oursSources')));
    for (const s of sources) lines.push(...item('•', `${s.title}: ${s.url}`, width));
  }
  return { lines, fixAt };
}
