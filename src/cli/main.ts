import { COMMAND_NAMES, subcommandOf } from './command-names.js';
import { writeSync } from 'node:fs';
import { BugError, ExternalCommandError, UserError } from '../core/errors.js';
import { oneLine, showControls } from '../core/text/terminal-safe.js';
import { decodeText } from '../core/text/decode-text.js';
import { exitCodeOfSignal } from '../core/signals.js';
import { EXIT, type CliIO } from './io.js';
import { createSyncWriter, onClosedReader, processTarget } from './output.js';
import { terminalSafeIO, wantsJson } from './safe-io.js';
import { plainDiagnosis } from './diagnose-args.js';
import { VERSION } from './version.js';
import { isTerminal, stdinIsFolder, stdinIsPipeOrFile } from './terminal.js';
import { isRunInProgress, noteDroppedOutput } from '../platform/run-guard.js';
import { noticeSlowStdin, stdinTooLarge, stdinUnreadable } from './stdin-limit.js';

/** The most standard input wcdoctor reads (50 MiB); a larger paste is refused, not buffered. */
export const MAX_STDIN_BYTES = 50 * 1024 * 1024;

/**
 * Reads a stream to its end as text (UTF-8, or UTF-16 as Windows PowerShell 5.1 writes it, see decodeText).
 * Beyond `max` bytes it stops reading and rejects with a UserError (exit 2) instead of buffering without bound.
 */
export function readAll(stream: NodeJS.ReadableStream, max: number = MAX_STDIN_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
    };
    const onData = (c: Buffer | string) => {
      const chunk = typeof c === 'string' ? Buffer.from(c) : c;
      size += chunk.length;
      if (size > max) {
        stop();
        chunks.length = 0;
        stream.pause();
        (stream as Partial<NodeJS.ReadStream>).destroy?.();
        const limit = max % 1048576 === 0 ? `${max / 1048576} MiB` : `${max} bytes`;
        reject(stdinTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(decodeText(Buffer.concat(chunks, size)));
    };
    const onError = (e: unknown) => {
      stop();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

/**
 * Standard input read whole (readAll), from the stream `open` gives: a stream that cannot be made (process.stdin throws
 * for a pipe under Wine: EBADF) or fails while read is an input error that says so (stdinUnreadable, exit 2), not an
 * internal error of wcdoctor.
 */
export async function readStdinOf(open: () => NodeJS.ReadableStream, max: number = MAX_STDIN_BYTES): Promise<string> {
  try {
    return await readAll(open(), max);
  } catch (e) {
    throw e instanceof UserError ? e : stdinUnreadable(e);
  }
}

/**
 * Reads the command line with commander and runs the command (src/cli/program.ts, loaded on first
 * use). The diagnose bundle (dist/diagnose.js, see scripts/build.mjs) has no commander: there this
 * import hands the run to the full bundle, dist/main.js.
 */
export async function parseWithCommander(argv: string[], io: CliIO): Promise<number | undefined> {
  return (await import('./program.js')).parseWithCommander(argv, io);
}

/** Runs wcdoctor with argv and returns the exit code; never throws for user mistakes. */
export async function run(argv: string[], rawIO: CliIO): Promise<number> {
  // Everything written from here on, by any command, is made safe for the terminal (see terminalSafeIO).
  const io = terminalSafeIO(rawIO, { json: wantsJson(argv) });
  let code: number = EXIT.ok;
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.out(`${VERSION}\n`);
    return EXIT.ok;
  }
  const wrapped: CliIO = { ...io, setExitCode: (c) => (code = c) };
  try {
    // A plain `diagnose` command line (with text, or text on standard input) runs without commander,
    // which then never loads (see diagnose-args.ts); anything else is commander's to read.
    const diagnoseArgs = plainDiagnosis(argv, io.isTTY.stdin);
    if (argv.length === 0 && io.isTTY.stdin && io.isTTY.stdout) {
      // `wcdoctor` alone in a terminal: the app, as commander's default action would open it (see
      // registerUi), without loading commander and every command first.
      const { openInteractive } = await import('./commands/ui.js');
      const { interruptedBy } = await openInteractive({ screen: 'home' });
      return interruptedBy ? exitCodeOfSignal(interruptedBy) : code;
    } else if (diagnoseArgs) {
      const { diagnoseCommand } = await import('./commands/diagnose.js');
      await diagnoseCommand(diagnoseArgs, wrapped);
    } else {
      const exit = await parseWithCommander(argv, wrapped);
      if (exit !== undefined) return exit;
    }
  } catch (e) {
    if (e instanceof UserError) {
      // One line each: a line feed or tab in a value the error repeats from the command line (a topic id, a --lang)
      // is shown, so that it cannot start a line of advice of its own (found by a helper: `docs $'x\n  → kör …'`).
      // Named as every other error of a command names itself (`wcdoctor docs: no topic …`; found by a regression tester).
      const command = subcommandOf(argv);
      io.err(`wcdoctor${command && COMMAND_NAMES.includes(command) ? ` ${command}` : ''}: ${oneLine(e.message)}\n`);
      for (const step of e.nextSteps) io.err(`  → ${oneLine(step)}\n`);
      return e.exitCode;
    }
    if (e instanceof ExternalCommandError) {
      io.err(`wcdoctor: ${e.message}\n`);
      return EXIT.failure;
    }
    const msg = e instanceof BugError ? e.message : e instanceof Error ? e.message : String(e);
    io.err(`wcdoctor: internal error: ${msg}\n  → please report this with the command you ran (WCDOCTOR_DEBUG=1 shows the stack)\n`);
    if (io.env.WCDOCTOR_DEBUG && e instanceof Error) io.err(`${e.stack ?? ''}\n`);
    return 70;
  }
  return code;
}

/**
 * Whether a command line is answered by run() alone, with nothing left running once it resolves: the
 * version, and a plain diagnosis (diagnose-args.ts), which reads its input, writes its answer and
 * starts nothing else. Any other command is commander's, and may leave work for the event loop.
 */
export const answeredByRun = (argv: readonly string[], stdinIsTerminal: boolean): boolean =>
  (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) || plainDiagnosis(argv, stdinIsTerminal) !== undefined;

/** The exit code when whatever reads the output goes away: 128 + SIGPIPE, as a shell reports such a program. */
export const EXIT_READER_GONE = 141;

/** How long the process may stay once its run is over and its output written. */
export const HELD_AFTER_RUN_MS = 2000;

/**
 * Ends the process if it is still here `ms` after its run ended, once every output has been written. Nothing wcdoctor
 * starts outlives its run, but a request it cannot take back can: the check screen asks a file's size off its thread,
 * and on a share that does not answer that request holds Node's event loop, and the process, for as long as the
 * network's timeout, after the user quit. The timer is unref'd: a process that ends by itself never waits for it.
 */
export function endIfHeld(ms = HELD_AFTER_RUN_MS, outputs: () => readonly NodeJS.WritableStream[] = () => [process.stdout, process.stderr], exit: () => void = () => process.exit()): void {
  const timer = setTimeout(() => {
    // Output still on its way to a slow reader is the run's own: it is waited for, as Node would. So is a fix still
    // being stopped after the app ended on a signal (SIGTERM, then SIGKILL two seconds later, then its record): a
    // regression tester's stub docker that ignored SIGTERM lost its "cancelled" record to this timer.
    if (isRunInProgress() || outputs().some((s) => ((s as { writableLength?: number }).writableLength ?? 0) > 0)) return void timer.refresh();
    exit();
  }, ms);
  timer.unref();
}

/**
 * Runs wcdoctor for this process: argv, the real streams, the exit code. The launcher
 * (dist/cli.js) calls it; `tsx src/cli/main.ts` runs it directly during development.
 */
export function startFromProcess(): void {
  const stdoutTTY = isTerminal(1);
  const stderrTTY = isTerminal(2);
  // EPIPE (e.g. `wcdoctor kb stats | head`) is not an error worth a stack trace. It ends wcdoctor as SIGPIPE ends a
  // program, with 141: the result was not written whole, so it is no success (found by an attacker helper: `check
  // --json | head` exited 0, "every check passed", whatever the checks said). While a fix runs, the rest of the output
  // is dropped instead: the run goes on to its end and is recorded (run-guard.ts).
  const readerGone = () => {
    if (!isRunInProgress()) process.exit(EXIT_READER_GONE);
  };
  // An output that cannot be written (a full disk, /dev/full): one line on stderr, if it can take it, and exit 3.
  const writeFailed = (fd: 1 | 2) => (e: NodeJS.ErrnoException) => {
    const why = e.code === 'ENOSPC' ? 'no space left on the device (ENOSPC)' : e.code === 'EIO' ? 'input/output error (EIO)' : (e.code ?? e.message);
    // The run goes on and is recorded; its end says that its output was lost (fix.ts).
    if (isRunInProgress()) return noteDroppedOutput(fd, why);
    if (fd === 1) {
      try {
        writeSync(2, `wcdoctor: cannot write standard output: ${showControls(why)}\n`);
      } catch {
        // stderr cannot take it either.
      }
    }
    process.exit(EXIT.failure);
  };
  /** Whether a stream was made for an output (a terminal's, or a pipe's after EAGAIN): its writes may still be under way. */
  let streamed = stdoutTTY || stderrTTY;
  const target = (fd: 1 | 2) => {
    const t = processTarget(fd, readerGone, writeFailed(fd));
    return { ...t, stream: () => ((streamed = true), t.stream()) };
  };
  const io: CliIO = {
    // A terminal gets the stream (it writes Unicode properly on Windows consoles); a pipe or a
    // file gets synchronous writes, without building a stream at all.
    out: stdoutTTY ? (s) => process.stdout.write(s) : createSyncWriter(1, target(1)),
    err: stderrTTY ? (s) => process.stderr.write(s) : createSyncWriter(2, target(2)),
    // A folder given as standard input (`< /`) reads as nothing at all: said as the folder it is (EISDIR).
    readStdin: () => {
      const reading = readStdinOf(() => {
        if (stdinIsFolder()) throw Object.assign(new Error('standard input is a folder'), { code: 'EISDIR' });
        return process.stdin;
      });
      // A pipe that stays open is said to be waited for, on a terminal's stderr (a person typing into one needs no such notice).
      return stderrTTY && !isTerminal(0) ? noticeSlowStdin(reading, (line) => process.stderr.write(line)) : reading;
    },
    // isTerminal, not process.stdin.isTTY: touching process.stdin builds a stream (and loads
    // node:net for a pipe) that most commands never read.
    isTTY: { stdin: isTerminal(0), stdout: stdoutTTY, stderr: stderrTTY },
    stdinPiped: stdinIsPipeOrFile(),
    // The terminal's own width: a shell keeps COLUMNS to itself (bash does not export it), so the text of `docs` and
    // `diagnose` was laid out for 80 columns in every terminal (found by a tester: ragged lines at 60).
    columns: stdoutTTY ? process.stdout.columns : undefined,
    env: process.env,
    setExitCode: () => undefined,
  };
  // A pipe's stream is made only if the synchronous writer falls back to it, and gets the same rule then.
  if (stdoutTTY) onClosedReader(process.stdout, readerGone, writeFailed(1));
  const argv = process.argv.slice(2);
  const answered = answeredByRun(argv, io.isTTY.stdin);
  run(argv, io).then(
    (code) => {
      // A plain diagnosis whose every word went out by synchronous writes is over: the process ends
      // here, instead of turning the event loop once more, running the garbage collection V8 has
      // scheduled meanwhile and tearing the heap down (2-5 ms of a run that took 15). Anything else
      // ends as Node ends it.
      if (answered && !streamed) process.exit(code);
      process.exitCode = code;
      endIfHeld();
    },
    (e: unknown) => {
      process.stderr.write(`wcdoctor: internal error: ${showControls(String(e))}\n`);
      process.exitCode = 70;
    },
  );
}

if (process.argv[1] !== undefined && /main\.ts$/.test(process.argv[1])) startFromProcess();
