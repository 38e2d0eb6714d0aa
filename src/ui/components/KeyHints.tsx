import { Box, Text } from 'ink';
import { displayWidth } from '../../core/text/display-width.js';
import type { MessageKey, T } from '../i18n.js';
import type { Command } from '../keys.js';
import type { Theme } from '../theme.js';

/** One key and what it does, for help lines. */
export interface KeyHint {
  keys: string;
  label: MessageKey;
  /** The registry commands the hint names (its groups expanded), where it comes from a footer: the help overlay says Enter as the footer does. */
  commands?: readonly Command[];
}

const GAP = '   ';

/** Packs the hints into lines no wider than the width (so the line count is known up front). */
export function layoutHints(hints: readonly KeyHint[], t: T, width: number): { keys: string; label: string }[][] {
  const lines: { keys: string; label: string }[][] = [];
  let line: { keys: string; label: string }[] = [];
  let used = 0;
  for (const h of hints) {
    const item = { keys: h.keys, label: t(h.label) };
    const w = displayWidth(`${item.keys} ${item.label}`);
    if (line.length && used + GAP.length + w > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length ? GAP.length : 0) + w;
    line.push(item);
  }
  if (line.length) lines.push(line);
  return lines;
}

/** The help line every screen shows at its foot. */
export function KeyHints({ lines, theme }: { lines: { keys: string; label: string }[][]; theme: Theme }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.map((item, j) => (
            <Text key={j}>
              {j > 0 ? GAP : ''}
              <Text color={theme.text.accent} bold={theme.bold}>
                {item.keys}
              </Text>{' '}
              <Text color={theme.text.secondary}>{item.label}</Text>
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
