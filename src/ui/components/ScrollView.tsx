import { Box, Text } from 'ink';
import type { Theme } from '../theme.js';
import { safeAnsiText, safeText } from '../text/safe-text.js';

/** A line of a scroll view: ANSI text (rendered Markdown) or plain text in a theme role. */
export type ViewLine = string | { text: string; role?: 'heading' | 'secondary' | 'accent' | 'warning' | 'success' | 'error'; bold?: boolean };

/** The largest useful scroll offset. */
export const maxOffset = (total: number, height: number): number => Math.max(0, total - height);

/** Shows `height` lines of pre-wrapped content from `offset`. */
export function ScrollView({ lines, offset, height, theme }: { lines: readonly ViewLine[]; offset: number; height: number; theme: Theme }) {
  const colourOf = (role: Exclude<ViewLine, string>['role']) => {
    switch (role) {
      case 'heading':
        return theme.text.heading;
      case 'secondary':
        return theme.text.secondary;
      case 'accent':
        return theme.text.accent;
      case 'warning':
      case 'success':
      case 'error':
        return theme.status[role];
      default:
        return undefined;
    }
  };
  return (
    <Box flexDirection="column">
      {lines.slice(offset, offset + height).map((line, i) =>
        typeof line === 'string' ? (
          <Text key={i} wrap="truncate-end">
            {safeAnsiText(line) || ' '}
          </Text>
        ) : (
          <Text key={i} wrap="truncate-end" color={colourOf(line.role)} bold={line.bold === true && theme.bold}>
            {safeText(line.text) || ' '}
          </Text>
        ),
      )}
    </Box>
  );
}
