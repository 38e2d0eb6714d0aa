// Settings saved by two copies at once (found by an attacker helper: one copy's change was lost in 3 of 10 rounds):
// the read-merge-write step runs under a lock file.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withFileLock } from '../../src/platform/file-lock.js';

const dir = mkdtempSync(path.join(tmpdir(), 'wcd-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('withFileLock', () => {
  it('holds the lock file while the step runs and removes it after, also when the step throws', () => {
    const lock = path.join(dir, 'a.lock');
    expect(withFileLock(lock, () => existsSync(lock))).toBe(true);
    expect(existsSync(lock)).toBe(false);
    expect(() => withFileLock(lock, () => { throw new Error('step failed'); })).toThrow('step failed');
    expect(existsSync(lock)).toBe(false);
  });

  it("removes a crashed copy's lock (older than a few seconds) and takes it", () => {
    const lock = path.join(dir, 'stale.lock');
    writeFileSync(lock, '99999');
    utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(withFileLock(lock, () => readFileSync(lock, 'utf8'))).toBe(String(process.pid));
    expect(existsSync(lock)).toBe(false);
    // Dated an hour ahead (a clock set back after the crash): a crashed copy's too (an attacker helper).
    writeFileSync(lock, '99999');
    utimesSync(lock, new Date(Date.now() + 3_600_000), new Date(Date.now() + 3_600_000));
    expect(withFileLock(lock, () => readFileSync(lock, 'utf8'))).toBe(String(process.pid));
  });

  it("goes on without a lock another copy holds for too long, and leaves that copy's lock alone", () => {
    const lock = path.join(dir, 'held.lock');
    writeFileSync(lock, '12345');
    let t = Date.now();
    // A clock that runs fast: the wait ends at once instead of after two seconds.
    expect(withFileLock(lock, () => 'ran', () => (t += 1_000))).toBe('ran');
    expect(readFileSync(lock, 'utf8')).toBe('12345');
  });

  it('never spins on a link or a folder at the lock path: it waits its while, then goes on (found by a tester: a dangling link kept a fix at full CPU)', () => {
    for (const [name, make] of [['dangling', (p: string) => symlinkSync(path.join(dir, 'nowhere'), p)], ['folder', (p: string) => mkdirSync(p)]] as const) {
      const lock = path.join(dir, `${name}.lock`);
      make(lock);
      let calls = 0;
      let t = Date.now();
      const clock = () => {
        calls++;
        return (t += 100);
      };
      expect(withFileLock(lock, () => 'ran', clock)).toBe('ran');
      // A bounded number of looks at the clock, whatever the lock path holds.
      expect(calls).toBeLessThan(40);
    }
  });

  it('keeps every change of two processes that read, change and write one file at the same time', async () => {
    const counter = path.join(dir, 'counter');
    writeFileSync(counter, '0');
    const code = `import { readFileSync, writeFileSync } from 'node:fs';
      import { withFileLock } from ${JSON.stringify(path.resolve(import.meta.dirname, '../../src/platform/file-lock.ts'))};
      for (let i = 0; i < 300; i++) withFileLock(${JSON.stringify(`${counter}.lock`)}, () => writeFileSync(${JSON.stringify(counter)}, String(Number(readFileSync(${JSON.stringify(counter)}, 'utf8')) + 1)));`;
    const run = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: 'ignore' });
        child.on('exit', resolve);
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    expect(readFileSync(counter, 'utf8')).toBe('600');
  }, 60_000);
});
