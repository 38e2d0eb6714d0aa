import type { Entities } from '../../../core/diagnosis/types.js';
import { planFix } from '../../../core/fixes/plan-fix.js';
import type { FixPlan, FixProblem } from '../../../core/fixes/types.js';
import { checkParamValue } from '../../../core/fixes/validate-param.js';
import type { Fix, Topic } from '../../../core/knowledge/types.js';
import type { Result } from '../../../core/result.js';
import type { ParamField } from '../../components/ParamForm.js';
import type { T } from '../../i18n.js';
import { translateProblem, translateReason } from '../../fix-text.js';

/** The form's fields for a fix: each placeholder's value, checked by its kind's validator. */
export function buildFields(fix: Fix, values: Readonly<Record<string, string>>, prefill: Readonly<Record<string, string>>, t: T, prefilledBy: 'paste' | 'compat' = 'paste'): ParamField[] {
  return Object.entries(fix.params).map(([name, param]) => {
    const value = values[name] ?? '';
    const checked = value === '' ? undefined : checkParamValue(param, value);
    const reason = value === '' ? t('fix.form.missing') : checked && !checked.ok ? translateReason(checked.error, t) : undefined;
    return {
      name,
      kind: param.kind,
      description: param.description,
      value,
      secret: param.secret === true,
      fromPaste: prefill[name] !== undefined && prefill[name] === value,
      ...(prefilledBy === 'compat' ? { fromCompat: true } : {}),
      ...(reason !== undefined ? { reason } : {}),
    };
  });
}

/**
 * The fields with what the plan refused of a value the validator took (a PowerShell fix's `-x`, a value PowerShell
 * would expand): that field is marked ✖ with the plan's reason, not ✔ above a note that says otherwise (found by a
 * tester).
 */
export function withPlanProblems(fields: readonly ParamField[], problems: readonly FixProblem[], t: T): ParamField[] {
  return fields.map((f) => {
    if (f.reason !== undefined || f.value === '') return f;
    const problem = problems.find((p) => p.kind === 'invalid' && p.name === f.name);
    return problem ? { ...f, reason: translateProblem(problem, t) } : f;
  });
}

/**
 * Plans the fix from the form. Values still equal to what the paste offered are left to planFix's own
 * entity fallback, so the plan says where each value came from; an emptied field counts as given (and fails).
 */
export function planFromForm(
  topic: Topic,
  fixId: string,
  values: Readonly<Record<string, string>>,
  prefill: Readonly<Record<string, string>>,
  entities: Entities | undefined,
  os: string,
): Result<FixPlan, FixProblem[]> {
  const given = Object.fromEntries(Object.entries(values).filter(([name, v]) => prefill[name] !== v));
  return planFix(topic, fixId, given, entities ?? {}, { quoting: os === 'win32' ? 'windows' : 'posix' });
}

/**
 * Problems the fields do not show already (a value the command would read as an option, a broken template, a
 * too-long command), in the interface language.
 */
export function formProblems(problems: readonly FixProblem[], fields: readonly ParamField[], t: T): string[] {
  const shown = new Set(fields.filter((f) => f.reason !== undefined).map((f) => f.name));
  return problems.filter((p) => p.kind !== 'missing' && !(p.name !== undefined && shown.has(p.name))).map((p) => translateProblem(p, t));
}
