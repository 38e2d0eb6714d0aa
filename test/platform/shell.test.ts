import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRunInProgress } from '../../src/platform/run-guard.js';
import { runCommand } from '../../src/platform/shell.js';

const node = process.execPath;

describe('runCommand', () => {
  it('holds the process while the command runs and until what awaits it has recorded it (a terminal closed under the app ended it before the audit entry: an attacker helper)', async () => {
    const run = runCommand(process.execPath, ['-e', 'setTimeout(() => {}, 200)']);
    expect(isRunInProgress()).toBe(true);
    const result = await run;
    // The turn that awaited the end (runFix appends the audit entry in it) still holds the process.
    expect(result.exitCode).toBe(0);
    expect(isRunInProgress()).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(isRunInProgress()).toBe(false);
  });

  it('captures stdout and stderr and returns exit code 0', async () => {
    const r = await runCommand(node, ['-e', 'process.stdout.write("out"); process.stderr.write("err")']);
    expect(r).toMatchObject({ exitCode: 0, stdout: 'out', stderr: 'err', timedOut: false, cancelled: false });
    expect(r.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('returns a non-zero exit as data', async () => {
    const r = await runCommand(node, ['-e', 'process.exit(7)']);
    expect(r.exitCode).toBe(7);
    expect(r.error).toBeUndefined();
  });

  it('passes each argument through unchanged, with no shell', async () => {
    const args = ['a b', '"q"', "'s'", '$(x)', '`y`', ';|&', '%PATH%', '*'];
    const r = await runCommand(node, ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', ...args]);
    expect(JSON.parse(r.stdout)).toEqual(args);
  });

  it('streams chunks before the process exits', async () => {
    // The child waits for a file that only onOutput creates, so it cannot exit before its first chunk was seen.
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'wcd-shell-'));
    const flag = path.join(tmp, 'go');
    const code = `console.log("first"); const t = setInterval(() => { if (require("fs").existsSync(${JSON.stringify(flag)})) { clearInterval(t); console.log("second"); } }, 20);`;
    const seen: string[] = [];
    const r = await runCommand(node, ['-e', code], {
      timeoutMs: 15_000,
      onOutput: (chunk, stream) => {
        seen.push(`${stream}:${chunk}`);
        if (chunk.includes('first')) writeFileSync(flag, '');
      },
    });
    expect(r.exitCode).toBe(0);
    expect(seen[0]).toMatch(/^stdout:first/);
    expect(seen.length).toBeGreaterThan(1);
    expect(r.stdout).toBe('first\nsecond\n');
    rmSync(tmp, { recursive: true, force: true });
  });

  it('writes input to stdin', async () => {
    const r = await runCommand(node, ['-e', 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(s.toUpperCase()))'], { input: 'héllo' });
    expect(r.stdout).toBe('HÉLLO');
  });

  it('stops the child at the timeout', async () => {
    const r = await runCommand(node, ['-e', 'setInterval(() => {}, 1000)'], { timeoutMs: 300 });
    expect(r).toMatchObject({ timedOut: true, cancelled: false });
    expect(r.exitCode === null || r.exitCode !== 0).toBe(true);
  });

  it('stops the child when the signal aborts', async () => {
    const ac = new AbortController();
    const r = await runCommand(node, ['-e', 'console.log("up"); setInterval(() => {}, 1000)'], {
      signal: ac.signal,
      onOutput: () => ac.abort(),
    });
    expect(r).toMatchObject({ cancelled: true, timedOut: false });
    expect(r.stdout).toContain('up');
  });

  // A command that leaves a process behind holding its output open (`sleep 8 &`): the run was waited on until that
  // process ended, past the time limit and Ctrl+C, and then recorded as timed out or cancelled with exit code 0.
  const LEAVES_HOLDER = "const c = require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 8000)'], { stdio: 'inherit' }); console.log('holder ' + c.pid); process.exit(0)";
  const holderOf = (stdout: string) => Number(/holder (\d+)/.exec(stdout)?.[1]);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const stopHolder = (stdout: string) => {
    const pid = holderOf(stdout);
    try {
      if (pid) process.kill(pid);
    } catch {
      // already gone
    }
  };
  /** Whether the holder is gone within a few seconds (the stop is SIGTERM, then SIGKILL after a grace). */
  const goneSoon = async (pid: number) => {
    for (let i = 0; i < 40 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    return !alive(pid);
  };

  it.skipIf(process.platform === 'win32')('ends a run soon after the command exits, whatever it left holding its output', async () => {
    const t0 = Date.now();
    const r = await runCommand(node, ['-e', LEAVES_HOLDER], { timeoutMs: 6000 });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r).toMatchObject({ exitCode: 0, timedOut: false, cancelled: false });
    expect(r.stdout).toMatch(/holder \d+/);
    // What the command left holding its output is stopped with the run, not left running unseen.
    const gone = await goneSoon(holderOf(r.stdout));
    stopHolder(r.stdout);
    expect(gone).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('a cancel while waiting for what the command left behind ends the run at once, as the command ran', async () => {
    const ac = new AbortController();
    const t0 = Date.now();
    const pending = runCommand(node, ['-e', LEAVES_HOLDER], { signal: ac.signal, onOutput: (text) => text.includes('holder') && setTimeout(() => ac.abort(), 300) });
    const r = await pending;
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(r).toMatchObject({ exitCode: 0, cancelled: false, timedOut: false });
    const gone = await goneSoon(holderOf(r.stdout));
    stopHolder(r.stdout);
    expect(gone).toBe(true);
  });

  it('does not start when the signal is already aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    const r = await runCommand(node, ['-e', 'require("fs").writeFileSync("/should-not-exist", "")'], { signal: ac.signal });
    expect(r).toMatchObject({ cancelled: true, exitCode: null, durationMs: 0 });
  });

  it('reports a program that cannot start', async () => {
    const r = await runCommand('wcdoctor-no-such-program', []);
    expect(r.exitCode).toBeNull();
    expect(r.error).toMatch(/ENOENT/);
  });
});
