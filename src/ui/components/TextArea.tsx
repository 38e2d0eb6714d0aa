import { Box, Text } from 'ink';
import { useT } from '../hooks/use-t.js';
import { truncateWidth, wrapAnsiText } from '../../core/text/wrap-ansi.js';
import type { TextBuffer } from '../text/text-buffer.js';
import type { Theme } from '../theme.js';
import { headForDisplay, safeText } from '../text/safe-text.js';
import { FieldText } from './FieldText.js';

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

/**
 * The lines to show of a long text so that the cursor's line is in view: up to `count` lines ending
 * with the cursor's line (more after it when the text is short), read around the cursor only.
 */
export function linesAround(text: string, cursor: number, count: number): { lines: string[]; first: number; cursorRow: number; cursorCol: number; total: number } {
  let total = 1;
  let before = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    total++;
    if (i < cursor) before++;
  }
  const lineStart = text.lastIndexOf('\n', cursor - 1) + 1;
  const first = Math.max(0, Math.min(before - count + 1, total - count));
  const lines: string[] = [];
  // Back from the cursor's line to the first shown, then forward to fill the view.
  let start = lineStart;
  for (let row = before; row > first; row--) start = text.lastIndexOf('\n', start - 2) + 1;
  for (let at = start; lines.length < count; ) {
    const nl = text.indexOf('\n', at);
    lines.push(text.slice(at, nl < 0 ? text.length : nl));
    if (nl < 0) break;
    at = nl + 1;
  }
  return { lines, first, cursorRow: before - first, cursorCol: cursor - lineStart, total };
}

/** A placeholder as the lines of a box `rows` high and `room` wide (a column kept for the cursor): wrapped, the last line cut with "…". */
export function placeholderLines(placeholder: string, room: number, rows: number): string[] {
  const wrapped = wrapAnsiText(placeholder, Math.max(1, room - 1));
  if (wrapped.length <= rows) return wrapped;
  const kept = wrapped.slice(0, Math.max(1, rows));
  kept[kept.length - 1] = truncateWidth(`${kept[kept.length - 1]} ${wrapped.slice(kept.length).join(' ')}`, Math.max(1, room - 1));
  return kept;
}

/**
 * A paste area: shows the lines around the cursor (pastes can be huge), the cursor's line drawn with
 * its cursor when focused. `height` counts the lines inside the border.
 */
export function TextArea({ buffer, focused, height, width, placeholder, theme }: { buffer: TextBuffer; focused: boolean; height: number; width: number; placeholder: string; theme: Theme }) {
  const t = useT();
  const text = buffer.text;
  const inner = Math.max(1, height);
  const { lines, first, cursorRow, cursorCol } = linesAround(text, buffer.cursor, inner);
  const hiddenAbove = first > 0;
  // One row says how many lines are above the view when some are.
  const shown = hiddenAbove && lines.length >= inner ? lines.slice(1) : lines;
  const offset = lines.length - shown.length;
  // Inside the border and padding, with a column kept for the cursor.
  const room = Math.max(1, width - 5);
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
      {text && hiddenAbove && (
        <Text color={theme.text.secondary} wrap="truncate-end">
          {t('diagnose.input.hidden', { count: first + offset })}
        </Text>
      )}
      {text &&
        shown.map((line, i) =>
          i + offset === cursorRow && focused ? (
            <Text key={i} wrap="truncate-end">
              <FieldText buffer={{ text: line, cursor: cursorCol }} focused width={room} theme={theme} />
            </Text>
          ) : (
            <Text key={i} wrap="truncate-end">
              {truncateWidth(safeText(headForDisplay(line, room)), room)}
            </Text>
          ),
        )}
    </Box>
  );
}
