// Issue 11, items 6 and 8 for settings: reading config.json at start-up never blocks and never reads
// without bound. A FIFO or a link to /dev/zero at its path is refused at once (defaults are used and
// the problem is reported); a link to a regular file is read as that file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, openSettings } from '../../src/platform/settings.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(path.join(tmpdir(), 'wcd-settings-read-')));

describe('reading settings is bounded', () => {
  it.runIf(process.platform !== 'win32')('a FIFO at config.json is refused at once, not waited on', () => {
    fresh();
    execFileSync('mkfifo', [path.join(dir, 'config.json')]);
    const s = openSettings({ cwd: dir });
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.takeProblem()).toMatchObject({ kind: 'unreadable', detail: expect.stringMatching(/not a regular file/) });
  }, 10_000);

  it.runIf(process.platform !== 'win32')('a link to /dev/zero is refused, not read without end', () => {
    fresh();
    symlinkSync('/dev/zero', path.join(dir, 'config.json'));
    const s = openSettings({ cwd: dir });
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.takeProblem()?.kind).toBe('unreadable');
  }, 10_000);

  it('a file larger than any settings file is treated as damaged and set aside', () => {
    fresh();
    writeFileSync(path.join(dir, 'config.json'), `{"theme":"default"${' '.repeat(2 * 1024 * 1024)}}`);
    const s = openSettings({ cwd: dir });
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.takeProblem()?.kind).toBe('corrupt');
  });

  it.runIf(process.platform !== 'win32')('a link to a regular file is read as that file', () => {
    fresh();
    const target = path.join(dir, 'real.json');
    writeFileSync(target, JSON.stringify({ theme: 'high-contrast' }));
    symlinkSync(target, path.join(dir, 'config.json'));
    expect(openSettings({ cwd: dir }).get()).toMatchObject({ theme: 'high-contrast' });
  });
});
