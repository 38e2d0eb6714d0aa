// The built app in a real terminal, given a large fleet file on "Check collected output": the worker thread it starts
// from the bundle (dist/esm/check-worker.mjs) reads the file while the screen shows how far it is, Esc stops it, and the
// findings come once it is read again. With WCDOCTOR_RELEASE_DIR set, the same for the single executable (its Linux
// twin), which starts the worker from the files it unpacks: without them it would read on the app's thread, showing no
// progress. A third run replaces the executable's unpacked modules once it has unpacked them: it must import the worker's
// modules from itself, as it does the app's, so the replacements never run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tFor } from '../helpers/i18n.js';
import { writeFleetFile } from '../helpers/fleet-file.js';
import { afterRecordingStarts, paneWatcher } from '../helpers/tmux-pane.js';
import { release, releaseSkipReason, unpackedBuild } from '../release/release-artefacts.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = process.env.WCDOCTOR_E2E_CLI ?? path.join(root, 'dist/cli.js');
const worker = path.join(path.dirname(cli), 'esm', 'check-worker.mjs');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const skipReason = !hasTmux ? 'tmux is not installed' : !existsSync(cli) ? `${cli} is missing (npm run build)` : !existsSync(worker) ? `${worker} is missing (npm run build)` : undefined;
if (skipReason) console.warn(`test/e2e/check-file.e2e.test.ts: SKIPPED, ${skipReason}`);

const en = tFor('en');
const HOSTS = 2500;
/** What is started in the pane: the npm build, and the single executable's Linux twin when a release is at hand. */
const twin = releaseSkipReason('linuxTwin') === undefined ? release!.linuxTwin : undefined;
const TARGETS: [string, string, boolean][] = [
  ['node dist/cli.js', `node '${cli}'`, false],
  ...(twin ? ([['the single executable', `'${twin}'`, false], ['the single executable, its unpacked modules replaced', `'${twin}'`, true]] as [string, string, boolean][]) : []),
];

describe.skipIf(skipReason !== undefined).each(TARGETS)('a large fleet file in the built app, %s (tmux 110x30)', (_, command, replaced) => {
  const socket = `wcdoctor-e2e-check-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-p', '-t', 'app');
  const keys = (...k: string[]) => tmux('send-keys', '-t', 'app', ...k);

  /** The pane, its output recorded: set when it is opened. */
  let pane: ReturnType<typeof paneWatcher>;
  /** Polls the pane until the check passes (captured again when it wrote something, see paneWatcher), and returns the screen it passed on. */
  const screenWhere = (check: (s: string) => boolean, what: string): Promise<string> => pane.where(check, what, { timeout: 30000, interval: 50 });
  const screenWith = (text: string) => screenWhere((s) => s.includes(text), JSON.stringify(text));

  let dir: string;
  let file: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'wcdoctor-e2e-check-'));
    file = path.join(dir, 'fleet.json');
    writeFleetFile(file, HOSTS);
    const script = afterRecordingStarts(dir) + [command, `echo $? > '${dir}/exit-code'`].join('; ');
    // A cache folder of its own: the executable unpacks its files there.
    const vars = ['LANG=en_US.UTF-8', 'LC_ALL=', 'LANGUAGE=', `WCDOCTOR_CONFIG_DIR=${dir}`, `WCDOCTOR_DATA_DIR=${dir}/data`, `XDG_CACHE_HOME=${dir}/cache`];
    if (replaced) replaceUnpackedModules(twin!, Object.fromEntries(vars.map((v) => v.split(/=(.*)/s).slice(0, 2) as [string, string])), path.join(dir, 'planted-module-ran'));
    const env = vars.flatMap((e) => ['-e', e]);
    tmux('new-session', '-d', '-s', 'app', '-x', '110', '-y', '30', ...env, 'sh', '-c', script, ';', 'set-option', '-t', 'app', 'remain-on-exit', 'on');
    // What the pane writes, recorded: the screen is captured again when it grew (see paneWatcher).
    tmux('pipe-pane', '-t', 'app', '-o', `cat > '${dir}/output'`);
    pane = paneWatcher(screen, path.join(dir, 'output'));
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows progress while the worker reads it, stops on Esc, reads it again on Enter, and quits', async () => {
    await screenWith(en('home.menu.diagnose'));
    const menu = screen().split('\n');
    const row = (label: string) => menu.findIndex((l) => l.includes(label));
    // The home menu's items are two lines each: down to "Check a host".
    for (let i = 0; i < (row(en('check.menu')) - row(en('home.menu.diagnose'))) / 2; i++) keys('Down');
    await screenWith(`❯ ${en('check.menu')}`);
    keys('Enter');
    // Off Windows the way that can run is chosen: checking collected output.
    await screenWith(`❯ ${en('check.app.paste')}`);
    keys('Enter');
    await screenWith(en('check.app.waiting'));
    keys('-l', file);
    await screenWith(en('check.app.pathHint'));
    keys('Enter');

    const progress = [en('check.app.progress.hosts', { done: 0, total: HOSTS, seconds: 0 }).split(':')[0]!, en('check.app.progress.parse', { file, size: 0, seconds: 0 }).split('(')[0]!, `${file}: `];
    const reading = await screenWhere((s) => progress.some((p) => s.includes(p)), 'the progress of the read');
    expect(reading).toContain(`Esc ${en('check.app.keys.cancel')}`);
    keys('Escape');
    const cancelled = await screenWith(en('check.app.readCancelled', { file }));
    expect(cancelled).toContain(`wcdoctor › ${en('check.app.paste')}`);
    expect(cancelled).not.toContain(en('check.fleet.header', { count: HOSTS }));

    keys('Enter');
    const done = await screenWith(en('check.fleet.header', { count: HOSTS }));
    expect(done).toContain(en('check.app.fromFile', { file }));
    expect(done).toMatch(/❯ [✖!✔] {2}node00001\.contoso\.com/);
    keys('q');
    await vi.waitFor(() => expect(readFileSync(path.join(dir, 'exit-code'), 'utf8').trim()).toBe('0'), { timeout: 10000, interval: 100 });
    expect(existsSync(path.join(dir, 'planted-module-ran'))).toBe(false);
  });
});

/**
 * Unpacks the executable (`--version`, in `env`), then replaces every ES module it unpacked by one of the same size (the
 * start's check takes the folder) that writes `marker` when it is imported, in the app's thread or in a worker.
 */
function replaceUnpackedModules(exe: string, env: Record<string, string>, marker: string): void {
  execFileSync(exe, ['--version'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  const esm = path.join(unpackedBuild(path.join(env.XDG_CACHE_HOME!, 'wcdoctor', 'app')), 'dist', 'esm');
  const modules = readdirSync(esm, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs'));
  expect(modules).toContain('check-worker.mjs');
  const planted = `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'ran');`;
  for (const f of modules) {
    const size = statSync(path.join(esm, f)).size;
    expect(size).toBeGreaterThan(planted.length);
    writeFileSync(path.join(esm, f), planted.padEnd(size, ' '));
  }
}
