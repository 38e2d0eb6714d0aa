import type { FixPlan } from '../../../core/fixes/types.js';
import type { ViewLine } from '../../components/ScrollView.js';
import type { T } from '../../i18n.js';
import { GLYPH } from '../../theme.js';
import { wrapAnsiText } from '../../../core/text/wrap-ansi.js';

/** The command as the screen shows it: secret values masked (copying takes the real one). */
export const shownCommand = (plan: FixPlan): string => plan.redacted.command;

/** Whether the command takes several lines at that width (buildPlanLines wraps it): a hand selection would copy the breaks. */
export const commandWraps = (plan: FixPlan, width: number): boolean => wrapAnsiText(shownCommand(plan), Math.max(10, width - 2)).length > 1;

/**
 * What the user sees before anything runs: the exact command with the values filled (whole, never
 * cut), what it changes, whether it needs administrator rights, and the risk.
 */
export function buildPlanLines(plan: FixPlan, t: T, width: number): ViewLine[] {
  const wrap = (text: string, role?: Exclude<ViewLine, string>['role'], indent = ''): ViewLine[] =>
    wrapAnsiText(text, Math.max(10, width - indent.length)).map((l) => ({ text: indent + l, ...(role ? { role } : {}) }));
  const high = plan.risk === 'high';
  const lines: ViewLine[] = [
    { text: t('fix.plan.command'), role: 'heading', bold: true },
    ...wrap(shownCommand(plan), 'accent', '  '),
  ];
  if (plan.script !== undefined) lines.push(...wrap(t('fix.plan.powershell'), 'secondary', '  '));
  if (plan.placeholders.some((p) => p.secret)) lines.push(...wrap(t('fix.plan.secret'), 'secondary', '  '));
  lines.push(
    ...wrap(t('fix.plan.changes', { changes: plan.changes })),
    ...wrap(t(plan.admin ? 'fix.plan.admin' : 'fix.plan.noAdmin'), plan.admin ? 'warning' : undefined),
    ...wrap(high ? `${GLYPH.warning} ${t('fix.plan.riskHigh')}` : t(plan.readOnly ? 'fix.plan.readOnly' : 'fix.plan.riskLow'), high ? 'error' : undefined),
  );
  return lines;
}
