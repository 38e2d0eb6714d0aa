import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkAuditLog, checkPreflight, DECLINED_REASON, type PreflightCheck } from '../../core/fixes/preflight.js';
import { DEFAULT_FIX_TIMEOUT_MS, describeOutcome, recordRefusal, runFix, type FixRunDeps } from '../../core/fixes/run-fix.js';
import type { FixPlan, OutputStream } from '../../core/fixes/types.js';
import { usePlatform } from '../contexts/PlatformContext.js';
import type { OutputPiece } from '../screens/fix/output.js';
import { runnerReducer, type RunnerAction, type RunnerState } from '../screens/fix/runner-state.js';
import { useScreenReducer } from './use-screen-reducer.js';

/** How long output waits to be drawn, at most: a frame or two, so a program printing line by line redraws the screen some 30 times a second, not once a line. */
export const OUTPUT_BATCH_MS = 33;

/** What the fix runner screen drives: the state, and the steps from review to result. */
export interface FixRunner {
  state: RunnerState;
  /** Time since the running fix started (0 when none runs). */
  elapsedMs: number;
  timeoutMs: number;
  /**
   * Checks a complete plan (can it run here, elevation), then asks for consent or records the refusal. `asked`: the
   * user asked to run it (a key); false when the screen checks a fix it opened on, which the user has not asked to run
   * yet: a refusal is then shown but not written to the audit log (the log records what the user tried).
   */
  review(plan: FixPlan, opts?: { asked?: boolean }): void;
  /** The user agreed: starts the fix. Does nothing unless the runner is waiting for consent. */
  confirm(): void;
  /** The user said No (or Esc at the typed word): records the refusal. */
  decline(): void;
  /** Stops the running fix's child process; false when nothing was running. */
  cancel(): boolean;
  /** Back to the form (not while a fix runs). */
  reset(): void;
}

/**
 * Runs fixes from the UI through the same core calls as `wcdoctor fix` (preflightFix, runFix,
 * recordRefusal): every run, refusal and cancellation reaches the audit log. Fixes start only from
 * confirm(), an event handler; unmounting aborts a running fix.
 */
export function useFixRunner({ timeoutMs = DEFAULT_FIX_TIMEOUT_MS }: { timeoutMs?: number } = {}): FixRunner {
  const platform = usePlatform();
  // Applied at once (useScreenReducer): a key that answers right after another reads the phase it left.
  const [state, dispatchNow, getState] = useScreenReducer<RunnerState, RunnerAction>(runnerReducer, { phase: 'idle' });
  const dispatch = useCallback((a: RunnerAction) => void dispatchNow(a), [dispatchNow]);
  const stateRef = useMemo(() => ({ get current() { return getState(); } }), [getState]);
  const controller = useRef<AbortController | undefined>(undefined);
  const generation = useRef(0);
  const mounted = useRef(true);
  const [now, setNow] = useState(() => Date.now());

  const deps = useMemo<FixRunDeps>(
    () => ({ runCommand: platform.shell.runCommand, appendAudit: (e) => platform.audit.append(e), probeAudit: () => platform.audit.probe(), now: () => new Date() }),
    [platform],
  );

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const running = state.phase === 'running';
  useEffect(() => {
    if (!running) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  const review = useCallback(
    (plan: FixPlan, { asked = true }: { asked?: boolean } = {}) => {
      if (stateRef.current.phase === 'running') return;
      const mine = ++generation.current;
      dispatch({ type: 'check', plan });
      const current = () => mounted.current && generation.current === mine;
      void checkPreflight(plan, platform.programs, () => platform.elevation.check())
        .catch((e: unknown): PreflightCheck => {
          const reason = e instanceof Error ? e.message : String(e);
          return { kind: 'ok', warning: { id: 'elevationUnknown', params: { reason }, message: `could not tell whether this session is elevated (${reason}); trying anyway` } };
        })
        .then((pre) => {
          if (!current()) return;
          if (pre.kind === 'ok') {
            // A run that could not be recorded is not offered (nothing can be written to say so either).
            const blocked = checkAuditLog(deps.probeAudit);
            if (blocked) return dispatch({ type: 'refuse', refusal: 'no-audit', reason: blocked.message, detail: blocked });
            return dispatch({ type: 'ask', ...(pre.warning ? { warning: pre.warning } : {}) });
          }
          const reason = pre.refusal.message;
          const { auditError } = asked ? recordRefusal(plan, reason, deps) : {};
          dispatch({ type: 'refuse', refusal: pre.kind, reason, detail: pre.refusal, ...(auditError ? { auditError } : {}) });
        });
    },
    [deps, dispatch, platform, stateRef],
  );

  const confirm = useCallback(() => {
    const s = stateRef.current;
    if (s.phase !== 'confirm' || controller.current) return;
    // Checked again at the moment of running: the question may have waited a while.
    const blocked = checkAuditLog(deps.probeAudit);
    if (blocked) return dispatch({ type: 'refuse', refusal: 'no-audit', reason: blocked.message, detail: blocked });
    const ac = new AbortController();
    controller.current = ac;
    dispatch({ type: 'start', startedAt: Date.now() });
    // Output is handed to the screen in batches, at most every OUTPUT_BATCH_MS (and all of it before the result): one
    // state change per chunk redrew the screen per line of a program that prints line by line.
    let pending: OutputPiece[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flushOutput = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const pieces = pending;
      pending = [];
      if (pieces.length && mounted.current) dispatch({ type: 'output', pieces });
    };
    const onOutput = (chunk: string, stream: OutputStream) => {
      pending.push({ chunk, stream });
      timer ??= setTimeout(flushOutput, OUTPUT_BATCH_MS);
    };
    void runFix(s.plan, deps, { signal: ac.signal, timeoutMs, onOutput })
      .then((result) => {
        flushOutput();
        if (mounted.current) dispatch({ type: 'finish', result, outcome: describeOutcome(s.plan, result) });
      })
      .finally(() => {
        if (controller.current === ac) controller.current = undefined;
      });
  }, [deps, dispatch, stateRef, timeoutMs]);

  const decline = useCallback(() => {
    const s = stateRef.current;
    if (s.phase !== 'confirm') return;
    const { auditError } = recordRefusal(s.plan, DECLINED_REASON, deps);
    dispatch({ type: 'decline', ...(auditError ? { auditError } : {}) });
  }, [deps, dispatch, stateRef]);

  const cancel = useCallback(() => {
    if (stateRef.current.phase !== 'running' || !controller.current) return false;
    controller.current.abort();
    dispatch({ type: 'cancel' });
    return true;
  }, [dispatch, stateRef]);

  const reset = useCallback(() => {
    generation.current++;
    dispatch({ type: 'reset' });
  }, [dispatch]);

  const elapsedMs = state.phase === 'running' ? Math.max(0, now - state.startedAt) : 0;
  return { state, elapsedMs, timeoutMs, review, confirm, decline, cancel, reset };
}
