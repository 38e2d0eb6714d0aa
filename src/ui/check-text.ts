import type { CollectProblem } from '../core/check/collect.js';
import type { MessageKey } from './i18n.js';

/** Why a collector run gave no findings, per kind (the check screen's words; `wcdoctor check` prints them too). */
export const COLLECT_PROBLEM_KEYS: Readonly<Record<CollectProblem['kind'], MessageKey>> = {
  timeout: 'check.app.problem.timeout',
  cancelled: 'check.app.problem.cancelled',
  'not-started': 'check.app.problem.not-started',
  failed: 'check.app.problem.failed',
  'not-facts': 'check.app.problem.not-facts',
};
