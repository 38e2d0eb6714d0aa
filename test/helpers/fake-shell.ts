import type { CommandResult, OutputStream, RunCommand, RunCommandOptions } from '../../src/core/fixes/types.js';

/** One child the fake shell "started": the test makes it print, finish, or sees it aborted. */
export interface FakeRun {
  file: string;
  args: readonly string[];
  options: RunCommandOptions;
  /** True once the caller's AbortSignal fired. */
  readonly aborted: boolean;
  /** Sends output to the caller's onOutput, as a real child's chunk would arrive. */
  emit(chunk: string, stream?: OutputStream): void;
  /** Ends the child with an exit code (0 by default) or other result fields. */
  finish(result?: Partial<CommandResult>): void;
}

/** A shell whose children are driven by the test: nothing starts, every call is recorded. */
export interface FakeShell {
  runCommand: RunCommand;
  runs: FakeRun[];
}

/**
 * A controllable stand-in for platform/shell.ts: each runCommand call stays pending until the test calls
 * finish(), and resolves as cancelled (like the real runner) when the caller's AbortSignal fires.
 */
export function fakeShell(): FakeShell {
  const runs: FakeRun[] = [];
  const runCommand: RunCommand = (file, args, options = {}) =>
    new Promise<CommandResult>((resolve) => {
      const out = { stdout: '', stderr: '' };
      let done = false;
      let aborted = false;
      const end = (r: Partial<CommandResult>) => {
        if (done) return;
        done = true;
        resolve({ exitCode: 0, signal: null, ...out, durationMs: 5, timedOut: false, cancelled: false, ...r });
      };
      const run: FakeRun = {
        file,
        args,
        options,
        get aborted() {
          return aborted;
        },
        emit(chunk, stream = 'stdout') {
          out[stream] += chunk;
          options.onOutput?.(chunk, stream);
        },
        finish: (r = {}) => end(r),
      };
      const onAbort = () => {
        aborted = true;
        end({ exitCode: null, signal: 'SIGTERM', cancelled: true });
      };
      if (options.signal?.aborted) onAbort();
      else options.signal?.addEventListener('abort', onAbort, { once: true });
      runs.push(run);
    });
  return { runCommand, runs };
}
