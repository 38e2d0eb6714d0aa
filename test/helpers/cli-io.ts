import type { CliIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';

/** A CliIO that records output, for driving commands in-process. */
export function fakeIO(opts: { stdin?: string; tty?: boolean; stderrTTY?: boolean; env?: Record<string, string>; columns?: number } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (s) => void out.push(s),
    err: (s) => void err.push(s),
    readStdin: async () => opts.stdin ?? '',
    isTTY: { stdin: opts.tty ?? false, stdout: opts.tty ?? false, stderr: opts.stderrTTY ?? opts.tty ?? false },
    stdinPiped: opts.stdin !== undefined && !opts.tty,
    ...(opts.columns === undefined ? {} : { columns: opts.columns }),
    env: opts.env ?? {},
    setExitCode: () => undefined,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** Runs `wcdoctor ARGS` in-process and returns its exit code and output. */
export async function runCli(args: string[], opts: Parameters<typeof fakeIO>[0] = {}) {
  const f = fakeIO(opts);
  const code = await run(args, f.io);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}
