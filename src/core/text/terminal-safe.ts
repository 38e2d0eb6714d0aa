/**
 * Text that came from outside (a paste, argv, a file, a child process's output) must never reach a
 * terminal as a control sequence: an OSC can set the window title or write the clipboard (OSC 52), a
 * CSI can move the cursor and overwrite what was shown. These functions make control characters
 * visible instead, so the text reads the same and the terminal only ever prints it.
 *
 * - ESC and the other C0 controls become their Control Pictures (`␛`, `␇`, `␍` … U+2400–U+241F);
 * - DEL and the C1 controls (U+0080–U+009F, among them the 8-bit CSI U+009B and OSC U+009D) become
 *   `\x7f`, `\x9b`;
 * - the invisible characters that steer how a line is drawn are shown as `\u202e`: the bidirectional
 *   controls (an override can make a line read backwards, or a name look like another), the zero-width
 *   and soft-hyphen characters that terminals measure differently (a long run of U+200B pushed the app's
 *   box borders off their column), the line and paragraph separators U+2028 and U+2029 (a line break to some
 *   terminals and to JavaScript, none to others), and the tag characters (U+E0000–U+E007F, invisible text);
 * - combining marks past the fourth on one character (text "with a beard" of hundreds of accents, which
 *   terminals stack or drop as they please) are shown as `\u0301`; real scripts use at most three or four;
 * - line feed and tab are kept, and so is a carriage return directly before a line feed (CRLF).
 * Every replacement is ASCII or a Control Picture, so that what is measured is what is drawn; in JSON a
 * `\uXXXX` shown this way is the escape of the same character, so the document keeps its values.
 */

// The invisible characters shown as `\uXXXX` (bidirectional controls, zero-width and soft-hyphen characters, tags,
// and the format characters that draw nothing, found by an attacker helper: deprecated format controls, interlinear
// annotation marks, Hangul fillers, Khmer invisible vowels, musical beam and slur marks: U+00AD U+061C U+17B4 U+17B5
// U+180E U+200B U+200E U+200F U+202A–U+202E U+2060–U+2064 U+2066–U+206F U+3164 U+FFA0 U+FFF9–U+FFFB U+FEFF
// U+1D173–U+1D17A U+E0000–U+E007F; and, found by a later attacker helper, the combining grapheme joiner U+034F, the
// Mongolian variation selectors U+180B–U+180D U+180F, U+2065, the shorthand format controls U+1BCA0–U+1BCA3 and the
// Egyptian hieroglyph format controls U+13430–U+1343F; the Hangul choseong filler U+115F, which terminals draw two cells
// wide where the width measure (and ink's) counts none, alone or before a vowel (found by a fuzzing attacker helper and a
// regression tester; no Korean syllable decomposes into it: NFD text from macOS begins each syllable with U+1100–U+1112),
// and a vowel or final consonant jamo (U+1160–U+11FF, U+D7B0–U+D7FB) that no leading consonant or syllable
// comes before within three jamo: in a syllable the width measure joins it, alone it counts a cell where terminals draw
// none (the same regression tester); and, found by a fuzzing
// attacker helper, the prepended concatenation marks U+0600–U+0605 U+06DD U+070F U+0890 U+0891 U+08E2 U+110BD U+110CD,
// format characters that terminals draw one cell wide: a dozen of them in a paste pushed the Diagnose box's border
// onto the next row)
// and a combining mark with four others right before it (the fifth and every further one on a character), or with
// nothing but marks between it and the start of its line (no character to sit on: terminals put it on the cell before,
// so the line drew one column short, found by a fuzzing attacker helper; the text JSON carries is no line, see JSON_UNSAFE) are
// written out in each pattern below, as literals, so that the regex-safety test times each of them.
/** Every control character except \t and \n (a CR is matched with its LF, so CRLF can be kept), and the characters above. */
let controlPattern: RegExp | undefined;
const CONTROL = (): RegExp => (controlPattern ??= /\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u17b4\u17b5\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\uffa0\u115f\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u034f\u180b-\u180d\u180f\u2065\u{1bca0}-\u{1bca3}\u{110bd}\u{110cd}\u{13430}-\u{1343f}\ufff9-\ufffb\ufeff\u{1d173}-\u{1d17a}\u{e0000}-\u{e007f}]|[\u1160-\u11ff\ud7b0-\ud7fb](?<![\u1100-\u115e\ua960-\ua97c\uac00-\ud7a3][\u1160-\u11ff\ud7b0-\ud7fb]{0,2}[\u1160-\u11ff\ud7b0-\ud7fb])|\p{M}(?<=(?:^|\n)\p{M}{1,4}|\p{M}{5})/gu);
let hasControlPattern: RegExp | undefined;
const HAS_CONTROL = (): RegExp => (hasControlPattern ??= /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u17b4\u17b5\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\uffa0\u115f\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u034f\u180b-\u180d\u180f\u2065\u{1bca0}-\u{1bca3}\u{110bd}\u{110cd}\u{13430}-\u{1343f}\ufff9-\ufffb\ufeff\u{1d173}-\u{1d17a}\u{e0000}-\u{e007f}]|[\u1160-\u11ff\ud7b0-\ud7fb](?<![\u1100-\u115e\ua960-\ua97c\uac00-\ud7a3][\u1160-\u11ff\ud7b0-\ud7fb]{0,2}[\u1160-\u11ff\ud7b0-\ud7fb])|\p{M}(?<=(?:^|\n)\p{M}{1,4}|\p{M}{5})/u);
/** The same, plus a select-graphic-rendition (colour) sequence with numeric parameters. */
let controlOrSgrPattern: RegExp | undefined;
const CONTROL_OR_SGR = (): RegExp => (controlOrSgrPattern ??= /\u001b\[[0-9;]{0,64}m|\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u17b4\u17b5\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\uffa0\u115f\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u034f\u180b-\u180d\u180f\u2065\u{1bca0}-\u{1bca3}\u{110bd}\u{110cd}\u{13430}-\u{1343f}\ufff9-\ufffb\ufeff\u{1d173}-\u{1d17a}\u{e0000}-\u{e007f}]|[\u1160-\u11ff\ud7b0-\ud7fb](?<![\u1100-\u115e\ua960-\ua97c\uac00-\ud7a3][\u1160-\u11ff\ud7b0-\ud7fb]{0,2}[\u1160-\u11ff\ud7b0-\ud7fb])|\p{M}(?<=(?:^|\n)\p{M}{1,4}|\p{M}{5})/gu);

/** How one control character is shown: a Control Picture for C0, `\xNN` for DEL and C1, `\uXXXX` (`\u{XXXXX}`) for the rest. */
export function visibleControl(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20) return String.fromCharCode(0x2400 + cp);
  if (cp <= 0x9f) return `\\x${cp.toString(16).padStart(2, '0')}`;
  return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

const show = (m: string): string => (m === '\r\n' ? m : visibleControl(m));

/**
 * The text with every control character shown visibly (see the module note); \n, \t and CRLF kept.
 * @example showControls('a\u001b]0;x\u0007b') === 'a␛]0;x␇b'
 */
export function showControls(text: string): string {
  return HAS_CONTROL().test(text) ? text.replace(CONTROL(), show) : text;
}

/**
 * Whether an SGR sequence only sets colours and text attributes we draw with (bold, dim, italic,
 * underline, inverse, strike, fore- and background colours, and their resets). Conceal (8) and
 * blink (5, 6), which can hide or disguise text, are not.
 */
export function isColourSgr(seq: string): boolean {
  const body = seq.slice(2, -1);
  if (body === '') return true;
  const params = body.split(';');
  for (let i = 0; i < params.length; i++) {
    const p = params[i] ?? '';
    if (p.length > 3) return false;
    const n = Number(p); // an empty parameter means 0
    if (n === 38 || n === 48 || n === 58) {
      // Extended colour: 5;N (256 colours) or 2;R;G;B.
      const mode = params[i + 1];
      const take = mode === '5' ? 1 : mode === '2' ? 3 : -1;
      if (take < 0) return false;
      const values = params.slice(i + 2, i + 2 + take);
      if (values.length !== take || values.some((v) => !/^\d{1,3}$/.test(v) || Number(v) > 255)) return false;
      i += 1 + take;
      continue;
    }
    const allowed = n <= 4 || n === 7 || n === 9 || (n >= 21 && n <= 24) || n === 27 || n === 29 || (n >= 30 && n <= 37) || n === 39 || (n >= 40 && n <= 47) || n === 49 || n === 59 || (n >= 90 && n <= 97) || (n >= 100 && n <= 107);
    if (!allowed) return false;
  }
  return true;
}

/**
 * Like showControls, but well-formed colour sequences (`ESC[<digits;>m`, see isColourSgr) pass, as our
 * own styling (rendered Markdown, theme colours) writes them. Every other sequence is shown visibly.
 * @example showControlsKeepColour('\u001b[31mred\u001b[39m \u001b]52;c;eA==\u0007') === '\u001b[31mred\u001b[39m ␛]52;c;eA==␇'
 */
export function showControlsKeepColour(text: string): string {
  if (!HAS_CONTROL().test(text)) return text;
  return text.replace(CONTROL_OR_SGR(), (m) => (m.length > 2 && m.charCodeAt(0) === 0x1b ? (isColourSgr(m) ? m : `␛${m.slice(1)}`) : show(m)));
}

/**
 * Characters JSON.stringify leaves raw that a terminal or a JavaScript parser may not take: DEL, C1, U+2028, U+2029,
 * and the invisible characters and excess combining marks showControls shows (as JSON escapes here, so that none is
 * left for it to show in a form JSON does not read, such as `\u{e0041}`).
 */
let jsonUnsafePattern: RegExp | undefined;
/** Exported for the test that holds JSON_UNSAFE_NO_MARKS (below) to the same characters. */
export const JSON_UNSAFE = (): RegExp => (jsonUnsafePattern ??= /[\u007f-\u009f\u2028\u2029\u00ad\u061c\u17b4\u17b5\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\uffa0\u115f\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u034f\u180b-\u180d\u180f\u2065\u{1bca0}-\u{1bca3}\u{110bd}\u{110cd}\u{13430}-\u{1343f}\ufff9-\ufffb\ufeff\u{1d173}-\u{1d17a}\u{e0000}-\u{e007f}]|[\u1160-\u11ff\ud7b0-\ud7fb](?<![\u1100-\u115e\ua960-\ua97c\uac00-\ud7a3][\u1160-\u11ff\ud7b0-\ud7fb]{0,2}[\u1160-\u11ff\ud7b0-\ud7fb])|\p{M}(?<=\p{M}{5})/gu);

/**
 * JSON text with DEL, the C1 controls, the line and paragraph separators and the characters above written as
 * `\uXXXX` (an astral one as its surrogate pair). In valid JSON these characters can only stand inside strings, where
 * the escape means the same character, so the document keeps its value; JSON.stringify already escapes the C0
 * controls, so the result carries no control character at all.
 * @example escapeJsonControls('{"a":"\u009d"}') === '{"a":"\\u009d"}'
 */
export function escapeJsonControls(json: string): string {
  // Without a run of five code units that could each be (part of) a combining mark, the \p{M} alternative cannot match,
  // and the pattern without it finds the same characters. Building \p{M} (ICU enumerates the whole Unicode table) was a
  // millisecond of every `--json` cold start, whose output holds Chinese and Korean titles but never such a run of marks
  // (2026-12-07).
  const pattern = MAYBE_MARK_RUN().test(json) ? JSON_UNSAFE() : JSON_UNSAFE_NO_MARKS();
  return json.replace(pattern, (c) => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));
}

/**
 * Five code units in a row of which every one may belong to a combining mark: every \p{M} character is at U+0300 or
 * above (an astral one is two surrogates, both above), and none is a CJK ideograph (U+3400–U+4DBF, U+4E00–U+9FFF) or a
 * Hangul syllable (U+AC00–U+D7A3). Checked against the whole of \p{M} when this was written.
 */
let maybeMarkRunPattern: RegExp | undefined;
const MAYBE_MARK_RUN = (): RegExp => (maybeMarkRunPattern ??= /[\u0300-\u33ff\u4dc0-\u4dff\ua000-\uabff\ud7a4-\uffff]{5}/);

/**
 * JSON_UNSAFE without its excess marks, as UTF-16 code units (no `u` flag: no ICU table is built); astral ones as
 * surrogate pairs. The same characters: a character added to one must be added to the other, or
 * test/core/text/escape-json-controls.test.ts fails.
 */
let jsonUnsafeNoMarksPattern: RegExp | undefined;
const JSON_UNSAFE_NO_MARKS = (): RegExp =>
  (jsonUnsafeNoMarksPattern ??=
    /[\u007f-\u009f\u2028\u2029\u00ad\u061c\u17b4\u17b5\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\uffa0\u115f\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u034f\u180b-\u180d\u180f\u2065\ufff9-\ufffb\ufeff]|\ud82f[\udca0-\udca3]|\ud80d[\udc30-\udc3f]|\ud834[\udd73-\udd7a]|\udb40[\udc00-\udc7f]|\ud804[\udcbd\udccd]|[\u1160-\u11ff\ud7b0-\ud7fb](?<![\u1100-\u115e\ua960-\ua97c\uac00-\ud7a3][\u1160-\u11ff\ud7b0-\ud7fb]{0,2}[\u1160-\u11ff\ud7b0-\ud7fb])/g);

/** JSON.stringify (indented by 2) made safe to print with escapeJsonControls. */
export function safeJsonStringify(value: unknown, indent: number | undefined = 2): string {
  return escapeJsonControls(JSON.stringify(value, null, indent) ?? 'null');
}

/** A CSI sequence (cursor moves, erases, modes such as bracketed paste and synchronised output, colours). */
let controlOrCsiPattern: RegExp | undefined;
const CONTROL_OR_CSI = (): RegExp => (controlOrCsiPattern ??= /\u001b\[[0-?]{0,64}[ -/]{0,8}[@-~]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u17b4\u17b5\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\uffa0\u115f\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u034f\u180b-\u180d\u180f\u2065\u{1bca0}-\u{1bca3}\u{110bd}\u{110cd}\u{13430}-\u{1343f}\ufff9-\ufffb\ufeff\u{1d173}-\u{1d17a}\u{e0000}-\u{e007f}]|[\u1160-\u11ff\ud7b0-\ud7fb](?<![\u1100-\u115e\ua960-\ua97c\uac00-\ud7a3][\u1160-\u11ff\ud7b0-\ud7fb]{0,2}[\u1160-\u11ff\ud7b0-\ud7fb])|\p{M}(?<=(?:^|\n)\p{M}{1,4}|\p{M}{5})/gu);
let hasControlNotCrPattern: RegExp | undefined;
const HAS_CONTROL_NOT_CR = (): RegExp => (hasControlNotCrPattern ??= /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u17b4\u17b5\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\uffa0\u115f\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u034f\u180b-\u180d\u180f\u2065\u{1bca0}-\u{1bca3}\u{110bd}\u{110cd}\u{13430}-\u{1343f}\ufff9-\ufffb\ufeff\u{1d173}-\u{1d17a}\u{e0000}-\u{e007f}]|[\u1160-\u11ff\ud7b0-\ud7fb](?<![\u1100-\u115e\ua960-\ua97c\uac00-\ud7a3][\u1160-\u11ff\ud7b0-\ud7fb]{0,2}[\u1160-\u11ff\ud7b0-\ud7fb])|\p{M}(?<=(?:^|\n)\p{M}{1,4}|\p{M}{5})/u);

/**
 * A filter for what an interactive screen writes to the terminal: CSI sequences (ESC [ …), which the
 * screen library draws with, pass, as do \n, \r and \t; everything else is shown visibly: OSC (title,
 * clipboard, hyperlinks), DCS, APC, PM, SOS, BEL, a lone ESC, DEL and the C1 controls.
 * @example showControlsKeepCsi('\u001b[2K\u001b]0;x\u0007') === '\u001b[2K␛]0;x␇'
 */
export function showControlsKeepCsi(text: string): string {
  if (!HAS_CONTROL_NOT_CR().test(text)) return text;
  return text.replace(CONTROL_OR_CSI(), (m) => (m.charCodeAt(0) === 0x1b && m.length > 1 ? m : visibleControl(m)));
}

/**
 * A value the user gave, as an error message repeats it: at most `max` characters (whole code points), then `…`, on
 * one line (its line feeds, carriage returns and tabs shown as ␊ ␍ ␉). A 100,000-character id was echoed whole into
 * one error line, and a topic id with a line feed started a line of advice of its own (`docs $'x\n  → run …'`).
 * @example echoed('x'.repeat(70)) === `${'x'.repeat(60)}…`
 * @example echoed('a\nb') === 'a␊b'
 */
export function echoed(value: string, max = 60): string {
  const chars = Array.from(value);
  return oneLine(chars.length > max ? `${chars.slice(0, max).join('')}…` : value);
}

/**
 * Text on one line: its line feeds, carriage returns and tabs shown as ␊ ␍ ␉ (what showControls leaves, being layout).
 * @example oneLine('a\nb\tc') === 'a␊b␉c'
 */
export const oneLine = (text: string): string => text.replace(LINE_BREAK_OR_TAB, visibleControl);
const LINE_BREAK_OR_TAB = /[\n\r\t]/g;

/** A JSON string escape in JSON text: the run of backslashes before it, then `u` and four hex digits, or `b`, `f`, `r`. */
// Starts only at the first backslash of a run (the lookbehind), so that a long run is read once, not once per backslash.
const JSON_ESCAPE = /(?<!\\)(\\+)(u[0-9a-fA-F]{4}|[bfr])/g;
const SHORT_ESCAPES: Record<string, string> = { b: '\b', f: '\f', r: '\r' };
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * JSON text whose string values, once decoded, show what showControls shows, as the text output does: an escaped ESC
 * (`\u001b`) becomes the picture `␛`, an escaped C1 control the text `\x9b`, a bidirectional control the text
 * `\u202e`, a carriage return not before a line feed `␍`, and a lone surrogate U+FFFD, which strict parsers refuse
 * (found by an attacker helper: `fix --json | jq -r .stdout` set the terminal's title and wrote its clipboard with what
 * a fix's command printed, and jq refused a whole history for one broken character). Tab and line feed stay. Works on
 * the text, linearly, without parsing it; a backslash that is itself escaped (`\\u001b`, text) is left alone.
 * @example showJsonControls('{"a":"x\\u001b]0;t\\u0007"}') === '{"a":"x␛]0;t␇"}'
 */
export function showJsonControls(json: string): string {
  if (!json.includes('\\')) return json;
  return json.replace(JSON_ESCAPE, (m: string, slashes: string, tail: string, offset: number) => {
    if (slashes.length % 2 === 0) return m;
    const before = slashes.slice(1);
    const code = tail.length === 1 ? SHORT_ESCAPES[tail]!.charCodeAt(0) : parseInt(tail.slice(1), 16);
    const next = json.slice(offset + m.length, offset + m.length + 6);
    if (isHigh(code)) {
      if (!/^\\u[dD][c-fC-F][0-9a-fA-F]{2}$/.test(next)) return `${before}\\ufffd`;
      // The pair's second half is matched next: the pair is kept as it was, or shown here, its second half then dropped
      // by the low-surrogate rule below.
      const shown = shownPair(code, parseInt(next.slice(2), 16));
      return shown === undefined ? m : `${before}${shown}`;
    }
    if (isLow(code)) {
      const prev = json.slice(Math.max(0, offset - 6), offset);
      // A pair's second half follows its first directly: one backslash of its own, right after the first's escape.
      if (slashes.length === 1 && /^\\u[dD][89abAB][0-9a-fA-F]{2}$/.test(prev) && oddBackslashesBefore(json, offset - 5))
        return shownPair(parseInt(prev.slice(2), 16), code) === undefined ? m : before;
      return `${before}\\ufffd`;
    }
    if (code === 0x0d && next.startsWith('\\n')) return m;
    const shown = shownEscape(code);
    return shown === undefined ? m : `${before}${shown}`;
  });
}

/** Whether the backslash just before `at` starts an escape: the run of backslashes ending there is odd. */
function oddBackslashesBefore(json: string, at: number): boolean {
  let n = 0;
  while (at - 1 - n >= 0 && json.charCodeAt(at - 1 - n) === 0x5c) n++;
  return n % 2 === 1;
}

/** A surrogate pair's shown form as JSON string text, or undefined when it is shown as itself (an emoji: most pairs). */
function shownPair(high: number, low: number): string | undefined {
  const ch = String.fromCharCode(high, low);
  const shown = showControls(ch);
  return shown === ch ? undefined : JSON.stringify(shown).slice(1, -1);
}

/** One BMP character's shown form as JSON string text, or undefined when it is shown as itself; remembered per code. */
const shownEscapes = new Map<number, string | undefined>();
function shownEscape(code: number): string | undefined {
  if (shownEscapes.has(code)) return shownEscapes.get(code);
  const ch = String.fromCharCode(code);
  const shown = showControls(ch);
  const text = shown === ch ? undefined : JSON.stringify(shown).slice(1, -1);
  if (shownEscapes.size < 4096) shownEscapes.set(code, text);
  return text;
}
