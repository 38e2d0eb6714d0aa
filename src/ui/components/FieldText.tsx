import { Text } from 'ink';
import { displayWidth } from '../../core/text/display-width.js';
import { headForDisplay, safeText, tailForDisplay } from '../text/safe-text.js';
import { splitAtCursor, type TextBuffer } from '../text/text-buffer.js';
import type { Theme } from '../theme.js';
import { tailWidth } from './ParamForm.js';

/** Cuts the start of text to a width, keeping its end (what is nearest the cursor). */
const keepEnd = (text: string, width: number): string => (width <= 0 ? '' : tailWidth(text, width));

/** Cuts the end of text to a width, keeping its start. */
function keepStart(text: string, width: number): string {
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = displayWidth(ch);
    if (w + cw > width) break;
    out += ch;
    w += cw;
  }
  return out;
}

/**
 * The value of a one-line field with its cursor, fitted to `width` columns so the cursor stays in
 * view: the character under the cursor is shown inverse (a block at the end). `mask` hides a secret.
 */
export function FieldText({ buffer, focused, width, theme, mask }: { buffer: TextBuffer; focused: boolean; width: number; theme: Theme; mask?: string }) {
  const shown = (s: string) => (mask ? mask.repeat(Array.from(s).length) : safeText(s));
  if (!focused) return <Text>{keepStart(shown(headForDisplay(buffer.text, width)), width)}</Text>;
  // Only what can be in view around the cursor is escaped and measured, however long the line.
  const [wholeBefore, at, wholeAfter] = splitAtCursor(buffer);
  const before = tailForDisplay(wholeBefore, width);
  const after = headForDisplay(wholeAfter, width);
  const cursor = at ? shown(at) : '█';
  const room = Math.max(1, width - displayWidth(cursor));
  const left = keepEnd(shown(before), Math.min(displayWidth(shown(before)), Math.max(1, room - Math.min(displayWidth(shown(after)), Math.floor(room / 3)))));
  const right = keepStart(shown(after), Math.max(0, room - displayWidth(left)));
  return (
    <Text>
      {left}
      <Text inverse={Boolean(at)} color={theme.selection}>
        {cursor}
      </Text>
      {right}
    </Text>
  );
}
