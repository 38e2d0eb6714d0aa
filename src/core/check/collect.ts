import { recordRefusal, runFix, type FixRunDeps, type FixRunOptions, type FixRunResult, type ProgramInput } from '../fixes/run-fix.js';
import { planCollectorRun } from './collector-plan.js';
import { readCheckInput, type CheckInput, type InputProblem } from './read-input.js';

/** The collector as PowerShell is given it: its text and the SHA-256 of its UTF-8 bytes, which the audit log records. */
export type CollectorScript = ProgramInput;

/** What running the collector on this host needs: the fix runner's deps. */
export type CollectDeps = FixRunDeps;

/** Why a collector run gave no findings: the id for the UI, the English sentence for the CLI, and the last lines of its errors. */
export interface CollectProblem {
  kind: 'timeout' | 'cancelled' | 'not-started' | 'failed' | 'not-facts';
  message: string;
  /** For `not-facts`: why the output could not be read (readCheckInput's problem). */
  detail?: InputProblem;
  stderrTail: string[];
}

/** The end of a collector run: the facts it wrote, or why there are none; the run as recorded in the audit log either way. */
export type CollectResult = { ok: true; input: Extract<CheckInput, { kind: 'facts' }>; run: FixRunResult } | { ok: false; problem: CollectProblem; run: FixRunResult };

/** How long a collector run may take by default: the reads are quick, but Get-WindowsFeature and docker can be slow. */
export const COLLECT_TIMEOUT_MS = 300_000;

/** Whole seconds for the timeout message: `300 s`. */
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/**
 * Runs the read-only collector once consent is given (the CLI's and the app's one path): PowerShell is given the script
 * on its input (planCollectorRun), through runFix (so the run reaches the audit log like a fix), and the facts document
 * it printed is read. Never throws for a failing run.
 */
export async function collectHostFacts(script: CollectorScript, deps: CollectDeps, options: Omit<FixRunOptions, 'input'> & { timeoutMs: number }): Promise<CollectResult> {
  const run = await runFix(planCollectorRun(), deps, { ...options, input: script });
  const stderrTail = run.stderr.trim() === '' ? [] : run.stderr.trim().split('\n').slice(-5);
  if (run.outcome !== 'ran') {
    const kind = run.outcome === 'timeout' ? 'timeout' : run.outcome === 'cancelled' ? 'cancelled' : run.error ? 'not-started' : 'failed';
    const message =
      kind === 'timeout'
        ? `stopped after ${seconds(options.timeoutMs)} (raise --timeout)`
        : kind === 'cancelled'
          ? 'cancelled'
          : kind === 'not-started'
            ? `could not start powershell.exe: ${run.error ?? ''}`
            : `the collector failed (exit code ${run.exitCode ?? 'none'})`;
    return { ok: false, problem: { kind, message, stderrTail }, run };
  }
  const input = readCheckInput(run.stdout);
  if (!input.ok || input.value.kind !== 'facts')
    return { ok: false, problem: { kind: 'not-facts', message: `the collector's output is not a facts document${input.ok ? '' : `: ${input.error.message}`}`, ...(input.ok ? {} : { detail: input.error }), stderrTail }, run };
  return { ok: true, input: input.value, run };
}

/** Records that the collector was not run (declined, no terminal to ask), with the script's SHA-256 when it was read. */
export function recordCollectRefusal(reason: string, deps: Pick<FixRunDeps, 'appendAudit' | 'now'>, script?: CollectorScript): { auditError?: string } {
  const { auditError } = recordRefusal(planCollectorRun(), reason, deps, script);
  return auditError === undefined ? {} : { auditError };
}
