import { formatSeconds as formatSecondsIn } from '../i18n/format-number.js';
import type { AuditEntry, AuditOutcome, CommandResult, FixPlan, OutputStream, RunCommand } from './types.js';

/** Time limit for a fix when the caller gives none. */
export const DEFAULT_FIX_TIMEOUT_MS = 120_000;

/** What running a fix needs from the platform: the child-process runner, the audit log and a clock. */
export interface FixRunDeps {
  runCommand: RunCommand;
  appendAudit(entry: AuditEntry): void;
  /** Throws (saying why) when the audit log cannot be appended to; callers check it with checkAuditLog before a run. */
  probeAudit?(): void;
  now(): Date;
}

/** How a caller (the CLI, or a screen) drives one run: cancel through the signal, watch output through onOutput. */
export interface FixRunOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  onOutput?: (chunk: string, stream: OutputStream) => void;
  /** Text written to the program's input, which is then closed (the host collector's script), with its SHA-256 for the audit log. */
  input?: ProgramInput;
}

/** Text a program is given on its input and the SHA-256 (hex) of its UTF-8 bytes, which the audit entry records. */
export interface ProgramInput {
  text: string;
  sha256: string;
}

/** The end of a run, with the audit entry that was written (or the reason it could not be). */
export interface FixRunResult {
  outcome: Exclude<AuditOutcome, 'refused'>;
  exitCode: number | null;
  durationMs: number;
  stdout: string;
  stderr: string;
  /** Set when the program could not be started. */
  error?: string;
  entry: AuditEntry;
  /** Set when appending to the audit log failed; the run itself still happened. */
  auditError?: string;
}

/** The stable id of each outcome headline (the UI key is `fix.outcome.<id>`). */
export type OutcomeId = 'checked' | 'applied' | 'cancelled' | 'timeout' | 'notStarted' | 'failed';

/** The stable id of each suggested next step (the UI key is `fix.outcome.next.<id>`). */
export type NextStepId = 'readOutput' | 'retry' | 'checkState' | 'longerTimeout' | 'checkPath' | 'readErrorAdmin' | 'readError';

/**
 * Plain-language result of a run and the next step to suggest: `headline` and `nextStep` in English (the CLI),
 * `id`, `nextId` and `params` for the UI to translate.
 */
export interface OutcomeText {
  ok: boolean;
  headline: string;
  nextStep: string;
  id: OutcomeId;
  nextId: NextStepId;
  params: Readonly<Record<string, string | number>>;
}

/** Seconds for people: `0.3 s`, `12 s`, with the locale's decimal separator (English when none is named). */
export const formatSeconds = (ms: number, locale = 'en'): string => formatSecondsIn(ms, locale);

/** Maps a child result to the audit outcome. */
export function classifyResult(result: CommandResult): Exclude<AuditOutcome, 'refused'> {
  if (result.cancelled) return 'cancelled';
  if (result.timedOut) return 'timeout';
  return result.exitCode === 0 && !result.error ? 'ran' : 'failed';
}

/** Builds the audit entry for a plan, using the redacted command so secrets never reach the log. */
export function buildAuditEntry(plan: FixPlan, outcome: AuditOutcome, time: Date, extra: Partial<Pick<AuditEntry, 'exitCode' | 'durationMs' | 'reason' | 'inputSha256'>> = {}): AuditEntry {
  return {
    time: time.toISOString(),
    topic: plan.topic,
    fix: plan.fix,
    outcome,
    // A fix that did not run is recorded with the line the user was told to run where it can (the Windows host's,
    // off Windows): history shows it, and a POSIX line pasted into PowerShell runs what its quoting ends early.
    command: outcome === 'refused' ? (plan.redacted.pasteCommand ?? plan.redacted.command) : plan.redacted.command,
    argv: plan.redacted.argv,
    exitCode: extra.exitCode ?? null,
    durationMs: extra.durationMs ?? null,
    ...(extra.reason !== undefined ? { reason: extra.reason } : {}),
    ...(extra.inputSha256 !== undefined ? { inputSha256: extra.inputSha256 } : {}),
  };
}

function tryAppend(deps: Pick<FixRunDeps, 'appendAudit'>, entry: AuditEntry): string | undefined {
  try {
    deps.appendAudit(entry);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Records that a fix was not run (declined, cannot run here, not elevated, …); returns the entry and any log error. */
export function recordRefusal(plan: FixPlan, reason: string, deps: Pick<FixRunDeps, 'appendAudit' | 'now'>, input?: ProgramInput): { entry: AuditEntry; auditError?: string } {
  const entry = buildAuditEntry(plan, 'refused', deps.now(), { reason, ...(input ? { inputSha256: input.sha256 } : {}) });
  const auditError = tryAppend(deps, entry);
  return auditError === undefined ? { entry } : { entry, auditError };
}

/**
 * Runs a confirmed plan: starts the program with its argv (no shell), streams output through `onOutput`,
 * stops it on abort or timeout, and appends the outcome to the audit log. Never throws for a failing command.
 * @example const ac = new AbortController(); const r = await runFix(plan, deps, {signal: ac.signal, onOutput: show});
 */
export async function runFix(plan: FixPlan, deps: FixRunDeps, options: FixRunOptions = {}): Promise<FixRunResult> {
  const [file = plan.program, ...args] = plan.argv;
  const result = await deps.runCommand(file, args, {
    timeoutMs: options.timeoutMs ?? DEFAULT_FIX_TIMEOUT_MS,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onOutput ? { onOutput: options.onOutput } : {}),
    ...(options.input !== undefined ? { input: options.input.text } : {}),
  });
  const outcome = classifyResult(result);
  const reason = result.error ?? (outcome === 'timeout' ? `stopped after ${formatSeconds(options.timeoutMs ?? DEFAULT_FIX_TIMEOUT_MS)}` : undefined);
  const entry = buildAuditEntry(plan, outcome, deps.now(), {
    exitCode: result.exitCode,
    durationMs: result.durationMs,
    ...(reason ? { reason } : {}),
    ...(options.input !== undefined ? { inputSha256: options.input.sha256 } : {}),
  });
  const auditError = tryAppend(deps, entry);
  return {
    outcome,
    exitCode: result.exitCode,
    durationMs: result.durationMs,
    stdout: result.stdout,
    stderr: result.stderr,
    ...(result.error ? { error: result.error } : {}),
    entry,
    ...(auditError !== undefined ? { auditError } : {}),
  };
}

/** Says in plain words what a run's outcome means and what to do next. */
export function describeOutcome(plan: Pick<FixPlan, 'readOnly' | 'admin' | 'program'>, run: Pick<FixRunResult, 'outcome' | 'exitCode' | 'error' | 'durationMs'>): OutcomeText {
  const { program } = plan;
  switch (run.outcome) {
    case 'ran':
      return plan.readOnly
        ? { ok: true, id: 'checked', nextId: 'readOutput', params: {}, headline: 'Check finished (exit code 0).', nextStep: 'Read the output above and compare it with what the topic describes.' }
        : { ok: true, id: 'applied', nextId: 'retry', params: {}, headline: 'Fix applied (exit code 0).', nextStep: 'Retry the operation that failed; if the error remains, run "wcdoctor diagnose" on the new output.' };
    case 'cancelled':
      return { ok: false, id: 'cancelled', nextId: 'checkState', params: {}, headline: 'Cancelled: the command was stopped before it finished.', nextStep: 'It may have made part of its change; check the state before running it again.' };
    case 'timeout':
      return { ok: false, id: 'timeout', nextId: 'longerTimeout', params: {}, headline: 'Stopped: the command did not finish within the time limit.', nextStep: 'Run it again with a longer --timeout, or run it by hand to watch it.' };
    case 'failed': {
      const { error } = run;
      if (error)
        return { ok: false, id: 'notStarted', nextId: 'checkPath', params: { program, error }, headline: `Could not start ${program}: ${error}.`, nextStep: `Check that ${program} is installed and on PATH.` };
      const code = run.exitCode ?? 'none';
      return {
        ok: false,
        id: 'failed',
        params: { code },
        headline: `The command failed (exit code ${code}).`,
        ...(plan.admin
          ? { nextId: 'readErrorAdmin', nextStep: 'Read the error output above; "access denied" means it needs an elevated (Run as administrator) prompt.' }
          : { nextId: 'readError', nextStep: 'Read the error output above; it usually names what is wrong with the values or the machine state.' }),
      };
    }
  }
}
