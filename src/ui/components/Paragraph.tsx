import { Box, Text } from 'ink';
import { wrapAnsiText } from '../../core/text/wrap-ansi.js';
import { safeText } from '../text/safe-text.js';

/**
 * A paragraph wrapped at `width` at spaces, each line starting with a word. ink's own wrapping (`<Text wrap="wrap">`)
 * keeps the space at a break when a line fills exactly, and the next line starts with it (a tester saw
 * " press c to copy the command" under a refusal at 80 columns).
 */
export function Paragraph({ text, width, color }: { text: string; width: number; color?: string }) {
  const lines = wrapAnsiText(safeText(text), Math.max(1, width));
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end" {...(color ? { color } : {})}>
          {line}
        </Text>
      ))}
    </Box>
  );
}
