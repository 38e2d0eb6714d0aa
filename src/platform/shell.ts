import { spawn, type ChildProcess } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import type { CommandResult, OutputStream, RunCommandOptions } from '../core/fixes/types.js';

/** Most output kept per stream; streaming through onOutput is never cut. */
const MAX_CAPTURE = 4 * 1024 * 1024;
/** Time a child gets after SIGTERM before it is killed outright. */
const KILL_GRACE_MS = 2000;

function stopChild(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  if (process.platform === 'win32') {
    // TerminateProcess on the child alone would leave its children (e.g. cmdlets' helpers) running.
    spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => child.kill());
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

  return new Promise((resolve) => {
    const out = { stdout: '', stderr: '' };
    let timedOut = false;
    let cancelled = false;
    let spawnError: string | undefined;
    let child: ChildProcess;
    try {
      child = spawn(file, [...args], {
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

    const onAbort = () => {
      cancelled = true;
      stopChild(child);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer =
      options.timeoutMs !== undefined && options.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            stopChild(child);
          }, options.timeoutMs)
        : undefined;

    child.on('error', (e) => {
      spawnError = e.message;
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({
        exitCode: spawnError !== undefined ? null : code,
        signal,
        stdout: out.stdout,
        stderr: out.stderr,
        durationMs: Math.round(performance.now() - started),
        timedOut: timedOut && !cancelled,
        cancelled,
        ...(spawnError !== undefined ? { error: spawnError } : {}),
      });
    });
  });
}
