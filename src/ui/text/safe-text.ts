import { showControls, showControlsKeepColour } from '../../core/text/terminal-safe.js';

/**
 * Outside text (a paste, an entity found in it, a child's output, an error message, a typed query) as
 * the screen may show it: every control character visible (`␛`, `␇`, `\x9b`), so nothing in it can act
 * on the terminal. Used where such text enters the display, before it is measured and wrapped.
 */
export const safeText = (text: string): string => showControls(text);

/** Like safeText for a line that carries our own colours (rendered Markdown): colour sequences pass. */
export const safeAnsiText = (text: string): string => showControlsKeepColour(text);

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
