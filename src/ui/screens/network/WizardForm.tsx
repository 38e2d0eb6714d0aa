import { Box, Text } from 'ink';
import type { PlanProblem } from '../../../core/network/plan-network.js';
import type { WizardField } from '../../../core/network/wizard-reducer.js';
import { StatusLine } from '../../components/StatusLine.js';
import { useT } from '../../hooks/use-t.js';
import { truncateWidth } from '../../../core/text/wrap-ansi.js';
import { GLYPH, type Theme } from '../../theme.js';
import { problemText } from '../../network-text.js';
import { FIELD_EXAMPLE, FIELD_LABEL } from './text.js';
import { FieldText } from '../../components/FieldText.js';
import { displayWidth } from '../../../core/text/display-width.js';

/** One row of the form: a field with its value, or the submit row. */
export type FormRow = { field: WizardField; required: boolean } | { submit: true };

/** Which rows fit in `room` lines (markers included) with the focused row shown: [start, end). */
export function formWindow(heights: readonly number[], focus: number, room: number): { start: number; end: number } {
  const total = heights.reduce((a, b) => a + b, 0);
  if (total <= room) return { start: 0, end: heights.length };
  const inner = Math.max(1, room - 2);
  let start = Math.max(0, Math.min(focus, heights.length - 1));
  let end = start + 1;
  let used = heights[start] ?? 1;
  // Grow downwards first (the rows after the focus), then upwards.
  while (end < heights.length && used + (heights[end] ?? 1) <= inner) used += heights[end++] ?? 1;
  while (start > 0 && used + (heights[start - 1] ?? 1) <= inner) used += heights[--start] ?? 1;
  return { start, end };
}

/** The values form: each field with its value, the reason it was refused beneath it, and a submit row. */
export function WizardForm({ rows, values, problems, focus, cursor, theme, width, height, examples = {} }: { rows: readonly FormRow[]; values: Partial<Record<WizardField, string>>; problems: readonly PlanProblem[]; focus: number; cursor: number; theme: Theme; width: number; height: number; examples?: Partial<Record<WizardField, string>> }) {
  const t = useT();
  const inForm = new Set(rows.flatMap((r) => ('field' in r ? [r.field] : [])));
  const others = problems.filter((p) => !inForm.has(p.field as WizardField));
  // The form scrolls when it is taller than its room: the rows around the focus, with how many are above and below.
  const rowHeight = (r: FormRow) => 1 + ('field' in r ? problems.filter((p) => p.field === r.field).length : 0);
  const { start, end } = formWindow(rows.map(rowHeight), focus, Math.max(3, height - others.length));
  return (
    <Box flexDirection="column">
      {start > 0 && <Text color={theme.text.secondary}>{t('list.above', { count: start })}</Text>}
      {rows.slice(start, end).map((row, n) => {
        const i = start + n;
        const focused = i === focus;
        const pointer = focused ? `${GLYPH.pointer} ` : '  ';
        if (!('field' in row))
          return (
            <Text key="submit" color={focused ? theme.selection : theme.text.accent} bold={theme.bold}>
              {pointer}
              {t('wizard.submit')}
            </Text>
          );
        const value = values[row.field] ?? '';
        const label = t(row.required ? 'wizard.field.required' : 'wizard.field.optional', { label: t(FIELD_LABEL[row.field]) });
        const example = examples[row.field] ?? FIELD_EXAMPLE[row.field];
        return (
          <Box key={row.field} flexDirection="column">
            <Text wrap="truncate-end" color={focused ? theme.selection : undefined}>
              {pointer}
              {truncateWidth(`${label}: `, Math.floor(width * 0.6))}
              <Text bold={focused && theme.bold}>
                <FieldText buffer={{ text: value, cursor: Math.min(cursor, value.length) }} focused={focused} width={Math.max(4, width - displayWidth(truncateWidth(`${label}: `, Math.floor(width * 0.6))) - 3)} theme={theme} />
              </Text>
              {!value && example ? <Text color={theme.text.secondary}>{` ${t('wizard.example', { value: example })}`}</Text> : null}
            </Text>
            {problems
              .filter((p) => p.field === row.field)
              .map((p, j) => (
                <Box key={j} paddingLeft={4}>
                  <StatusLine kind="error" text={problemText(p, t)} theme={theme} width={width - 4} />
                </Box>
              ))}
          </Box>
        );
      })}
      {end < rows.length && <Text color={theme.text.secondary}>{t('list.below', { count: rows.length - end })}</Text>}
      {others.map((p, j) => (
        <StatusLine key={`other-${j}`} kind="error" text={t('wizard.problem', { label: t(FIELD_LABEL[p.field]), message: problemText(p, t) })} theme={theme} width={width} />
      ))}
    </Box>
  );
}
