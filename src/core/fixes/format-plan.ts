import { commandToPaste, type FixSummary } from './plan-fix.js';
import type { FixPlan } from './types.js';
import { wrapAnsiLine } from '../text/wrap-ansi.js';

/**
 * The words of a plan's preview and of a topic's list of fixes in one language (commands, ids, values and
 * placeholder names are never among them). `ENGLISH_FIX_WORDS` is the CLI's English.
 */
export interface FixWords {
  title(title: string): string;
  command: string;
  script: string;
  argv: string;
  /** Before the line to paste on the Windows host, where the command above is this machine's (POSIX) form. */
  pasteOnHost: string;
  changes(changes: string): string;
  admin(required: boolean): string;
  risk(plan: Pick<FixPlan, 'risk' | 'readOnly' | 'confirmWord' | 'fix'>): string;
  noFixes(topic: string, title: string): string;
  listTitle(topic: string, title: string): string;
  highRisk(word: string): string;
  lowRisk: string;
  needsAdmin: string;
  noAdmin: string;
  readOnly: string;
  fromDiagnosis(entity: string): string;
  secret: string;
  runOne(command: string): string;
}

export const ENGLISH_FIX_WORDS: FixWords = {
  title: (title) => `Fix: ${title}`,
  command: 'Command:',
  script: 'PowerShell script (passed with -EncodedCommand):',
  argv: 'Argument vector (run without a shell):',
  pasteOnHost: "On the Windows host, paste this line into PowerShell (the line above is for this machine's shell):",
  changes: (changes) => `Changes: ${changes}`,
  admin: (required) => `Administrator rights: ${required ? 'required' : 'not required'}`,
  risk: (p) => `Risk: ${p.risk === 'high' ? `HIGH — type "${p.confirmWord ?? p.fix}" to confirm` : p.readOnly ? 'low (read-only check)' : 'low'}`,
  noFixes: (topic, title) => `Topic ${topic} (${title}) has no fix commands.`,
  listTitle: (topic, title) => `Fixes for ${topic}: ${title}`,
  highRisk: (word) => `HIGH risk (confirm word: ${word})`,
  lowRisk: 'low risk',
  needsAdmin: 'needs admin',
  noAdmin: 'no admin',
  readOnly: 'read-only',
  fromDiagnosis: (entity) => ` (filled from the diagnosis: ${entity})`,
  secret: ' (secret)',
  runOne: (command) => `Run one: ${command} (add --dry-run to only see the command)`,
};

/**
 * The plain-text description of a plan shown before anything runs: the exact command, the argv,
 * the decoded PowerShell script, what it changes, whether it needs administrator rights and its risk.
 */
export function formatPlanText(plan: FixPlan, options: { argv?: boolean } = {}, w: FixWords = ENGLISH_FIX_WORDS): string {
  const lines = [`${w.title(plan.title)} (${plan.topic}/${plan.fix})`, '', w.command, `  ${plan.command}`];
  // Off Windows a docker or kubectl command is planned for this machine's shell; the Windows host needs its own line
  // (a POSIX line's quoting ends a PowerShell string early: an attacker ran code through it); where the two lines are
  // the same, one is shown.
  if (plan.pasteCommand !== undefined && commandToPaste(plan) !== plan.command) lines.push('', w.pasteOnHost, `  ${commandToPaste(plan)}`);
  if (plan.script !== undefined) lines.push('', w.script, ...plan.script.split('\n').map((l) => `  ${l}`));
  if (options.argv) lines.push('', w.argv, ...plan.argv.map((a, i) => `  [${i}] ${JSON.stringify(a)}`));
  lines.push('', w.changes(plan.changes), w.admin(plan.admin), w.risk(plan));
  return `${lines.join('\n')}\n`;
}

/** The JSON form of a plan that `fix --dry-run --json` prints. */
export function toPlanJson(plan: FixPlan): {
  topic: string;
  fix: string;
  command: string;
  /** The line to paste on the Windows host (PowerShell): `command` itself there, its Windows form off Windows. */
  commandToPaste: string;
  argv: string[];
  script: string | null;
  risk: FixPlan['risk'];
  admin: boolean;
  placeholders: { name: string; kind: string; value: string }[];
} {
  return {
    topic: plan.topic,
    fix: plan.fix,
    command: plan.command,
    commandToPaste: commandToPaste(plan),
    argv: plan.argv,
    script: plan.script ?? null,
    risk: plan.risk,
    admin: plan.admin,
    placeholders: plan.placeholders.map(({ name, kind, value }) => ({ name, kind, value })),
  };
}

/** The human listing of a topic's fixes that `fix TOPIC` prints. */
export function formatFixList(topicId: string, title: string, fixes: readonly FixSummary[], w: FixWords = ENGLISH_FIX_WORDS, width?: number): string {
  if (fixes.length === 0) return `${w.noFixes(topicId, title)}\n`;
  // With `width` (a terminal's) the words wrap under their text; a fix's command stays one line, to be copied whole.
  const text = (line: string, hangAt?: number): string[] => (width ? wrapAnsiLine(line, width, hangAt) : [line]);
  const lines = [...text(w.listTitle(topicId, title), 2), ''];
  for (const f of fixes) {
    const traits = [f.shell, f.risk === 'high' ? w.highRisk(f.confirmWord ?? f.id) : w.lowRisk, f.admin ? w.needsAdmin : w.noAdmin, ...(f.readOnly ? [w.readOnly] : [])];
    lines.push(...text(`  ${f.id}: ${f.title}`, 4), ...text(`    ${traits.join(' · ')}`), `    ${f.command}`, ...text(`    ${w.changes(f.changes)}`, 6));
    for (const p of f.placeholders)
      lines.push(...text(`    {{${p.name}}} ${p.kind}: ${p.description}${p.entity ? w.fromDiagnosis(p.entity) : ''}${p.secret ? w.secret : ''}`, 6));
    lines.push('');
  }
  lines.push(...text(w.runOne(`wcdoctor fix ${topicId} FIX --set NAME=VALUE ...`), 2));
  return `${lines.join('\n')}\n`;
}
