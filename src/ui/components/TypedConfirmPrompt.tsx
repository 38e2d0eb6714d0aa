import { Box, Text } from 'ink';
import { useState } from 'react';
import { usePromptKeymap } from '../hooks/use-prompt-keymap.js';
import { useSyncedState } from '../hooks/use-synced-state.js';
import { useT } from '../hooks/use-t.js';
import { Command } from '../keys.js';
import { GLYPH, type Theme } from '../theme.js';
import { StatusLine } from './StatusLine.js';

const CURSOR = '█';

/**
 * The consent for a dangerous step: the user types the word shown and presses Enter. Any other
 * text does nothing but say so; Esc cancels. Letters are text here, so q and j do not act.
 * The word must be typed, key by key (usePromptKeymap): text that arrives as a burst or a paste
 * clears the field and says so, and an Enter in such a burst confirms nothing.
 */
export function TypedConfirmPrompt({ word, onConfirm, onCancel, theme }: { word: string; onConfirm: () => void; onCancel: () => void; theme: Theme }) {
  const t = useT();
  const [text, setText, textRef] = useSyncedState('');
  const [wrong, setWrong] = useState(false);
  const [pasted, setPasted] = useState(false);
  usePromptKeymap(
    (command, typed) => {
      if (command === Command.Insert || command === Command.Backspace || command === Command.ClearText) setPasted(false);
      switch (command) {
        case Command.Insert:
          setText((s) => s + (typed ?? ''));
          setWrong(false);
          return true;
        case Command.Backspace:
          setText((s) => Array.from(s).slice(0, -1).join(''));
          setWrong(false);
          return true;
        case Command.ClearText:
          setText('');
          setWrong(false);
          return true;
        case Command.Confirm:
          if (textRef.current === word) onConfirm();
          else setWrong(true);
          return true;
        case Command.Back:
          onCancel();
          return true;
        default:
          return false;
      }
    },
    {
      priority: 5,
      text: true,
      onBurst: ({ command }) => {
        if (command !== Command.Insert && command !== Command.Paste && command !== Command.Confirm) return;
        setText('');
        setWrong(false);
        setPasted(true);
      },
    },
  );
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        <Text bold={theme.bold}>{t('fix.typed.prompt')}</Text>{' '}
        <Text color={theme.status.warning} bold={theme.bold}>
          {word}
        </Text>
      </Text>
      <Text wrap="truncate-end">
        <Text color={theme.text.accent}>{GLYPH.pointer} </Text>
        {text}
        <Text color={theme.selection}>{CURSOR}</Text>
      </Text>
      {wrong && <StatusLine kind="error" text={t('fix.typed.mismatch', { word })} theme={theme} />}
      {pasted && <StatusLine kind="warning" text={t('fix.typed.pasted')} theme={theme} />}
      <Text color={theme.text.secondary} wrap="wrap">
        {t('fix.typed.hint')}
      </Text>
    </Box>
  );
}
