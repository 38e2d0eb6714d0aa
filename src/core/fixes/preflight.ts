import { findRunBlocker, type HostFacts, type RunBlockerId } from './runnable.js';
import type { FixMessage, FixPlan } from './types.js';

/** Whether this process runs with administrator rights (platform/elevation.ts finds out); `not-applicable` off Windows. */
export type Elevation = { kind: 'elevated' } | { kind: 'not-elevated' } | { kind: 'not-applicable' } | { kind: 'unknown'; reason: string };

/** The audit reason when the user answers No (or anything but the word) at the confirmation prompt. */
export const DECLINED_REASON = 'declined at the confirmation prompt';

/** The audit reason when the user pressed Ctrl+C at the confirmation prompt: no answer, and nothing ran. */
export const INTERRUPTED_REASON = 'interrupted at the confirmation prompt (Ctrl+C)';

/** The audit reason when no one can confirm a run (a fix's, or the host check's collector): stdin is no terminal. */
export const NO_TERMINAL_REASON = 'not run: stdin is not a terminal, so there is no one to confirm';

/** The audit reason when stderr, where the command and the question are written, is no terminal: nothing is asked. */
export const NO_TERMINAL_ERR_REASON = 'not run: stderr is not a terminal, so the command to confirm cannot be shown';

/** The audit reason when an admin fix meets a session that is not elevated. */
export const NOT_ELEVATED_REASON = 'this fix needs administrator rights and wcdoctor is not running elevated';

/** The stable id of each reason the checks refuse a fix, or warn about it (the UI key is `fix.refusal.<id>`). */
export type RefusalId = RunBlockerId | 'notElevated' | 'elevationUnknown' | 'auditUnwritable';

/** A refusal (or warning) as an id with params, and the English text the CLI prints and the audit log records. */
export type Refusal = FixMessage<RefusalId>;

/** What the checks found, with each reason as a Refusal (see checkPreflight). */
export type PreflightCheck =
  | { kind: 'ok'; warning?: Refusal }
  | { kind: 'cannot-run'; refusal: Refusal }
  | { kind: 'not-elevated'; refusal: Refusal };

/**
 * What the checks before the confirmation prompt found: the fix may be offered (with a warning when elevation
 * could not be told), cannot run on this machine, or needs an elevated session. `reason` is what the audit log records.
 */
export type Preflight =
  | { kind: 'ok'; warning?: string }
  | { kind: 'cannot-run'; reason: string }
  | { kind: 'not-elevated'; reason: string };

/**
 * Checks a plan before asking the user: can it run here (findRunBlocker), and, for an admin fix on Windows,
 * is this session elevated. The app calls it to translate the reasons; preflightFix gives the same in English.
 * @example await checkPreflight(plan, {platform: 'linux', hasProgram: () => true}, check) // {kind: 'cannot-run', refusal: {id: 'windowsShell', …}}
 */
export async function checkPreflight(plan: Pick<FixPlan, 'shell' | 'program' | 'admin' | 'windowsOnly' | 'anyEngine'>, host: HostFacts, checkElevation: () => Promise<Elevation>): Promise<PreflightCheck> {
  // Off Windows a docker fix runs only against another machine's engine: a name in the engine's address is resolved
  // first (an alias of localhost, this machine's own name), and the stricter answer counts.
  if (plan.shell === 'docker' && host.platform !== 'win32' && !plan.anyEngine && host.dockerElsewhere && host.resolveDockerElsewhere) {
    const elsewhere = await host.resolveDockerElsewhere().catch(() => false);
    if (!elsewhere) host = { ...host, dockerElsewhere: false };
  }
  const blocker = findRunBlocker(plan, host);
  if (blocker) return { kind: 'cannot-run', refusal: { ...blocker, message: `cannot run here: ${blocker.message}` } };
  if (!plan.admin || host.platform !== 'win32') return { kind: 'ok' };
  const elevation = await checkElevation();
  if (elevation.kind === 'not-elevated') return { kind: 'not-elevated', refusal: { id: 'notElevated', params: {}, message: NOT_ELEVATED_REASON } };
  if (elevation.kind === 'unknown') {
    const message = `could not tell whether this session is elevated (${elevation.reason}); trying anyway`;
    return { kind: 'ok', warning: { id: 'elevationUnknown', params: { reason: elevation.reason }, message } };
  }
  return { kind: 'ok' };
}

/**
 * Checks a plan before asking the user (see checkPreflight), with the reasons in English.
 * The CLI and the app both run the same checks, so they refuse for the same reasons.
 * @example await preflightFix(plan, {platform: 'linux', hasProgram: () => true}, check) // {kind: 'cannot-run', reason: 'cannot run here: powershell fixes run only on Windows, …'}
 */
export async function preflightFix(plan: Pick<FixPlan, 'shell' | 'program' | 'admin' | 'windowsOnly' | 'anyEngine'>, host: HostFacts, checkElevation: () => Promise<Elevation>): Promise<Preflight> {
  const pre = await checkPreflight(plan, host, checkElevation);
  if (pre.kind !== 'ok') return { kind: pre.kind, reason: pre.refusal.message };
  return pre.warning ? { kind: 'ok', warning: pre.warning.message } : { kind: 'ok' };
}

/**
 * Whether a run could be recorded: calls `probe` (which opens the audit log and proves the disk takes an entry, and throws
 * when it cannot) and returns the refusal when it fails. A fix must not start when this returns one: every run is
 * recorded, so a run that cannot be recorded does not happen.
 * @example checkAuditLog(() => { throw new Error('the audit log /x is a directory') }) // {id: 'auditUnwritable', …}
 */
export function checkAuditLog(probe: (() => void) | undefined): Refusal | undefined {
  if (probe === undefined) return undefined;
  try {
    probe();
    return undefined;
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    return { id: 'auditUnwritable', params: { reason }, message: `not run, because the run could not be recorded: ${reason}` };
  }
}
