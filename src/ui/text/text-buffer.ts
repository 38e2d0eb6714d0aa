import { Command } from '../keys.js';
import { normaliseLineEnds, removeControls } from '../../core/text/normalise.js';

/** The text of a field and where the cursor stands in it (a UTF-16 index, always on a grapheme boundary). */
export interface TextBuffer {
  text: string;
  cursor: number;
}

export interface EditOptions {
  /** The most UTF-16 units the field holds; an insert that would pass it is cut at a grapheme boundary. */
  maxLength?: number;
  /** A multi-line field keeps line ends of pasted text (as `\n`); a one-line field turns them into spaces. */
  multiline?: boolean;
}

/** A buffer holding `text` with the cursor at its end. */
export const bufferOf = (text: string): TextBuffer => ({ text, cursor: text.length });

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** How far around the cursor a grapheme is looked for: far longer than any real one, short enough for a 2 MiB paste. */
const WINDOW = 64;

/** The start of the grapheme that ends at `at`. */
export function previousBoundary(text: string, at: number): number {
  if (at <= 0) return 0;
  const from = Math.max(0, at - WINDOW);
  let last = from;
  for (const s of segmenter.segment(text.slice(from, at))) last = from + s.index;
  return last;
}

/** The end of the grapheme that starts at `at`. */
export function nextBoundary(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const first = segmenter.segment(text.slice(at, at + WINDOW))[Symbol.iterator]().next();
  return first.done ? text.length : at + first.value.segment.length;
}

/** The text as it may enter a field: escape sequences and control characters removed, line ends kept only where wanted. */
export function cleanInsert(raw: string, multiline: boolean): string {
  // A whole OSC (a title, a hyperlink's target) goes, as the terminal shows it and as the CLI reads a paste: its
  // parameters are no text of the paste (found by a helper: a hyperlink's `8;;https://…` stayed in the field, and its
  // 8 after "failed" was read as error code 8). An OSC that never ends keeps its text, so nothing pasted is swallowed.
  // eslint-disable-next-line no-control-regex -- OSC, CSI and two-byte escape sequences of a paste
  const unescaped = normaliseLineEnds(raw.replace(/\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B\[[0-9;:?<=>]{0,32}[ -/]{0,4}[@-~]|\u001B[@-Z\\-_]/g, '')).replace(/\t/g, multiline ? '  ' : ' ');
  if (multiline) return removeControls(unescaped, '\n');
  return removeControls(unescaped.replace(/\n/g, ' ')).replace(/ {2,}/g, ' ');
}

/** Cuts text to at most `room` UTF-16 units without splitting a grapheme. */
function fitTo(text: string, room: number): string {
  if (text.length <= room) return text;
  if (room <= 0) return '';
  let end = 0;
  for (const s of segmenter.segment(text.slice(0, room + WINDOW))) {
    if (s.index + s.segment.length > room) break;
    end = s.index + s.segment.length;
  }
  return text.slice(0, end);
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\n';

function wordLeft(text: string, at: number): number {
  let i = at;
  while (i > 0 && isSpace(text[i - 1])) i--;
  while (i > 0 && !isSpace(text[i - 1])) i--;
  return i;
}

function wordRight(text: string, at: number): number {
  let i = at;
  while (i < text.length && isSpace(text[i])) i++;
  while (i < text.length && !isSpace(text[i])) i++;
  return i;
}

const lineStart = (text: string, at: number): number => text.lastIndexOf('\n', at - 1) + 1;
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/**
 * The cursor moved to the line above or below in a multi-line field, as near its column as that line allows (on a
 * grapheme boundary); undefined on the first line going up or the last going down, so that the key can do what it
 * does outside the field.
 */
function lineMove(text: string, at: number, down: boolean): number | undefined {
  const start = lineStart(text, at);
  const column = at - start;
  const target = down ? lineEnd(text, at) + 1 : start - 1;
  if (target < 0 || target > text.length || (down && lineEnd(text, at) === text.length)) return undefined;
  const from = lineStart(text, target);
  const end = lineEnd(text, from);
  let p = from;
  while (p < end && nextBoundary(text, p) - from <= column) p = nextBoundary(text, p);
  return p;
}

/** Inserts text at the cursor, cleaned and cut to the field's cap. */
export function insertText(buf: TextBuffer, raw: string, opts: EditOptions = {}): TextBuffer {
  const max = opts.maxLength ?? Number.POSITIVE_INFINITY;
  const add = fitTo(cleanInsert(raw, opts.multiline ?? false), max - buf.text.length);
  if (!add) return buf;
  return { text: buf.text.slice(0, buf.cursor) + add + buf.text.slice(buf.cursor), cursor: buf.cursor + add.length };
}

const cut = (buf: TextBuffer, from: number, to: number): TextBuffer => (from === to ? buf : { text: buf.text.slice(0, from) + buf.text.slice(to), cursor: from });

/**
 * One editing command on a field: typing and pasting, Backspace and Delete by grapheme (an emoji or a
 * rare CJK character goes whole), Ctrl+W, the cursor by character, word, line start and end, and
 * Ctrl+U. Returns undefined for a command that is not an edit, so the screen can use it.
 */
export function editText(buf: TextBuffer, command: Command, typed: string | undefined, opts: EditOptions = {}): TextBuffer | undefined {
  const { text, cursor } = buf;
  switch (command) {
    case Command.Insert:
    case Command.Paste:
      return insertText(buf, typed ?? '', opts);
    case Command.Backspace:
      return cut(buf, previousBoundary(text, cursor), cursor);
    case Command.Delete:
      return cut(buf, cursor, nextBoundary(text, cursor));
    case Command.DeleteWord:
      return cut(buf, wordLeft(text, cursor), cursor);
    case Command.ClearText:
      return { text: '', cursor: 0 };
    case Command.Left:
      return { text, cursor: previousBoundary(text, cursor) };
    case Command.Right:
      return { text, cursor: nextBoundary(text, cursor) };
    case Command.WordLeft:
      return { text, cursor: wordLeft(text, cursor) };
    case Command.WordRight:
      return { text, cursor: wordRight(text, cursor) };
    case Command.First:
      return { text, cursor: lineStart(text, cursor) };
    case Command.Last:
      return { text, cursor: lineEnd(text, cursor) };
    case Command.Up:
    case Command.Down: {
      if (!opts.multiline) return undefined;
      const to = lineMove(text, cursor, command === Command.Down);
      return to === undefined ? undefined : { text, cursor: to };
    }
    default:
      return undefined;
  }
}

/** The text split at the cursor, for drawing it: before, the grapheme under the cursor (or ''), after. */
export function splitAtCursor(buf: TextBuffer): [string, string, string] {
  const end = nextBoundary(buf.text, buf.cursor);
  return [buf.text.slice(0, buf.cursor), buf.text.slice(buf.cursor, end), buf.text.slice(end)];
}
