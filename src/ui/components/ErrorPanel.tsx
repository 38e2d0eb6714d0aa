import { Box, Text } from 'ink';
import { ExternalCommandError, UserError } from '../../core/errors.js';
import { useT } from '../hooks/use-t.js';
import { GLYPH, type Theme } from '../theme.js';
import { safeText } from '../text/safe-text.js';

/** Shows an error: what went wrong and the next steps, or a request to report a bug. */
export function ErrorPanel({ error, theme }: { error: unknown; theme: Theme }) {
  const t = useT();
  const known = error instanceof UserError || error instanceof ExternalCommandError;
  const message = safeText(error instanceof Error ? error.message : String(error));
  const steps = error instanceof UserError ? error.nextSteps : [];
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.status.error} paddingX={1}>
      <Text color={theme.status.error} bold={theme.bold}>
        {GLYPH.error} {t('error.title')}
      </Text>
      <Text>{message}</Text>
      {!known && <Text color={theme.text.secondary}>{t('error.bug')}</Text>}
      {steps.length > 0 && <Text>{t('error.nextSteps')}</Text>}
      {steps.map((s, i) => (
        <Text key={i}>
          {'  → '}
          {s}
        </Text>
      ))}
    </Box>
  );
}
