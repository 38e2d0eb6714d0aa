// The check of a collected file, as the app does it: on its own thread for a small file, in a worker thread for a large
// one, with the same end either way (the CLI's: readFactsFile, decodeText, readCheckInput, evaluateInput).
import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { evaluateBytes, evaluateText } from '../../src/core/check/evaluate-text.js';
import { decodeText } from '../../src/core/text/decode-text.js';
import { readFactsFile } from '../../src/platform/collector.js';
import {
  BATCHES_AHEAD,
  HOST_BATCH,
  checkFactsFileHere,
  factsWorkerEntry,
  receiveFactsFile,
  runFactsFileWorker,
  startFactsFileCheck,
  startFactsTextCheck,
  INLINE_TEXT_BELOW,
  type FactsFileEnd,
  type FactsFileProgress,
  type FactsWorkerMessage,
} from '../../src/platform/facts-file.js';
import { readRegularFile } from '../../src/platform/read-regular-file.js';
import { CHECK_FIXTURES } from '../core/check/fixtures.js';
import { writeFleetFile } from '../helpers/fleet-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'wcd-facts-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fleet file of `hosts` hosts (about 20 KB each), written once per size. */
const fleets = new Map<number, string>();
function fleet(hosts: number): string {
  let file = fleets.get(hosts);
  if (!file) {
    file = path.join(dir, `fleet-${hosts}.json`);
    writeFleetFile(file, hosts);
    fleets.set(hosts, file);
  }
  return file;
}

/** What `check --from` makes of a file, the way the CLI reads it. */
const cliEnd = (file: string) => evaluateBytes(readFactsFile(file));

describe('readRegularFile: progress while reading', () => {
  it('reports the bytes read after each read of at most 8 MiB, ending at the size', () => {
    const file = path.join(dir, 'twenty-mib.bin');
    writeFileSync(file, Buffer.alloc(20 * 1024 * 1024, 7));
    const seen: [number, number][] = [];
    const bytes = readRegularFile(file, 32 * 1024 * 1024, (done, size) => seen.push([done, size]));
    expect(bytes.length).toBe(20 * 1024 * 1024);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toEqual([20 * 1024 * 1024, 20 * 1024 * 1024]);
    seen.slice(1).forEach(([done], i) => expect(done - seen[i]![0]).toBeLessThanOrEqual(8 * 1024 * 1024));
  });
});

describe('checkFactsFileHere', () => {
  it('ends as check --from reads the file (a UTF-16LE fleet from Invoke-Command), reporting each phase', () => {
    const file = path.join(CHECK_FIXTURES, 'fleet-invoke-command.json');
    const phases: FactsFileProgress['phase'][] = [];
    const end = checkFactsFileHere(file, { progress: (p) => phases.push(p.phase) });
    expect(end).toEqual(cliEnd(file));
    expect(end).toMatchObject({ kind: 'results', results: { kind: 'fleet' } });
    expect([...new Set(phases)]).toEqual(['read', 'parse', 'documents', 'hosts']);
  });

  it.each([
    ['a missing file', () => path.join(dir, 'nothere.json'), { code: 'ENOENT' }],
    ['a folder', () => dir, { message: `${dir} is not a regular file` }],
    [
      'a file over 256 MiB',
      () => {
        const big = path.join(dir, 'huge.json');
        writeFileSync(big, '');
        truncateSync(big, 257 * 1024 * 1024);
        return big;
      },
      { message: expect.stringContaining('is 257 MiB, more than the 256 MiB wcdoctor reads') },
    ],
  ])('%s ends as an error saying why, never a throw', (_, file, why) => {
    expect(checkFactsFileHere(file())).toMatchObject({ kind: 'error', ...why });
  });

  it('a file that is not collected output ends with the input problem check --from gives', () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'nothing a collector wrote');
    expect(checkFactsFileHere(file)).toEqual({ kind: 'problem', problem: expect.objectContaining({ id: 'unrecognised' }) });
  });
});

describe('the worker protocol', () => {
  /** Runs the worker's side here, each message copied as postMessage copies it, and the app's side on the copies. */
  function roundTrip(file: string, now: () => number = Date.now) {
    const messages: FactsWorkerMessage[] = [];
    runFactsFileWorker({ file }, (m) => messages.push(structuredClone(m)), { now });
    const progress: FactsFileProgress[] = [];
    const receive = receiveFactsFile((p) => progress.push(p));
    const ends = messages.map(receive);
    return { messages, progress, end: ends.at(-1), ends };
  }

  it('a fleet comes back whole: its hosts in batches as they are evaluated, then its sums', () => {
    const file = fleet(120);
    const { messages, progress, end, ends } = roundTrip(file);
    expect(isDeepStrictEqual(end, cliEnd(file))).toBe(true);
    expect(ends.slice(0, -1).every((e) => e === undefined)).toBe(true);
    const batches = messages.filter((m): m is Extract<FactsWorkerMessage, { type: 'hosts' }> => m.type === 'hosts');
    expect(batches.map((b) => b.hosts.length)).toEqual([HOST_BATCH, HOST_BATCH, 120 - 2 * HOST_BATCH]);
    expect(messages.at(-1)?.type).toBe('fleet');
    expect(progress.filter((p) => p.phase === 'hosts')).toEqual([
      { phase: 'hosts', done: HOST_BATCH, total: 120 },
      { phase: 'hosts', done: 2 * HOST_BATCH, total: 120 },
      { phase: 'hosts', done: 120, total: 120 },
    ]);
  });

  it('reports the first progress of each phase at once and then at most every 50 ms of its clock', () => {
    let clock = 0;
    const { progress } = roundTrip(fleet(120), () => clock);
    // A clock that never moves: one report per phase (read, parse, documents), and the hosts by their batches.
    expect(progress.filter((p) => p.phase !== 'hosts').map((p) => p.phase)).toEqual(['read', 'parse', 'documents']);
    const ticking = roundTrip(fleet(120), () => (clock += 10));
    const documents = ticking.progress.filter((p) => p.phase === 'documents');
    expect(documents.length).toBeGreaterThan(1);
    expect(documents.length).toBeLessThan(120);
  });

  it.each([
    ['one host', () => path.join(CHECK_FIXTURES, 'hosts/ws2019-problems.json')],
    ['a paste in a file', () => path.join(CHECK_FIXTURES, 'paste/docker-info-ws2022.json')],
    ['a missing file', () => path.join(dir, 'nothere.json')],
  ])('%s ends in one message, as it ends here', (_, file) => {
    const { messages, end } = roundTrip(file());
    expect(messages.filter((m) => m.type !== 'progress').map((m) => m.type)).toEqual(['end']);
    expect(end).toEqual(checkFactsFileHere(file()));
  });
});

describe('startFactsTextCheck: a large paste off the app\'s thread (a 16 MiB paste held the screen for 2.1 s)', () => {
  const worker = factsWorkerEntry();
  const text = () => decodeText(readFactsFile(fleet(60)));
  /** What `check --from -` makes of that paste, worked out once for the tests below (none changes it). */
  let expected: { pasted: string; end: ReturnType<typeof evaluateText> } | undefined;
  const evaluatedPaste = (pasted: string) => {
    if (expected?.pasted !== pasted) expected = { pasted, end: evaluateText(pasted) };
    return expected.end;
  };

  it('checks a paste from INLINE_TEXT_BELOW characters in the worker: progress, and the end check --from - gives', async () => {
    const pasted = text();
    expect(pasted.length).toBeGreaterThan(INLINE_TEXT_BELOW);
    const progress: FactsFileProgress[] = [];
    const onThread = vi.fn();
    const check = startFactsTextCheck(pasted, { worker, onProgress: (p) => progress.push(p) });
    // Nothing is done on this thread before the call returns.
    onThread();
    const end = await check.done;
    expect(onThread).toHaveBeenCalledOnce();
    expect(isDeepStrictEqual(end, evaluatedPaste(pasted))).toBe(true);
    expect(end).toMatchObject({ kind: 'results', results: { kind: 'fleet' } });
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['parse', 'documents', 'hosts']);
  });

  it('a shorter paste, or one without the worker, is checked on this thread with the same end; cancel ends it as cancelled', async () => {
    const pasted = text();
    expect(isDeepStrictEqual(await startFactsTextCheck(pasted, { worker, inlineBelow: pasted.length + 1 }).done, evaluatedPaste(pasted))).toBe(true);
    expect(isDeepStrictEqual(await startFactsTextCheck(pasted).done, evaluatedPaste(pasted))).toBe(true);
    expect(await startFactsTextCheck('no collector wrote this', { worker }).done).toEqual({ kind: 'problem', problem: expect.objectContaining({ id: 'unrecognised' }) });
    const check = startFactsTextCheck(pasted, { worker });
    check.cancel();
    expect(await check.done).toEqual({ kind: 'cancelled' });
  });
});

describe('startFactsFileCheck', () => {
  const worker = factsWorkerEntry();

  it('checks a large file in a worker thread: progress through every phase, and the end check --from gives', async () => {
    const file = fleet(300);
    const progress: FactsFileProgress[] = [];
    const end = await startFactsFileCheck(file, { worker, inlineBelow: 0, onProgress: (p) => progress.push(p) }).done;
    expect(isDeepStrictEqual(end, cliEnd(file))).toBe(true);
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['read', 'parse', 'documents', 'hosts']);
    expect(progress.at(-1)).toEqual({ phase: 'hosts', done: 300, total: 300 });
  });

  it(`keeps at most ${BATCHES_AHEAD} batches of hosts waiting while the app is busy (Node hands over every waiting message in one go)`, async () => {
    // The worker itself, given the count of taken batches, which the test raises in the app's place. While nothing is
    // taken (the app drawing a frame or collecting garbage), the worker posts the batch it has and BATCHES_AHEAD more,
    // then waits; each batch taken lets one more through. Counted as the messages come: a count of the batches handed
    // over in one turn of the event loop (this test's first form) also took in batches posted while the app took the
    // waiting ones, and failed on a busy machine with the flow control intact.
    const taken = new SharedArrayBuffer(4);
    const count = new Int32Array(taken);
    const hosts: number[] = [];
    let end: FactsWorkerMessage | undefined;
    const thread = new Worker(worker.url, { workerData: { source: { file: fleet(600) }, taken }, stdout: true, stderr: true, ...(worker.execArgv ? { execArgv: worker.execArgv } : {}) });
    thread.on('message', (m: FactsWorkerMessage) => {
      if (m.type === 'hosts') hosts.push(m.hosts.length);
      else if (m.type !== 'progress') end = m;
    });
    const take = (n: number) => {
      Atomics.add(count, 0, n);
      Atomics.notify(count, 0);
    };
    const quiet = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      await vi.waitFor(() => expect(hosts).toHaveLength(BATCHES_AHEAD + 1), { timeout: 30000, interval: 10 });
      // Nothing taken: nothing more comes.
      await quiet(300);
      expect(hosts).toHaveLength(BATCHES_AHEAD + 1);
      for (let k = 1; k <= 3; k++) {
        take(1);
        await vi.waitFor(() => expect(hosts).toHaveLength(BATCHES_AHEAD + 1 + k), { timeout: 30000, interval: 10 });
        await quiet(100);
        expect(hosts).toHaveLength(BATCHES_AHEAD + 1 + k);
      }
      // Taken as fast as they come, the rest follow and the fleet ends whole.
      take(1_000_000);
      await vi.waitFor(() => expect(end?.type).toBe('fleet'), { timeout: 30000, interval: 10 });
      expect(hosts).toEqual(Array.from({ length: 600 / HOST_BATCH }, () => HOST_BATCH));
    } finally {
      await thread.terminate();
    }
  });

  it('cancel stops the worker: the end is cancelled, and nothing is reported after it', async () => {
    const progress: FactsFileProgress[] = [];
    let stopped = false;
    const check = startFactsFileCheck(fleet(300), {
      worker,
      inlineBelow: 0,
      onProgress: (p) => {
        if (stopped) throw new Error(`progress after cancel: ${JSON.stringify(p)}`);
        progress.push(p);
        if (p.phase === 'documents' && !stopped) {
          stopped = true;
          check.cancel();
        }
      },
    });
    expect(await check.done).toEqual({ kind: 'cancelled' });
    expect(progress.some((p) => p.phase === 'hosts')).toBe(false);
  });

  it('a worker that fails to load ends the check with its reason; the app goes on', async () => {
    const broken = path.join(dir, 'broken-worker.mjs');
    writeFileSync(broken, "import './no-such-module.mjs';\n");
    const end = await startFactsFileCheck(fleet(120), { worker: { url: pathToFileURL(broken) }, inlineBelow: 0 }).done;
    expect(end).toMatchObject({ kind: 'error', message: expect.stringContaining('no-such-module') });
  });

  it.each<[string, (file: string) => { url: URL; execArgv?: string[] }, number]>([
    ['a file below the size a worker is started for', () => ({ url: pathToFileURL(path.join(dir, 'broken-worker.mjs')) }), Infinity],
    ['no worker file (a checkout built before the worker)', () => ({ url: pathToFileURL(path.join(dir, 'no-such-worker.mjs')) }), 0],
  ])('%s is checked on this thread, with the same end', async (_, entry, inlineBelow) => {
    writeFileSync(path.join(dir, 'broken-worker.mjs'), "import './no-such-module.mjs';\n");
    const file = fleet(120);
    const end: FactsFileEnd = await startFactsFileCheck(file, { worker: entry(file), inlineBelow }).done;
    expect(isDeepStrictEqual(end, cliEnd(file))).toBe(true);
  });

  it("asks the file's size off this thread: a stat that never answers (a share that is gone) holds nothing, and Esc ends the check", async () => {
    const asked: string[] = [];
    const read = vi.fn();
    const file = fleet(120);
    const check = startFactsFileCheck(file, { worker, statFile: (f) => void asked.push(f), read });
    expect(asked).toEqual([file]);
    await new Promise((r) => setTimeout(r, 20));
    check.cancel();
    expect(await check.done).toEqual({ kind: 'cancelled' });
    expect(read).not.toHaveBeenCalled();
  });

  it('a path whose size cannot be asked is read by the worker, which says why as check --from does', async () => {
    const missing = path.join(dir, 'no-such-fleet.json');
    const end = await startFactsFileCheck(missing, { worker, inlineBelow: Infinity }).done;
    expect(end).toMatchObject({ kind: 'error', code: 'ENOENT' });
    expect(isDeepStrictEqual(end, checkFactsFileHere(missing))).toBe(true);
  });

  it('without a worker, cancel before the check has started ends it as cancelled', async () => {
    const check = startFactsFileCheck(fleet(120));
    check.cancel();
    expect(await check.done).toEqual({ kind: 'cancelled' });
  });

  const built = path.resolve(import.meta.dirname, '../../dist/esm/check-worker.mjs');
  it.runIf(existsSync(built))('the built worker (dist/esm/check-worker.mjs, which the exe unpacks) gives the same end', async () => {
    const file = fleet(120);
    const end = await startFactsFileCheck(file, { worker: { url: pathToFileURL(built) }, inlineBelow: 0 }).done;
    expect(isDeepStrictEqual(end, cliEnd(file))).toBe(true);
  });
});

describe('factsWorkerEntry', () => {
  it('from the sources, the built worker when there is one (Node 22.12 applies no tsx loader in a worker), else the TypeScript one through tsx', () => {
    const entry = factsWorkerEntry();
    expect(existsSync(entry.url)).toBe(true);
    if (existsSync(new URL('../../dist/esm/check-worker.mjs', import.meta.url))) {
      expect(entry.url.href).toMatch(/\/dist\/esm\/check-worker\.mjs$/);
      expect(entry.execArgv).toBeUndefined();
    } else {
      expect(entry.url.href).toMatch(/\/src\/platform\/facts-file-worker\.ts$/);
      expect(entry.execArgv?.[0]).toBe('--import');
    }
  });
});
