import type { Elevation } from '../core/fixes/preflight.js';
import type { RunCommand } from '../core/fixes/types.js';
import { runCommand as defaultRunCommand } from './shell.js';

/** Whether this process runs with administrator rights; `not-applicable` off Windows (defined in core, beside preflightFix). */
export type { Elevation };

/** The SID of the High Mandatory Level group, present in an elevated token. */
const HIGH_INTEGRITY_SID = 'S-1-16-12288';

/**
 * Checks elevation on Windows: `whoami /groups` lists S-1-16-12288 in an elevated token; when whoami fails,
 * `net session` (which succeeds only for administrators) decides. Elsewhere the answer is `not-applicable`.
 */
export async function checkElevation(platform: string = process.platform, run: RunCommand = defaultRunCommand): Promise<Elevation> {
  if (platform !== 'win32') return { kind: 'not-applicable' };
  const whoami = await run('whoami', ['/groups'], { timeoutMs: 15_000 });
  if (whoami.exitCode === 0) return whoami.stdout.includes(HIGH_INTEGRITY_SID) ? { kind: 'elevated' } : { kind: 'not-elevated' };
  const net = await run('net', ['session'], { timeoutMs: 15_000 });
  if (net.error) return { kind: 'unknown', reason: `whoami and net could not run (${net.error})` };
  return net.exitCode === 0 ? { kind: 'elevated' } : { kind: 'not-elevated' };
}
