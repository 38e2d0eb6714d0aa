import { displayWidth } from './display-width.js';
import { ESCAPE_SEQUENCE, stripEscapeSequences } from './normalise.js';

const SGR = /^\u001B\[[0-9;]*m$/;
const RESET = /^\u001B\[0?m$/;


type Token = { ansi: string } | { ch: string; w: number };

function tokenise(line: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of line.matchAll(ESCAPE_SEQUENCE)) {
    for (const ch of line.slice(last, m.index)) tokens.push({ ch, w: displayWidth(ch) });
    tokens.push({ ansi: m[0] });
    last = m.index + m[0].length;
  }
  for (const ch of line.slice(last)) tokens.push({ ch, w: displayWidth(ch) });
  return tokens;
}

// Which style an SGR parameter sets, and which parameters switch each style off.
const GROUP_OF: Readonly<Record<number, string>> = { 1: 'weight', 2: 'weight', 3: 'italic', 4: 'underline', 7: 'inverse', 9: 'strike' };
const CLOSES: Readonly<Record<number, string>> = { 22: 'weight', 23: 'italic', 24: 'underline', 27: 'inverse', 29: 'strike', 39: 'fg', 49: 'bg' };

function groupOf(n: number): string | undefined {
  if ((n >= 30 && n <= 38) || (n >= 90 && n <= 97)) return 'fg';
  if ((n >= 40 && n <= 48) || (n >= 100 && n <= 107)) return 'bg';
  return GROUP_OF[n];
}

/** Styles active after an SGR code, keyed by what they style. */
function applySgr(active: ReadonlyMap<string, string>, code: string): Map<string, string> {
  const next = new Map(active);
  if (!SGR.test(code)) return next;
  if (RESET.test(code)) return new Map();
  const params = code.slice(2, -1).split(';').map(Number);
  const first = params[0] ?? 0;
  if (first === 0) next.clear();
  const closes = CLOSES[first];
  if (closes) next.delete(closes);
  const group = groupOf(first);
  if (group) next.set(group, code);
  return next;
}

// Han, kana and full-width forms may break between any two characters; Hangul, like Latin, breaks at spaces.
const CJK = /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;
/** Characters a line must not start with (closing punctuation) or end with (opening punctuation). */
const NO_START = new Set([...'，。、；：！？）」』】》〉”’,.;:!?)]}%']);
const NO_END = new Set([...'（「『【《〈“‘([{']);

/** Whether a line may break between two characters: at a space, or beside a Han character outside punctuation rules. */
function canBreakBetween(prev: string, next: string): boolean {
  if (prev === ' ' || next === ' ') return true;
  if (!CJK.test(prev) && !CJK.test(next)) return false;
  return !NO_START.has(next) && !NO_END.has(prev);
}

/**
 * Wraps one line (which may carry ANSI styles) to a display width: CJK and Hangul count two
 * columns. Breaks at the last opportunity that fits (a space, or beside a Han character, never
 * before closing punctuation), and inside a word only when the word alone is wider than the line.
 * A wrapped line never starts with the space it broke at; an indented line (a code block, a list
 * item) keeps its indent on the lines it wraps onto, or goes on at column `hangAt` when given (a hanging indent:
 * under the text after a list mark or a first column). Each output line re-opens the styles active at its start and
 * closes them at its end, so any slice of the lines renders correctly on its own.
 */
export function wrapAnsiLine(line: string, width: number, hangAt?: number): string[] {
  if (width < 1 || displayWidth(stripEscapeSequences(line)) <= width) return [line];
  const out: string[] = [];
  let active = new Map<string, string>();
  const tokens = tokenise(line);
  // Where the text still to wrap starts: an index, not a copy of the rest for each line (a line of 100 KB with no
  // space, a contributed topic's run of code marks, took seconds: each wrapped line copied all that followed it).
  let at = 0;
  const lead = hangAt ?? /^ */.exec(stripEscapeSequences(line))?.[0].length ?? 0;
  // An indent keeps at most half the width; a column asked for (`hangAt`) keeps ten columns of text at least.
  const hang = (hangAt === undefined ? lead * 2 <= width : width - lead >= 10) ? ' '.repeat(lead) : '';
  while (at < tokens.length) {
    const room = out.length ? width - hang.length : width;
    let w = 0;
    let cut = tokens.length - at;
    let lastBreak = -1;
    let prev = '';
    for (let i = 0; at + i < tokens.length; i++) {
      const t = tokens[at + i]!;
      if ('ansi' in t) continue;
      if (prev && canBreakBetween(prev, t.ch)) lastBreak = i;
      if (w + t.w > room) {
        cut = t.ch === ' ' ? i : lastBreak > 0 ? lastBreak : Math.max(i, 1);
        break;
      }
      w += t.w;
      prev = t.ch;
    }
    const taken = tokens.slice(at, at + cut);
    const startActive = active;
    for (const t of taken) if ('ansi' in t) active = applySgr(active, t.ansi);
    const body = taken.map((t) => ('ansi' in t ? t.ansi : t.ch)).join('');
    out.push((out.length ? hang : '') + [...startActive.values()].join('') + body.trimEnd() + (active.size ? '\u001B[0m' : ''));
    at += cut;
    while (at < tokens.length) {
      const next = tokens[at]!;
      if (!('ch' in next) || next.ch !== ' ') break;
      at++;
    }
  }
  return out;
}

/**
 * Wraps a line of a listing to the width under its text: after a list mark (`  - `, `  1. `) or a first column (an id,
 * a label, then two or more spaces), else under its indent. Plain text a command prints (a report, a list of topics)
 * then wraps at words where the terminal would cut them (found by a tester: "Windows Se / rver 2019").
 */
export function wrapListingLine(line: string, width: number): string[] {
  const plain = stripEscapeSequences(line);
  if (width < 1 || displayWidth(plain) <= width) return [line];
  const mark = /^ *(?:[-•*]|\d{1,2}\.) /.exec(plain)?.[0];
  const column = mark ? undefined : /^ *\S(?:[^ ]| (?! ))*? {2,}(?=\S)/.exec(plain.slice(0, 80))?.[0];
  const at = displayWidth(mark ?? column ?? '');
  // Under the column while it leaves twenty columns of text (the docs list's titles start at 47: at 80 columns they went
  // on at the indent; found by a regression tester), else under the indent.
  return wrapAnsiLine(line, width, at > 0 && width - at >= 20 ? at : undefined);
}

/** Splits text into lines and wraps each to the width. */
export function wrapAnsiText(text: string, width: number): string[] {
  return text.split('\n').flatMap((l) => wrapAnsiLine(l, width));
}

/**
 * Cuts plain text to a display width, ending in `…` when cut. Ink's own truncation can overrun
 * by a column when the cut falls on a wide (CJK, Hangul) character, so we cut before handing text over.
 */
export function truncateWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width < 1) return '';
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = displayWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}
