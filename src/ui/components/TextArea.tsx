import { Box, Text } from 'ink';
import { useT } from '../hooks/use-t.js';
import { truncateWidth, wrapAnsiText } from '../../core/text/wrap-ansi.js';
import type { TextBuffer } from '../text/text-buffer.js';
import type { Theme } from '../theme.js';
import { headForDisplay, safeText } from '../text/safe-text.js';
import { FieldText } from './FieldText.js';
import { moveByRow, rowsAround } from '../text/wrap-rows.js';

/** The last `count` lines of a text and how many lines it has, without splitting all of it. */
export function tailLines(text: string, count: number): { lines: string[]; total: number } {
  let total = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) total++;
  let end = text.length;
  const lines: string[] = [];
  while (lines.length < count) {
    const nl = text.lastIndexOf('\n', end - 1);
    lines.unshift(text.slice(nl + 1, end));
    if (nl < 0) break;
    end = nl;
  }
  return { lines, total };
}

/** A placeholder as the lines of a box `rows` high and `room` wide (a column kept for the cursor): wrapped, the last line cut with "…". */
export function placeholderLines(placeholder: string, room: number, rows: number): string[] {
  const wrapped = wrapAnsiText(placeholder, Math.max(1, room - 1));
  if (wrapped.length <= rows) return wrapped;
  const kept = wrapped.slice(0, Math.max(1, rows));
  kept[kept.length - 1] = truncateWidth(`${kept[kept.length - 1]} ${wrapped.slice(kept.length).join(' ')}`, Math.max(1, room - 1));
  return kept;
}

/** The columns a text area `width` wide gives its rows: inside the border and padding, with a column kept for the cursor. */
export const textAreaRoom = (width: number): number => Math.max(1, width - 5);

/**
 * ↑ or ↓ in a text area `width` wide: the buffer with its cursor on the row drawn above or below (moveByRow), or
 * undefined on the field's first or last row, where the key may move the focus instead.
 */
export function moveInTextArea(buffer: TextBuffer, up: boolean, width: number): TextBuffer | undefined {
  const cursor = moveByRow(buffer.text, buffer.cursor, up ? -1 : 1, textAreaRoom(width));
  return cursor === undefined ? undefined : { text: buffer.text, cursor };
}

/**
 * A paste area: shows the rows around the cursor (pastes can be huge), its lines wrapped at the box's width so that a
 * long line is read in full, the cursor's row drawn with its cursor when focused. `height` counts the lines inside the
 * border.
 */
export function TextArea({ buffer, focused, height, width, placeholder, theme }: { buffer: TextBuffer; focused: boolean; height: number; width: number; placeholder: string; theme: Theme }) {
  const t = useT();
  const text = buffer.text;
  const inner = Math.max(1, height);
  const room = textAreaRoom(width);
  // One row says how many lines start above the view when some do.
  let view = rowsAround(text, buffer.cursor, inner, room);
  if (view.linesAbove > 0 && inner > 1) view = rowsAround(text, buffer.cursor, inner - 1, room);
  const { rows, cursorRow, cursorCol, linesAbove } = view;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={focused ? theme.selection : theme.border} paddingX={1} height={inner + 2}>
      {/* The placeholder wrapped over the box's rows (its end says what else the field takes: a file's path), cut only at the last. */}
      {!text &&
        placeholderLines(placeholder, room, inner).map((line, i) => (
          <Text key={i} wrap="truncate-end" color={theme.text.secondary}>
            {focused && i === 0 ? '█' : ''}
            {line}
          </Text>
        ))}
      {text && linesAbove > 0 && inner > 1 && (
        <Text color={theme.text.secondary} wrap="truncate-end">
          {t('diagnose.input.hidden', { count: linesAbove })}
        </Text>
      )}
      {text &&
        rows.map((row, i) =>
          i === cursorRow && focused ? (
            <Text key={i} wrap="truncate-end">
              <FieldText buffer={{ text: row.text, cursor: cursorCol }} focused width={room + 1} theme={theme} />
            </Text>
          ) : (
            <Text key={i} wrap="truncate-end">
              {/* An empty row is a space: ink gives an empty text no height, and the rows after it moved up (found by a tester). */}
              {truncateWidth(safeText(headForDisplay(row.text, room)), room) || ' '}
            </Text>
          ),
        )}
    </Box>
  );
}
