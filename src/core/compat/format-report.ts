import type { CompatAction, CompatReason, CompatReport, ProcessVerdict } from './types.js';
import { shownCommand } from './template.js';
import { wrapListingLine } from '../text/wrap-ansi.js';

const MARK = { yes: '✔', no: '✖', risky: '!' } as const;

/** The words of a report in one language; `ENGLISH` is the one the knowledge's advice is written in. */
export interface CompatWords {
  host(value: string): string;
  image(value: string): string;
  build(build: string): string;
  buildUnknown: string;
  node(name: string): string;
  service(name: string): string;
  tag(tag: string): string;
  process(verdict: string): string;
  hyperv(verdict: string): string;
  verdict(v: ProcessVerdict): string;
  why: string;
  actions: string;
  fixRef(topic: string, fix: string): string;
  reason(r: CompatReason): string;
  actionTitle(a: CompatAction): string;
}

export const ENGLISH: CompatWords = {
  host: (v) => `Host:   ${v}`,
  image: (v) => `Image:  ${v}`,
  build: (b) => `build ${b}`,
  buildUnknown: 'build unknown',
  node: (n) => `node ${n}`,
  service: (n) => `service ${n}`,
  tag: (t) => `tag ${t}`,
  process: (v) => `Process isolation: ${v}`,
  hyperv: (v) => `Hyper-V isolation: ${v}`,
  verdict: (v) => v,
  why: 'Why:',
  actions: 'What to do:',
  fixRef: (topic, fix) => `(fix: ${topic} / ${fix})`,
  reason: (r) => r.text,
  actionTitle: (a) => a.title,
};

/**
 * Formats a compatibility report as plain text for a terminal or a log (marks pair ✔ ✖ ! with words), in English or in
 * the words given. With `width` (a terminal's), its sentences wrap at words under their text; a command stays one line,
 * to be copied whole.
 */
export function formatCompatReport(r: CompatReport, w: CompatWords = ENGLISH, width?: number): string {
  const text = (line: string): string[] => (width ? wrapListingLine(line, width) : [line]);
  const version = (build: number | null, revision: number | null): string => (build === null ? w.buildUnknown : w.build(`${build}${revision === null ? '' : `.${revision}`}`));
  const host = [version(r.host.build, r.host.revision), r.host.release, r.host.node && w.node(r.host.node)];
  const image = [r.image.ref ?? (r.image.tag ? w.tag(r.image.tag) : null), version(r.image.build, r.image.revision), r.image.release, r.image.service && w.service(r.image.service)];
  const lines = [
    ...text(w.host(host.filter(Boolean).join(' · '))),
    ...text(w.image(image.filter(Boolean).join(' · '))),
    '',
    `${MARK[r.process]} ${w.process(w.verdict(r.process))}`,
    `${MARK[r.hyperv]} ${w.hyperv(w.verdict(r.hyperv))}`,
    '',
    w.why,
    ...r.reasons.flatMap((x) => text(`  - ${w.reason(x)}`)),
  ];
  if (r.actions.length) {
    lines.push('', w.actions);
    r.actions.forEach((a, i) => {
      lines.push(...text(`  ${i + 1}. ${w.actionTitle(a)}`));
      if (a.command) lines.push(`       ${shownCommand(a.command)}`);
      if (a.snippet) lines.push(...shownCommand(a.snippet).split('\n').map((l) => `       ${l}`));
      if (a.fixRef) lines.push(`       ${w.fixRef(a.fixRef.topic, a.fixRef.fix)}`);
    });
  }
  return `${lines.join('\n')}\n`;
}
