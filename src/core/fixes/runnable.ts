import type { FixShell } from '../knowledge/types.js';
import { err, ok, type Result } from '../result.js';
import type { FixPlan } from './types.js';

/** What core needs to know about the machine to decide whether a fix can run here. */
export interface HostFacts {
  /** `process.platform` of this machine (`win32`, `linux`, `darwin`, …). */
  platform: string;
  /** Whether a program is found on PATH. */
  hasProgram(name: string): boolean;
}

/** Fix shells that exist only on Windows; docker and kubectl can run from any admin machine that has them. */
const WINDOWS_ONLY: readonly FixShell[] = ['powershell', 'reg', 'net', 'cmd'];

/** Commands built into cmd.exe: there is no program file to start, and fixes never go through a shell. */
const CMD_BUILTINS = new Set(['ver', 'vol', 'dir', 'echo', 'set', 'type', 'cd', 'copy', 'del', 'erase', 'md', 'mkdir', 'move', 'ren', 'rd', 'rmdir', 'mklink', 'path', 'date', 'time', 'cls', 'title', 'assoc', 'ftype', 'pushd', 'popd']);

/**
 * Decides whether a plan can run on this machine; the error is a plain-language reason to show with the refusal.
 * @example checkRunnable(plan, {platform: 'linux', hasProgram: () => true}) // err('reg fixes run only on Windows; …')
 */
export function checkRunnable(plan: Pick<FixPlan, 'shell' | 'program' | 'windowsOnly'>, host: HostFacts): Result<true, string> {
  if (plan.windowsOnly && host.platform !== 'win32') return err(`this command sets up a Windows container host and runs only on Windows, and this machine runs ${host.platform}`);
  if (WINDOWS_ONLY.includes(plan.shell)) {
    if (host.platform !== 'win32') return err(`${plan.shell} fixes run only on Windows, and this machine runs ${host.platform}`);
    if (plan.shell === 'cmd' && CMD_BUILTINS.has(plan.program.toLowerCase()))
      return err(`"${plan.program}" is built into cmd.exe and wcdoctor runs fixes without a shell; run it in a Command Prompt`);
    if (plan.shell === 'cmd' && !host.hasProgram(plan.program)) return err(`${plan.program} is not found on PATH on this machine`);
    return ok(true);
  }
  if (!host.hasProgram(plan.program))
    return err(`${plan.program} is not installed here (not found on PATH); run the command from a machine that has ${plan.program}`);
  return ok(true);
}
