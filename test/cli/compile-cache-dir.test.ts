// The app's ES-module parts keep their compiled code in this user's cache folder, never in the shared temporary
// folder that is Node's default: what is there is run, and on a host several users share, one could plant entries
// another user's app would run (found by a helper following the README as an operator).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { registerEsmImporter } from '../../src/cli/run-bundle.js';

// Passed in, not mocked: the suite shares modules between files (isolate: false), so a mock of node:module would not
// reach a run-bundle.js another file loaded first.
const enableCompileCache = vi.fn();

const work = mkdtempSync(path.join(tmpdir(), 'wcd-cc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const importEsm = () => (globalThis as Record<symbol, unknown>)[Symbol.for('wcdoctor.importEsm')] as (s: string) => Promise<{ x: number }>;

describe('the compile cache of the ES-module parts', () => {
  it("is this user's folder, made 0700, and asked for once", async () => {
    writeFileSync(path.join(work, 'part.mjs'), 'export const x = 1;\n');
    const dir = path.join(work, 'cache', 'wcdoctor', 'compile-cache');
    registerEsmImporter(work, () => dir, enableCompileCache);
    expect((await importEsm()('part.mjs')).x).toBe(1);
    await importEsm()('part.mjs');
    expect(enableCompileCache.mock.calls).toEqual([[dir]]);
    if (process.platform !== 'win32') expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it.skipIf(process.platform === 'win32')('loses what Node never writes there before Node reads it: a FIFO held every start of the app (found by an attacker helper)', async () => {
    enableCompileCache.mockClear();
    const dir = path.join(work, 'cache2');
    const version = path.join(dir, 'v24.0.0-x64-abc');
    mkdirSync(version, { recursive: true });
    writeFileSync(path.join(version, 'kept'), 'compiled code');
    execFileSync('mkfifo', [path.join(version, 'fifo')]);
    symlinkSync('/dev/zero', path.join(version, 'link'));
    execFileSync('mkfifo', [path.join(dir, 'top-fifo')]);
    registerEsmImporter(work, () => dir, enableCompileCache);
    expect((await importEsm()('part.mjs')).x).toBe(1);
    expect(enableCompileCache.mock.calls).toEqual([[dir]]);
    expect(existsSync(path.join(version, 'kept'))).toBe(true);
    for (const gone of [path.join(version, 'fifo'), path.join(version, 'link'), path.join(dir, 'top-fifo')]) expect(() => statSync(gone), gone).toThrow();
  });

  it('is not kept at all when this user has no cache folder (never the shared temporary one)', async () => {
    enableCompileCache.mockClear();
    registerEsmImporter(work, () => undefined, enableCompileCache);
    expect((await importEsm()('part.mjs')).x).toBe(1);
    expect(enableCompileCache).not.toHaveBeenCalled();
  });
});
