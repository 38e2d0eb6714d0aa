import { commandToPaste, imageRegistry } from '../../../core/fixes/plan-fix.js';
import type { FixPlan } from '../../../core/fixes/types.js';
import type { ViewLine } from '../../components/ScrollView.js';
import type { T } from '../../i18n.js';
import { GLYPH } from '../../theme.js';
import { wrapAnsiText } from '../../../core/text/wrap-ansi.js';

/**
 * The command as the screen shows it: secret values masked (copying takes the real one). `elsewhere`: the line to run
 * where wcdoctor cannot, as `c` copies it and the CLI prints it (commandToPaste: a PowerShell fix that stops at its first
 * error, a docker line quoted for the Windows host); a tester selected the POSIX line shown beside it by hand, and it ran
 * code when pasted into PowerShell.
 */
export const shownCommand = (plan: FixPlan, elsewhere = false): string => (elsewhere ? commandToPaste(plan.redacted) : plan.redacted.command);

/** Whether the command takes several lines at that width (buildPlanLines wraps it): a hand selection would copy the breaks. */
export const commandWraps = (plan: FixPlan, width: number, elsewhere = false): boolean => wrapAnsiText(shownCommand(plan, elsewhere), Math.max(10, width - 2)).length > 1;

/**
 * What the user sees before anything runs: the exact command with the values filled (whole, never
 * cut), what it changes, whether it needs administrator rights, and the risk.
 */
export function buildPlanLines(plan: FixPlan, t: T, width: number, elsewhere = false): ViewLine[] {
  const wrap = (text: string, role?: Exclude<ViewLine, string>['role'], indent = ''): ViewLine[] =>
    wrapAnsiText(text, Math.max(10, width - indent.length)).map((l) => ({ text: indent + l, ...(role ? { role } : {}) }));
  const high = plan.risk === 'high';
  const lines: ViewLine[] = [
    { text: t('fix.plan.command'), role: 'heading', bold: true },
    ...wrap(shownCommand(plan, elsewhere), 'accent', '  '),
  ];
  if (plan.script !== undefined) lines.push(...wrap(t('fix.plan.powershell'), 'secondary', '  '));
  if (plan.placeholders.some((p) => p.secret)) lines.push(...wrap(t('fix.plan.secret'), 'secondary', '  '));
  lines.push(
    ...wrap(t('fix.plan.changes', { changes: plan.changes })),
    ...wrap(t(plan.admin ? 'fix.plan.admin' : 'fix.plan.noAdmin'), plan.admin ? 'warning' : undefined),
    ...wrap(high ? `${GLYPH.warning} ${t('fix.plan.riskHigh')}` : t(plan.readOnly ? 'fix.plan.readOnly' : 'fix.plan.riskLow'), high ? 'error' : undefined),
  );
  if (plan.pastedImage !== undefined) lines.push(...wrap(`${GLYPH.warning} ${t('fix.plan.pastedImage', { image: plan.pastedImage, registry: imageRegistry(plan.pastedImage) })}`, 'warning'));
  return lines;
}
