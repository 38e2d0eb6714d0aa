import { Box, Text } from 'ink';
import { displayWidth } from '../../core/text/display-width.js';
import { useT } from '../hooks/use-t.js';
import { truncateWidth } from '../../core/text/wrap-ansi.js';
import { GLYPH, type Theme } from '../theme.js';
import { visibleWindow } from './SelectList.js';
import { safeText } from '../text/safe-text.js';
import { FieldText } from './FieldText.js';

/** One placeholder in the form: its value and, when the value cannot be used, why. */
export interface ParamField {
  name: string;
  kind: string;
  description: string;
  value: string;
  secret: boolean;
  /** Why the value cannot be used (empty, or the kind's validator said no); undefined when it is fine. */
  reason?: string;
  /** The value is still the one the diagnosis found in the paste. */
  fromPaste: boolean;
  /** The value came from the version check's advice, not from a paste (said so instead of "found in your paste"). */
  fromCompat?: boolean;
}

/** Lines each field takes: what it is, its value, and whether the value is fine. */
export const FIELD_ROWS = 3;

const MASK = '•';

/** The end of a long value within a width (where the typing happens), starting with `…` when cut. */
export function tailWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const chars = Array.from(text);
  let out = '';
  let w = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const cw = displayWidth(chars[i] ?? '');
    if (w + cw > width - 1) break;
    out = (chars[i] ?? '') + out;
    w += cw;
  }
  return `…${out}`;
}

/**
 * The values of a fix's placeholders, one field under another. Presentational: the screen owns the
 * values and the focus and moves them with commands; `height` counts terminal lines.
 */
export function ParamForm({ fields, focused, cursor = Number.MAX_SAFE_INTEGER, width, height, theme }: { fields: readonly ParamField[]; focused: number; cursor?: number; width: number; height: number; theme: Theme }) {
  const t = useT();
  const room = Math.max(1, Math.floor(height / FIELD_ROWS));
  const { start, end } = visibleWindow(fields.length, focused, fields.length <= room ? room : Math.max(1, Math.floor((height - 2) / FIELD_ROWS)));
  return (
    <Box flexDirection="column">
      {start > 0 && <Text color={theme.text.secondary}>{t('list.above', { count: start })}</Text>}
      {fields.slice(start, end).map((f, n) => {
        const isFocused = start + n === focused;
        const shown = f.secret ? MASK.repeat(Array.from(f.value).length) : safeText(f.value);
        const status = f.reason !== undefined ? safeText(f.reason) : (f.fromPaste ? t(f.fromCompat ? 'fix.form.fromCompat' : 'fix.form.fromPaste') : t('fix.form.valid'));
        return (
          <Box key={f.name} flexDirection="column">
            <Text wrap="truncate-end" color={isFocused ? theme.selection : undefined} bold={isFocused && theme.bold}>
              {isFocused ? `${GLYPH.pointer} ` : '  '}
              {truncateWidth(t('fix.form.field', { name: f.name, kind: f.kind, description: f.description }), width - 2)}
            </Text>
            <Text wrap="truncate-end">
              {'    '}
              {isFocused ? (
                <FieldText buffer={{ text: f.value, cursor: Math.min(cursor, f.value.length) }} focused width={width - 6} theme={theme} {...(f.secret ? { mask: MASK } : {})} />
              ) : (
                tailWidth(shown, width - 6)
              )}
            </Text>
            <Text wrap="truncate-end" color={f.reason ? theme.status.error : theme.status.success}>
              {'    '}
              {f.reason ? GLYPH.error : GLYPH.ok} {truncateWidth(status, width - 6)}
            </Text>
          </Box>
        );
      })}
      {end < fields.length && <Text color={theme.text.secondary}>{t('list.below', { count: fields.length - end })}</Text>}
    </Box>
  );
}
