import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { probeAuditLog } from '../../src/platform/audit-log.js';
import { openSettings } from '../../src/platform/settings.js';
import { makeDirs } from '../../src/platform/make-dirs.js';
import { loadPatternVerdicts, savePatternVerdicts, verdictCacheFile } from '../../src/platform/pattern-verdict-cache.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'wcd-mkdirs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const errorOf = (f: () => void): NodeJS.ErrnoException | undefined => {
  try {
    f();
  } catch (e) {
    return e as NodeJS.ErrnoException;
  }
  return undefined;
};
/** /proc answers ENOENT to a mkdir of a new folder whose parent exists, which made mkdirSync's recursive mode spin. */
const PROC = process.platform === 'linux' && existsSync('/proc/self');

describe('makeDirs: a folder and its missing parents', () => {
  it('makes every missing level, with the mode asked for, and accepts a folder that is there', () => {
    const dir = path.join(tmp, 'a', 'b', 'c');
    makeDirs(dir, 0o700);
    expect(statSync(dir).isDirectory()).toBe(true);
    for (const d of [path.join(tmp, 'a'), path.join(tmp, 'a', 'b'), dir]) expect(statSync(d).mode & 0o777).toBe(0o700);
    makeDirs(dir);
    makeDirs(path.join(tmp, 'a'));
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('throws ENOTDIR when a file is in the way, at the folder or above it', () => {
    const file = path.join(tmp, 'file');
    writeFileSync(file, 'x');
    expect(errorOf(() => makeDirs(path.join(file, 'sub', 'deeper')))?.code).toBe('ENOTDIR');
    expect(errorOf(() => makeDirs(file))?.code).toBe('ENOTDIR');
  });

  it.skipIf(!PROC)('fails at once under /proc, where mkdirSync({ recursive: true }) never returns', () => {
    expect(errorOf(() => makeDirs('/proc/wcd-no-such-folder/wcdoctor/pattern-verdicts', 0o700))?.code).toBe('ENOENT');
    // What the callers do with it: the pattern verdicts are not kept, and nothing else happens.
    expect(savePatternVerdicts(verdictCacheFile('x-node1', '/proc/wcd-no-such-folder/wcdoctor'))).toBe(0);
    expect(loadPatternVerdicts(verdictCacheFile('x-node1', '/proc/wcd-no-such-folder/wcdoctor'))).toBe(0);
    // The audit log under a data folder there (XDG_DATA_HOME=/proc/…): the fix is refused with the reason, before it runs.
    expect(errorOf(() => probeAuditLog('/proc/wcd-no-such-folder/wcdoctor'))?.message).toMatch(/^cannot write the audit log \/proc\/wcd-no-such-folder\/wcdoctor\/.+: /);
  });

  it.skipIf(!PROC)('a setting saved to a settings folder under /proc becomes the store\'s "unwritable" problem (conf made the folder with the recursive mode)', async () => {
    const store = openSettings({ cwd: '/proc/wcd-no-such-folder/wcdoctor', env: {} });
    store.set('theme', 'default');
    await store.flush();
    expect(store.takeProblem()).toMatchObject({ kind: 'unwritable', file: '/proc/wcd-no-such-folder/wcdoctor/config.json' });
    expect(store.get().theme).toBe('default');
  });

  it.skipIf(!PROC)('the bug it works around is still there in this Node (a child that spins is stopped after half a second)', () => {
    // When Node fixes mkdirSync, this fails: makeDirs may then go.
    const r = spawnSync(process.execPath, ['-e', "require('node:fs').mkdirSync('/proc/wcd-no-such-folder/x', { recursive: true })"], { timeout: 500 });
    expect(r.signal).toBe('SIGTERM');
  });
});
