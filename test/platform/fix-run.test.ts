import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planFix } from '../../src/core/fixes/plan-fix.js';
import { describeOutcome, recordRefusal, runFix, type FixRunDeps } from '../../src/core/fixes/run-fix.js';
import type { FixPlan } from '../../src/core/fixes/types.js';
import { appendAuditEntry, readAuditLog } from '../../src/platform/audit-log.js';
import { getDataDir } from '../../src/platform/paths.js';
import { runCommand } from '../../src/platform/shell.js';
import { makeTopic } from '../core/fixes/fix-fixtures.js';

let dir: string;
let deps: FixRunDeps;

beforeEach(() => {
  dir = getDataDir({ WCDOCTOR_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'wcd-run-')) });
  deps = { runCommand, appendAudit: (e) => appendAuditEntry(e, dir), now: () => new Date() };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A real PowerShell plan whose program is swapped for node, standing in for powershell.exe on Linux. */
function standIn(code: string): FixPlan {
  const r = planFix(makeTopic(), 'ps-set', { name: 'web_1', value: 'secretless' });
  if (!r.ok) throw new Error('fixture plan failed');
  return { ...r.value, program: process.execPath, argv: [process.execPath, '-e', code] };
}

describe('runFix with real child processes', () => {
  it('records a successful run', async () => {
    const r = await runFix(standIn('console.log("done")'), deps);
    expect(r).toMatchObject({ outcome: 'ran', exitCode: 0, stdout: 'done\n' });
    expect(describeOutcome(standIn(''), r)).toMatchObject({ ok: true, headline: 'Fix applied (exit code 0).' });
    const log = readAuditLog(dir);
    expect(log.warnings).toEqual([]);
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ topic: 'demo-topic', fix: 'ps-set', outcome: 'ran', exitCode: 0, command: "Set-Thing -Name 'web_1' -Value 'secretless'" });
    expect(log.entries[0]?.argv[0]).toBe('powershell.exe');
    expect(typeof log.entries[0]?.durationMs).toBe('number');
  });

  it('records a failing run with its exit code', async () => {
    const r = await runFix(standIn('console.error("boom"); process.exit(3)'), deps);
    expect(r).toMatchObject({ outcome: 'failed', exitCode: 3, stderr: 'boom\n' });
    expect(describeOutcome(standIn(''), r).headline).toBe('The command failed (exit code 3).');
    expect(readAuditLog(dir).entries.map((e) => [e.outcome, e.exitCode])).toEqual([['failed', 3]]);
  });

  it('streams output before the run ends', async () => {
    const chunks: string[] = [];
    let resolved = false;
    const run = runFix(standIn('console.log("one"); setTimeout(() => console.log("two"), 200)'), deps, {
      onOutput: (c) => chunks.push(`${resolved}:${c}`),
    }).then((r) => {
      resolved = true;
      return r;
    });
    const r = await run;
    expect(chunks[0]).toBe('false:one\n');
    expect(r.stdout).toBe('one\ntwo\n');
    expect(readAuditLog(dir).entries[0]?.outcome).toBe('ran');
  });

  it('stops and records a run that exceeds its time limit', async () => {
    const r = await runFix(standIn('setInterval(() => {}, 1000)'), deps, { timeoutMs: 300 });
    expect(r.outcome).toBe('timeout');
    expect(describeOutcome(standIn(''), r).nextStep).toMatch(/--timeout/);
    const [entry] = readAuditLog(dir).entries;
    expect(entry).toMatchObject({ outcome: 'timeout', reason: 'stopped after 0.3 s' });
  });

  it('stops and records a run cancelled through its AbortSignal', async () => {
    const ac = new AbortController();
    const r = await runFix(standIn('console.log("started"); setInterval(() => {}, 1000)'), deps, {
      signal: ac.signal,
      onOutput: () => ac.abort(),
    });
    expect(r.outcome).toBe('cancelled');
    expect(r.stdout).toContain('started');
    expect(readAuditLog(dir).entries.map((e) => e.outcome)).toEqual(['cancelled']);
  });

  it('records a program that cannot start as failed, with the reason', async () => {
    const plan = { ...standIn(''), argv: ['wcdoctor-no-such-program'] };
    const r = await runFix(plan, deps);
    expect(r.outcome).toBe('failed');
    expect(describeOutcome(plan, r).headline).toMatch(/^Could not start/);
    expect(readAuditLog(dir).entries[0]?.reason).toMatch(/ENOENT/);
  });

  it('records refusals, and never the secret values', () => {
    const r = planFix(makeTopic(), 'net-use', { drive: 'Z:', share: '\\\\srv\\s', user: 'bob', password: 'hunter2' });
    if (!r.ok) throw new Error('plan failed');
    recordRefusal(r.value, 'declined at the confirmation prompt', deps);
    const log = readAuditLog(dir);
    expect(log.entries[0]).toMatchObject({ outcome: 'refused', reason: 'declined at the confirmation prompt', exitCode: null, durationMs: null });
    expect(JSON.stringify(log.entries)).not.toContain('hunter2');
  });

  it('returns the run even when the audit log cannot be written', async () => {
    const r = await runFix(standIn(''), { ...deps, appendAudit: () => { throw new Error('disk full'); } });
    expect(r).toMatchObject({ outcome: 'ran', auditError: 'disk full' });
  });
});
