import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { programToStart } from './program-lookup.js';
import type { CommandResult, OutputStream, RunCommandOptions } from '../core/fixes/types.js';
import { holdWhileRunning } from './run-guard.js';

/** Most output kept per stream; streaming through onOutput is never cut. */
const MAX_CAPTURE = 4 * 1024 * 1024;
/** Time a child gets after SIGTERM before it is killed outright. */
const KILL_GRACE_MS = 2000;
/**
 * Time the output pipes get to close once the command has exited. A process the command started in the background
 * can hold them open for as long as it lives; the run is the command's, so it ends this long after the command did,
 * and what still holds them is stopped (on POSIX, its process group; on Windows the tree of an exited process cannot
 * be found, and it is left).
 */
const PIPE_GRACE_MS = 1000;

/** Stops the child and what it started: on POSIX its process group, which can outlive the child itself. */
function stopChild(child: ChildProcess): void {
  if (child.pid === undefined) return;
  if (process.platform === 'win32') {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // TerminateProcess on the child alone would leave its children (e.g. cmdlets' helpers) running.
    // By its full path: a bare name would be looked for in the current folder first (see programToStart).
    const taskkill = path.win32.join(process.env.SystemRoot || process.env.windir || 'C:\\Windows', 'System32', 'taskkill.exe');
    spawn(taskkill, ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => child.kill());
    return;
  }
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
  const hard = setTimeout(() => {
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }, KILL_GRACE_MS);
  hard.unref();
  child.once('exit', () => clearTimeout(hard));
}

/**
 * Runs a program with an argument vector and no shell, streaming output as it arrives.
 * A non-zero exit is data, not a throw; a program that cannot start returns `error`.
 * Abort through `signal` or reaching `timeoutMs` stops the child (its whole process tree).
 * @example const r = await runCommand(process.execPath, ['-e', 'console.log(1)']); r.exitCode === 0
 */
export function runCommand(file: string, args: readonly string[], options: RunCommandOptions = {}): Promise<CommandResult> {
  const started = performance.now();
  const capture = options.captureOutput !== false;
  const base = { stdout: '', stderr: '', timedOut: false, cancelled: false };
  if (options.signal?.aborted) return Promise.resolve({ ...base, exitCode: null, signal: null, durationMs: 0, cancelled: true });

  const program = programToStart(file);
  if (program === undefined) return Promise.resolve({ ...base, exitCode: null, signal: null, durationMs: 0, error: `${file} was not found in any folder of PATH` });

  return new Promise((resolve) => {
    const out = { stdout: '', stderr: '' };
    let timedOut = false;
    let cancelled = false;
    let spawnError: string | undefined;
    let child: ChildProcess;
    /** When the command itself exited, with its code: the run's end, whatever still holds its output. */
    let exited: { code: number | null; signal: NodeJS.Signals | null; at: number } | undefined;
    let settled = false;
    let drain: NodeJS.Timeout | undefined;
    try {
      child = spawn(program, [...args], {
        shell: false,
        windowsHide: true,
        // Own process group on POSIX, so a cancel stops the whole tree and Ctrl+C reaches only wcdoctor.
        detached: process.platform !== 'win32',
        stdio: [options.input !== undefined ? 'pipe' : 'ignore', capture ? 'pipe' : 'ignore', capture ? 'pipe' : 'ignore'],
      });
    } catch (e) {
      resolve({ ...base, exitCode: null, signal: null, durationMs: Math.round(performance.now() - started), error: e instanceof Error ? e.message : String(e) });
      return;
    }

    // While the command runs, and until what awaits its end has recorded it, the process does not end on its own account
    // (a terminal closed under the app: the fix was stopped, but the process ended before its run was in the audit
    // log; found by an attacker helper). Released after the turn that settles the run (setImmediate, in settle).
    const release = holdWhileRunning();
    const listen = (stream: NodeJS.ReadableStream | null, name: OutputStream) => {
      if (!stream) return;
      const decoder = new StringDecoder('utf8');
      const take = (text: string) => {
        if (!text) return;
        if (out[name].length < MAX_CAPTURE) out[name] += text.slice(0, MAX_CAPTURE - out[name].length);
        options.onOutput?.(text, name);
      };
      stream.on('data', (b: Buffer) => take(decoder.write(b)));
      stream.on('end', () => take(decoder.end()));
    };
    listen(child.stdout, 'stdout');
    listen(child.stderr, 'stderr');
    if (child.stdin) {
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }

    const settle = (code: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (drain) clearTimeout(drain);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({
        exitCode: spawnError !== undefined ? null : code,
        signal,
        stdout: out.stdout,
        stderr: out.stderr,
        durationMs: Math.round((exited?.at ?? performance.now()) - started),
        timedOut: timedOut && !cancelled,
        cancelled,
        ...(spawnError !== undefined ? { error: spawnError } : {}),
      });
      setImmediate(release);
    };
    /** Stops what the command left holding its output, stops reading it, and ends the run with the command's own exit. */
    const endAfterExit = () => {
      if (!exited) return;
      stopChild(child);
      child.stdout?.destroy();
      child.stderr?.destroy();
      settle(exited.code, exited.signal);
    };
    const onAbort = () => {
      // The command has finished: the wait was for what it left behind, which a cancel stops; the run itself ran.
      if (exited) return endAfterExit();
      cancelled = true;
      stopChild(child);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer =
      options.timeoutMs !== undefined && options.timeoutMs > 0
        ? setTimeout(() => {
            // Past the limit, what the command left behind is stopped too; the command itself did not time out.
            if (exited) return endAfterExit();
            timedOut = true;
            stopChild(child);
          }, options.timeoutMs)
        : undefined;

    child.on('error', (e) => {
      spawnError = e.message;
    });
    child.on('exit', (code, signal) => {
      exited = { code, signal, at: performance.now() };
      drain = setTimeout(endAfterExit, PIPE_GRACE_MS);
    });
    child.on('close', (code, signal) => settle(code, signal));
  });
}
