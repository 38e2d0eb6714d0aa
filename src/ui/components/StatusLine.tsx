import { Text } from 'ink';
import { GLYPH, type Theme } from '../theme.js';
import { safeText } from '../text/safe-text.js';

export type StatusKind = 'success' | 'warning' | 'error' | 'info';

const GLYPHS: Readonly<Record<StatusKind, string>> = { success: GLYPH.ok, warning: GLYPH.warning, error: GLYPH.error, info: GLYPH.info };

/** A one-line status message: a glyph that carries the meaning, coloured by its role. */
export function StatusLine({ kind, text, theme, wrap = 'wrap' }: { kind: StatusKind; text: string; theme: Theme; wrap?: 'wrap' | 'truncate-end' }) {
  return (
    <Text wrap={wrap}>
      <Text color={theme.status[kind]} bold={theme.bold}>
        {GLYPHS[kind]}
      </Text>{' '}
      <Text color={theme.status[kind]}>{safeText(text)}</Text>
    </Text>
  );
}
