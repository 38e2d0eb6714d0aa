import type { Refusal } from '../../../core/fixes/preflight.js';
import type { OutcomeText, FixRunResult } from '../../../core/fixes/run-fix.js';
import type { FixPlan, OutputStream } from '../../../core/fixes/types.js';
import { appendOutputs, emptyOutput, type OutputBuffer, type OutputPiece } from './output.js';

/** Why a fix was not run: it cannot run here, needs elevation, or its run could not be recorded (audit log unwritable). */
export type RefusalKind = 'cannot-run' | 'not-elevated' | 'no-audit';

/**
 * Where one fix is between the form and the result: being checked, refused (cannot run here, or not
 * elevated), waiting for consent, declined, running, or done. `idle` is the form, before any plan.
 */
export type RunnerState =
  | { phase: 'idle' }
  | { phase: 'checking'; plan: FixPlan }
  | { phase: 'refused'; plan: FixPlan; refusal: RefusalKind; reason: string; detail?: Refusal; auditError?: string }
  | { phase: 'confirm'; plan: FixPlan; warning?: Refusal }
  | { phase: 'declined'; plan: FixPlan; auditError?: string }
  | { phase: 'running'; plan: FixPlan; startedAt: number; output: OutputBuffer; cancelling: boolean }
  | { phase: 'done'; plan: FixPlan; startedAt: number; output: OutputBuffer; result: FixRunResult; outcome: OutcomeText };

export type RunnerAction =
  | { type: 'check'; plan: FixPlan }
  | { type: 'ask'; warning?: Refusal }
  | { type: 'refuse'; refusal: RefusalKind; reason: string; detail?: Refusal; auditError?: string }
  | { type: 'decline'; auditError?: string }
  | { type: 'start'; startedAt: number }
  | { type: 'output'; pieces: OutputPiece[] }
  | { type: 'cancel' }
  | { type: 'finish'; result: FixRunResult; outcome: OutcomeText }
  | { type: 'reset' };

const optional = <K extends string, V>(key: K, v: V | undefined): Partial<Record<K, V>> => (v === undefined ? {} : ({ [key]: v } as Record<K, V>));

/** The fix runner as a reducer; an action that does not fit the phase leaves the state as it is. */
export function runnerReducer(state: RunnerState, action: RunnerAction): RunnerState {
  switch (action.type) {
    case 'check':
      return state.phase === 'running' ? state : { phase: 'checking', plan: action.plan };
    case 'ask':
      return state.phase === 'checking' ? { phase: 'confirm', plan: state.plan, ...optional('warning', action.warning) } : state;
    case 'refuse':
      // From the question too: the audit log is checked again when the user says Yes.
      return state.phase === 'checking' || (state.phase === 'confirm' && action.refusal === 'no-audit')
        ? { phase: 'refused', plan: state.plan, refusal: action.refusal, reason: action.reason, ...optional('detail', action.detail), ...optional('auditError', action.auditError) }
        : state;
    case 'decline':
      return state.phase === 'confirm' ? { phase: 'declined', plan: state.plan, ...optional('auditError', action.auditError) } : state;
    case 'start':
      return state.phase === 'confirm' ? { phase: 'running', plan: state.plan, startedAt: action.startedAt, output: emptyOutput(), cancelling: false } : state;
    case 'output':
      return state.phase === 'running' ? { ...state, output: appendOutputs(state.output, action.pieces) } : state;
    case 'cancel':
      return state.phase === 'running' ? { ...state, cancelling: true } : state;
    case 'finish':
      return state.phase === 'running' ? { phase: 'done', plan: state.plan, startedAt: state.startedAt, output: state.output, result: action.result, outcome: action.outcome } : state;
    case 'reset':
      return state.phase === 'running' ? state : { phase: 'idle' };
  }
}
