import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tFor } from '../helpers/i18n.js';
import { fetchedNode, firstFrame, hasTmux, release, releaseSkipReason, repoRoot, version } from './release-artefacts.js';

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
const run = (args: string[], extraPath?: string) => {
  const r = spawnSync(bin, args, { encoding: 'utf8', env: extraPath ? { ...env, PATH: `${extraPath}${path.delimiter}${env.PATH}` } : env, cwd: work });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
/** What npm said while installing (its warnings go to stderr). */
let installLog = '';

describe.skipIf(Boolean(skip))('the npm package, installed with npm install -g into a clean prefix', { timeout: 60000 }, () => {
  beforeAll(() => {
    const r = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', release?.tarball ?? ''], {
      env: { ...process.env, npm_config_cache: path.join(work, 'npm-cache') },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`npm install -g failed (${r.status}): ${r.stderr}`);
    installLog = `${r.stdout}${r.stderr}`;
  }, 120000);

  it("carries a package.json for users: no scripts (npm 11 warned of `prepare: npm run build` at install) or devDependencies, the repository's keeping its own", () => {
    const packed = JSON.parse(execFileSync('tar', ['-xzOf', release?.tarball ?? '', 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    const repo = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
    for (const dev of ['scripts', 'devDependencies', 'allowScripts']) expect(packed).not.toHaveProperty(dev);
    // Only fields an installed package reads, each as the repository has it.
    const forUsers = ['name', 'version', 'description', 'keywords', 'homepage', 'bugs', 'license', 'author', 'contributors', 'funding', 'repository', 'type', 'main', 'exports', 'bin', 'man', 'engines', 'os', 'cpu', 'files', 'dependencies', 'optionalDependencies', 'peerDependencies', 'peerDependenciesMeta', 'bundleDependencies'];
    for (const key of Object.keys(packed)) expect(forUsers).toContain(key);
    for (const key of ['name', 'version', 'description', 'license', 'type', 'bin', 'engines', 'files']) expect(packed[key]).toEqual(repo[key]);
    expect(packed).toEqual(Object.fromEntries(Object.entries(repo).filter(([k]) => forUsers.includes(k))));
    // The clone's own package.json still builds on `npm install` and runs `npm test`.
    expect(repo.scripts).toMatchObject({ prepare: 'npm run build', test: expect.any(String) });
    expect(JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'))).toEqual(packed);
    expect(installLog).not.toMatch(/script/i);
  });

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

  // Its own limit: fetching that Node (scripts/fetch-node.mjs, up to 120 s on a cold cache) comes first (found by a reviewer).
  it('runs on the oldest Node line package.json "engines" accepts, through the same bin', { timeout: 180_000 }, () => {
    // The Node of the oldest line package.json "engines" accepts.
    const node = fetchedNode('oldest');
    if (!node) return console.warn('npm-package.test.ts: the oldest Node line could not be fetched; only the LTS ran the package');
    // The bin's `#!/usr/bin/env node` finds this Node first on PATH.
    const found = spawnSync('node', ['--version'], { encoding: 'utf8', env: { PATH: `${path.dirname(node)}${path.delimiter}${env.PATH}` } }).stdout.trim();
    expect(found).toBe(spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim());
    expect(run(['--version'], path.dirname(node))).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const r = run(['diagnose', '0x800705B4'], path.dirname(node));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[processor-count-start-timeout]');
    console.info(`npm package run by its bin on Node ${found}`);
  });

  it.skipIf(!hasTmux)('opens the app on its first frame', async () => {
    const screen = await firstFrame(bin, tFor('en')('home.menu.diagnose'), { ...env, TERM: 'xterm-256color' });
    expect(screen).toContain(tFor('en')('home.menu.diagnoseHint').slice(0, 20));
  });
});
