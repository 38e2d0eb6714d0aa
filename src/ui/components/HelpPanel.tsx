import { Box, Text } from 'ink';
import { useNavigate } from '../contexts/NavigationContext.js';
import { useKeymap } from '../hooks/use-keymap.js';
import { useT } from '../hooks/use-t.js';
import { Command, KEY_LABELS } from '../keys.js';
import type { Theme } from '../theme.js';
import type { KeyHint } from './KeyHints.js';

/** Keys that work on every screen. */
export const GLOBAL_HINTS: readonly KeyHint[] = [
  { keys: KEY_LABELS.help, label: 'keys.help' },
  { keys: KEY_LABELS.quit, label: 'keys.quit' },
  { keys: KEY_LABELS.ctrlC, label: 'keys.exit' },
];

/** The `?` overlay: every key of the current screen, one per line. It takes all keys while open. */
export function HelpPanel({ hints, theme, height }: { hints: readonly KeyHint[]; theme: Theme; height: number }) {
  const t = useT();
  const navigate = useNavigate();
  useKeymap(
    (command) => {
      // Ctrl+C and q go on to the screen (a running fix stops first) and then the app, which exits.
      if (command === Command.Interrupt || command === Command.Quit) return false;
      if (command === Command.Back || command === Command.Help) navigate({ type: 'toggle-help' });
      return true;
    },
    { priority: 10 },
  );
  const width = Math.max(...[...hints, ...GLOBAL_HINTS].map((h) => h.keys.length)) + 2;
  const row = (h: KeyHint, i: number) => (
    <Text key={`${h.keys}-${i}`} wrap="truncate-end">
      <Text color={theme.text.accent} bold={theme.bold}>
        {h.keys.padEnd(width)}
      </Text>
      {t(h.label)}
    </Text>
  );
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Text bold={theme.bold} color={theme.text.heading}>
        {t('help.title')}
      </Text>
      {hints.map(row)}
      <Text bold={theme.bold} color={theme.text.heading}>
        {t('help.global')}
      </Text>
      {GLOBAL_HINTS.map(row)}
      <Text color={theme.text.secondary}>{t('help.close')}</Text>
    </Box>
  );
}
