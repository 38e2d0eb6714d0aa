import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { patternVerdicts, rememberPatternVerdicts, unsafePatternReason } from '../../src/core/text/regex-safety.js';
import { checkerFingerprint, hashOfCheckerSource, loadPatternVerdicts, savePatternVerdicts, VERDICT_FOLDER, verdictCacheFile } from '../../src/platform/pattern-verdict-cache.js';
import { runCli } from '../helpers/cli-io.js';

// The verdicts of the regex-safety checker that `kb build`, `kb check` and `kb stats` keep between runs
// (src/platform/pattern-verdict-cache.ts): only patterns found safe, per checker and Node version.

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'wcd-verdicts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const readKeys = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as string[];

describe('the kept verdicts of the pattern checker', () => {
  it('are valid for one checker (a hash of regex-safety.ts) and one Node version', () => {
    const hash = hashOfCheckerSource();
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(checkerFingerprint()).toBe(`${hash}-node${process.versions.node}`);
    expect(hashOfCheckerSource(path.join(tmp, 'no-such-file.ts'))).toBeUndefined();
    expect(verdictCacheFile('abc-node1', '/home/a/.cache/wcdoctor')).toBe(path.join('/home/a/.cache/wcdoctor', VERDICT_FOLDER, 'abc-node1.json'));
    expect(verdictCacheFile(undefined, '/home/a/.cache/wcdoctor')).toBeUndefined();
    expect(verdictCacheFile('abc-node1', undefined)).toBeUndefined();
  });

  it('keep the patterns found safe, never one found over its budget', () => {
    const finding = { source: 'wcd-test-(a+)+$', flags: 'i', attack: 'aaaa!', length: 5, ms: 9 };
    rememberPatternVerdicts([
      ['i/wcd-test-kept-safe', null],
      ['i/wcd-test-(a+)+$', finding],
    ]);
    const file = path.join(tmp, 'keep', VERDICT_FOLDER, 'x-node1.json');
    const written = savePatternVerdicts(file);
    const keys = readKeys(file);
    expect(written).toBe(keys.length);
    expect(keys).toContain('i/wcd-test-kept-safe');
    expect(keys).not.toContain('i/wcd-test-(a+)+$');
    expect(keys).toEqual([...keys].sort());
    expect(keys.length).toBe(patternVerdicts().filter(([, f]) => f === null).length);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(readdirSync(path.dirname(file))).toEqual(['x-node1.json']);
  });

  it('are taken as safe without timing the pattern again, and never replace a verdict reached in this process', () => {
    // A pattern that backtracks, marked safe in a kept file, is not timed: the check passes it. That is what a kept
    // verdict means; the file is the user's own, written by the checker.
    const file = path.join(tmp, 'take', 'v.json');
    mkdirSync(path.dirname(file), { recursive: true });
    const kept = 'wcd-test-(x+)+y';
    writeFileSync(file, JSON.stringify([`/${kept}`]));
    expect(loadPatternVerdicts(file)).toBe(1);
    expect(unsafePatternReason(kept, '')).toBeUndefined();
    const slow = 'wcd-test-([a-z]+)+=';
    rememberPatternVerdicts([[`/${slow}`, { source: slow, flags: '', attack: 'aaaa', length: 4, ms: 12 }]]);
    writeFileSync(file, JSON.stringify([`/${slow}`]));
    expect(loadPatternVerdicts(file)).toBe(1);
    expect(unsafePatternReason(slow, '')).toMatch(/backtracks too much: matching aaaa \(4 characters\) takes 12 ms/);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['not JSON', '{"'],
    ['not a list', '{"a": 1}'],
    ['a list of other things', '[1, null, {"k": "v"}, ""]'],
  ])('are ignored when the file is %s', (_what, text) => {
    const file = path.join(tmp, 'bad', `${_what.replaceAll(' ', '-')}.json`);
    mkdirSync(path.dirname(file), { recursive: true });
    if (text !== undefined) writeFileSync(file, text);
    expect(loadPatternVerdicts(file)).toBe(0);
  });

  it.runIf(process.platform !== 'win32')('read nothing from a FIFO or a device at the file\'s path, and do not wait on it (found by a helper: kb check hung)', () => {
    const fifo = path.join(tmp, 'fifo.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(loadPatternVerdicts(fifo)).toBe(0);
    expect(loadPatternVerdicts('/dev/zero')).toBe(0);
  });

  it('are not written where the folder cannot be made, and nothing is left behind', () => {
    const blocker = path.join(tmp, 'blocker');
    writeFileSync(blocker, 'a file, not a folder');
    rememberPatternVerdicts([['i/wcd-test-another-safe', null]]);
    expect(savePatternVerdicts(path.join(blocker, VERDICT_FOLDER, 'x.json'))).toBe(0);
    expect(savePatternVerdicts(undefined)).toBe(0);
    expect(loadPatternVerdicts(undefined)).toBe(0);
  });

  it("leave at most three other checkers' or Node versions' files, the newest", () => {
    const dir = path.join(tmp, 'prune', VERDICT_FOLDER);
    mkdirSync(dir, { recursive: true });
    const old = ['a-node1', 'b-node1', 'c-node1', 'd-node1', 'e-node1'];
    old.forEach((name, i) => {
      const f = path.join(dir, `${name}.json`);
      writeFileSync(f, '[]');
      utimesSync(f, 1_000_000 + i, 1_000_000 + i);
    });
    writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
    savePatternVerdicts(path.join(dir, 'current-node1.json'));
    expect(readdirSync(dir).sort()).toEqual(['c-node1.json', 'current-node1.json', 'd-node1.json', 'e-node1.json', 'notes.txt']);
  });
});

describe('kb check with kept verdicts', () => {
  it('--no-cache times every pattern and keeps nothing', async () => {
    const r = await runCli(['kb', 'check', '--no-cache'], { env: { WCDOCTOR_DEBUG: '1' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('0 pattern verdict(s) taken from the cache, 0 kept (no cache: --no-cache)');
  }, 30_000);

  it.runIf(process.platform !== 'win32')('takes and keeps none in a cache folder another user can write (an attacker helper: one line added there let a catastrophic pattern through kb check)', async () => {
    const cache = path.join(tmp, 'shared-cache');
    mkdirSync(path.join(cache, 'wcdoctor'), { recursive: true });
    chmodSync(path.join(cache, 'wcdoctor'), 0o777);
    const was = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = cache;
    try {
      const r = await runCli(['kb', 'check'], { env: { WCDOCTOR_DEBUG: '1' } });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('0 pattern verdict(s) taken from the cache, 0 kept (no cache: no cache folder)');
      expect(readdirSync(path.join(cache, 'wcdoctor'))).toEqual([]);
    } finally {
      if (was === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = was;
    }
  }, 30_000);

  it.skipIf(!existsSync(path.join(ROOT, 'dist', 'cli.js')) || !inject('patternVerdictsFile'))(
    'the built CLI keeps them under the hash of the same checker source, takes them, and times only a pattern not among them',
    () => {
      // Seeded with the verdicts the test run reached on the shipped knowledge, less one: the run times that one pattern,
      // takes the rest and writes them all back. The file name shows the build's hash is the source's.
      const cache = path.join(tmp, 'cli-cache');
      const file = path.join(cache, 'wcdoctor', VERDICT_FOLDER, `${hashOfCheckerSource()}-node${process.versions.node}.json`);
      const shipped = JSON.parse(readFileSync(inject('patternVerdictsFile'), 'utf8')) as [string, unknown][];
      const safe = shipped.filter(([, f]) => f === null).map(([k]) => k);
      const left = safe.find((k) => k.length > 20)!;
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(safe.filter((k) => k !== left)));
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'kb', 'check'], {
        encoding: 'utf8',
        env: { ...process.env, XDG_CACHE_HOME: cache, WCDOCTOR_DEBUG: '1' },
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const line = /(\d+) pattern verdict\(s\) taken from the cache, (\d+) kept \((.*)\)/.exec(r.stderr);
      expect(line?.[3]).toBe(file);
      expect(Number(line?.[1])).toBe(safe.length - 1);
      expect(readKeys(file)).toContain(left);
      expect(Number(line?.[2])).toBeGreaterThanOrEqual(safe.length);
    },
    60_000,
  );
});
