import { displayWidth } from '../../core/text/display-width.js';
import { safeText } from './safe-text.js';

/**
 * A text area's view of a paste: its lines soft-wrapped into rows of the box's width, so that a long line (a one-line
 * JSON, a log line of a kilobyte) is read in full instead of cut at the border. Only rows near the cursor are made:
 * a pasted line of megabytes is wrapped in a window around the cursor, never whole on every frame.
 */

/** One row of the view: where it starts and ends in the text (code units), and its text. */
export interface ViewRow {
  start: number;
  end: number;
  text: string;
}

/** The rows to show, the cursor's row among them and its column there (code units), and how many lines start above. */
export interface RowView {
  rows: ViewRow[];
  cursorRow: number;
  cursorCol: number;
  /** Lines of the text whose first character is above the first row shown. */
  linesAbove: number;
}

/** Characters safeText may change (controls, format characters, marks, the Thai AM, the Hangul fillers, emoji modifiers): measured in context. */
const MAY_CHANGE = /[\p{M}\p{Cc}\p{Cf}\u2028\u2029\u0e33\u0eb3\u3164\uffa0\ufe0f\u{1f3fb}-\u{1f3ff}]/u;
/** Widths measured in context, by the characters before and the character (a pile of marks repeats the same few). */
const inContext = new Map<string, number>();

/**
 * How wide a character is drawn in a row: as it is once made safe (a control character drawn as a visible sign). What
 * is made visible can depend on the few characters before it in the row (a fifth combining mark in a row is shown as
 * its code), so a character safeText may change is measured after them; any other is measured alone.
 */
function widthAt(text: string, rowStart: number, at: number, ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (ch.length === 1 && cp >= 0x20 && cp < 0x7f) return 1;
  if (!MAY_CHANGE.test(ch)) return displayWidth(ch);
  const before = text.slice(Math.max(rowStart, at - 8), at);
  // The length of the context says where the character starts: `ab`+`c` and `a`+`bc` are measured apart.
  const key = `${before.length}:${before}${ch}`;
  let w = inContext.get(key);
  if (w === undefined) {
    w = displayWidth(safeText(before + ch)) - displayWidth(safeText(before));
    if (inContext.size > 4096) inContext.clear();
    inContext.set(key, w);
  }
  return w;
}

/**
 * How many code units of a long line are wrapped before or after a position: enough for 32 rows of any width, whatever
 * the view's height, so that the field and ↑ ↓ (moveByRow) cut a line into the same rows (found by a tester: in a line
 * of 50 KB the two windows started at different places, and ↑ skipped a drawn row).
 */
const spanOf = (width: number): number => 33 * (Math.max(1, width) * 10 + 16);

/** A position moved off the second half of a surrogate pair. */
const onBoundary = (text: string, at: number): number => (at > 0 && at < text.length && /[\uDC00-\uDFFF]/.test(text[at]!) && /[\uD800-\uDBFF]/.test(text[at - 1]!) ? at + 1 : at);

/** A joiner, a presentation selector or a skin tone: drawn with no width of its own, part of the emoji before it. */
const JOINS_BEFORE = /^[\u200d\ufe0e\ufe0f\u{1f3fb}-\u{1f3ff}]$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;

/** Splits text into the characters a person sees (grapheme clusters), where the runtime can. */
const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

/**
 * The units a row is cut between, from `from` to `to`: each a character as a person sees it (a letter with its accents,
 * a Thai cluster, a flag, an emoji with its modifiers: found by a tester, rows began with a lone accent and split
 * flags), by its start in `text`. A cluster drawn wider than four columns once made safe (a pile of accents, each past
 * the fourth shown as its code) is cut between its code points instead, so that no unit is wider than a row.
 */
function unitsOf(text: string, from: number, to: number): number[] {
  const starts: number[] = [];
  // A joiner, a selector or a skin tone after an emoji stays with it: alone it would be a unit the cursor sits on and
  // draws nothing (found by a tester, in an emoji family). After anything else it is a unit (a pile of them is cut).
  const pushCodePoints = (at: number, end: number) => {
    let previous = '';
    for (let i = at; i < end; ) {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (i === at || !(JOINS_BEFORE.test(ch) && PICTOGRAPH.test(previous))) starts.push(i);
      previous = ch;
      i += cp > 0xffff ? 2 : 1;
    }
  };
  if (!graphemes) {
    pushCodePoints(from, to);
    return starts;
  }
  for (const { segment, index } of graphemes.segment(text.slice(from, to))) {
    const at = from + index;
    if (segment.length === 1 || displayWidth(safeText(segment)) <= 4) starts.push(at);
    else pushCodePoints(at, at + segment.length);
  }
  return starts;
}

/**
 * `text` from `from` to `to` cut into rows at most `width` columns wide (one character at least per row), the
 * rows' offsets counted in `text`. A row ends after its last space when that keeps at least half of it (words stay
 * whole), else where it is full (a long path or JSON is cut anywhere), never inside a character as a person sees it.
 * An empty range is one empty row.
 */
export function wrapRange(text: string, from: number, to: number, width: number): ViewRow[] {
  const rows: ViewRow[] = [];
  const units = unitsOf(text, from, to);
  const endOf = (k: number) => (k + 1 < units.length ? units[k + 1]! : to);
  let start = from;
  let w = 0;
  // Just after the row's last space (a unit index), and the row's width up to there (-1: no space yet).
  let afterSpace = -1;
  let widthToSpace = 0;
  for (let k = 0; k < units.length; ) {
    const at = units[k]!;
    const unit = text.slice(at, endOf(k));
    const cw = widthAt(text, start, at, unit);
    if (w + cw > width && at > start) {
      const atSpace = afterSpace > 0 && units[afterSpace]! > start && widthToSpace * 2 >= width;
      const end = atSpace ? units[afterSpace]! : at;
      rows.push({ start, end, text: text.slice(start, end) });
      start = end;
      w = 0;
      // The word moved down is measured again from the new row's start (a character's width can depend on the row's).
      if (atSpace) k = afterSpace;
      afterSpace = -1;
      continue;
    }
    w += cw;
    k++;
    if (unit === ' ' && k < units.length) {
      afterSpace = k;
      widthToSpace = w;
    }
  }
  rows.push({ start, end: to, text: text.slice(start, to) });
  return rows;
}

/**
 * The rows of one line (from `lineStart` to `lineEnd` in `text`) near a position in it: the whole line when short,
 * else a window of it (see spanOf) starting at a fixed step below `near`, so that rows keep their place while the
 * cursor moves within the window.
 */
function rowsNear(text: string, lineStart: number, lineEnd: number, near: number, width: number): ViewRow[] {
  const span = spanOf(width);
  if (lineEnd - lineStart <= 2 * span) return wrapRange(text, lineStart, lineEnd, width);
  const from = onBoundary(text, Math.max(lineStart, lineStart + Math.floor((near - lineStart - span) / span) * span));
  const to = onBoundary(text, Math.min(lineEnd, Math.max(from, near) + 2 * span));
  return wrapRange(text, from, to, width);
}

/**
 * Where the line that holds position `at` starts. lastIndexOf reads a negative position as 0, so a line feed at the
 * very start was found from position 0 itself (found by a tester: a paste that began with an empty line repeated that
 * line in every row and hid the rest).
 */
const startOfLine = (text: string, at: number): number => (at <= 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1);

/** Where the line that holds position `at` ends (its line feed, or the text's end). */
const endOfLine = (text: string, at: number): number => {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
};

/** The row of `rows` that holds position `at`: the first that ends after it, else the last (the line's end). */
const rowOf = (rows: readonly ViewRow[], at: number): number => {
  const i = rows.findIndex((r) => at < r.end);
  return i < 0 ? rows.length - 1 : i;
};

/**
 * The `count` rows to show of `text` wrapped at `width` columns, with the cursor's row in view: rows before it as far
 * as they fill the view, then rows after it when the text ends sooner.
 */
export function rowsAround(text: string, cursor: number, count: number, width: number): RowView {
  const want = Math.max(1, count);
  const lineStart = startOfLine(text, cursor);
  const lineEnd = endOfLine(text, cursor);
  const own = rowsNear(text, lineStart, lineEnd, cursor, width);
  // The cursor at the very end of a full row is drawn at the start of the next one only when there is one.
  const at = rowOf(own, cursor);
  let rows = own.slice(0, at + 1);
  let cursorRow = at;
  // Rows of the lines before, the nearest first, until the view is full.
  let prevEnd = lineStart - 1;
  while (rows.length < want && prevEnd >= 0) {
    const start = startOfLine(text, prevEnd);
    const before = rowsNear(text, start, prevEnd, prevEnd, width);
    const take = before.slice(Math.max(0, before.length - (want - rows.length)));
    rows = [...take, ...rows];
    cursorRow += take.length;
    prevEnd = start - 1;
  }
  // Rows after the cursor's: the rest of its line, then the lines after, until the view is full.
  const after = own.slice(at + 1);
  let next = lineEnd + 1;
  let tail = after;
  while (rows.length + tail.length < want && next <= text.length) {
    const end = endOfLine(text, next);
    tail = [...tail, ...rowsNear(text, next, end, next, width)];
    next = end + 1;
  }
  rows = [...rows, ...tail].slice(0, Math.max(want, cursorRow + 1));
  // Drop rows above the cursor's beyond the view (a long line before it gave more than needed).
  if (rows.length > want) {
    const drop = Math.min(rows.length - want, cursorRow);
    rows = rows.slice(drop);
    cursorRow -= drop;
  }
  const firstStart = rows[0]!.start;
  // A line counts as above when it starts before the first row shown (the first row continuing a line counts it).
  let linesAbove = firstStart > 0 && text[firstStart - 1] !== '\n' ? 1 : 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < firstStart; i = text.indexOf('\n', i + 1)) linesAbove++;
  return { rows, cursorRow, cursorCol: cursor - rows[cursorRow]!.start, linesAbove };
}

/**
 * Where ↑ (`dir` -1) or ↓ (+1) puts the cursor in a text area wrapped at `width` columns: on the row above or below, at
 * the column it is at (or the row's end), across the lines' rows as drawn; undefined when there is no row that way (the
 * field's first or last row), so that the key can move the focus instead (found by a tester: ↓ in a wrapped line left
 * the field instead of going to the line's next row).
 */
export function moveByRow(text: string, cursor: number, dir: -1 | 1, width: number): number | undefined {
  const rowsOfLine = (start: number, near: number) => rowsNear(text, start, endOfLine(text, start), near, width);
  const lineStart = startOfLine(text, cursor);
  const lineEnd = endOfLine(text, cursor);
  const rows = rowsOfLine(lineStart, cursor);
  const at = rowOf(rows, cursor);
  const column = displayWidth(safeText(text.slice(rows[at]!.start, cursor)));
  let target: ViewRow | undefined;
  if (dir < 0) target = at > 0 ? rows[at - 1] : lineStart > 0 ? rowsOfLine(startOfLine(text, lineStart - 1), lineStart - 1).at(-1) : undefined;
  else if (at < rows.length - 1) target = rows[at + 1];
  else if (lineEnd < text.length) target = rowsOfLine(lineEnd + 1, lineEnd + 1)[0];
  if (!target) return undefined;
  // The first position in the target row at or past the column; a row that continues on the next ends before its end.
  const units = unitsOf(text, target.start, target.end);
  let w = 0;
  for (let k = 0; k < units.length; k++) {
    if (w >= column) return units[k];
    w += widthAt(text, target.start, units[k]!, text.slice(units[k], units[k + 1] ?? target.end));
  }
  return target.end === endOfLine(text, target.start) ? target.end : (units.at(-1) ?? target.start);
}
