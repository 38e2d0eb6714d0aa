import { Box, Text } from 'ink';
import type { PlanProblem } from '../../../core/network/plan-network.js';
import type { WizardField } from '../../../core/network/wizard-reducer.js';
import { StatusLine } from '../../components/StatusLine.js';
import { useT } from '../../hooks/use-t.js';
import { truncateWidth } from '../../../core/text/wrap-ansi.js';
import { GLYPH, type Theme } from '../../theme.js';
import { problemText } from './problems.js';
import { FIELD_EXAMPLE, FIELD_LABEL } from './text.js';
import { safeText } from '../../text/safe-text.js';
import { FieldText } from '../../components/FieldText.js';
import { displayWidth } from '../../../core/text/display-width.js';

/** One row of the form: a field with its value, or the submit row. */
export type FormRow = { field: WizardField; required: boolean } | { submit: true };

/** The values form: each field with its value, the reason it was refused beneath it, and a submit row. */
export function WizardForm({ rows, values, problems, focus, cursor, theme, width, examples = {} }: { rows: readonly FormRow[]; values: Partial<Record<WizardField, string>>; problems: readonly PlanProblem[]; focus: number; cursor: number; theme: Theme; width: number; examples?: Partial<Record<WizardField, string>> }) {
  const t = useT();
  const inForm = new Set(rows.flatMap((r) => ('field' in r ? [r.field] : [])));
  const others = problems.filter((p) => !inForm.has(p.field as WizardField));
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => {
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
                  <StatusLine kind="error" text={problemText(p, t)} theme={theme} />
                </Box>
              ))}
          </Box>
        );
      })}
      {others.map((p, j) => (
        <StatusLine key={`other-${j}`} kind="error" text={t('wizard.problem', { label: t(FIELD_LABEL[p.field]), message: problemText(p, t) })} theme={theme} />
      ))}
    </Box>
  );
}
