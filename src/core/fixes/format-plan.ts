import type { FixSummary } from './plan-fix.js';
import type { FixPlan } from './types.js';

/**
 * The plain-text description of a plan shown before anything runs: the exact command, the argv,
 * the decoded PowerShell script, what it changes, whether it needs administrator rights and its risk.
 */
export function formatPlanText(plan: FixPlan, options: { argv?: boolean } = {}): string {
  const lines = [`Fix: ${plan.title} (${plan.topic}/${plan.fix})`, '', 'Command:', `  ${plan.command}`];
  if (plan.script !== undefined) lines.push('', 'PowerShell script (passed with -EncodedCommand):', ...plan.script.split('\n').map((l) => `  ${l}`));
  if (options.argv) lines.push('', 'Argument vector (run without a shell):', ...plan.argv.map((a, i) => `  [${i}] ${JSON.stringify(a)}`));
  lines.push(
    '',
    `Changes: ${plan.changes}`,
    `Administrator rights: ${plan.admin ? 'required' : 'not required'}`,
    `Risk: ${plan.risk === 'high' ? `HIGH — type "${plan.confirmWord ?? plan.fix}" to confirm` : plan.readOnly ? 'low (read-only check)' : 'low'}`,
  );
  return `${lines.join('\n')}\n`;
}

/** The JSON form of a plan that `fix --dry-run --json` prints. */
export function toPlanJson(plan: FixPlan): {
  topic: string;
  fix: string;
  command: string;
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
    argv: plan.argv,
    script: plan.script ?? null,
    risk: plan.risk,
    admin: plan.admin,
    placeholders: plan.placeholders.map(({ name, kind, value }) => ({ name, kind, value })),
  };
}

/** The human listing of a topic's fixes that `fix TOPIC` prints. */
export function formatFixList(topicId: string, title: string, fixes: readonly FixSummary[]): string {
  if (fixes.length === 0) return `Topic ${topicId} (${title}) has no fix commands.\n`;
  const lines = [`Fixes for ${topicId}: ${title}`, ''];
  for (const f of fixes) {
    const traits = [f.shell, f.risk === 'high' ? `HIGH risk (confirm word: ${f.confirmWord ?? f.id})` : 'low risk', f.admin ? 'needs admin' : 'no admin', ...(f.readOnly ? ['read-only'] : [])];
    lines.push(`  ${f.id}: ${f.title}`, `    ${traits.join(' · ')}`, `    ${f.command}`, `    Changes: ${f.changes}`);
    for (const p of f.placeholders)
      lines.push(`    {{${p.name}}} ${p.kind}: ${p.description}${p.entity ? ` (filled from the diagnosis: ${p.entity})` : ''}${p.secret ? ' (secret)' : ''}`);
    lines.push('');
  }
  lines.push(`Run one: wcdoctor fix ${topicId} FIX --set NAME=VALUE ... (add --dry-run to only see the command)`);
  return `${lines.join('\n')}\n`;
}
