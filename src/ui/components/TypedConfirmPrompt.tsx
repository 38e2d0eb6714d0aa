import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import { usePromptKeymap } from '../hooks/use-prompt-keymap.js';
import { useScreenReducer } from '../hooks/use-screen-reducer.js';
import { bufferOf, editText, type TextBuffer } from '../text/text-buffer.js';
import { FieldText } from './FieldText.js';
import { useT } from '../hooks/use-t.js';
import { Command } from '../keys.js';
import { GLYPH, type Theme } from '../theme.js';
import { StatusLine } from './StatusLine.js';


/**
 * The consent for a dangerous step: the user types the word shown and presses Enter. Any other
 * text does nothing but say so; Esc cancels. Letters are text here, so q and j do not act.
 * The word must be typed, key by key (usePromptKeymap): text that arrives as a burst or a paste
 * clears the field and says so, and an Enter in such a burst confirms nothing.
 */
export function TypedConfirmPrompt({ word, onConfirm, onCancel, theme, prompt }: { word: string; onConfirm: () => void; onCancel: () => void; theme: Theme; prompt?: 'highRisk' | 'pastedImage' }) {
  const t = useT();
  const [buffer, setBuffer, getBuffer] = useScreenReducer((_: TextBuffer, next: TextBuffer) => next, bufferOf(''));
  const [wrong, setWrong] = useState(false);
  const [pasted, setPasted] = useState(false);
  // Once a letter was taken (after a quiet moment), the rest of the word and its corrections may come quickly; a
  // burst or a paste starts over (found by a tester: a letter typed after Backspace emptied the field was refused).
  const begun = useRef(false);
  /** A paste, or a key that took the held word back: the field is cleared and the note says why. */
  const startOver = () => {
    begun.current = false;
    setBuffer(bufferOf(''));
    setWrong(false);
    setPasted(true);
  };
  const held = usePromptKeymap(
    (command, typed) => {
      if (command === Command.Insert) begun.current = true;
      if (command === Command.Insert || command === Command.Backspace || command === Command.ClearText) setPasted(false);
      // A paste never reaches here (usePromptKeymap takes it); every other edit of the field does.
      const edited = command === Command.Paste ? undefined : editText(getBuffer(), command, typed, { maxLength: 64 });
      if (edited) {
        setBuffer(edited);
        setWrong(false);
        return true;
      }
      switch (command) {
        // The word and Enter act after a quiet moment with no other key (HeldAnswer).
        case Command.Confirm:
          if (getBuffer().text === word) held.hold(onConfirm);
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
      answerBegun: () => begun.current,
      onBurst: ({ command }) => {
        if (command === Command.Insert || command === Command.Paste || command === Command.Confirm) startOver();
      },
      onTakenBack: startOver,
    },
  );
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        <Text bold={theme.bold}>{t(prompt === 'pastedImage' ? 'fix.typed.promptPastedImage' : 'fix.typed.prompt')}</Text>{' '}
        <Text color={theme.status.warning} bold={theme.bold}>
          {word}
        </Text>
      </Text>
      <Text wrap="truncate-end">
        <Text color={theme.text.accent}>{GLYPH.pointer} </Text>
        <FieldText buffer={buffer} focused width={60} theme={theme} />
      </Text>
      {wrong && <StatusLine kind="error" text={t('fix.typed.mismatch', { word })} theme={theme} />}
      {pasted && <StatusLine kind="warning" text={t('fix.typed.pasted')} theme={theme} />}
      <Text color={theme.text.secondary} wrap="wrap">
        {t('fix.typed.hint')}
      </Text>
    </Box>
  );
}
