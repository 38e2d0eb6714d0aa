import type { CompatReport } from './types.js';

const MARK = { yes: '✔', no: '✖', risky: '!' } as const;

const version = (build: number | null, revision: number | null): string =>
  build === null ? 'build unknown' : `build ${build}${revision === null ? '' : `.${revision}`}`;

/** Formats a compatibility report as plain text for a terminal or a log (marks pair ✔ ✖ ! with words). */
export function formatCompatReport(r: CompatReport): string {
  const host = [version(r.host.build, r.host.revision), r.host.release, r.host.node && `node ${r.host.node}`];
  const image = [r.image.ref ?? (r.image.tag ? `tag ${r.image.tag}` : null), version(r.image.build, r.image.revision), r.image.release, r.image.service && `service ${r.image.service}`];
  const lines = [
    `Host:   ${host.filter(Boolean).join(' · ')}`,
    `Image:  ${image.filter(Boolean).join(' · ')}`,
    '',
    `${MARK[r.process]} Process isolation: ${r.process}`,
    `${MARK[r.hyperv]} Hyper-V isolation: ${r.hyperv}`,
    '',
    'Why:',
    ...r.reasons.map((x) => `  - ${x.text}`),
  ];
  if (r.actions.length) {
    lines.push('', 'What to do:');
    r.actions.forEach((a, i) => {
      lines.push(`  ${i + 1}. ${a.title}`);
      if (a.command) lines.push(`       ${a.command}`);
      if (a.snippet) lines.push(...a.snippet.split('\n').map((l) => `       ${l}`));
      if (a.fixRef) lines.push(`       (fix: ${a.fixRef.topic} / ${a.fixRef.fix})`);
    });
  }
  return `${lines.join('\n')}\n`;
}
