import type { CompatAction, CompatReport, HostInfo, ImageInfo } from '../../../core/compat/types.js';
import type { Entities } from '../../../core/diagnosis/types.js';
import type { KnowledgeBase } from '../../../core/knowledge/kb.js';
import type { ViewLine } from '../../components/ScrollView.js';
import type { MessageKey, T } from '../../i18n.js';
import { truncateWidth, wrapAnsiText } from '../../../core/text/wrap-ansi.js';
import { GLYPH } from '../../theme.js';
import { findTopic } from '../../../core/knowledge/topic-text.js';
import { actionTitle, reasonText } from '../../compat-text.js';
import { shownCommand } from '../../../core/compat/template.js';

type Role = Exclude<ViewLine, string>['role'];
const wrap = (text: string, width: number, indent = '', role?: Role): ViewLine[] =>
  wrapAnsiText(text, Math.max(10, width - indent.length)).map((l) => (role ? { text: indent + l, role } : indent + l));

const VERDICT: Readonly<Record<'yes' | 'no' | 'risky', { glyph: string; role: Role; word: MessageKey }>> = {
  yes: { glyph: GLYPH.ok, role: 'success', word: 'compat.verdict.yes' },
  no: { glyph: GLYPH.error, role: 'error', word: 'compat.verdict.no' },
  risky: { glyph: GLYPH.warning, role: 'warning', word: 'compat.verdict.risky' },
};

const version = (build: number | null, revision: number | null, t: T): string =>
  build === null ? t('compat.buildUnknown') : t('compat.build', { build: revision === null ? String(build) : `${build}.${revision}` });

/** The text a prefilled host field shows for what a paste revealed (a version parseHost reads back). */
export const describeHost = (h: HostInfo): string => `10.0.${h.build}${h.revision === null ? '' : `.${h.revision}`}`;

/** The text a prefilled image field shows: the reference, else the tag, else the build. */
export const describeImage = (i: ImageInfo): string => i.ref ?? i.tag ?? (i.build === null ? '' : `10.0.${i.build}${i.revision === null ? '' : `.${i.revision}`}`);

/**
 * The compatibility report as `wcdoctor compat` prints it, in the UI language: verdicts with marks, reasons, actions
 * (numbered from `firstAction`, 1 unless reports come before it).
 */
export function reportLines(r: CompatReport, t: T, width: number, firstAction = 1): ViewLine[] {
  const sep = ' · ';
  const host = [version(r.host.build, r.host.revision, t), r.host.release, r.host.node && t('compat.node', { name: r.host.node })];
  const image = [r.image.ref ?? (r.image.tag ? t('compat.tag', { tag: r.image.tag }) : null), version(r.image.build, r.image.revision, t), r.image.release, r.image.service && t('compat.service', { name: r.image.service })];
  const lines: ViewLine[] = [
    truncateWidth(t('compat.report.host', { value: host.filter(Boolean).join(sep) }), width),
    truncateWidth(t('compat.report.image', { value: image.filter(Boolean).join(sep) }), width),
    '',
  ];
  for (const [label, verdict] of [['compat.process', r.process], ['compat.hyperv', r.hyperv]] as const) {
    const v = VERDICT[verdict];
    lines.push({ text: truncateWidth(`${v.glyph} ${t(label, { verdict: t(v.word) })}`, width), role: v.role, bold: true });
  }
  lines.push('', { text: t('compat.why'), role: 'heading', bold: true });
  for (const reason of r.reasons) lines.push(...wrap(`- ${reasonText(reason, t)}`, width, '  '));
  if (r.actions.length) {
    lines.push('', { text: t('compat.actions'), role: 'heading', bold: true });
    r.actions.forEach((a, i) => {
      lines.push(...wrap(`${firstAction + i}. ${actionTitle(a, t)}`, width, '  '));
      if (a.command) lines.push(...wrap(shownCommand(a.command), width, '     ', 'accent'));
      if (a.snippet) for (const l of shownCommand(a.snippet).split('\n')) lines.push({ text: truncateWidth(`     ${l}`, width), role: 'accent' });
      if (a.fixRef) lines.push({ text: truncateWidth(`     ${t('compat.fixRef', { topic: a.fixRef.topic, fix: a.fixRef.fix })}`, width), role: 'secondary' });
    });
  }
  return lines;
}

/**
 * The reports of every image of the input (a pasted `docker images` table gives several), as `wcdoctor compat` prints
 * them: one alone as it is; several after a line that counts them, each under its heading, their actions numbered
 * on from one report to the next; `more`, the images of the paste left out, said at the end.
 */
export function reportsLines(reports: readonly CompatReport[], more: number, t: T, width: number): ViewLine[] {
  if (reports.length === 1 && !more) return reportLines(reports[0]!, t, width);
  const lines: ViewLine[] = [...wrap(more ? t('compat.severalSome', { count: reports.length + more, judged: reports.length }) : t('compat.several', { count: reports.length }), width)];
  let next = 1;
  reports.forEach((r, i) => {
    lines.push('', { text: truncateWidth(t('compat.imageOf', { n: i + 1, count: reports.length }), width), role: 'heading', bold: true }, ...reportLines(r, t, width, next));
    next += r.actions.length;
  });
  if (more) lines.push('', ...wrap(t('compat.app.moreImages', { count: more }), width, '', 'secondary'));
  return lines;
}

/** The values an action filled in, as the entities its fix's placeholders read (by the fix's entity names). */
export function entitiesForAction(kb: KnowledgeBase, action: CompatAction): Entities {
  const fix = action.fixRef ? findTopic(kb, action.fixRef.topic)?.fixes.find((f) => f.id === action.fixRef?.fix) : undefined;
  const out: Entities = { ...action.params };
  for (const [name, p] of Object.entries(fix?.params ?? {})) {
    const value = action.params[name];
    if (value && p.entity) out[p.entity] = value;
  }
  return out;
}
