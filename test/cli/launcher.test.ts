import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_WRAPPER, wrappedSource } from '../../src/cli/run-bundle.js';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const built = ['cli.js', 'main.js', 'main.js.cache', 'diagnose.js', 'diagnose.js.cache', 'kb.json'].every((f) => existsSync(path.join(DIST, f)));
if (!built) console.warn('test/cli/launcher.test.ts: dist/ is not built (npm run build); skipped');

const copies: string[] = [];
afterAll(() => copies.forEach((d) => rmSync(d, { recursive: true, force: true })));
/** An installed copy of wcdoctor (package.json + dist/) in a temporary folder. */
function installedCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'wcdoctor-launch-'));
  copies.push(root);
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'wcdoctor', type: 'module' }));
  cpSync(DIST, path.join(root, 'dist'), { recursive: true });
  return root;
}
/** Where the runs below keep this user's code caches (never the real home's). */
const userCaches = mkdtempSync(path.join(tmpdir(), 'wcdoctor-user-cache-'));
copies.push(userCaches);
const run = (cli: string, args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: userCaches, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
/** What the shipped dist/cli.js answers to a command line (no debug, nothing asked): run once per command line. */
const answers = new Map<string, ReturnType<typeof run>>();
const shipped = (args: string[]) => {
  const key = JSON.stringify(args);
  if (!answers.has(key)) answers.set(key, run(path.join(DIST, 'cli.js'), args));
  return answers.get(key)!;
};
const PASTE = "Start-Container : 'api' failed to start: This operation returned because the timeout period expired. (0x800705B4).";
/** Each bundle with a command line the launcher runs it for: a plain diagnosis, and the same read by commander. */
const BUNDLES: [string, string[]][] = [
  ['diagnose.js', ['diagnose', '--json', PASTE]],
  ['main.js', ['diagnose', '--json', '--', PASTE]],
];

/**
 * An installed copy without the cache of `bundle`, run once for `args` with WCDOCTOR_WRITE_CODE_CACHE: its exit code and
 * the size of the cache right after that run (undefined: none). Run once per bundle and command line: the test of the
 * build's request and the test of a plain diagnosis's way out look at the same run.
 */
const writtenWhenAsked = new Map<string, { root: string; code: number | null; size: number | undefined }>();
function cacheWrittenWhenAsked(bundle: string, args: string[]) {
  const key = JSON.stringify([bundle, args]);
  if (!writtenWhenAsked.has(key)) {
    const root = installedCopy();
    const cache = path.join(root, 'dist', `${bundle}.cache`);
    rmSync(cache);
    const { code } = run(path.join(root, 'dist', 'cli.js'), args, { WCDOCTOR_WRITE_CODE_CACHE: '1' });
    writtenWhenAsked.set(key, { root, code, size: statSync(cache, { throwIfNoEntry: false })?.size });
  }
  return writtenWhenAsked.get(key)!;
}

describe.skipIf(!built)('the launcher (dist/cli.js) and its code caches', () => {
  it.each(BUNDLES)('has a code cache for %s that this Node accepts', (bundle, args) => {
    const r = run(path.join(DIST, 'cli.js'), args, { WCDOCTOR_DEBUG: '1' });
    expect(r.stderr).toContain(`code cache used (${bundle})`);
  });

  it.each(BUNDLES)('takes no cache made from another build of %s', (bundle, args) => {
    const root = installedCopy();
    const cli = path.join(root, 'dist', 'cli.js');
    const cache = path.join(root, 'dist', `${bundle}.cache`);
    const data = readFileSync(cache);
    const other = Buffer.concat([Buffer.from('wcdoctor-code-cache 00000000000000000000000000000000\n'), data.subarray(data.indexOf(10) + 1)]);
    writeFileSync(cache, other);
    const r = run(cli, args, { WCDOCTOR_DEBUG: '1' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('code cache not used');
  });

  it.each(BUNDLES)('runs %s the same with a damaged or missing cache, and never writes one unasked', (bundle, args) => {
    const expected = shipped(args);
    expect(expected.code).toBe(0);
    const root = installedCopy();
    const cli = path.join(root, 'dist', 'cli.js');
    const cache = path.join(root, 'dist', `${bundle}.cache`);
    writeFileSync(cache, 'not a V8 code cache');
    expect(run(cli, args)).toEqual(expected);
    rmSync(cache);
    expect(run(cli, args)).toEqual(expected);
    expect(existsSync(cache)).toBe(false);
  });

  it.each(BUNDLES)('writes the cache of %s when the build asks for it, atomically', (bundle, args) => {
    const { root, code, size } = cacheWrittenWhenAsked(bundle, args);
    expect(code).toBe(0);
    expect(size).toBeGreaterThan(10_000);
    expect(run(path.join(root, 'dist', 'cli.js'), args, { WCDOCTOR_DEBUG: '1' }).stderr).toContain('code cache used');
    expect(readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  /** An installed copy whose package cache of `bundle` another Node's V8 made (its header names that V8), and a home for this user's caches. */
  function copyForAnotherNode(bundle: string) {
    const root = installedCopy();
    const shipped = path.join(root, 'dist', `${bundle}.cache`);
    const data = readFileSync(shipped);
    const header = data.subarray(0, data.indexOf(10)).toString();
    expect(header).toMatch(new RegExp(`^wcdoctor-code-cache \\w{32} v8 ${process.versions.v8.replace(/\./g, '\\.')} *$`));
    expect((header.length + 1) % 8).toBe(0);
    writeFileSync(shipped, Buffer.concat([Buffer.from(`${header.replace(/ v8 .*$/, ' v8 1.2.3.4')}\n`), data.subarray(data.indexOf(10) + 1)]));
    const home = mkdtempSync(path.join(tmpdir(), 'wcdoctor-user-cache-'));
    copies.push(home);
    return { cli: path.join(root, 'dist', 'cli.js'), home, mine: path.join(home, 'wcdoctor', 'code-cache', `${bundle}.cache`) };
  }

  /**
   * A copy for another Node (copyForAnotherNode) started twice for `args` with WCDOCTOR_DEBUG: the first start keeps this
   * user's cache, the second takes it. What each start said, and this user's cache and its folder as the first left them
   * and the folder as the second did. Once per bundle: the root-only test below starts from the same two starts.
   */
  const twoStarts = new Map<string, ReturnType<typeof startTwiceOnAnotherNode>>();
  function startTwiceOnAnotherNode(bundle: string, args: string[]) {
    const { cli, home, mine } = copyForAnotherNode(bundle);
    const first = run(cli, args, { XDG_CACHE_HOME: home, WCDOCTOR_DEBUG: '1' });
    const mineAfterFirst = statSync(mine, { throwIfNoEntry: false });
    const folderAfterFirst = statSync(path.dirname(mine), { throwIfNoEntry: false });
    const second = run(cli, args, { XDG_CACHE_HOME: home, WCDOCTOR_DEBUG: '1' });
    const leftAfterSecond = readdirSync(path.dirname(mine));
    return { cli, home, mine, first, mineAfterFirst, folderAfterFirst, second, leftAfterSecond };
  }
  const startedTwice = (bundle: string, args: string[]) => {
    if (!twoStarts.has(bundle)) twoStarts.set(bundle, startTwiceOnAnotherNode(bundle, args));
    return twoStarts.get(bundle)!;
  };

  it.each(BUNDLES)("on a Node the package's cache of %s does not fit, compiles it once and keeps this user's cache for the next start", (bundle, args) => {
    const expected = shipped(args);
    const { first, mineAfterFirst, folderAfterFirst, second, leftAfterSecond } = startedTwice(bundle, args);
    expect(first.stderr).toContain(`code cache not used (${bundle})`);
    expect(mineAfterFirst?.size).toBeGreaterThan(10_000);
    if (process.platform !== 'win32') expect(folderAfterFirst!.mode & 0o077).toBe(0);
    expect(second.stderr).toContain(`code cache used (${bundle}, this user's)`);
    expect({ ...second, stderr: '' }).toEqual({ ...expected, stderr: '' });
    expect(leftAfterSecond.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.runIf(typeof process.getuid === 'function' && process.getuid() === 0)("takes no cache from a folder another user owns or can write (an attacker helper: root run with a user's HOME ran the cache that user planted)", () => {
    const [bundle, args] = BUNDLES[0]!;
    const expected = shipped(args);
    // The two starts of the test above: the first kept this user's cache, the second took it.
    const { cli, home, mine, first, second } = startedTwice(bundle, args);
    expect(first.code).toBe(expected.code);
    expect(second.stderr).toContain(`code cache used (${bundle}, this user's)`);
    // The same folder, now another user's (nobody): what is there is neither read nor written.
    for (const d of [home, path.join(home, 'wcdoctor'), path.dirname(mine)]) chownSync(d, 65534, 65534);
    chownSync(mine, 65534, 65534);
    const before = readFileSync(mine);
    const asOther = run(cli, args, { XDG_CACHE_HOME: home, WCDOCTOR_DEBUG: '1' });
    expect(asOther.stderr).toContain(`code cache not used (${bundle})`);
    expect({ ...asOther, stderr: '' }).toEqual({ ...expected, stderr: '' });
    expect(readFileSync(mine).equals(before)).toBe(true);
    // Ours again, but writable by others: not taken either.
    for (const d of [home, path.join(home, 'wcdoctor'), path.dirname(mine)]) chownSync(d, 0, 0);
    chmodSync(path.join(home, 'wcdoctor'), 0o777);
    expect(run(cli, args, { XDG_CACHE_HOME: home, WCDOCTOR_DEBUG: '1' }).stderr).toContain(`code cache not used (${bundle})`);
  });

  it("takes no cache of this user's from another build, and writes none when told not to or where it cannot", () => {
    const [bundle, args] = BUNDLES[0]!;
    const expected = shipped(args);
    const { cli, home, mine } = copyForAnotherNode(bundle);
    expect(run(cli, args, { XDG_CACHE_HOME: home }).code).toBe(expected.code);
    // Another build's cache of this user is not taken, and is replaced.
    const data = readFileSync(mine);
    writeFileSync(mine, Buffer.concat([Buffer.from('wcdoctor-code-cache 00000000000000000000000000000000 v8 1.2.3.4\n'), data.subarray(data.indexOf(10) + 1)]));
    expect(run(cli, args, { XDG_CACHE_HOME: home, WCDOCTOR_DEBUG: '1' }).stderr).toContain(`code cache not used (${bundle})`);
    expect(readFileSync(mine).subarray(0, 60).toString()).not.toContain('00000000000000000000000000000000');
    // NODE_DISABLE_COMPILE_CACHE: nothing is read or written; a folder that cannot be written: the same answer.
    const off = mkdtempSync(path.join(tmpdir(), 'wcdoctor-user-cache-'));
    copies.push(off);
    expect(run(cli, args, { XDG_CACHE_HOME: off, NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual(expected);
    expect(readdirSync(off)).toEqual([]);
    const blocked = path.join(off, 'a-file');
    writeFileSync(blocked, '');
    expect(run(cli, args, { XDG_CACHE_HOME: blocked })).toEqual(expected);
  });

  it.runIf(process.platform !== 'win32')("reads no FIFO or device where this user's cache is: the start neither waits nor reads without end (found by a helper)", () => {
    const [bundle, args] = BUNDLES[0]!;
    const expected = shipped(args);
    const { cli, home, mine } = copyForAnotherNode(bundle);
    mkdirSync(path.dirname(mine), { recursive: true, mode: 0o700 });
    expect(spawnSync('mkfifo', [mine]).status).toBe(0);
    const started = Date.now();
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 15_000, env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: home } });
    expect(r.signal).toBeNull();
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual(expected);
    expect(Date.now() - started).toBeLessThan(15_000);
    rmSync(mine, { force: true });
    symlinkSync('/dev/zero', mine);
    const z = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 15_000, env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: home } });
    expect(z.signal).toBeNull();
    expect(z.status).toBe(expected.code);
  });

  it('answers --version from the diagnose bundle, as the full one does', () => {
    for (const flag of ['--version', '-V']) {
      const r = run(path.join(DIST, 'cli.js'), [flag], { WCDOCTOR_DEBUG: '1' });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('code cache used (diagnose.js)');
      expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    }
    expect(run(path.join(DIST, 'cli.js'), ['-V', '--no-color'], { WCDOCTOR_DEBUG: '1' }).stderr).toContain('(main.js)');
  });

  it('ends a plain diagnosis written to a pipe as soon as it is out, with every byte and the exit code, and writes the code cache on the way out when asked', () => {
    // A long answer (every match, with its evidence), compared with the same run read by commander, which ends as Node ends it.
    const long = `${PASTE}\n${'hcsshim::CreateComputeSystem failed: The virtual machine could not be started (0xc0370102)\n'.repeat(40)}`;
    const viaRun = run(path.join(DIST, 'cli.js'), ['diagnose', '--json', '--limit', '50', long]);
    const viaCommander = run(path.join(DIST, 'cli.js'), ['diagnose', '--json', '--limit', '50', '--', long]);
    expect(viaRun).toEqual(viaCommander);
    expect(viaRun.code).toBe(0);
    expect(() => JSON.parse(viaRun.stdout) as unknown).not.toThrow();
    const none = run(path.join(DIST, 'cli.js'), ['diagnose', '--json', 'nothing of the kind here']);
    expect(none.code).toBe(1);
    // The run of the test above of the build's request (the same command line, a plain diagnosis).
    const written = cacheWrittenWhenAsked('diagnose.js', ['diagnose', '--json', PASTE]);
    expect(written.code).toBe(0);
    expect(written.size).toBeGreaterThan(10_000);
  });

  it('gives a plain diagnosis and the same read by commander the same answer', () => {
    const [plain, commander] = BUNDLES.map(([, args]) => shipped(args));
    expect(plain).toEqual(commander);
  });

  it('keeps commander out of the diagnose bundle, which hands any other command line to the full bundle', () => {
    const root = installedCopy();
    // The diagnose bundle run as a module, with the full bundle registered as the launchers do.
    const script = path.join(root, 'dist', 'hand-over.cjs');
    writeFileSync(
      script,
      [
        // Each bundle is a CommonJS module already wrapped (see BUNDLE_WRAPPER): its text evaluates to the module function.
        "const load = (name) => { const file = require('node:path').join(__dirname, name); const m = { exports: {} }; require('node:vm').runInThisContext(require('node:fs').readFileSync(file, 'utf8'), { filename: file })(m.exports, require, m, file, __dirname); return m.exports; };",
        "globalThis[Symbol.for('wcdoctor.mainBundle')] = () => load('main.js');",
        "process.argv.splice(2, 0, 'explain', '0x800705B4', '--json');",
        "load('diagnose.js').startFromProcess();",
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    const expected = run(path.join(DIST, 'cli.js'), ['explain', '0x800705B4', '--json']);
    expect(expected.code).toBe(0);
    expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual(expected);
    expect(statSync(path.join(DIST, 'diagnose.js')).size).toBeLessThan(statSync(path.join(DIST, 'main.js')).size / 2);
  });

  it.each(BUNDLES)('builds %s as ASCII text already wrapped as a CommonJS module, which the launcher compiles as it is', (bundle) => {
    const source = readFileSync(path.join(DIST, bundle), 'utf8');
    // One character outside ASCII makes V8 hold the whole text in two bytes a character.
    expect(source).toMatch(/^[\x00-\x7f]*$/);
    const [first, second] = source.split('\n', 2);
    expect(first).toMatch(/^\/\/ wcdoctor-build: \w{32}$/);
    expect(second?.startsWith(BUNDLE_WRAPPER)).toBe(true);
    expect(wrappedSource(source)).toBe(source);
  });

  it('loads its ES-module parts (here `kb`) without a warning', () => {
    // On an empty knowledge folder: the part loads and runs the same, without assembling the real knowledge (seconds of timing
    // every pattern, which the in-process kb tests do with the run's cached verdicts). Its own line is all it writes.
    const empty = mkdtempSync(path.join(tmpdir(), 'wcdoctor-empty-root-'));
    mkdirSync(path.join(empty, 'knowledge'));
    try {
      const stats = run(path.join(DIST, 'cli.js'), ['kb', 'stats', '--json', '--root', empty]);
      expect(stats.stderr).toMatch(/^wcdoctor kb stats: the knowledge base has \d+ problem\(s\); run "wcdoctor kb check"\n$/);
      expect(stats.code).toBe(3);
      expect(JSON.parse(stats.stdout)).toMatchObject({ sources: [], languages: expect.any(Array) });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('loads fuse.js on first use: a misspelt word is matched by its spelling in both bundles', () => {
    // "procesor" is no word of the index: the words rule asks fuse.js (bundled behind a stand-in that
    // requires it when the first spelling index is made) for the nearest one.
    const text = 'container start times out, procesor count set to 2 on a 4 core VM';
    const viaDiagnose = run(path.join(DIST, 'cli.js'), ['diagnose', '--json', text], { WCDOCTOR_DEBUG: '1' });
    const viaMain = run(path.join(DIST, 'cli.js'), ['diagnose', '--json', '--', text]);
    expect(viaDiagnose.stderr).toContain('(diagnose.js)');
    expect(viaDiagnose.stderr).not.toContain('internal error');
    expect(viaMain.stdout).toBe(viaDiagnose.stdout);
    const best = (JSON.parse(viaDiagnose.stdout) as { matches: { id: string; evidence: { matched: string }[] }[] }).matches[0];
    expect(best?.id).toBe('processor-count-start-timeout');
  });

  it('tells the bundle where its package is: no folder walk, so a copy whose package.json has another name still runs', () => {
    const root = installedCopy();
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'vendored-wcdoctor', type: 'module' }));
    cpSync(path.resolve(DIST, '..', 'locales'), path.join(root, 'locales'), { recursive: true });
    const r = run(path.join(root, 'dist', 'cli.js'), ['diagnose', '--json', PASTE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { matches: { id: string }[] }).matches[0]?.id).toBe('processor-count-start-timeout');
  });
});

