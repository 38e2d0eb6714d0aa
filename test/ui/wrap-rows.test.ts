import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text/display-width.js';
import { safeText } from '../../src/ui/text/safe-text.js';
import { moveByRow, rowsAround, wrapRange } from '../../src/ui/text/wrap-rows.js';

const texts = (v: { rows: { text: string }[] }) => v.rows.map((r) => r.text);

describe('wrapRange', () => {
  it('cuts a line into rows of the width, by columns: a wide character is two', () => {
    expect(wrapRange('abcdefghij', 0, 10, 4).map((r) => r.text)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapRange('한국어를', 0, 4, 5).map((r) => r.text)).toEqual(['한국', '어를']);
    expect(wrapRange('', 0, 0, 4)).toEqual([{ start: 0, end: 0, text: '' }]);
  });
  it('ends a row after its last space when that keeps half of it, so words stay whole; a long token is cut where the row is full', () => {
    expect(wrapRange('failed to create endpoint web', 0, 29, 12).map((r) => r.text)).toEqual(['failed to ', 'create ', 'endpoint web']);
    expect(wrapRange('a C:\\ProgramData\\docker', 0, 23, 10).map((r) => r.text)).toEqual(['a C:\\Progr', 'amData\\doc', 'ker']);
  });
  it('never splits a surrogate pair and keeps a combining mark with its letter', () => {
    expect(wrapRange('ab😀cd', 0, 6, 3).map((r) => r.text)).toEqual(['ab', '😀c', 'd']);
    expect(wrapRange('abe\u0301f', 0, 5, 3).map((r) => r.text)).toEqual(['abe\u0301', 'f']);
  });
  it('never cuts inside a character as a person sees it: an accent, a Thai cluster, a flag (found by a tester)', () => {
    const rowsOf = (text: string, width: number) => wrapRange(text, 0, text.length, width).map((r) => r.text);
    expect(rowsOf('abe\u0306xy', 3)).toEqual(['abe\u0306', 'xy']);
    expect(rowsOf('การดำเนินการหมดเวลาที่กำหนด', 3).every((r) => !/^[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]/.test(r))).toBe(true);
    expect(rowsOf('ab🇸🇪cd', 3)).toEqual(['ab', '🇸🇪c', 'd']);
    // A family too wide to stay whole is cut between its emoji, each with its joiner: no row starts or ends with a bare one.
    for (const row of rowsOf('ab👨\u200d👩\u200d👧\u200d👦cd', 4)) expect(row, JSON.stringify(row)).not.toMatch(/^\u200d/);
    // A pile of accents is still cut: no row is wider than it may be.
    for (const row of rowsOf(`z${'\u0301'.repeat(40)}`, 12)) expect(displayWidth(safeText(row))).toBeLessThanOrEqual(12);
  });
  it('measures a control character as it is drawn (a visible sign), so an escape cannot widen a row', () => {
    const rows = wrapRange('a\u001b[31mb', 0, 7, 4);
    expect(rows.map((r) => r.text).join('')).toBe('a\u001b[31mb');
    expect(rows.length).toBeGreaterThan(1);
  });
});

describe('rowsAround', () => {
  it('wraps a long one-line paste into rows instead of cutting it, the cursor at its end on the last row', () => {
    const line = 'x'.repeat(25);
    const v = rowsAround(line, line.length, 5, 10);
    expect(texts(v)).toEqual(['xxxxxxxxxx', 'xxxxxxxxxx', 'xxxxx']);
    expect(v).toMatchObject({ cursorRow: 2, cursorCol: 5, linesAbove: 0 });
  });
  it('keeps the cursor row in view and counts the line whose start is above it', () => {
    const line = 'abcdefghij'.repeat(5);
    const v = rowsAround(line, line.length, 2, 10);
    // The cursor at the end of a full row stays on it, in the column the box keeps for it.
    expect(texts(v)).toEqual(['abcdefghij', 'abcdefghij']);
    expect(v).toMatchObject({ cursorRow: 1, cursorCol: 10, linesAbove: 1 });
  });
  it('puts the cursor on the row that holds the character under it', () => {
    const v = rowsAround('abcdefghij', 4, 3, 4);
    expect(texts(v)).toEqual(['abcd', 'efgh', 'ij']);
    expect(v).toMatchObject({ cursorRow: 1, cursorCol: 0 });
  });
  it('fills the view with the lines before the cursor, then after it, and counts whole lines above', () => {
    const text = 'one\ntwo\nthree\nfour\nfive';
    expect(texts(rowsAround(text, text.indexOf('four'), 2, 10))).toEqual(['three', 'four']);
    expect(rowsAround(text, text.indexOf('four'), 2, 10).linesAbove).toBe(2);
    const top = rowsAround(text, 0, 3, 10);
    expect(texts(top)).toEqual(['one', 'two', 'three']);
    expect(top).toMatchObject({ cursorRow: 0, linesAbove: 0 });
  });
  it('shows an empty first line once, and every line after it (found by a tester: it filled the view and hid the rest)', () => {
    const v = rowsAround('\nabc', 4, 6, 20);
    expect(texts(v)).toEqual(['', 'abc']);
    expect(v).toMatchObject({ cursorRow: 1, cursorCol: 3, linesAbove: 0 });
    const top = rowsAround('\nError line\nline three', 0, 6, 20);
    expect(texts(top)).toEqual(['', 'Error line', 'line three']);
    expect(top).toMatchObject({ cursorRow: 0, cursorCol: 0, linesAbove: 0 });
    expect(texts(rowsAround('\n\n\nx', 4, 6, 20))).toEqual(['', '', '', 'x']);
  });

  it('shows an empty last line after a final line feed, with the cursor on it', () => {
    const v = rowsAround('abc\n', 4, 3, 10);
    expect(texts(v)).toEqual(['abc', '']);
    expect(v.cursorRow).toBe(1);
  });
  it('wraps only a window of a pasted line of megabytes around the cursor', () => {
    const big = 'a'.repeat(3_000_000);
    const end = rowsAround(big, big.length, 10, 80);
    const mid = rowsAround(big, 1_500_000, 10, 80);
    expect(end.rows).toHaveLength(10);
    expect(end.rows.at(-1)!.end).toBe(big.length);
    expect(mid.rows[mid.cursorRow]!.start).toBeLessThanOrEqual(1_500_000);
    expect(mid.rows[mid.cursorRow]!.end).toBeGreaterThan(1_500_000);
    expect(end.rows.every((r) => r.text.length <= 80)).toBe(true);
  });
  it('takes only the rows of a long earlier line nearest the cursor', () => {
    const text = `${'b'.repeat(100)}\nend`;
    const v = rowsAround(text, text.length, 3, 10);
    expect(texts(v)).toEqual(['bbbbbbbbbb', 'bbbbbbbbbb', 'end']);
    expect(v.linesAbove).toBe(1);
  });
});

describe('rows measured as drawn', () => {
  it('gives every row of any text a drawn width within the row (controls, separators, marks, emoji, wide letters)', () => {
    // The Hangul fillers are letters that safeText shows as their code (a reviewer: rows overflowed and ink cut them).
    const pieces = ['a', '한', '\u001b', '\u009b', '\u2028', '\u200b', '\u0301', '\u0e33', '👍', '\u{1f3fd}', '\ufe0f', '\u200d', '\u{e0041}', '\u3164', '\uffa0', '\u034f', '\u{1bca0}', '\u{13430}', '\u206a', '\u17b4', '\u{1d173}', ' '];
    for (let seed = 1; seed < 40; seed++) {
      let x = seed;
      const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
      const text = Array.from({ length: 200 }, () => pieces[next() % pieces.length]).join('');
      for (const row of wrapRange(text, 0, text.length, 12)) expect(displayWidth(safeText(row.text)), JSON.stringify(row.text)).toBeLessThanOrEqual(12);
    }
  });
});

describe('rowsAround on any text', () => {
  it('gives rows in order, the cursor inside its row, and every row when they all fit', () => {
    const pieces = ['a', 'bb ', '\n', '\n\n', '한', ' ', 'xyz'];
    for (let seed = 1; seed < 300; seed++) {
      let x = seed;
      const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
      const text = Array.from({ length: next() % 12 }, () => pieces[next() % pieces.length]).join('');
      const cursor = text.length ? next() % (text.length + 1) : 0;
      const all = text.split('\n').reduce((n, line, i, lines) => {
        const start = lines.slice(0, i).reduce((s, l) => s + l.length + 1, 0);
        return n + wrapRange(text, start, start + line.length, 5).length;
      }, 0);
      const v = rowsAround(text, cursor, 40, 5);
      for (let i = 1; i < v.rows.length; i++) expect(v.rows[i]!.start, JSON.stringify(text)).toBeGreaterThanOrEqual(v.rows[i - 1]!.end);
      const row = v.rows[v.cursorRow]!;
      expect(cursor).toBeGreaterThanOrEqual(row.start);
      expect(cursor).toBeLessThanOrEqual(row.end);
      expect(v.cursorCol).toBe(cursor - row.start);
      if (all <= 40) {
        expect(v.rows, JSON.stringify(text)).toHaveLength(all);
        expect(v.linesAbove).toBe(0);
      }
    }
  });
});

describe('moveByRow', () => {
  it('moves between the rows of a wrapped line at the same column, then to the next line, and says when there is no row that way', () => {
    const text = 'abcdefghijklmnopqrstuvwxy\nshort';
    // Rows of 10: abcdefghij | klmnopqrst | uvwxy | short
    expect(moveByRow(text, 3, 1, 10)).toBe(13);
    expect(moveByRow(text, 13, 1, 10)).toBe(23);
    expect(moveByRow(text, 23, 1, 10)).toBe(29);
    expect(moveByRow(text, 29, 1, 10)).toBeUndefined();
    expect(moveByRow(text, 29, -1, 10)).toBe(23);
    expect(moveByRow(text, 23, -1, 10)).toBe(13);
    expect(moveByRow(text, 3, -1, 10)).toBeUndefined();
    // Past the end of a shorter row: its end, on that row.
    expect(moveByRow(text, 19, 1, 10)).toBe(25);
    // From the end of the last row of a line to a longer row above: the same column.
    expect(moveByRow('abcdefghijklmno', 15, -1, 10)).toBe(5);
  });
});

describe('moveByRow in a line of 50 KB (found by a tester: ↑ skipped a drawn row)', () => {
  it('goes to the row drawn above, as the field draws it', () => {
    let x = 3;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
    const words: string[] = [];
    for (let n = 0; words.join(' ').length < 50_000; n++) words.push(`w${n}${'x'.repeat(next() % 10)}`);
    const text = words.join(' ');
    for (let cursor = 20_000; cursor < 40_000; cursor += 997) {
      const view = rowsAround(text, cursor, 7, 95);
      if (view.cursorRow === 0) continue;
      const up = moveByRow(text, cursor, -1, 95)!;
      const above = view.rows[view.cursorRow - 1]!;
      expect(up, `from ${cursor}`).toBeGreaterThanOrEqual(above.start);
      expect(up, `from ${cursor}`).toBeLessThan(above.end);
    }
  });
});
