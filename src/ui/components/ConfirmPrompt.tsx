import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import { usePromptKeymap } from '../hooks/use-prompt-keymap.js';
import { useScreenReducer } from '../hooks/use-screen-reducer.js';
import { useT } from '../hooks/use-t.js';
import { Command, SCREEN_SCOPES } from '../keys.js';
import { GLYPH, type Theme } from '../theme.js';
import { StatusLine } from './StatusLine.js';

/** The keys that answer the question (see usePromptKeymap): the screen beneath takes the others, scrolling too. */
const ANSWER_KEYS: ReadonlySet<Command> = new Set([Command.Left, Command.Right, Command.FocusNext, Command.FocusPrevious, Command.Confirm, Command.Yes, Command.No]);

/**
 * A Yes/No question that starts on No: Enter answers what is selected, ←→ or Tab move between
 * the two, y and n answer at once, and Esc answers No. It takes keys above the screen.
 * Only a key pressed on its own counts (usePromptKeymap): the y in a burst such as a pasted
 * "System", or "y" and Enter arriving together, answers nothing and says so.
 */
export function ConfirmPrompt({ question, onAnswer, theme }: { question: string; onAnswer: (yes: boolean) => void; theme: Theme }) {
  const t = useT();
  const [yes, setYes, getYes] = useScreenReducer((_: boolean, next: boolean) => next, false);
  const [ignored, setIgnored] = useState(false);
  // Once an arrow was taken after a quiet moment, Enter may follow it quickly (→ then Enter: found by a tester).
  const begun = useRef(false);
  /** A burst, or a key that took a held yes back: nothing was answered, and the note says why. */
  const ignore = () => {
    begun.current = false;
    setIgnored(true);
  };
  const held = usePromptKeymap(
    (command) => {
      setIgnored(false);
      switch (command) {
        case Command.Left:
        case Command.Right:
        case Command.FocusNext:
        case Command.FocusPrevious:
          begun.current = true;
          setYes(!getYes());
          return true;
        // Yes acts after a quiet moment with no other key (HeldAnswer); No at once.
        case Command.Confirm:
          if (getYes()) held.hold(() => onAnswer(true));
          else onAnswer(false);
          return true;
        case Command.Back:
          onAnswer(false);
          return true;
        // y and n in every language, as key names are (a Swedish j would be "down").
        case Command.Yes:
          held.hold(() => onAnswer(true));
          return true;
        case Command.No:
          onAnswer(false);
          return true;
        default:
          return false;
      }
    },
    {
      priority: 5,
      scopes: SCREEN_SCOPES.confirm,
      answerBegun: () => begun.current,
      answerKeys: ANSWER_KEYS,
      onBurst: ignore,
      onTakenBack: ignore,
    },
  );
  const option = (label: string, selected: boolean) => (
    <Text color={selected ? theme.selection : theme.text.secondary} bold={selected && theme.bold} inverse={selected && theme.name === 'no-color'}>
      {selected ? `${GLYPH.pointer} ${label}` : `  ${label}`}
    </Text>
  );
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        <Text bold={theme.bold}>{question}</Text> {option(t('fix.confirm.yes'), yes)} {option(t('fix.confirm.no'), !yes)}{' '}
        <Text color={theme.text.secondary}>{t('fix.confirm.keys')}</Text>
      </Text>
      {ignored && <StatusLine kind="warning" text={t('fix.confirm.burst')} theme={theme} />}
    </Box>
  );
}
