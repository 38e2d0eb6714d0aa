import { existsSync, stat, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FleetReport, HostReport } from '../core/check/evaluate.js';
import { evaluateBytes, evaluateText, type CheckOutcome, type CheckObserver } from '../core/check/evaluate-text.js';
import { readFactsFile } from './collector.js';
import { LARGE_CHECK_TEXT } from '../core/check/read-input.js';
import { findPackageRoot, workerLoaderFromLauncher } from './package-root.js';

/** Where the check of a facts file is: bytes read of the file's size, the text being parsed, documents read, hosts evaluated. */
export type FactsFileProgress =
  | { phase: 'read'; done: number; total: number }
  | { phase: 'parse'; bytes: number }
  | { phase: 'documents'; done: number; total: number }
  | { phase: 'hosts'; done: number; total: number };

/** How the check of a facts file ended: its findings or input problem, a file that could not be read (with its code), or cancelled. */
export type FactsFileEnd = CheckOutcome | { kind: 'error'; message: string; code?: string } | { kind: 'cancelled' };

/** What the check of a facts file reports on the way: progress, and each host of a fleet as it is evaluated. */
export interface FactsFileObserver {
  progress?(progress: FactsFileProgress): void;
  host?(report: HostReport, done: number, total: number): void;
}

/** How a facts file's bytes are read: readFactsFile, or a test's stand-in. */
export type ReadFactsBytes = (file: string, onRead?: (done: number, size: number) => void) => Uint8Array;

/** The evaluation's observer for a FactsFileObserver: its documents and hosts as progress, each host as it is evaluated. */
function observe(observer: FactsFileObserver): CheckObserver {
  return {
    document: (done, total) => observer.progress?.({ phase: 'documents', done, total }),
    host: (report, done, total) => {
      observer.host?.(report, done, total);
      observer.progress?.({ phase: 'hosts', done, total });
    },
  };
}

/**
 * Reads, decodes, parses and evaluates a facts file on this thread, as `check --from` does (readFactsFile, then
 * evaluateBytes); never throws: a file that cannot be read, or anything that throws on the way, ends as `error` with its
 * message and code (ENOENT, ENOTREG, …).
 */
export function checkFactsFileHere(file: string, observer: FactsFileObserver = {}, read: ReadFactsBytes = readFactsFile): FactsFileEnd {
  try {
    const bytes = read(file, (done, total) => observer.progress?.({ phase: 'read', done, total }));
    return evaluateBytes(bytes, { ...observe(observer), parsing: () => observer.progress?.({ phase: 'parse', bytes: bytes.length }) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { kind: 'error', message: e instanceof Error ? e.message : String(e), ...(typeof code === 'string' ? { code } : {}) };
  }
}

/**
 * Parses and evaluates pasted text on this thread, as `check --from -` does (evaluateText); never throws, as
 * checkFactsFileHere.
 */
export function checkFactsTextHere(text: string, observer: FactsFileObserver = {}): FactsFileEnd {
  try {
    observer.progress?.({ phase: 'parse', bytes: Buffer.byteLength(text) });
    return evaluateText(text, observe(observer));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { kind: 'error', message: e instanceof Error ? e.message : String(e), ...(typeof code === 'string' ? { code } : {}) };
  }
}

/** What the check of collected output is given: a file's path, or pasted text. */
export type FactsSource = { file: string } | { text: string };

/** Checks a source on this thread: checkFactsFileHere for a file, checkFactsTextHere for text. */
export function checkFactsHere(source: FactsSource, observer: FactsFileObserver = {}, read: ReadFactsBytes = readFactsFile): FactsFileEnd {
  return 'file' in source ? checkFactsFileHere(source.file, observer, read) : checkFactsTextHere(source.text, observer);
}

/**
 * What the worker sends the app: progress; a fleet's hosts in batches as they are evaluated, then the fleet's sums
 * (`fleet`); or the end of anything else. A fleet's report of 10,000 hosts is about 90 MB as JSON: copied to the app in
 * one message, taking it in held the screen still for over a second, in batches each is a few milliseconds.
 */
export type FactsWorkerMessage =
  | { type: 'progress'; progress: FactsFileProgress }
  | { type: 'hosts'; hosts: HostReport[]; total: number }
  | { type: 'fleet'; byCheck: FleetReport['byCheck'] }
  | { type: 'end'; end: FactsFileEnd };

/** How many hosts one message carries. */
export const HOST_BATCH = 50;
/**
 * How many batches of hosts may wait for the app at most. Node hands every message waiting on a port to the app in one
 * go: the batches that piled up while the app drew a frame or collected garbage were then taken in together, a pause of
 * their own (up to 0.2 s on 10,000 hosts; seven batches at once after the app was busy for 0.4 s), so the worker waits
 * for the app to take its batches (FactsWorkerData.taken).
 */
export const BATCHES_AHEAD = 2;

/** What the worker is given: the file or the text, and a counter the app raises for each batch of hosts it has taken (shared memory). */
export interface FactsWorkerData {
  source: FactsSource;
  taken: SharedArrayBuffer;
}

/** How often progress is reported within a phase: a fleet has thousands of documents, and the screen draws about 30 times a second. */
const PROGRESS_MS = 50;

/**
 * The worker's side: checks the file here and posts what it finds (FactsWorkerMessage). `taken`, when given, counts the
 * batches of hosts the app has taken: the worker waits while more than BATCHES_AHEAD are waiting. `now` is the clock
 * progress is paced by.
 */
export function runFactsFileWorker(source: FactsSource, post: (message: FactsWorkerMessage) => void, opts: { taken?: Int32Array; now?: () => number } = {}): void {
  const { taken, now = Date.now } = opts;
  const batch: HostReport[] = [];
  let sent = 0;
  let phase: FactsFileProgress['phase'] | undefined;
  let last = 0;
  const end = checkFactsHere(source, {
    progress: (progress) => {
      // A fleet's hosts are counted by the app as their batches arrive; the first report of each other phase is sent at once.
      if (progress.phase === 'hosts' || (progress.phase === phase && now() - last < PROGRESS_MS)) return;
      phase = progress.phase;
      last = now();
      post({ type: 'progress', progress });
    },
    host: (report, done, total) => {
      batch.push(report);
      if (batch.length < HOST_BATCH && done < total) return;
      post({ type: 'hosts', hosts: batch.splice(0), total });
      sent++;
      // The app raises the count as it takes each batch; a terminate (Esc) ends the wait at once.
      if (taken) for (let seen = Atomics.load(taken, 0); sent - seen > BATCHES_AHEAD; seen = Atomics.load(taken, 0)) Atomics.wait(taken, 0, seen);
    },
  });
  if (end.kind === 'results' && end.results.kind === 'fleet') post({ type: 'fleet', byCheck: end.results.fleet.byCheck });
  else post({ type: 'end', end });
}

/** The app's side: takes the worker's messages in order, reports progress, and gives the end once it is there (a fleet put back together). */
export function receiveFactsFile(onProgress?: (progress: FactsFileProgress) => void): (message: FactsWorkerMessage) => FactsFileEnd | undefined {
  const hosts: HostReport[] = [];
  return (message) => {
    switch (message.type) {
      case 'progress':
        onProgress?.(message.progress);
        return undefined;
      case 'hosts':
        for (const h of message.hosts) hosts.push(h);
        onProgress?.({ phase: 'hosts', done: hosts.length, total: message.total });
        return undefined;
      case 'fleet':
        return { kind: 'results', results: { kind: 'fleet', fleet: { hosts, byCheck: message.byCheck } } };
      case 'end':
        return message.end;
    }
  };
}

/** A check under way: its end, and a way to stop it (the end is then `cancelled`). */
export interface FactsFileCheck {
  readonly done: Promise<FactsFileEnd>;
  cancel(): void;
}

/** The worker's code, and the Node options it needs. */
export interface FactsWorkerEntry {
  url: URL;
  execArgv?: string[];
  /** A script the worker runs first, which then imports `url` (workerLoaderFromLauncher: the executable's modules). */
  loader?: { source: string; data: unknown };
}

/**
 * Files below this size are checked on the app's thread: a worker takes longer to start than such a file to check
 * (measured: see README, "Checking a host"), and the screen is held for less than a frame.
 */
export const INLINE_BELOW_BYTES = 1024 * 1024;

/**
 * The worker's code: dist/esm/check-worker.mjs of the package (the exe unpacks dist/esm/ with the app's other ES-module
 * parts, so the worker is a file there too), or its source beside this file when wcdoctor runs from its sources, where
 * the worker loads TypeScript through tsx as the app does.
 */
export function factsWorkerEntry(): FactsWorkerEntry {
  const here = import.meta.url;
  const built = pathToFileURL(path.join(findPackageRoot(), 'dist', 'esm', 'check-worker.mjs'));
  // From the sources, the built worker when there is one (`npm run build`): Node 22.12, the oldest line supported,
  // does not apply tsx's loader inside a worker thread ("Unknown file extension .ts", found by the CI run on that
  // line); the sources through tsx otherwise.
  if (here.endsWith('.ts') && !existsSync(fileURLToPath(built))) return { url: new URL('./facts-file-worker.ts', here), execArgv: ['--import', pathToFileURL(createRequire(here).resolve('tsx')).href] };
  // The executable: the worker imports its modules from the executable's own copy, as this thread does.
  const loader = workerLoaderFromLauncher();
  return loader ? { url: built, loader } : { url: built };
}

/** How startFactsFileCheck asks a file's size: node:fs's stat, answered on libuv's threads, never on the app's. */
export type StatFile = (file: string, done: (error: Error | null, stats?: Pick<Stats, 'isFile' | 'size'>) => void) => void;

/**
 * How long the app lets a check on its own thread wait, so that the note that the file is being read is drawn first
 * (which that thread cannot do during the read): ink draws at most every 34 ms or so, and at 30 ms the read began
 * before the note was on screen (a tester never saw it).
 */
export const DRAW_FIRST_MS = 100;

/**
 * How startFactsFileCheck works: the worker's code (none: on this thread), progress, the size from which a worker is
 * used, how long a check on this thread waits before it starts, and how bytes are read there.
 */
export interface FactsFileCheckOptions {
  worker?: FactsWorkerEntry;
  onProgress?: (progress: FactsFileProgress) => void;
  inlineBelow?: number;
  inlineAfterMs?: number;
  read?: ReadFactsBytes;
  statFile?: StatFile;
}

/**
 * Checks a facts file for the app without holding its thread: in a worker thread (`worker`), reporting progress, which
 * `cancel` terminates; a small file (below `inlineBelow`), or one checked without a worker, on this thread once
 * `inlineAfterMs` have passed, so that what the caller drew first is shown. The end is the same either way
 * (checkFactsFileHere).
 */
export function startFactsFileCheck(file: string, opts: FactsFileCheckOptions = {}): FactsFileCheck {
  const { worker, onProgress, inlineBelow = INLINE_BELOW_BYTES, inlineAfterMs = 0, read = readFactsFile, statFile = stat } = opts;
  // Without the worker's file (a checkout built before it existed) the check still works, holding the screen as it used to.
  if (!worker || !existsSync(fileURLToPath(worker.url))) return checkInline({ file }, read, inlineAfterMs, onProgress);
  // The file's size decides where it is read, and is asked off the app's thread: a path on a share that does not answer
  // holds a stat for as long as the network's timeout, and the screen with it (it was a statSync, found by a tester).
  let finish!: (end: FactsFileEnd) => void;
  const done = new Promise<FactsFileEnd>((resolve) => (finish = resolve));
  let started: FactsFileCheck | undefined;
  let cancelled = false;
  statFile(file, (error, stats) => {
    if (cancelled) return;
    // Something that is not a file, or a small one, is read here at once (a directory's reason comes fast); a file
    // that cannot be stat'ed goes to the worker, whose read says why without holding the screen.
    started = !error && stats && (!stats.isFile() || stats.size < inlineBelow) ? checkInline({ file }, read, inlineAfterMs, onProgress) : startWorker({ file }, worker, onProgress);
    void started.done.then(finish);
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
      if (started) started.cancel();
      else finish({ kind: 'cancelled' });
    },
  };
}

/** Pasted text below this many characters is checked on the app's thread (LARGE_CHECK_TEXT). */
export const INLINE_TEXT_BELOW = LARGE_CHECK_TEXT;

/**
 * Checks pasted text for the app as startFactsFileCheck checks a file: a large text in a worker thread (the text is
 * copied to it), reporting progress, which `cancel` terminates; a short one, or one checked without a worker, on this
 * thread once `inlineAfterMs` have passed.
 */
export function startFactsTextCheck(text: string, opts: Omit<FactsFileCheckOptions, 'read' | 'statFile'> = {}): FactsFileCheck {
  const { worker, onProgress, inlineBelow = INLINE_TEXT_BELOW, inlineAfterMs = 0 } = opts;
  if (!worker || text.length < inlineBelow || !existsSync(fileURLToPath(worker.url))) return checkInline({ text }, readFactsFile, inlineAfterMs, onProgress);
  return startWorker({ text }, worker, onProgress);
}

function startWorker(source: FactsSource, worker: FactsWorkerEntry, onProgress?: (progress: FactsFileProgress) => void): FactsFileCheck {
  try {
    return checkInWorker(source, worker, onProgress);
  } catch (e) {
    // A worker Node refuses to create (too many threads, no memory for one) ends the check with the reason, as a read would.
    const message = e instanceof Error ? e.message : String(e);
    return { done: Promise.resolve({ kind: 'error', message }), cancel: () => undefined };
  }
}

function checkInline(source: FactsSource, read: ReadFactsBytes, afterMs: number, onProgress?: (progress: FactsFileProgress) => void): FactsFileCheck {
  let finish!: (end: FactsFileEnd) => void;
  const done = new Promise<FactsFileEnd>((resolve) => (finish = resolve));
  const task = setTimeout(() => finish(checkFactsHere(source, onProgress ? { progress: onProgress } : {}, read)), afterMs);
  return {
    done,
    cancel: () => {
      clearTimeout(task);
      finish({ kind: 'cancelled' });
    },
  };
}

function checkInWorker(source: FactsSource, entry: FactsWorkerEntry, onProgress?: (progress: FactsFileProgress) => void): FactsFileCheck {
  let finish!: (end: FactsFileEnd) => void;
  const done = new Promise<FactsFileEnd>((resolve) => (finish = resolve));
  // The worker's own output is taken and dropped: Ink owns the terminal, and a warning printed there would break the screen.
  const taken = new SharedArrayBuffer(4);
  const workerData: FactsWorkerData = { source, taken };
  const options = { stdout: true, stderr: true, ...(entry.execArgv ? { execArgv: entry.execArgv } : {}) };
  const worker = entry.loader
    ? new Worker(entry.loader.source, { ...options, eval: true, workerData: { ...workerData, loader: entry.loader.data, entry: entry.url.href } })
    : new Worker(entry.url, { ...options, workerData });
  worker.stdout.resume();
  worker.stderr.resume();
  // The app may end while a file is read (q, Ctrl+C): the worker alone keeps no process alive.
  worker.unref();
  let ended = false;
  const end = (e: FactsFileEnd) => {
    if (ended) return;
    ended = true;
    finish(e);
    void worker.terminate();
  };
  const receive = receiveFactsFile(onProgress);
  const counter = new Int32Array(taken);
  worker.on('message', (message: FactsWorkerMessage) => {
    const e = receive(message);
    if (e) end(e);
    else if (message.type === 'hosts') {
      Atomics.add(counter, 0, 1);
      Atomics.notify(counter, 0);
    }
  });
  // A worker that fails (out of memory on a huge fleet) ends the check with its reason; the app goes on.
  worker.on('error', (e: Error & { code?: unknown }) => end({ kind: 'error', message: e.message, ...(typeof e.code === 'string' ? { code: e.code } : {}) }));
  worker.on('exit', (code) => end({ kind: 'error', message: `the worker reading the file stopped before it was done (exit code ${code})`, code: 'EWORKEREXIT' }));
  return { done, cancel: () => end({ kind: 'cancelled' }) };
}
