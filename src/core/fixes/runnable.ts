import type { FixShell } from '../knowledge/types.js';
import { err, ok, type Result } from '../result.js';
import type { FixMessage, FixPlan } from './types.js';

/** What core needs to know about the machine to decide whether a fix can run here. */
export interface HostFacts {
  /** `process.platform` of this machine (`win32`, `linux`, `darwin`, …). */
  platform: string;
  /** Whether a program is found on PATH. */
  hasProgram(name: string): boolean;
  /**
   * Whether docker here talks to an engine on another machine (DOCKER_HOST, a docker context): off Windows, a docker
   * fix runs only then, unless it means the same on any engine. Unknown (undefined) counts as this machine's own.
   */
  dockerElsewhere?: boolean;
  /**
   * The same, once the host name the engine address names is resolved (an alias of localhost in /etc/hosts, this
   * machine's own name): asked by checkPreflight before a docker fix off Windows, which takes the stricter answer.
   */
  resolveDockerElsewhere?(): Promise<boolean>;
}

/** Fix shells that exist only on Windows; docker and kubectl can run from any admin machine that has them. */
const WINDOWS_ONLY: readonly FixShell[] = ['powershell', 'reg', 'net', 'cmd'];

/** Commands built into cmd.exe: there is no program file to start, and fixes never go through a shell. */
const CMD_BUILTINS = new Set(['ver', 'vol', 'dir', 'echo', 'set', 'type', 'cd', 'copy', 'del', 'erase', 'md', 'mkdir', 'move', 'ren', 'rd', 'rmdir', 'mklink', 'path', 'date', 'time', 'cls', 'title', 'assoc', 'ftype', 'pushd', 'popd']);

/** Node's names of the systems (process.platform) as people write them. */
const PLATFORM_NAMES: Readonly<Record<string, string>> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows', freebsd: 'FreeBSD', openbsd: 'OpenBSD', netbsd: 'NetBSD', sunos: 'SunOS', aix: 'AIX', android: 'Android' };

/** The stable id of each reason a fix cannot run on this machine (the UI key is `fix.refusal.<id>`). */
export type RunBlockerId = 'windowsHost' | 'windowsShell' | 'cmdBuiltin' | 'notOnPath' | 'notInstalled' | 'localEngine';

/** Why a plan cannot run here: an id with its params, and the English reason. */
export type RunBlocker = FixMessage<RunBlockerId>;

/**
 * Finds why a plan cannot run on this machine, or undefined when it can.
 * @example findRunBlocker({shell: 'reg', program: 'reg'}, {platform: 'linux', hasProgram: () => true}) // {id: 'windowsShell', params: {shell: 'reg', platform: 'Linux'}, message: 'reg fixes run only on Windows; …'}
 */
export function findRunBlocker(plan: Pick<FixPlan, 'shell' | 'program' | 'windowsOnly' | 'anyEngine'>, host: HostFacts): RunBlocker | undefined {
  // The system as people name it ("Linux", not Node's "linux").
  const platform = PLATFORM_NAMES[host.platform] ?? host.platform;
  const { shell, program } = plan;
  if (plan.windowsOnly && host.platform !== 'win32')
    return { id: 'windowsHost', params: { platform }, message: `this command sets up a Windows container host and runs only on Windows, and this machine runs ${platform}` };
  if (WINDOWS_ONLY.includes(shell)) {
    if (host.platform !== 'win32') return { id: 'windowsShell', params: { shell, platform }, message: `${shell} fixes run only on Windows, and this machine runs ${platform}` };
    if (shell === 'cmd' && CMD_BUILTINS.has(program.toLowerCase()))
      return { id: 'cmdBuiltin', params: { program }, message: `"${program}" is built into cmd.exe and wcdoctor runs fixes without a shell; run it in a Command Prompt` };
    if (shell === 'cmd' && !host.hasProgram(program)) return { id: 'notOnPath', params: { program }, message: `${program} is not found on PATH on this machine` };
    return undefined;
  }
  if (!host.hasProgram(program))
    return { id: 'notInstalled', params: { program }, message: `${program} is not installed here (not found on PATH); run the command from a machine that has ${program}` };
  // docker off Windows talks to this machine's own engine, which runs Linux containers, unless it is pointed at a Windows
  // host: a fix for a Windows container (docker rm -f web, docker run --isolation=hyperv …) would act on the wrong
  // engine, and on containers of the same name there (found by a tester on a Linux laptop with Docker).
  if (shell === 'docker' && host.platform !== 'win32' && !plan.anyEngine && !host.dockerElsewhere)
    return {
      id: 'localEngine',
      params: { platform },
      message: `docker on this ${platform} machine talks to its own engine, not to a Windows container host; run it on the Windows host, or point docker at one (DOCKER_HOST or a docker context)`,
    };
  return undefined;
}

/**
 * Decides whether a plan can run on this machine; the error is a plain-language reason to show with the refusal.
 * @example checkRunnable(plan, {platform: 'linux', hasProgram: () => true}) // err('reg fixes run only on Windows; …')
 */
export function checkRunnable(plan: Pick<FixPlan, 'shell' | 'program' | 'windowsOnly' | 'anyEngine'>, host: HostFacts): Result<true, string> {
  const blocker = findRunBlocker(plan, host);
  return blocker ? err(blocker.message) : ok(true);
}
