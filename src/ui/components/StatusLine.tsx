import { Box, Text } from 'ink';
import { wrapAnsiText } from '../../core/text/wrap-ansi.js';
import { GLYPH, type Theme } from '../theme.js';
import { safeText } from '../text/safe-text.js';

export type StatusKind = 'success' | 'warning' | 'error' | 'info';

const GLYPHS: Readonly<Record<StatusKind, string>> = { success: GLYPH.ok, warning: GLYPH.warning, error: GLYPH.error, info: GLYPH.info };

/** The lines a status message of that kind takes at `width` (as StatusLine draws it given its width). */
export const statusLines = (kind: StatusKind, text: string, width: number): string[] => wrapAnsiText(`${GLYPHS[kind]} ${safeText(text)}`, Math.max(1, width));

/**
 * A status message: a glyph that carries the meaning, coloured by its role. Given the `width` it has, it is wrapped
 * here, at spaces, each line starting with a word: ink's own wrapping keeps the space at a break when a line fills
 * exactly, and the next line started with it (" changes apply until you quit.").
 */
export function StatusLine({ kind, text, theme, wrap = 'wrap', width }: { kind: StatusKind; text: string; theme: Theme; wrap?: 'wrap' | 'truncate-end'; width?: number }) {
  if (width !== undefined && wrap === 'wrap') {
    const [first = '', ...rest] = statusLines(kind, text, width);
    return (
      <Box flexDirection="column">
        <Text wrap="truncate-end">
          <Text color={theme.status[kind]} bold={theme.bold}>
            {GLYPHS[kind]}
          </Text>
          <Text color={theme.status[kind]}>{first.slice(GLYPHS[kind].length)}</Text>
        </Text>
        {rest.map((line, i) => (
          <Text key={i} wrap="truncate-end" color={theme.status[kind]}>
            {line}
          </Text>
        ))}
      </Box>
    );
  }
  return (
    <Text wrap={wrap}>
      <Text color={theme.status[kind]} bold={theme.bold}>
        {GLYPHS[kind]}
      </Text>{' '}
      <Text color={theme.status[kind]}>{safeText(text)}</Text>
    </Text>
  );
}
