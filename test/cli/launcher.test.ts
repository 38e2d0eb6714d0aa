import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const built = ['cli.js', 'main.js', 'main.js.cache', 'kb.json'].every((f) => existsSync(path.join(DIST, f)));
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
const run = (cli: string, args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const ARGS = ['diagnose', '--json', "Start-Container : 'api' failed to start: This operation returned because the timeout period expired. (0x800705B4)."];

describe.skipIf(!built)('the launcher (dist/cli.js) and its code cache', () => {
  it('has a code cache that this Node accepts for the bundle', () => {
    const r = run(path.join(DIST, 'cli.js'), ['--version'], { WCDOCTOR_DEBUG: '1' });
    expect(r.stderr).toContain('code cache used');
  });

  it('takes no cache made from another build of the bundle', () => {
    const root = installedCopy();
    const cli = path.join(root, 'dist', 'cli.js');
    const cache = path.join(root, 'dist', 'main.js.cache');
    const data = readFileSync(cache);
    const other = Buffer.concat([Buffer.from('wcdoctor-code-cache 00000000000000000000000000000000\n'), data.subarray(data.indexOf(10) + 1)]);
    writeFileSync(cache, other);
    const r = run(cli, ARGS, { WCDOCTOR_DEBUG: '1' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('code cache not used');
  });

  it('runs the same with a damaged or missing cache, and never writes one unasked', () => {
    const expected = run(path.join(DIST, 'cli.js'), ARGS);
    expect(expected.code).toBe(0);
    const root = installedCopy();
    const cli = path.join(root, 'dist', 'cli.js');
    const cache = path.join(root, 'dist', 'main.js.cache');
    writeFileSync(cache, 'not a V8 code cache');
    expect(run(cli, ARGS)).toEqual(expected);
    rmSync(cache);
    expect(run(cli, ARGS)).toEqual(expected);
    expect(existsSync(cache)).toBe(false);
  });

  it('writes the cache when the build asks for it, atomically', () => {
    const root = installedCopy();
    const cache = path.join(root, 'dist', 'main.js.cache');
    rmSync(cache);
    const r = run(path.join(root, 'dist', 'cli.js'), ARGS, { WCDOCTOR_WRITE_CODE_CACHE: '1' });
    expect(r.code).toBe(0);
    expect(statSync(cache).size).toBeGreaterThan(10_000);
    expect(run(path.join(root, 'dist', 'cli.js'), ['--version'], { WCDOCTOR_DEBUG: '1' }).stderr).toContain('code cache used');
    expect(readdirSync(path.join(root, 'dist')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('loads its ES-module parts (here `kb`) without a warning', () => {
    const stats = run(path.join(DIST, 'cli.js'), ['kb', 'stats', '--json']);
    expect(stats.stderr).toBe('');
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toHaveProperty('sources');
  });
});
