import type { CollectProblem } from '../core/check/collect.js';
import type { InputProblem } from '../core/check/read-input.js';
import type { MessageKey, T } from './i18n.js';

/** Why a collector run gave no findings, per kind (the check screen's words; `wcdoctor check` prints them too). */
export const COLLECT_PROBLEM_KEYS: Readonly<Record<CollectProblem['kind'], MessageKey>> = {
  timeout: 'check.app.problem.timeout',
  cancelled: 'check.app.problem.cancelled',
  'not-started': 'check.app.problem.not-started',
  failed: 'check.app.problem.failed',
  'not-facts': 'check.app.problem.not-facts',
};

const INPUT_PROBLEM_KEYS: Readonly<Record<NonNullable<InputProblem['id']>, MessageKey>> = {
  empty: 'check.input.empty',
  brokenJson: 'check.input.brokenJson',
  unrecognised: 'check.input.unrecognised',
  notFacts: 'check.input.notFacts',
  notNodes: 'check.input.notNodes',
  tooManyHosts: 'check.input.tooManyHosts',
};

/** Why `check --from` cannot read its input, in the UI language (a broken field of a document keeps the English that names it). */
export const inputProblemText = (p: InputProblem, t: T): string => (p.id ? t(INPUT_PROBLEM_KEYS[p.id], p.params) : p.message);
