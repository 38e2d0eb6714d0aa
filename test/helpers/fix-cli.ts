// `wcdoctor fix` driven in-process with this machine faked: one set of fake dependencies and one runner for every
// test file of the fix command (the CLI's, its languages', the audit log's and the bad-value ones).
import { Command, Option } from 'commander';
import { registerFix, type FixCommandDeps } from '../../src/cli/commands/fix.js';
import type { AuditEntry, RunCommand } from '../../src/core/fixes/types.js';
import type { Elevation } from '../../src/platform/elevation.js';
import { runCommand } from '../../src/platform/shell.js';
import type { Answer, InterruptSignal } from '../../src/platform/terminal.js';
import { fakeIO } from './cli-io.js';

/** Fake dependencies: Windows, every program present, elevated, no clipboard tool, empty answers, no Ctrl+C; `over` replaces any of them. */
export function fakeFixDeps(over: Partial<FixCommandDeps> & Pick<FixCommandDeps, 'loadKb' | 'runCommand'>): FixCommandDeps {
  return {
    host: { platform: 'win32', hasProgram: () => true },
    appendAudit: () => undefined,
    probeAudit: () => undefined,
    checkElevation: async () => ({ kind: 'elevated' }),
    copyToClipboard: async () => ({ ok: false, reason: 'none' }),
    ask: async () => ({ kind: 'answer', text: '' }),
    trapInterrupt: () => () => undefined,
    now: () => new Date(),
    ...over,
  };
}

export interface FixHarness {
  deps: FixCommandDeps;
  audit: AuditEntry[];
  ran: { file: string; args: readonly string[] }[];
  asked: string[];
  copied: string[];
}

export interface FixHarnessOptions {
  loadKb: FixCommandDeps['loadKb'];
  platform?: string;
  /** The programs the host has (default: every one). */
  programs?: readonly string[];
  /** Whether docker here reaches an engine on another machine (DOCKER_HOST, a context); unset: the local one. */
  dockerElsewhere?: boolean;
  /** The answer typed at the question (text), or how the question ended otherwise (Ctrl+C, end of input). */
  answer?: string | Answer;
  elevation?: Elevation;
  /** Node code that stands in for the real program when one runs. */
  child?: string;
  /** Called as each program starts, with the interrupt the command trapped (Ctrl+C). */
  onStart?: (interrupt: (signal?: InterruptSignal) => void) => void;
  /** The clipboard answers that no tool is available (as on a host without one). */
  noClipboardTool?: boolean;
}

/** Fake dependencies that record what ran, what was asked, copied and audited; a node child runs in place of the program. */
export function fixHarness(o: FixHarnessOptions): FixHarness {
  const h: FixHarness = { audit: [], ran: [], asked: [], copied: [], deps: undefined as never };
  let interrupt: (signal?: InterruptSignal) => void = () => {};
  const run: RunCommand = (file, args, opts) => {
    h.ran.push({ file, args });
    o.onStart?.(interrupt);
    return runCommand(process.execPath, ['-e', o.child ?? 'console.log("ok")'], opts);
  };
  h.deps = fakeFixDeps({
    loadKb: o.loadKb,
    host: { platform: o.platform ?? 'win32', hasProgram: (n) => o.programs?.includes(n) ?? true, ...(o.dockerElsewhere === undefined ? {} : { dockerElsewhere: o.dockerElsewhere }) },
    runCommand: run,
    appendAudit: (e) => void h.audit.push(e),
    checkElevation: async () => o.elevation ?? { kind: 'elevated' },
    copyToClipboard: async (t) => (h.copied.push(t), { ok: false, ...(o.noClipboardTool ? { noTool: true } : {}), reason: 'no clipboard tool is available here' }),
    ask: async (q) => (h.asked.push(q), typeof o.answer === 'object' ? o.answer : { kind: 'answer', text: o.answer ?? '' }),
    trapInterrupt: (fn) => {
      interrupt = (signal = 'SIGINT') => fn(signal);
      return () => (interrupt = () => {});
    },
  });
  return h;
}

/** Runs `wcdoctor fix ARGS` on `deps`; `lang` adds the global --lang option main.ts defines. */
export async function runFixCommand(args: string[], deps: FixCommandDeps, o: { tty?: boolean; stderrTTY?: boolean; env?: Record<string, string>; lang?: boolean } = {}) {
  const f = fakeIO({ tty: o.tty ?? false, env: o.env ?? {}, ...(o.stderrTTY !== undefined ? { stderrTTY: o.stderrTTY } : {}) });
  let code = 0;
  const io = { ...f.io, setExitCode: (c: number) => void (code = c) };
  const program = new Command('wcdoctor').exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  if (o.lang) program.addOption(new Option('--lang <locale>'));
  registerFix(program, io, deps);
  await program.parseAsync(['fix', ...args], { from: 'user' });
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}
