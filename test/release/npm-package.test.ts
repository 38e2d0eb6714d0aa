import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tFor } from '../helpers/i18n.js';
import { firstFrame, hasTmux, release, releaseSkipReason, version } from './release-artefacts.js';

// The npm tarball of the release, installed globally into a clean prefix, offline (it has no
// dependencies to fetch: dist/ is bundled), and run from there with no dev dependency in sight.
const skip = releaseSkipReason('tarball');
if (skip) console.warn(`test/release/npm-package.test.ts: SKIPPED, ${skip}`);

const work = mkdtempSync(path.join(tmpdir(), 'wcd-npm-'));
const prefix = path.join(work, 'prefix');
const bin = path.join(prefix, 'bin', 'wcdoctor');
const installed = path.join(prefix, 'lib', 'node_modules', 'wcdoctor');
const env = {
  PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
  HOME: work,
  XDG_CONFIG_HOME: path.join(work, 'config'),
  XDG_DATA_HOME: path.join(work, 'data'),
  NO_COLOR: '1',
  LANG: 'en_US.UTF-8',
};
afterAll(() => rmSync(work, { recursive: true, force: true }));
const run = (args: string[]) => {
  const r = spawnSync(bin, args, { encoding: 'utf8', env, cwd: work });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe.skipIf(Boolean(skip))('the npm package, installed with npm install -g into a clean prefix', { timeout: 60000 }, () => {
  beforeAll(() => {
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', release?.tarball ?? ''], {
      env: { ...process.env, npm_config_cache: path.join(work, 'npm-cache') },
      stdio: 'pipe',
    });
  }, 120000);

  it('ships dist/, the locales and the vendored documents\' licence, without sources, tests, the SEA entry or any dependency', () => {
    const top = readdirSync(installed).sort();
    expect(top).toEqual(['README.md', 'dist', 'knowledge', 'locales', 'package.json']);
    // Of knowledge/, only the licence of the vendored documents (their text is in dist/kb-text.json).
    expect(readdirSync(path.join(installed, 'knowledge'), { recursive: true }).sort()).toEqual(['sources', path.join('sources', 'LICENSE')]);
    expect(existsSync(path.join(installed, 'node_modules'))).toBe(false);
    expect(existsSync(path.join(installed, 'dist', 'sea.js'))).toBe(false);
    const size = statSync(release?.tarball ?? '').size;
    console.info(`npm package: ${(size / 1024).toFixed(0)} KiB packed`);
  });

  it('wcdoctor --version', () => {
    expect(run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('wcdoctor diagnose', () => {
    const r = run(['diagnose', '0x800705B4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[processor-count-start-timeout]');
  });

  it('wcdoctor docs (the terminal renderer, an ES-module part)', () => {
    const r = run(['docs', 'processor-count-start-timeout']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('processor');
    expect(r.stderr).toBe('');
  });

  it('wcdoctor check --script prints the collector, and kb check without --root says it needs a clone (found by a helper: 36 made-up problems, exit 3)', () => {
    const script = run(['check', '--script']);
    expect(script.code).toBe(0);
    expect(script.stdout).toContain('wcdoctor-facts/1');
    const kb = run(['kb', 'check']);
    expect(kb.code).toBe(2);
    expect(kb.stderr).toMatch(/this installation carries the built knowledge base, not its sources/);
    expect(kb.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it.skipIf(!hasTmux)('opens the app on its first frame', async () => {
    const screen = await firstFrame(bin, tFor('en')('home.menu.diagnose'), { ...env, TERM: 'xterm-256color' });
    expect(screen).toContain(tFor('en')('home.menu.diagnoseHint').slice(0, 20));
  });
});
