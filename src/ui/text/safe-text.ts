import { showControls, showControlsKeepColour } from '../../core/text/terminal-safe.js';

/**
 * Outside text (a paste, an entity found in it, a child's output, an error message, a typed query) as
 * the screen may show it: every control character visible (`␛`, `␇`, `\x9b`), so nothing in it can act
 * on the terminal. Used where such text enters the display, before it is measured and wrapped.
 */
export const safeText = (text: string): string => drawnAsMeasured(showControls(text));

/** Like safeText for a line that carries our own colours (rendered Markdown): colour sequences pass. */
export const safeAnsiText = (text: string): string => drawnAsMeasured(showControlsKeepColour(text));

/**
 * Text drawn as wide as it is measured, by ink and by us (see below).
 *
 * The Thai and Lao vowel AM (U+0E33, U+0EB3) as their compatibility decompositions (NIKHAHIT + AA), which draw the
 * same. Ink measures a character cluster as its first character's width, and the AM, a spacing mark, joins the
 * consonant before it: measured one column, drawn two. A pasted Thai message (Windows writes "ดำเนินการ" for
 * "operation") then pushed the box's right border out and left a stale line above the frame. Decomposed, the
 * cluster is the consonant with a combining mark (one column) and the AA after it (one), as terminals draw it.
 */
const thaiAmDecomposed = (text: string): string => (/[\u0e33\u0eb3]/.test(text) ? text.replace(/\u0e33/g, '\u0e4d\u0e32').replace(/\u0eb3/g, '\u0ecd\u0eb2') : text);

/**
 * Emoji sequences as the emoji they are made of. Ink measures a family (👨‍👩‍👧: three emoji joined by ZERO WIDTH JOINER),
 * a skin tone (👍🏽) or an emoji-presentation selector (❤️) as one emoji, two columns, while our own measure, by which
 * fields and lists are cut, and terminals that do not join the sequence (tmux, the Windows console host) give six, four
 * and one: the row came out wider or narrower than laid out and moved the box's border. Without the joiners between
 * emoji, the tone modifiers and the selector, every measure agrees (👨👩👧 six columns, 👍 two, ❤ one). Display only:
 * the text itself (the paste diagnosed, a field's value) keeps them.
 */
const emojiUnjoined = (text: string): string =>
  /[\u200d\ufe0f\u{1f3fb}-\u{1f3ff}]/u.test(text) ? text.replace(/[\ufe0f\u{1f3fb}-\u{1f3ff}]/gu, '').replace(/(?<=\p{Extended_Pictographic})\u200d(?=\p{Extended_Pictographic})/gu, '') : text;

const drawnAsMeasured = (text: string): string => emojiUnjoined(thaiAmDecomposed(text));

/** Code units of a line enough to fill `width` columns once shown (an escaped character takes up to 10). */
const displaySpan = (width: number): number => Math.max(1, width) * 8 + 16;

/**
 * The start of a long line, as much as `width` columns can show: a row of the screen need not escape and
 * measure the rest of a pasted line of megabytes on every frame. Never cuts a surrogate pair.
 */
export function headForDisplay(text: string, width: number): string {
  const n = displaySpan(width);
  if (text.length <= n) return text;
  const cut = text.slice(0, n);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The end of a long line, as much as `width` columns can show (see headForDisplay). */
export function tailForDisplay(text: string, width: number): string {
  const n = displaySpan(width);
  if (text.length <= n) return text;
  const cut = text.slice(-n);
  return /^[\uDC00-\uDFFF]/.test(cut) ? cut.slice(1) : cut;
}
