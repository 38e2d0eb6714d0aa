import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FixCommandDeps } from '../../src/cli/commands/fix.js';
import type { AuditEntry, RunCommand } from '../../src/core/fixes/types.js';
import { appendAuditEntry, getAuditLogPath, probeAuditLog, readAuditLog } from '../../src/platform/audit-log.js';
import { openSettings } from '../../src/platform/settings.js';
import { makeKb } from '../core/fixes/fix-fixtures.js';
import { fakeFixDeps, runFixCommand } from '../helpers/fix-cli.js';

// Issue 11, items 5 and 6. Before: a fix ran and said "Fix applied", exit 0, when the audit log was a directory or
// read-only (the warning came afterwards); the log was appended through a symbolic link (a refusal too); saving
// settings overwrote the file a symlinked config.json points to; the log and its folder were created 0644/0755.

const POSIX = process.platform !== 'win32';
const ROOT = POSIX && process.getuid?.() === 0;

let tmp: string;
let dir: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'wcd-sec-audit-'));
  dir = path.join(tmp, 'data');
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const entry = (fix = 'f'): AuditEntry => ({ time: '2025-01-02T03:04:05.000Z', topic: 't', fix, outcome: 'ran', command: 'cmd', argv: ['cmd'], exitCode: 0, durationMs: 1 });

/** The CLI's fix command with the real audit log in `dir` and a fake child process. */
function harness(o: { platform?: string; appendAudit?: (e: AuditEntry) => void; probeWrite?: Parameters<typeof probeAuditLog>[1] } = {}) {
  const runs: string[] = [];
  const run: RunCommand = async (file) => {
    runs.push(file);
    return { exitCode: 0, signal: null, stdout: 'done\n', stderr: '', durationMs: 3, timedOut: false, cancelled: false };
  };
  const deps = fakeFixDeps({
    loadKb: makeKb,
    host: { platform: o.platform ?? 'win32', hasProgram: () => true },
    runCommand: run,
    appendAudit: o.appendAudit ?? ((e) => appendAuditEntry(e, dir)),
    probeAudit: () => probeAuditLog(dir, o.probeWrite),
    ask: async () => ({ kind: 'answer', text: 'y' }),
  });
  return { deps, runs };
}

const fix = (args: string[], deps: FixCommandDeps, tty = false) => runFixCommand(args, deps, { tty });

const RUN = ['demo-topic', 'list-networks', '--yes'];

describe('item 5: a fix runs only when its run can be recorded', () => {
  it('the audit log is a directory: refused before running, exit 3, the reason given', async () => {
    mkdirSync(getAuditLogPath(dir), { recursive: true });
    const h = harness();
    const r = await fix(RUN, h.deps);
    expect(r.code).toBe(3);
    expect(h.runs).toEqual([]);
    expect(r.stderr).toContain('wcdoctor fix: not run, because the run could not be recorded: the audit log');
    expect(r.stderr).toContain('is a directory, not a regular file');
    expect(r.stderr).not.toMatch(/Fix applied|Check finished|✔/);
  });

  it('a full disk: refused before running (before: the fix ran, then could not be recorded)', async () => {
    const h = harness({
      probeWrite: () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    });
    const r = await fix(RUN, h.deps);
    expect(r.code).toBe(3);
    expect(h.runs).toEqual([]);
    expect(r.stderr).toContain('wcdoctor fix: not run, because the run could not be recorded: cannot write the audit log');
    expect(readAuditLog(dir).entries).toEqual([]);
  });

  it('refuses at the confirmation prompt too, before asking, and as JSON', async () => {
    mkdirSync(getAuditLogPath(dir), { recursive: true });
    const h = harness();
    const asked = await fix(['demo-topic', 'list-networks'], h.deps, true);
    expect(asked.code).toBe(3);
    expect(asked.stdout).not.toContain('Run this command?');
    const json = await fix([...RUN, '--json'], h.deps);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({ outcome: 'refused', reason: expect.stringContaining('could not be recorded') });
    expect(h.runs).toEqual([]);
  });

  it.skipIf(!POSIX || ROOT)('a read-only log, or a read-only folder without a log, is refused the same way', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(getAuditLogPath(dir), '');
    chmodSync(getAuditLogPath(dir), 0o444);
    const h = harness();
    const r = await fix(RUN, h.deps);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('permission denied');
    rmSync(getAuditLogPath(dir));
    chmodSync(dir, 0o500);
    const r2 = await fix(RUN, h.deps);
    chmodSync(dir, 0o700);
    expect(r2.code).toBe(3);
    expect(h.runs).toEqual([]);
  });

  it('when the final write still fails: exit 3 and no "Fix applied"', async () => {
    const h = harness({
      appendAudit: () => {
        throw new Error('the disk is full');
      },
    });
    const r = await fix(RUN, h.deps);
    expect(h.runs).toHaveLength(1);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('✖ The command finished (exit code 0), but its run could not be recorded.');
    expect(r.stderr).toContain('the run is not in the audit log: could not write it: the disk is full');
    expect(r.stderr).not.toMatch(/✔|Fix applied|Check finished/);
    const json = await fix([...RUN, '--json'], h.deps);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({ outcome: 'ran', recorded: false, auditError: 'the disk is full' });
  });

  it('a writable log: the fix runs, is recorded, exit 0 (unchanged)', async () => {
    const h = harness();
    const r = await fix(RUN, h.deps);
    expect(r.code).toBe(0);
    expect(h.runs).toHaveLength(1);
    expect(readAuditLog(dir).entries).toMatchObject([{ fix: 'list-networks', outcome: 'ran' }]);
  });

  it('twenty concurrent runs are all recorded intact (unchanged)', async () => {
    const h = harness();
    const results = await Promise.all(Array.from({ length: 20 }, () => fix(RUN, h.deps)));
    expect(results.map((r) => r.code)).toEqual(Array(20).fill(0));
    const log = readAuditLog(dir);
    expect(log.entries).toHaveLength(20);
    expect(log.skipped).toBe(0);
  });
});

describe.skipIf(!POSIX)('item 6: nothing is written through a link', () => {
  it('a symbolic link at the log path is refused by append and probe; its target keeps every byte', () => {
    mkdirSync(dir, { recursive: true });
    const target = path.join(tmp, 'victim.txt');
    writeFileSync(target, 'precious\n');
    symlinkSync(target, getAuditLogPath(dir));
    expect(() => appendAuditEntry(entry(), dir)).toThrow(/is a symbolic link, not a regular file/);
    expect(() => probeAuditLog(dir)).toThrow(/is a symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
  });

  it('even a refusal is not written through the link (cannot run here, and not confirmed)', async () => {
    mkdirSync(dir, { recursive: true });
    const target = path.join(tmp, 'victim.txt');
    writeFileSync(target, 'precious\n');
    symlinkSync(target, getAuditLogPath(dir));
    const cannot = await fix(['demo-topic', 'list-networks'], harness({ platform: 'linux' }).deps);
    const unconfirmed = await fix(['demo-topic', 'list-networks'], harness().deps);
    expect(cannot.code).toBe(3);
    expect(cannot.stderr).toContain('symbolic link');
    expect(unconfirmed.code).toBe(3);
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
  });

  it('a dangling link (the attacker\'s file not yet there) is not created through either', () => {
    mkdirSync(dir, { recursive: true });
    const target = path.join(tmp, 'would-be-created');
    symlinkSync(target, getAuditLogPath(dir));
    expect(() => appendAuditEntry(entry(), dir)).toThrow(/symbolic link/);
    expect(() => statSync(target)).toThrow();
  });

  it('a FIFO, a device (through a link) and a directory are refused at once, with a clear message', () => {
    mkdirSync(dir, { recursive: true });
    execFileSync('mkfifo', [getAuditLogPath(dir)]);
    expect(() => appendAuditEntry(entry(), dir)).toThrow(/is a FIFO \(named pipe\), not a regular file/);
    expect(() => probeAuditLog(dir)).toThrow(/FIFO/);
    rmSync(getAuditLogPath(dir));
    symlinkSync('/dev/null', getAuditLogPath(dir));
    expect(() => appendAuditEntry(entry(), dir)).toThrow(/symbolic link/);
    rmSync(getAuditLogPath(dir));
    mkdirSync(getAuditLogPath(dir));
    expect(() => appendAuditEntry(entry(), dir)).toThrow(/is a directory/);
  });

  it('creates the log 0600 and its folder 0700', () => {
    appendAuditEntry(entry(), dir);
    expect(statSync(getAuditLogPath(dir)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('saving settings replaces a symlinked config.json and leaves the link\'s target alone', async () => {
    const cfg = path.join(tmp, 'cfg');
    mkdirSync(cfg);
    const target = path.join(tmp, 'victim.json');
    writeFileSync(target, '{"theme":"high-contrast"}');
    symlinkSync(target, path.join(cfg, 'config.json'));
    const s = openSettings({ cwd: cfg });
    expect(s.get().theme).toBe('high-contrast');
    s.set('theme', 'no-color');
    await s.flush();
    expect(s.takeProblem()).toBeUndefined();
    expect(readFileSync(target, 'utf8')).toBe('{"theme":"high-contrast"}');
    expect(lstatSync(path.join(cfg, 'config.json')).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(path.join(cfg, 'config.json'), 'utf8'))).toEqual({ theme: 'no-color' });
    expect(openSettings({ cwd: cfg }).get().theme).toBe('no-color');
  });

  it('a damaged symlinked config.json is still backed up (the link moved), not its target rewritten', async () => {
    const cfg = path.join(tmp, 'cfg');
    mkdirSync(cfg);
    const target = path.join(tmp, 'victim.json');
    writeFileSync(target, 'not json');
    symlinkSync(target, path.join(cfg, 'config.json'));
    const s = openSettings({ cwd: cfg, now: () => new Date('2025-01-01T00:00:00Z') });
    await s.flush();
    expect(s.takeProblem()).toMatchObject({ kind: 'corrupt' });
    expect(readFileSync(target, 'utf8')).toBe('not json');
    expect(lstatSync(path.join(cfg, 'config.json')).isFile()).toBe(true);
  });
});
