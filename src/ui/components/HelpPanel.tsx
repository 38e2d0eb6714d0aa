import { Box, Text } from 'ink';
import { displayWidth } from '../../core/text/display-width.js';
import { useNavigate } from '../contexts/NavigationContext.js';
import { useKeymap } from '../hooks/use-keymap.js';
import { useScreenReducer } from '../hooks/use-screen-reducer.js';
import { useT } from '../hooks/use-t.js';
import { moveSelection } from '../hooks/use-selection-list.js';
import type { MessageKey } from '../i18n.js';
import { Command, commandsIn, type Scope } from '../keys.js';
import { truncateWidth } from '../../core/text/wrap-ansi.js';
import type { Theme } from '../theme.js';
import type { KeyHint } from './KeyHints.js';

/** Keys that work on every screen (the registry's `app` scope). */
export const GLOBAL_HINTS: readonly KeyHint[] = commandsIn([]).map((c) => ({ keys: c.label, label: c.description }));

type HelpRow = { heading: MessageKey } | { keys: string; label: MessageKey } | { note: MessageKey };

/**
 * The rows of the help overlay for a screen's scopes: its commands, then the ones that work everywhere, from the registry.
 * Enter says what it does on this screen as the screen's key hints say it ("new line", "choose", "next field"), where they
 * name it: the registry's word for it is "open" (a new-user helper: the yes/no prompt's help said "Enter  open").
 */
export function helpRows(scopes: readonly Scope[], hints: readonly KeyHint[] = []): HelpRow[] {
  const all = commandsIn(scopes);
  const screen = all.filter((c) => c.scope !== 'app');
  const enter = hints.find((h) => h.commands?.includes(Command.Confirm))?.label;
  // In a text field a letter is text, not its command: its keys are named without their letters, and a command that has
  // only letters (q, /) is left out (a regression tester: the help of Diagnose's field listed k, j, g, q and h).
  const typing = scopes.includes('text');
  const row = (c: (typeof all)[number]): HelpRow[] => {
    const keys = typing ? withoutLetters(c.label, c.letters ?? []) : c.label;
    return keys ? [{ keys, label: c.command === Command.Confirm && enter ? enter : c.description }] : [];
  };
  const rows: HelpRow[] = [];
  if (screen.length) rows.push({ heading: 'help.title' }, ...screen.flatMap(row));
  // A command the screen binds itself (a running fix's Esc, q, h) means what the screen says, not what it does elsewhere.
  const own = new Set(screen.map((c) => c.command));
  rows.push({ heading: 'help.global' }, ...all.filter((c) => c.scope === 'app' && !own.has(c.command)).flatMap(row));
  if (screen.some((c) => c.command === Command.Copy)) rows.push({ note: 'help.clipboard' });
  return rows;
}

/** A key label ("↑/k", "h/Ctrl+G", "PgDn/Space") without the parts that are letters typed as text. */
function withoutLetters(label: string, letters: readonly string[]): string {
  const typed = new Set(letters.map((l) => (l === ' ' ? 'Space' : l)));
  return label
    .split('/')
    .filter((part) => part !== '' && !typed.has(part))
    .join('/');
}

/** The `?` overlay: every command on for the current screen, generated from the registry. It takes all keys while open; ↑↓ scroll it. */
export function HelpPanel({ scopes, hints = [], theme, height, width }: { scopes: readonly Scope[]; hints?: readonly KeyHint[]; theme: Theme; height: number; width: number }) {
  const t = useT();
  const navigate = useNavigate();
  const rows = helpRows(scopes, hints);
  const room = Math.max(1, height - 1);
  // Read through `getTop`, the latest position, not the one last drawn: keys that arrive together each move it (a burst
  // of ↓ moved it once).
  const [top, setTop, getTop] = useScreenReducer((_: number, next: number) => next, 0);
  useKeymap(
    (command) => {
      // Ctrl+C and q go on to the screen (a running fix stops first) and then the app, which exits.
      if (command === Command.Interrupt || command === Command.Quit) return false;
      if (command === Command.Back || command === Command.Help) navigate({ type: 'toggle-help' });
      else {
        const next = moveSelection(getTop(), command, { count: Math.max(1, rows.length - room + 1), page: room });
        if (next !== undefined) setTop(next);
      }
      return true;
    },
    { priority: 10 },
  );
  const keyWidth = Math.max(...rows.map((r) => ('keys' in r ? displayWidth(r.keys) : 0))) + 2;
  const shown = rows.slice(top, top + room);
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {shown.map((r, i) =>
        'heading' in r ? (
          <Text key={i} bold={theme.bold} color={theme.text.heading}>
            {t(r.heading)}
          </Text>
        ) : 'note' in r ? (
          <Text key={i} color={theme.text.secondary} wrap="wrap">
            {t(r.note)}
          </Text>
        ) : (
          <Text key={i} wrap="truncate-end">
            <Text color={theme.text.accent} bold={theme.bold}>
              {r.keys + ' '.repeat(Math.max(1, keyWidth - displayWidth(r.keys)))}
            </Text>
            {truncateWidth(t(r.label), Math.max(1, width - keyWidth))}
          </Text>
        ),
      )}
      {/* What is below the window said, not left to be guessed (found by a new-user helper: at 80×24 "go home" was hidden). */}
      <Text color={theme.text.secondary} wrap="truncate-end">
        {truncateWidth(rows.length > top + room ? `${t('help.moreBelow', { count: rows.length - top - room })} ${t('help.close')}` : t('help.close'), width)}
      </Text>
    </Box>
  );
}
