import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/core/fixes/types.js';
import { appendAuditEntry, getAuditLogPath, MAX_AUDIT_READ_BYTES } from '../../src/platform/audit-log.js';
import { runCli } from '../helpers/cli-io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'wcd-history-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (fix: string, outcome: AuditEntry['outcome'], extra: Partial<AuditEntry> = {}): AuditEntry => ({
  time: '2025-03-04T05:06:07.890Z',
  topic: 'demo-topic',
  fix,
  outcome,
  command: `docker ${fix}`,
  argv: ['docker', fix],
  exitCode: outcome === 'refused' ? null : 0,
  durationMs: outcome === 'refused' ? null : 1500,
  ...extra,
});

describe('wcdoctor history', () => {
  it('says so when nothing was run yet', async () => {
    const r = await runCli(['history'], { env: { WCDOCTOR_DATA_DIR: dir } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No fix has been run or refused yet/);
  });

  it('does not call a log empty whose newest part holds no whole entry (an attacker helper: a log whose tail is one 200 MiB line said "No fix has been run")', async () => {
    const file = getAuditLogPath(dir);
    appendAuditEntry(entry('early', 'ran'), dir);
    // More damaged lines than the part read holds: the entry before them is not read.
    appendFileSync(file, `${'not an entry '.repeat(80)}\n`.repeat(Math.ceil(MAX_AUDIT_READ_BYTES / 1041) + 10));
    const r = await runCli(['history'], { env: { WCDOCTOR_DATA_DIR: dir } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No whole entry in the newest part of the audit log that was read/);
    expect(r.stdout).not.toMatch(/No fix has been run/);
  });

  it('shows the log newest last, skipping a damaged line with a warning', async () => {
    appendAuditEntry(entry('first', 'ran'), dir);
    appendFileSync(getAuditLogPath(dir), 'not json at all\n');
    appendAuditEntry(entry('second', 'refused', { reason: 'declined at the confirmation prompt' }), dir);
    const r = await runCli(['history'], { env: { WCDOCTOR_DATA_DIR: dir } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('wcdoctor history: warning: audit log line 2 is damaged and was skipped\n');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^time +outcome +fix +exit +took +command$/);
    expect(lines[2]).toMatch(/^2025-03-04 05:06:07Z +ran +demo-topic\/first +0 +1\.5 s +docker first$/);
    // The outcome in the app's word (the log says refused).
    expect(lines[3]).toMatch(/not run +demo-topic\/second +- +- +docker second +\(declined at the confirmation prompt\)$/);
  });

  it("shows the digest of a collector run's script, which its command line does not name", async () => {
    const sha256 = 'cd'.repeat(32);
    appendAuditEntry(entry('collect-host-facts', 'ran', { command: 'powershell.exe -Command x', inputSha256: sha256 }), dir);
    appendAuditEntry(entry('collect-host-facts', 'refused', { command: 'powershell.exe -Command x', reason: 'declined at the confirmation prompt', inputSha256: sha256 }), dir);
    const r = await runCli(['history'], { env: { WCDOCTOR_DATA_DIR: dir, COLUMNS: '400' } });
    const lines = r.stdout.trim().split('\n');
    expect(lines[2]).toMatch(new RegExp(`powershell\\.exe -Command x +\\[input SHA-256 ${sha256}\\]$`));
    expect(lines[3]).toMatch(new RegExp(`\\(declined at the confirmation prompt\\) +\\[input SHA-256 ${sha256}\\]$`));
    const json = await runCli(['history', '--json'], { env: { WCDOCTOR_DATA_DIR: dir } });
    expect((JSON.parse(json.stdout) as { entries: AuditEntry[] }).entries.map((e) => e.inputSha256)).toEqual([sha256, sha256]);
  });

  it('says the reasons that are its own messages in the interface language, the log and --json keeping English', async () => {
    appendAuditEntry(entry('second', 'refused', { reason: 'declined at the confirmation prompt' }), dir);
    appendAuditEntry(entry('third', 'refused', { reason: 'cannot run here: powershell fixes run only on Windows, and this machine runs linux' }), dir);
    appendAuditEntry(entry('fourth', 'failed', { reason: 'spawn docker ENOENT' }), dir);
    const r = await runCli(['history', '--lang', 'sv-SE'], { env: { WCDOCTOR_DATA_DIR: dir } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(nekad vid bekräftelsefrågan)');
    expect(r.stdout).toMatch(/\(kan inte köras här: .*powershell.*linux.*\)/);
    expect(r.stdout).toContain('(spawn docker ENOENT)');
    expect(r.stdout).not.toContain('declined at the confirmation prompt');
    const json = await runCli(['history', '--json', '--lang', 'sv-SE'], { env: { WCDOCTOR_DATA_DIR: dir } });
    expect((JSON.parse(json.stdout) as { entries: AuditEntry[] }).entries[0]!.reason).toBe('declined at the confirmation prompt');
  });

  it('keeps each entry on its line: a line feed or tab in a field is shown, a very long reason cut (found by a regression tester: a crafted entry forged a row)', async () => {
    appendAuditEntry(entry('evil\nforged  ran  demo/x', 'refused', { reason: `${'long '.repeat(4000)}\tend` }), dir);
    const r = await runCli(['history'], { env: { WCDOCTOR_DATA_DIR: dir } });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('evil␊forged');
    expect(lines[2]!.length).toBeLessThan(600);
    expect((JSON.parse((await runCli(['history', '--json'], { env: { WCDOCTOR_DATA_DIR: dir } })).stdout) as { entries: AuditEntry[] }).entries[0]!.reason).toHaveLength(20_004);
  });

  it('prints JSON and honours --limit', async () => {
    for (const f of ['a', 'b', 'c']) appendAuditEntry(entry(f, 'ran'), dir);
    const r = await runCli(['history', '--json', '--limit', '2'], { env: { WCDOCTOR_DATA_DIR: dir } });
    const json = JSON.parse(r.stdout) as { file: string; entries: AuditEntry[]; skipped: number };
    expect(json.entries.map((e) => e.fix)).toEqual(['b', 'c']);
    expect(json).toMatchObject({ file: getAuditLogPath(dir), skipped: 0 });
  });

  it('exits 2 for a bad --limit', async () => {
    const r = await runCli(['history', '--limit', '0'], { env: { WCDOCTOR_DATA_DIR: dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--limit "0": expected a whole number/);
  });

  it('is registered beside fix', async () => {
    const r = await runCli(['fix', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--yes \[word\]/);
  });
});

describe('wcdoctor history --json with outside text in the log', () => {
  it('gives values that show their control characters once decoded, and no lone surrogate (an attacker helper: jq -r sent an OSC 52 to the terminal, and jq refused the whole history for one broken character)', async () => {
    appendAuditEntry(entry('osc', 'ran', { command: 'docker ps \u001b]52;c;ZXZpbA==\u0007 \u009b2J', reason: 'broken \ud800 half' }), dir);
    const r = await runCli(['history', '--json'], { env: { WCDOCTOR_DATA_DIR: dir } });
    expect(r.code).toBe(0);
    const decoded = JSON.stringify(JSON.parse(r.stdout), (_k, v: unknown) => v);
    const strings: string[] = [];
    JSON.parse(r.stdout, (_k, v: unknown) => (typeof v === 'string' && strings.push(v), v));
    expect(strings.join('')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(strings.every((s) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s))).toBe(true);
    expect(decoded).toContain('docker ps ␛]52;c;ZXZpbA==␇ \\\\x9b2J');
    expect(strings).toContain('broken \ufffd half');
  });
});
