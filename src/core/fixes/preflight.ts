import { checkRunnable, type HostFacts } from './runnable.js';
import type { FixPlan } from './types.js';

/** Whether this process runs with administrator rights (platform/elevation.ts finds out); `not-applicable` off Windows. */
export type Elevation = { kind: 'elevated' } | { kind: 'not-elevated' } | { kind: 'not-applicable' } | { kind: 'unknown'; reason: string };

/** The audit reason when the user answers No (or anything but the word) at the confirmation prompt. */
export const DECLINED_REASON = 'declined at the confirmation prompt';

/** The audit reason when an admin fix meets a session that is not elevated. */
export const NOT_ELEVATED_REASON = 'this fix needs administrator rights and wcdoctor is not running elevated';

/**
 * What the checks before the confirmation prompt found: the fix may be offered (with a warning when elevation
 * could not be told), cannot run on this machine, or needs an elevated session. `reason` is what the audit log records.
 */
export type Preflight =
  | { kind: 'ok'; warning?: string }
  | { kind: 'cannot-run'; reason: string }
  | { kind: 'not-elevated'; reason: string };

/**
 * Checks a plan before asking the user: can it run here (checkRunnable), and, for an admin fix on Windows,
 * is this session elevated. The CLI and the app both call it, so they refuse for the same reasons.
 * @example await preflightFix(plan, {platform: 'linux', hasProgram: () => true}, check) // {kind: 'cannot-run', reason: 'cannot run here: powershell fixes run only on Windows, …'}
 */
export async function preflightFix(plan: Pick<FixPlan, 'shell' | 'program' | 'admin' | 'windowsOnly'>, host: HostFacts, checkElevation: () => Promise<Elevation>): Promise<Preflight> {
  const runnable = checkRunnable(plan, host);
  if (!runnable.ok) return { kind: 'cannot-run', reason: `cannot run here: ${runnable.error}` };
  if (!plan.admin || host.platform !== 'win32') return { kind: 'ok' };
  const elevation = await checkElevation();
  if (elevation.kind === 'not-elevated') return { kind: 'not-elevated', reason: NOT_ELEVATED_REASON };
  if (elevation.kind === 'unknown') return { kind: 'ok', warning: `could not tell whether this session is elevated (${elevation.reason}); trying anyway` };
  return { kind: 'ok' };
}
