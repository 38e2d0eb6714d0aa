import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tFor } from '../helpers/i18n.js';
import { fetchedNode, firstFrame, hasTmux, release, releaseSkipReason, repoRoot, unpackedBuild } from './release-artefacts.js';

// The Linux twin of wcdoctor.exe (the same SEA blob in the Linux node of the same version) against
// the npm build, `node dist/cli.js`: same output, same exit code, for every command.
const skip = releaseSkipReason('linuxTwin');
if (skip) console.warn(`test/release/sea.test.ts: SKIPPED, ${skip}`);
const twin = release?.linuxTwin ?? '';
const cli = path.join(repoRoot, 'dist', 'cli.js');

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = (label: string) => {
  const d = mkdtempSync(path.join(tmpdir(), `wcd-sea-${label}-`));
  temps.push(d);
  return d;
};
/** A clean environment of our own: no settings, history or unpacked files from elsewhere. */
function envIn(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    XDG_CACHE_HOME: path.join(home, 'cache'),
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    TMPDIR: path.join(home, 'tmp'),
    LANG: 'en_US.UTF-8',
    NO_COLOR: '1',
    ...extra,
  };
}
const home = tempDir('home');
mkdirSync(path.join(home, 'tmp'), { recursive: true });
const run = (cmd: string[], args: string[], input = '', env = envIn(home)) => {
  const r = spawnSync(cmd[0] ?? '', [...cmd.slice(1), ...args], { input, encoding: 'utf8', env, timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
/**
 * kb build and kb check time every pattern against adversarial input with a wall-clock budget
 * (src/core/text/regex-safety.ts), which a heavily loaded machine can exceed now and then: such a
 * run is repeated (twice at most), since what is compared here is the executable, not the clock.
 */
function retryingTimeouts(cmd: string[], args: string[], input = ''): ReturnType<typeof run> {
  let r = run(cmd, args, input);
  for (let i = 0; i < 2 && args[0] === 'kb' && r.stderr.includes('backtracks too much'); i++) r = run(cmd, args, input);
  return r;
}
const viaNpm = (args: string[], input = '') => retryingTimeouts([process.execPath, cli], args, input);
const viaSea = (args: string[], input = '') => retryingTimeouts([twin], args, input);

const paste = "Start-Container : 'api' failed to start: This operation returned because the timeout period expired. (0x800705B4).\nhnsCall failed in Win32: The remote procedure call failed. (0x6be)";
const CASES: [string, string[], string?][] = [
  ['version', ['--version']],
  ['help', ['--help']],
  ['diagnose a code', ['diagnose', '0x800705B4']],
  ['diagnose --json', ['diagnose', '--json', 'failed to create endpoint web on network nat: hnsCall failed in Win32: The remote procedure call failed. (0x6be)']],
  ['diagnose from stdin', ['diagnose', '-'], paste],
  ['diagnose, no match', ['diagnose', '--json', '-'], 'nothing to see here'],
  ['diagnose, bad --limit', ['diagnose', '--limit', 'x', 'a']],
  ['explain', ['explain', '0x800705B4']],
  ['explain --json by name', ['explain', '--json', 'ERROR_TIMEOUT']],
  ['explain, not a code', ['explain', 'not-a-code']],
  ['docs list', ['docs']],
  ['docs topic', ['docs', 'processor-count-start-timeout']],
  ['docs topic in Swedish', ['docs', 'processor-count-start-timeout', '--lang', 'sv-SE']],
  ['docs --json', ['docs', '--json', 'slow-start-antivirus']],
  ['docs, unknown topic', ['docs', 'no-such-topic']],
  ['fix list', ['fix', 'nat-static-mapping-conflict']],
  ['compat', ['compat', '--host', 'ltsc2019', '--image', 'mcr.microsoft.com/windows/servercore:ltsc2022']],
  ['network', ['network']],
  ['troubleshoot list', ['troubleshoot']],
  ['troubleshoot outline', ['troubleshoot', 'container-wont-start']],
  ['history, empty', ['history']],
  ['unknown command', ['no-such-command']],
  ['check --script', ['check', '--script']],
  ['check --from a collector document', ['check', '--from', path.join(repoRoot, 'test/fixtures/check/hosts/ws2019-problems.json')]],
  ['kb check --root', ['kb', 'check', '--root', repoRoot]],
  ['kb stats --json --root', ['kb', 'stats', '--json', '--root', repoRoot]],
];

describe.skipIf(Boolean(skip))('the Linux twin of wcdoctor.exe (single executable)', { timeout: 90000 }, () => {
  it.each(CASES)('%s: same output and exit code as node dist/cli.js', (_name, args, input) => {
    const expected = viaNpm(args, input);
    const got = viaSea(args, input);
    expect(got).toEqual(expected);
    expect(got.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
  });

  it('kb build --root builds the same knowledge base as the npm build on the same Node', () => {
    // kb build times patterns against a budget (src/core/text/regex-safety.ts), and whether a pattern widened to a
    // message's other wordings stays within it is read off the clock of the regex engine it runs on: Node 22's took
    // 4-5 ms on one that Node 24's took 2 (found in the thirtieth session, the same executable and knowledge built
    // two ways). So the npm build runs here on the executable's Node: both then keep their verdicts in the same
    // file of the same cache (its name carries the checker's hash and the Node version), and what is compared is
    // the executable, not the clock.
    const exeNode = fetchedNode('exe');
    expect(exeNode, 'scripts/fetch-node.mjs linux exe').toBeDefined();
    const [a, b] = [tempDir('kb-a'), tempDir('kb-b')];
    for (const d of [a, b]) cpSync(path.join(repoRoot, 'knowledge'), path.join(d, 'knowledge'), { recursive: true });
    const fromNpm = retryingTimeouts([exeNode!, cli], ['kb', 'build', '--root', a]);
    const fromSea = viaSea(['kb', 'build', '--root', b]);
    expect([fromNpm.code, fromSea.code]).toEqual([0, 0]);
    for (const f of ['kb.json', 'kb-text.json', 'kb-display.json']) expect(readFileSync(path.join(b, 'dist', f), 'utf8')).toBe(readFileSync(path.join(a, 'dist', f), 'utf8'));
    expect(readFileSync(path.join(b, 'dist', 'kb-terms.bin')).equals(readFileSync(path.join(a, 'dist', 'kb-terms.bin')))).toBe(true);
  });

  it('kb check without --root says where the knowledge is missing, without a stack trace', () => {
    const r = viaSea(['kb', 'check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('this installation carries the built knowledge base, not its sources');
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it('unpacks once, safely when 8 copies start at once, and removes older builds', async () => {
    const h = tempDir('race');
    const appDir = path.join(h, 'cache', 'wcdoctor', 'app');
    mkdirSync(path.join(appDir, '0.0.1-0123456789abcdef', 'dist'), { recursive: true });
    writeFileSync(path.join(appDir, '0.0.1-0123456789abcdef', 'dist', 'kb.json'), '{}');
    mkdirSync(path.join(appDir, 'not-ours'));
    const runOne = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(twin, ['diagnose', '--json', '0x800705B4'], { env: envIn(h), stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('close', (code) => resolve({ code, out }));
      });
    const runs = await Promise.all(Array.from({ length: 8 }, runOne));
    const expected = viaNpm(['diagnose', '--json', '0x800705B4']);
    for (const r of runs) expect(r).toEqual({ code: expected.code, out: expected.stdout });
    const left = readdirSync(appDir).sort();
    expect(left).toHaveLength(2); // this build's folder and the folder that is not ours
    expect(left).toContain('not-ours');
    const build = left.find((d) => d !== 'not-ours') ?? '';
    expect(build).toMatch(/^\d+\.\d+\.\d+-[0-9a-f]{16}$/);
    expect(existsSync(path.join(appDir, build, '.wcdoctor-complete'))).toBe(true);
    expect(readdirSync(path.join(appDir, build, 'dist')).sort()).toEqual(['collect.ps1', 'esm', 'kb-display.json', 'kb-terms.bin', 'kb-text.json', 'kb.json', 'package.json']);
    // A file deleted from the folder since (a cleanup tool) is written again on the next start (found by a helper).
    rmSync(path.join(appDir, build, 'dist', 'kb-text.json'));
    const again = await runOne();
    expect(again).toEqual({ code: expected.code, out: expected.stdout });
    expect(existsSync(path.join(appDir, build, 'dist', 'kb-text.json'))).toBe(true);
  });

  it('runs its ES modules and its collector from itself, not from the unpacked folder, which may change while it runs (a regression tester: a module swapped after the start check was imported)', () => {
    const h = tempDir('swap');
    const env = envIn(h);
    expect(run([twin], ['--version'], '', env).code).toBe(0);
    const dist = path.join(unpackedBuild(path.join(h, 'cache', 'wcdoctor', 'app')), 'dist');
    // Same sizes, so that the start's check takes the folder: every ES module throws, the collector says so.
    const plant = (file: string, text: string) => {
      const size = statSync(file).size;
      writeFileSync(file, (text + ' '.repeat(size)).slice(0, size));
    };
    const modules = readdirSync(path.join(dist, 'esm'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs'));
    expect(modules.length).toBeGreaterThan(3);
    for (const f of modules) plant(path.join(dist, 'esm', f), 'process.stdout.write("PLANTED"); process.exit(42);');
    plant(path.join(dist, 'collect.ps1'), "Write-Output 'PLANTED'");
    // kb check is an ES-module part (dist/esm/kb.mjs): without the knowledge's sources it says so, exit 2.
    const kb = run([twin], ['kb', 'check'], '', env);
    expect(kb.stdout + kb.stderr).not.toContain('PLANTED');
    expect(kb.code).toBe(2);
    expect(kb.stderr).toContain('this installation carries the built knowledge base');
    const script = run([twin], ['check', '--script'], '', env);
    expect(script.code).toBe(0);
    expect(script.stdout).not.toContain('PLANTED');
    expect(script.stdout).toBe(viaNpm(['check', '--script']).stdout);
  });

  it('resolves its ES modules itself: a folder of them replaced by a link to planted ones (a junction needs no privilege on Windows) is not followed', () => {
    const h = tempDir('link');
    const env = envIn(h);
    expect(run([twin], ['--version'], '', env).code).toBe(0);
    const esm = path.join(unpackedBuild(path.join(h, 'cache', 'wcdoctor', 'app')), 'dist', 'esm');
    // The planted modules: the same names and sizes, elsewhere; the folder itself becomes a link to them.
    const planted = path.join(h, 'planted');
    cpSync(esm, planted, { recursive: true });
    for (const f of readdirSync(planted, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs'))) {
      const size = statSync(path.join(planted, f)).size;
      writeFileSync(path.join(planted, f), 'process.stdout.write("PLANTED"); process.exit(42);'.padEnd(size, ' '));
    }
    rmSync(esm, { recursive: true });
    symlinkSync(planted, esm, 'dir');
    // kb check is an ES-module part (dist/esm/kb.mjs and its chunks): without the knowledge's sources it says so, exit 2.
    const kb = run([twin], ['kb', 'check'], '', env);
    expect(kb.stdout + kb.stderr).not.toContain('PLANTED');
    expect(kb.code).toBe(2);
    expect(kb.stderr).toContain('this installation carries the built knowledge base');
  });

  it('reads its data files (the knowledge, the catalogues) from itself, not from the unpacked folder, which may change while it runs', () => {
    const h = tempDir('swap-data');
    const env = envIn(h);
    expect(run([twin], ['--version'], '', env).code).toBe(0);
    const unpacked = unpackedBuild(path.join(h, 'cache', 'wcdoctor', 'app'));
    // Same sizes, so that the start's check takes the folder; JSON that says something else, or bytes that are none.
    const data = ['dist/kb.json', 'dist/kb-text.json', 'dist/kb-display.json', 'dist/kb-terms.bin', ...readdirSync(path.join(unpacked, 'locales')).map((f) => `locales/${f}`)];
    expect(data.length).toBeGreaterThan(6);
    for (const rel of data) {
      const file = path.join(unpacked, rel);
      const size = statSync(file).size;
      writeFileSync(file, rel.endsWith('.json') ? `{"planted":true}`.padEnd(size, ' ') : Buffer.alloc(size, 0xff));
    }
    // A diagnosis (kb.json, kb-terms.bin, the topics' display fields in kb-display.json), a topic's text (kb-text.json)
    // and another language's catalogue: each as the npm install gives it.
    for (const args of [['diagnose', '--json', paste], ['diagnose', '--lang', 'ko-KR', paste], ['docs', 'nat-static-mapping-conflict'], ['compat', '--host', '17763', '--image', 'mcr.microsoft.com/windows/servercore:ltsc2022']]) {
      const own = run([twin], args, '', env);
      const expected = viaNpm(args);
      expect({ args, code: own.code, out: own.stdout, err: own.stderr }).toEqual({ args, code: expected.code, out: expected.stdout, err: expected.stderr });
    }
  });

  it('says so plainly, exit 3, when no folder can be written for its files', () => {
    const h = tempDir('nowrite');
    writeFileSync(path.join(h, 'file'), '');
    const r = run([twin], ['--version'], '', envIn(h, { XDG_CACHE_HOME: path.join(h, 'file'), TMPDIR: path.join(h, 'file') }));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^wcdoctor: could not unpack/);
    // The folders that matter here, not Windows' (found by a tester).
    expect(r.stderr).toMatch(/set XDG_CACHE_HOME or TMPDIR to a folder you can write to/);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it('shows the control characters of the folders it names, never sends them (found by an attacker helper: an OSC in XDG_CACHE_HOME set the title)', () => {
    const h = tempDir('nowrite-escape');
    writeFileSync(path.join(h, 'file'), '');
    const hostile = path.join(h, 'file', '\u001b]0;owned\u0007\u001b]52;c;ZWNobw==\u0007\u009b8m');
    const r = run([twin], ['--version'], '', envIn(h, { XDG_CACHE_HOME: hostile, TMPDIR: hostile }));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^wcdoctor: could not unpack/);
    expect(r.stderr).toContain('␛]0;owned␇');
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('ignores NODE_OPTIONS (a --require there runs in node, not in the executable)', () => {
    const h = tempDir('node-options');
    const marker = path.join(h, 'ran');
    const preload = path.join(h, 'preload.cjs');
    writeFileSync(preload, `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x');`);
    const env = envIn(home, { NODE_OPTIONS: `--require ${preload}` });
    expect(run([twin], ['--version'], '', env).code).toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(run([process.execPath, cli], ['--version'], '', env).code).toBe(0);
    expect(existsSync(marker)).toBe(true);
  });

  it("takes no compiled code from NODE_COMPILE_CACHE's folder and writes none there: it starts again without the variable, passing on input, output and exit code (an attacker's entry planted there ran instead of wcdoctor)", () => {
    const cacheDir = tempDir('node-compile-cache');
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const plain = run([twin], ['diagnose', '--json', '-'], '0x800705B4');
    const withVar = run([twin], ['diagnose', '--json', '-'], '0x800705B4', envIn(home, { NODE_COMPILE_CACHE: cacheDir }));
    expect(withVar).toEqual(plain);
    expect(run([twin], ['diagnose', 'no error in this text at all'], '', envIn(home, { NODE_COMPILE_CACHE: cacheDir })).code).toBe(1);
    expect(files(cacheDir)).toEqual([]);
    // The entry's own code cache is taken (made by the same Node with the same flags): Node warned of a rejected one.
    expect(plain.stderr).toBe('');
  });

  it.each([['SIGTERM', 143], ['SIGHUP', 129]] as const)('started again without NODE_COMPILE_CACHE, passes %s sent to it on to its child and ends as the child did (found by a tester: the signal was swallowed)', async (signal, code) => {
    const child = spawn(twin, ['check', '--from', '-'], { env: envIn(home, { NODE_COMPILE_CACHE: tempDir('ncc-signal') }), stdio: ['pipe', 'pipe', 'pipe'] });
    // Waiting for its input: the child is up when the parent has started it; a moment for both.
    await new Promise((r) => setTimeout(r, 1500));
    // It did start again: a child of the same executable, without the variable (a reviewer: the headless test alone
    // would pass without the restart).
    const kids = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    expect(kids).toHaveLength(1);
    expect(readFileSync(`/proc/${kids[0]}/environ`, 'utf8').split('\0')).not.toContainEqual(expect.stringMatching(/^NODE_COMPILE_CACHE=/));
    child.kill(signal);
    const ended = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(ended).toBe(code);
  }, 30_000);

  it('starts with the young generation its configuration gives (no scavenge while the knowledge base loads)', () => {
    const r = run([twin], ['diagnose', '--json', '0x800705B4'], '', envIn(home, { WCDOCTOR_DEBUG: '1' }));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('code cache used (diagnose.js); node flags: --min-semi-space-size=4');
    expect(run([process.execPath, cli], ['--version'], '', envIn(home, { WCDOCTOR_DEBUG: '1' })).stderr).toContain('node flags: none');
  });

  it.skipIf(!hasTmux)('opens the app in a terminal with the same first frame', async () => {
    const needle = tFor('en')('home.menu.diagnose');
    const env = { ...envIn(home), TERM: 'xterm-256color' };
    const fromSea = await firstFrame(twin, needle, env);
    const fromNpm = await firstFrame(`${process.execPath} ${cli}`, needle, env);
    expect(fromSea).toBe(fromNpm);
  });
});
