import type { FixPlan } from '../fixes/types.js';
import { READS } from './reads.js';
import type { ReadId } from './types.js';

/** The audit log's topic and fix ids for a run of the host collector. */
export const CHECK_AUDIT = { topic: 'check', fix: 'collect-host-facts' } as const;

/** The reads the collector makes on a live host (a Kubernetes node object and Get-ComputerInfo are paste-only). */
export const COLLECTED_READS: readonly ReadId[] = (Object.keys(READS) as ReadId[]).filter((id) => id !== 'kubeNode' && id !== 'computerInfo');

/**
 * What Windows PowerShell is told to run: the script it is given on its input, read whole and run as one script block.
 * No file: a script written to the temporary folder for `-File` could be changed there, between its writing and its
 * reading, by any program of the user's (on Windows an elevated check would then have run what an unelevated program
 * put there). `-Command -` would read the input line by line, as typed, which breaks statements over several lines.
 * The collector is ASCII (a test), so the console's input code page cannot change it.
 */
export const RUN_INPUT_SCRIPT = '&([scriptblock]::Create([Console]::In.ReadToEnd()))';

/**
 * The collector run as a fix plan, so `check` goes through the same runner, consent and audit log as fixes: Windows
 * PowerShell runs the script given on its input (RUN_INPUT_SCRIPT; its own execution policy set for this process only),
 * read-only, low risk.
 */
export function planCollectorRun(): FixPlan {
  const argv = ['powershell.exe', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', RUN_INPUT_SCRIPT];
  const command = argv.map((a) => (/[\s"]/.test(a) ? `"${a.replace(/"/g, '\\"')}"` : a)).join(' ');
  return {
    ...CHECK_AUDIT,
    title: 'Collect read-only facts about this host',
    changes: 'Nothing: every command only reads (Get- cmdlets, Test-Path, docker info/version/image inspect, containerd --version, netsh … show).',
    shell: 'powershell',
    command,
    program: 'powershell.exe',
    argv,
    risk: 'low',
    admin: false,
    readOnly: true,
    windowsOnly: true,
    placeholders: [],
    redacted: { command, argv },
  };
}
