// "Check collected output" given a large fleet file by path (a tester: 24 s of a screen that took no key on a 250 MB
// file): the file is read, parsed and evaluated in a worker thread while the screen shows how far it is, Esc stops it,
// and the findings are those check --from gives.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { cleanup } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { factsWorkerEntry, startFactsFileCheck, startFactsTextCheck, type FactsFileEnd } from '../../src/platform/facts-file.js';
import { evaluateText } from '../../src/core/check/evaluate-text.js';
import { decodeText } from '../../src/core/text/decode-text.js';
import { readFactsFile } from '../../src/platform/collector.js';
import type { Platform } from '../../src/platform/platform.js';
import type { Route } from '../../src/ui/navigation.js';
import type { T } from '../../src/ui/i18n.js';
import { fakePlatform } from '../helpers/fake-platform.js';
import { writeFleetFile } from '../helpers/fleet-file.js';
import { KEYS, bracketedPaste } from '../helpers/keys.js';
import { realKb } from '../helpers/real-kb.js';
import { renderApp } from '../helpers/render.js';
import { plain, waitForFrame, waitForFrameWithout } from '../helpers/wait-for.js';

afterEach(() => cleanup());

const HOSTS = 1200;
const dir = mkdtempSync(path.join(tmpdir(), 'wcd-check-large-'));
const file = path.join(dir, 'fleet.json');
/** A fleet just over the size from which a worker is used (1 MiB), for what does not need a long read. */
const SMALL_HOSTS = 60;
const small = path.join(dir, 'small-fleet.json');
beforeAll(() => {
  writeFleetFile(file, HOSTS);
  writeFleetFile(small, SMALL_HOSTS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kb = realKb();
const PASTE: Route[] = [{ screen: 'check', way: 'paste' }];
/** Wide enough that a progress line with the temp folder's path is not cut. */
const COLUMNS = 200;
/** Reading 24 MB in a worker that loads TypeScript through tsx, beside other test files: seconds, not minutes. */
const LONG = { timeout: 60000 };

/** The app's check of a file as the real platform does it (a worker thread; from the sources, through tsx), each end kept. */
function workerCheck() {
  const ends: Promise<FactsFileEnd>[] = [];
  const checkFile: Platform['collector']['checkFile'] = (f, onProgress) => {
    const check = startFactsFileCheck(f, { worker: factsWorkerEntry(), ...(onProgress ? { onProgress } : {}) });
    ends.push(check.done);
    return check;
  };
  return { checkFile, ends };
}

/** The same check on the app's thread, as before the worker: what the findings must equal. */
const inlineCheck: Platform['collector']['checkFile'] = (f, onProgress) => startFactsFileCheck(f, onProgress ? { onProgress } : {});

function open(checkFile: Platform['collector']['checkFile'], checkText?: Platform['collector']['checkText']) {
  const platform = fakePlatform({ kb, checkFile, ...(checkText ? { checkText } : {}), settings: { language: 'en' } });
  return renderApp({ platform, initial: PASTE, locale: 'en', rows: 30, columns: COLUMNS });
}

/** A message of the catalogue as a pattern: the values named in `numbers` may be any number. */
function messagePattern(t: T, key: Parameters<T>[0], params: Record<string, string | number>, numbers: readonly string[]): RegExp {
  const marked = t(key, { ...params, ...Object.fromEntries(numbers.map((n) => [n, `\u0000${n}\u0000`])) });
  const parts = marked.split(/\u0000\w+\u0000/);
  return new RegExp(parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\d.,]+'));
}

/** Any line the worker's progress draws while this file is read. */
function progressPatterns(t: T): RegExp[] {
  return [
    messagePattern(t, 'check.app.progress.read', { file }, ['done', 'total', 'seconds']),
    messagePattern(t, 'check.app.progress.parse', { file }, ['size', 'seconds']),
    messagePattern(t, 'check.app.progress.documents', { file, total: HOSTS }, ['done', 'seconds']),
    messagePattern(t, 'check.app.progress.hosts', { total: HOSTS }, ['done', 'seconds']),
  ];
}

/** Types the file's path and presses Enter, as a person does. */
async function readFile(r: ReturnType<typeof open>, name = file): Promise<void> {
  await waitForFrame(r.lastFrame, r.t('check.app.waiting'));
  r.stdin.write(name);
  await waitForFrame(r.lastFrame, r.t('check.app.pathHint'));
  r.stdin.write(KEYS.enter);
}

describe('CheckScreen: a large fleet file', () => {
  it('is read in a worker thread: progress on the screen with Esc to cancel, then the findings check --from gives', async () => {
    const { checkFile, ends } = workerCheck();
    const r = open(checkFile);
    await readFile(r);
    const patterns = progressPatterns(r.t);
    const during = await waitForFrame(r.lastFrame, new RegExp(patterns.map((p) => p.source).join('|')), LONG);
    expect(during).toContain(`Esc ${r.t('check.app.keys.cancel')}`);
    const header = r.t('check.fleet.header', { count: HOSTS });
    const done = await waitForFrame(r.lastFrame, header, LONG);
    expect(patterns.some((p) => p.test(done))).toBe(false);

    // The same findings, in data and on the screen, as the file read on the app's thread.
    expect(ends).toHaveLength(1);
    const end = await ends[0]!;
    expect(end).toMatchObject({ kind: 'results', results: { kind: 'fleet' } });
    cleanup();
    // The read on the app's thread is checkFactsFileHere, as check --from reads the file: its end is kept and compared,
    // instead of reading the 24 MB once more for the comparison.
    const here: Promise<FactsFileEnd>[] = [];
    const same = open((f, onProgress) => {
      const check = inlineCheck(f, onProgress);
      here.push(check.done);
      return check;
    });
    await readFile(same);
    const sameDone = await waitForFrame(same.lastFrame, header, LONG);
    expect(here).toHaveLength(1);
    expect(isDeepStrictEqual(end, await here[0]!)).toBe(true);
    expect(sameDone).toBe(done);
  }, LONG.timeout);

  it('Esc stops the read: the worker is ended, the path stays in the field, the screen says so, and Enter reads it again', async () => {
    const { checkFile, ends } = workerCheck();
    const r = open(checkFile);
    await readFile(r);
    await waitForFrame(r.lastFrame, new RegExp(progressPatterns(r.t).map((p) => p.source).join('|')), LONG);
    r.stdin.write(KEYS.esc);
    const cancelled = await waitForFrame(r.lastFrame, r.t('check.app.readCancelled', { file }));
    expect(await ends[0]).toEqual({ kind: 'cancelled' });
    // The screen before Enter: the path in the field and its keys, nothing read and nothing being read.
    expect(cancelled).toContain(file);
    expect(cancelled).toContain(`Enter ${r.t('check.app.keys.readFile')}`);
    expect(cancelled).not.toContain(r.t('check.app.reading', { file }));
    expect(progressPatterns(r.t).some((p) => p.test(cancelled))).toBe(false);
    expect(cancelled).not.toContain(r.t('check.fleet.header', { count: HOSTS }));
    expect(cancelled).toContain(`› ${r.t('check.app.paste')}`);

    r.stdin.write(KEYS.enter);
    const again = await waitForFrame(r.lastFrame, r.t('check.fleet.header', { count: HOSTS }), LONG);
    expect(again).not.toContain(r.t('check.app.readCancelled', { file }));
    expect(ends).toHaveLength(2);
    expect(await ends[1]).toMatchObject({ kind: 'results' });
  }, LONG.timeout);

  it('coming back from a known issue shows the same findings without reading the file again', async () => {
    const { checkFile, ends } = workerCheck();
    const r = open(checkFile);
    await readFile(r, small);
    const list = await waitForFrame(r.lastFrame, r.t('check.fleet.header', { count: SMALL_HOSTS }), LONG);
    // Open the first host, then the first of its findings that names a known issue.
    r.stdin.write(KEYS.enter);
    let frame = await waitForFrame(r.lastFrame, r.t('check.app.fleetBack'));
    const selected = (f: string) => f.split('\n').find((l) => /^\s*❯ /.test(l)) ?? '';
    for (let step = 0; step < 40 && !selected(frame).includes(r.t('check.app.opensTopic')); step++) {
      r.stdin.write(KEYS.down);
      const before = selected(frame);
      frame = await waitForFrame(r.lastFrame, /❯ /);
      await vi.waitFor(() => expect(selected(plain(r.lastFrame()))).not.toBe(before));
      frame = plain(r.lastFrame());
    }
    expect(selected(frame)).toContain(r.t('check.app.opensTopic'));
    r.stdin.write(KEYS.enter);
    await waitForFrameWithout(r.lastFrame, r.t('check.app.fleetBack'));
    r.stdin.write(KEYS.esc);
    await waitForFrame(r.lastFrame, r.t('check.app.fleetBack'));
    r.stdin.write(KEYS.esc);
    expect(await waitForFrame(r.lastFrame, r.t('check.fleet.header', { count: SMALL_HOSTS }))).toBe(list);
    expect(ends).toHaveLength(1);
  }, LONG.timeout);
});

describe('CheckScreen: a large paste (a 16 MiB paste held the screen for 2.1 s)', () => {
  /** The small fleet as the field holds it once pasted (line ends as \n). */
  const pasted = () => decodeText(readFactsFile(small)).replace(/\r\n?/g, '\n');

  it('is checked in a worker thread as it settles: the screen says so, then shows the findings check --from - gives', async () => {
    const ends: Promise<FactsFileEnd>[] = [];
    const checkText: Platform['collector']['checkText'] = (text, onProgress) => {
      const check = startFactsTextCheck(text, { worker: factsWorkerEntry(), ...(onProgress ? { onProgress } : {}) });
      ends.push(check.done);
      return check;
    };
    const r = open(inlineCheck, checkText);
    await waitForFrame(r.lastFrame, r.t('check.app.waiting'));
    const text = pasted();
    r.stdin.write(bracketedPaste(text));
    const header = r.t('check.fleet.header', { count: SMALL_HOSTS });
    const done = await waitForFrame(r.lastFrame, header, LONG);
    // A paste is no file: no "Read from" line; the focus stays in the field, as for a short paste, and Enter says what it does.
    expect(done).toContain(`Enter ${r.t('check.app.keys.largePaste')}`);
    expect(done).not.toContain(r.t('check.app.fromFile', { file: r.t('check.app.pastedText') }));
    expect(ends).toHaveLength(1);
    expect(isDeepStrictEqual(await ends[0], evaluateText(text))).toBe(true);
    // Enter takes the focus to the findings, and opens the first host there.
    r.stdin.write(KEYS.enter);
    await new Promise((resolve) => setTimeout(resolve, 50));
    r.stdin.write(KEYS.enter);
    await waitForFrame(r.lastFrame, r.t('check.app.fleetBack'));
  }, LONG.timeout);

  /** The screen with a check of pasted text that ends only when the test says (the screen must not wait for it), and every check it was asked for. */
  function heldChecks() {
    const checks: { text: string; finish: (end: FactsFileEnd) => void; cancelled: boolean }[] = [];
    const checkText: Platform['collector']['checkText'] = (text) => {
      let finish!: (end: FactsFileEnd) => void;
      const done = new Promise<FactsFileEnd>((resolve) => (finish = resolve));
      const entry = { text, finish, cancelled: false };
      checks.push(entry);
      return { done, cancel: () => ((entry.cancelled = true), finish({ kind: 'cancelled' })) };
    };
    return { r: open(inlineCheck, checkText), checks };
  }

  it('while it is checked the screen takes Esc, which stops it and says so; Enter checks it again', async () => {
    const { r, checks } = heldChecks();
    await waitForFrame(r.lastFrame, r.t('check.app.waiting'));
    const text = pasted();
    r.stdin.write(bracketedPaste(text));
    await waitForFrame(r.lastFrame, r.t('check.app.reading', { file: r.t('check.app.pastedText') }));
    expect(checks).toHaveLength(1);
    expect(checks[0]!.text === text).toBe(true);
    r.stdin.write(KEYS.esc);
    await waitForFrame(r.lastFrame, r.t('check.app.pasteCheckCancelled'));
    expect(checks[0]!.cancelled).toBe(true);
    // Not checked again on its own; Enter does.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(checks).toHaveLength(1);
    r.stdin.write(KEYS.enter);
    await waitForFrame(r.lastFrame, r.t('check.app.reading', { file: r.t('check.app.pastedText') }));
    expect(checks).toHaveLength(2);
    checks[1]!.finish(evaluateText(text));
    await waitForFrame(r.lastFrame, r.t('check.fleet.header', { count: SMALL_HOSTS }));
  });

  it('a key that changes nothing (Delete at the end of the text) leaves the check running (found by a reviewer: it stopped, for good)', async () => {
    const { r, checks } = heldChecks();
    await waitForFrame(r.lastFrame, r.t('check.app.waiting'));
    r.stdin.write(bracketedPaste(pasted()));
    await waitForFrame(r.lastFrame, r.t('check.app.reading', { file: r.t('check.app.pastedText') }));
    r.stdin.write('\u001B[3~');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(checks).toHaveLength(1);
    expect(checks[0]!.cancelled).toBe(false);
  });

  it('a key typed and taken back: a check under way starts again, and findings shown stay (found by a reviewer)', async () => {
    const { r, checks } = heldChecks();
    await waitForFrame(r.lastFrame, r.t('check.app.waiting'));
    const text = pasted();
    r.stdin.write(bracketedPaste(text));
    await waitForFrame(r.lastFrame, r.t('check.app.reading', { file: r.t('check.app.pastedText') }));
    // Each key in a read of its own, the screen drawn between them.
    r.stdin.write('x');
    await new Promise((resolve) => setTimeout(resolve, 30));
    r.stdin.write(KEYS.backspace);
    await vi.waitFor(() => expect(checks).toHaveLength(2), { timeout: 5000, interval: 20 });
    expect(checks[0]!.cancelled).toBe(true);
    expect(checks[1]!.text === text).toBe(true);
    checks[1]!.finish(evaluateText(text));
    const header = r.t('check.fleet.header', { count: SMALL_HOSTS });
    await waitForFrame(r.lastFrame, header);
    r.stdin.write('x');
    r.stdin.write(KEYS.backspace);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(r.lastFrame()).toContain(header);
    expect(checks).toHaveLength(2);
  });

  it('while it is checked the field still takes keys: an arrow leaves the check running, typing stops it and it starts again on the new text (a paste added during the check was lost: a regression tester)', async () => {
    const { r, checks } = heldChecks();
    await waitForFrame(r.lastFrame, r.t('check.app.waiting'));
    const text = pasted();
    r.stdin.write(bracketedPaste(text));
    const reading = await waitForFrame(r.lastFrame, r.t('check.app.reading', { file: r.t('check.app.pastedText') }));
    expect(reading).toContain(`Esc ${r.t('check.app.keys.cancel')}`);
    r.stdin.write(KEYS.left);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(checks).toHaveLength(1);
    expect(checks[0]!.cancelled).toBe(false);
    r.stdin.write(KEYS.right);
    r.stdin.write('abc');
    await vi.waitFor(() => expect(checks).toHaveLength(2), { timeout: 5000, interval: 20 });
    expect(checks[0]!.cancelled).toBe(true);
    expect(checks[1]!.text === `${text}abc`).toBe(true);
  });
});
