import type { FixShell } from '../knowledge/types.js';
import { err, ok, type Result } from '../result.js';
import type { FixMessage, FixPlan } from './types.js';

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

/** The stable id of each reason a fix cannot run on this machine (the UI key is `fix.refusal.<id>`). */
export type RunBlockerId = 'windowsHost' | 'windowsShell' | 'cmdBuiltin' | 'notOnPath' | 'notInstalled';

/** Why a plan cannot run here: an id with its params, and the English reason. */
export type RunBlocker = FixMessage<RunBlockerId>;

/**
 * Finds why a plan cannot run on this machine, or undefined when it can.
 * @example findRunBlocker({shell: 'reg', program: 'reg'}, {platform: 'linux', hasProgram: () => true}) // {id: 'windowsShell', params: {shell: 'reg', platform: 'linux'}, message: 'reg fixes run only on Windows; …'}
 */
export function findRunBlocker(plan: Pick<FixPlan, 'shell' | 'program' | 'windowsOnly'>, host: HostFacts): RunBlocker | undefined {
  const { platform } = host;
  const { shell, program } = plan;
  if (plan.windowsOnly && platform !== 'win32')
    return { id: 'windowsHost', params: { platform }, message: `this command sets up a Windows container host and runs only on Windows, and this machine runs ${platform}` };
  if (WINDOWS_ONLY.includes(shell)) {
    if (platform !== 'win32') return { id: 'windowsShell', params: { shell, platform }, message: `${shell} fixes run only on Windows, and this machine runs ${platform}` };
    if (shell === 'cmd' && CMD_BUILTINS.has(program.toLowerCase()))
      return { id: 'cmdBuiltin', params: { program }, message: `"${program}" is built into cmd.exe and wcdoctor runs fixes without a shell; run it in a Command Prompt` };
    if (shell === 'cmd' && !host.hasProgram(program)) return { id: 'notOnPath', params: { program }, message: `${program} is not found on PATH on this machine` };
    return undefined;
  }
  if (!host.hasProgram(program))
    return { id: 'notInstalled', params: { program }, message: `${program} is not installed here (not found on PATH); run the command from a machine that has ${program}` };
  return undefined;
}

/**
 * Decides whether a plan can run on this machine; the error is a plain-language reason to show with the refusal.
 * @example checkRunnable(plan, {platform: 'linux', hasProgram: () => true}) // err('reg fixes run only on Windows; …')
 */
export function checkRunnable(plan: Pick<FixPlan, 'shell' | 'program' | 'windowsOnly'>, host: HostFacts): Result<true, string> {
  const blocker = findRunBlocker(plan, host);
  return blocker ? err(blocker.message) : ok(true);
}
