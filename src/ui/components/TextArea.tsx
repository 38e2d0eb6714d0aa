import { Box, Text } from 'ink';
import { useT } from '../hooks/use-t.js';
import { truncateWidth } from '../text/wrap-ansi.js';
import type { Theme } from '../theme.js';
import { safeText } from '../text/safe-text.js';

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
 * A paste area: shows the end of the text (pastes can be huge) with a cursor when focused.
 * `height` counts the lines inside the border.
 */
export function TextArea({ text, focused, height, width, placeholder, theme }: { text: string; focused: boolean; height: number; width: number; placeholder: string; theme: Theme }) {
  const t = useT();
  const inner = Math.max(1, height);
  const { lines, total } = tailLines(text, text ? inner : 0);
  const hidden = total - lines.length;
  const shown = hidden > 0 ? lines.slice(1) : lines;
  const cursor = focused ? '█' : '';
  // Inside the border and padding, with a column kept for the cursor.
  const room = Math.max(1, width - 5);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={focused ? theme.selection : theme.border} paddingX={1} height={inner + 2}>
      {!text && (
        <Text wrap="truncate-end" color={theme.text.secondary}>
          {cursor}
          {truncateWidth(placeholder, room)}
        </Text>
      )}
      {text && hidden > 0 && (
        <Text color={theme.text.secondary} wrap="truncate-end">
          {t('diagnose.input.hidden', { count: hidden + 1 })}
        </Text>
      )}
      {text &&
        shown.map((line, i) => (
          <Text key={i} wrap="truncate-end">
            {truncateWidth(safeText(line.replace(/\t/g, '  ')), room)}
            {i === shown.length - 1 ? cursor : ''}
          </Text>
        ))}
    </Box>
  );
}
