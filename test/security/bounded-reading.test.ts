import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, mkdtempSync, openSync, rmSync, symlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/core/fixes/types.js';
import { appendAuditEntry, getAuditLogPath, MAX_AUDIT_READ_BYTES, readAuditLog } from '../../src/platform/audit-log.js';
import { runCli } from '../helpers/cli-io.js';

// Issue 11, item 8. Before: `history` on a 100 MB damaged log printed 388,919 warnings; a FIFO at the log's path hung
// it forever (readFileSync waits for a writer); a link to /dev/zero read until memory ran out.

const POSIX = process.platform !== 'win32';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'wcd-sec-read-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (fix: string): AuditEntry => ({ time: '2025-03-04T05:06:07.890Z', topic: 'demo-topic', fix, outcome: 'ran', command: `docker ${fix}`, argv: ['docker', fix], exitCode: 0, durationMs: 10 });
const history = (args: string[] = []) => runCli(['history', ...args], { env: { WCDOCTOR_DATA_DIR: dir } });

/** Runs `wcdoctor history` from the sources in a child process with a time limit, so a hang is a failure, not a stuck suite. */
function historyInChild(timeoutMs: number) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'history'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', WCDOCTOR_DATA_DIR: dir },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { code: r.status, signal: r.signal, stderr: r.stderr };
}

describe('history caps its warnings', () => {
  it('a log with 1,000 damaged lines: the first 5 named, the rest counted; JSON counts them all', async () => {
    appendAuditEntry(entry('first'), dir);
    appendFileSync(getAuditLogPath(dir), 'garbage that is not JSON\n'.repeat(1000));
    appendAuditEntry(entry('last'), dir);
    const r = await history();
    expect(r.code).toBe(0);
    const warnings = r.stderr.trim().split('\n');
    expect(warnings).toHaveLength(6);
    expect(warnings[0]).toBe('wcdoctor history: warning: audit log line 2 is damaged and was skipped');
    expect(warnings[5]).toBe('wcdoctor history: warning: 995 more damaged lines were skipped (1000 in all)');
    expect(r.stdout).toMatch(/demo-topic\/first[\s\S]*demo-topic\/last/);
    const json = JSON.parse((await history(['--json'])).stdout) as { skipped: number; entries: AuditEntry[] };
    expect(json.skipped).toBe(1000);
    expect(json.entries.map((e) => e.fix)).toEqual(['first', 'last']);
  });
});

describe('history reads a bounded amount', () => {
  it('a damaged log larger than the bound: only its newest part is read, and it says so', async () => {
    const file = getAuditLogPath(dir);
    appendAuditEntry(entry('old'), dir);
    // 28 MiB of damaged lines (under the 32 MiB at which the log is moved aside), written in 1.4 MiB blocks.
    const block = Buffer.from('{"damaged": true, "padding": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}\n'.repeat(16384));
    const fd = openSync(file, 'a');
    for (let i = 0; i < 20; i++) writeSync(fd, block);
    closeSync(fd);
    appendAuditEntry(entry('newest'), dir);
    const log = readAuditLog(dir);
    expect(log.unreadBytes).toBeGreaterThan(16 * 1024 * 1024);
    expect(log.entries.map((e) => e.fix)).toEqual(['newest']);
    expect(log.skipped).toBeLessThanOrEqual(Math.ceil(MAX_AUDIT_READ_BYTES / 90));
    const r = await history();
    expect(r.code).toBe(0);
    const warnings = r.stderr.trim().split('\n');
    expect(warnings.length).toBeLessThanOrEqual(7);
    expect(warnings[0]).toMatch(/^wcdoctor history: warning: the audit log is \d+ MiB; only its newest 8\.0 MiB were read/);
    expect(r.stdout).toContain('demo-topic/newest');
    expect(r.stdout).not.toContain('demo-topic/old');
    const json = JSON.parse((await history(['--json'])).stdout) as { unreadBytes: number };
    expect(json.unreadBytes).toBe(log.unreadBytes);
  });
});

describe.skipIf(!POSIX)('history reads only a regular file', () => {
  it('a FIFO at the log path: exit 3 with a clear message at once, no hang (in a child process)', () => {
    execFileSync('mkfifo', [getAuditLogPath(dir)]);
    const r = historyInChild(20_000);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('is a FIFO (named pipe), not a regular file');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it.each([
    ['a link to /dev/zero', () => symlinkSync('/dev/zero', getAuditLogPath(dir)), 'is a symbolic link'],
    ['a link to a regular file', () => (appendAuditEntry(entry('elsewhere'), path.join(dir, 'other')), symlinkSync(path.join(dir, 'other', 'audit.jsonl'), getAuditLogPath(dir))), 'is a symbolic link'],
    ['a directory', () => execFileSync('mkdir', [getAuditLogPath(dir)]), 'is a directory'],
  ])('%s: exit 3 with a clear message, nothing read', async (_name, make, message) => {
    make();
    // Reading a link to /dev/zero would never end: the test's own time limit is the witness.
    const r = await history();
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`^wcdoctor history: the audit log .*audit\\.jsonl ${message}, not a regular file`));
    expect(r.stdout).toBe('');
  });

  it('a missing log is still just empty', async () => {
    const r = await history();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No fix has been run or refused yet/);
  });
});

describe.skipIf(process.platform !== 'linux')('check --from reads no more than a file says it holds', () => {
  it('/proc/self/pagemap (0 bytes by its size, endless when read): a clear refusal at once, no hang (an attacker helper: 4 GB in 20 s)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'check', '--from', '/proc/self/pagemap'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', WCDOCTOR_DATA_DIR: dir },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
