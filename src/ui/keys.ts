/** Semantic commands: screens react to these, never to raw keys. */
export const Command = {
  Up: 'nav.up',
  Down: 'nav.down',
  Left: 'nav.left',
  Right: 'nav.right',
  PageUp: 'nav.page-up',
  PageDown: 'nav.page-down',
  First: 'nav.first',
  Last: 'nav.last',
  Confirm: 'basic.confirm',
  Back: 'basic.back',
  FocusNext: 'focus.next',
  FocusPrevious: 'focus.previous',
  Quit: 'app.quit',
  /** Ctrl+C: stops a running fix when one runs, otherwise leaves the app at once. */
  Interrupt: 'app.interrupt',
  Help: 'app.help',
  Search: 'docs.search',
  CycleLanguage: 'view.cycle-language',
  Backspace: 'text.backspace',
  ClearText: 'text.clear',
  /** Typed text: in a text layer every printable key; elsewhere a key with no binding. */
  Insert: 'text.insert',
  /** A whole paste, delivered at once (bracketed paste, or a multi-line burst in a text layer). */
  Paste: 'text.paste',
} as const;
export type Command = (typeof Command)[keyof typeof Command];

/** One input event after key parsing: a command, with the text for Insert and Paste. */
export interface InputEvent {
  command: Command;
  text?: string;
}

/**
 * An input event as the keymap layers get it: `alone` says that its key was the only one in its chunk of
 * input (what one read of the terminal gave), so a person pressed it; a key that arrived with others (a
 * paste without bracketed paste, a tool typing for the user) or a bracketed paste is never alone.
 */
export interface KeyEvent extends InputEvent {
  alone: boolean;
}

/**
 * Whether one chunk of input, as ink splits it into raw events, is a single key press: one event that is
 * one character (a letter, Enter, Tab, Backspace, a Ctrl key) or one escape sequence (an arrow, Esc).
 * `System`, `y\r` or an arrow followed by Enter are bursts, never a key.
 */
export function isSingleKey(raws: readonly string[]): boolean {
  const [raw] = raws;
  if (raws.length !== 1 || !raw) return false;
  return raw.startsWith('\u001B') || Array.from(raw).length === 1;
}

/**
 * Whether an event may answer a question that starts something (Yes/No, the typed word, a run key):
 * only a key pressed alone, never part of a burst or a paste. The one rule every prompt applies.
 */
export const isDeliberate = (event: KeyEvent): boolean => event.alone && event.command !== Command.Paste;

const SEQUENCES: Readonly<Record<string, Command>> = {
  '\u0003': Command.Interrupt,
  '\r': Command.Confirm,
  '\n': Command.Confirm,
  '\u001B': Command.Back,
  '\u001B\u001B': Command.Back,
  '\t': Command.FocusNext,
  '\u001B[Z': Command.FocusPrevious,
  '\u007F': Command.Backspace,
  '\b': Command.Backspace,
  '\u0015': Command.ClearText,
  '\u001B[A': Command.Up,
  '\u001BOA': Command.Up,
  '\u001B[B': Command.Down,
  '\u001BOB': Command.Down,
  '\u001B[C': Command.Right,
  '\u001BOC': Command.Right,
  '\u001B[D': Command.Left,
  '\u001BOD': Command.Left,
  '\u001B[5~': Command.PageUp,
  '\u001B[6~': Command.PageDown,
  '\u001B[H': Command.First,
  '\u001BOH': Command.First,
  '\u001B[1~': Command.First,
  '\u001B[7~': Command.First,
  '\u001B[F': Command.Last,
  '\u001BOF': Command.Last,
  '\u001B[4~': Command.Last,
  '\u001B[8~': Command.Last,
};

/** Letter bindings, active only outside text layers (where letters are text). */
const LETTERS: Readonly<Record<string, Command>> = {
  j: Command.Down,
  k: Command.Up,
  g: Command.First,
  G: Command.Last,
  ' ': Command.PageDown,
  q: Command.Quit,
  '?': Command.Help,
  '/': Command.Search,
  l: Command.CycleLanguage,
};

/** Keys as shown in help lines; key names are the same in every language. */
export const KEY_LABELS = {
  move: '↑↓/jk',
  scroll: '↑↓/jk PgUp/PgDn',
  enter: 'Enter',
  esc: 'Esc',
  tab: 'Tab',
  quit: 'q',
  help: '?',
  search: '/',
  language: 'l',
  change: '←→/Enter',
  clear: 'Ctrl+U',
  ctrlC: 'Ctrl+C',
} as const;

const isControl = (s: string): boolean => /^[\u0000-\u001F\u007F]/.test(s);

/**
 * Turns one raw input event (as ink's input parser splits stdin) into commands.
 * In a text layer printable text is inserted whole; elsewhere each character is its own key.
 * A multi-line burst in a text layer is a paste from a terminal without bracketed paste.
 */
export function parseInput(raw: string, textMode: boolean): InputEvent[] {
  const known = SEQUENCES[raw];
  if (known) return [{ command: known }];
  if (raw.startsWith('\u001B')) return [];
  if (textMode && raw.length > 1 && /[\r\n]/.test(raw)) return [{ command: Command.Paste, text: raw }];
  if (textMode && !isControl(raw)) return [{ command: Command.Insert, text: raw }];
  const events: InputEvent[] = [];
  for (const ch of raw) {
    const seq = SEQUENCES[ch];
    if (seq) events.push({ command: seq });
    else if (isControl(ch)) continue;
    else if (!textMode && LETTERS[ch]) events.push({ command: LETTERS[ch] });
    else events.push({ command: Command.Insert, text: ch });
  }
  return events;
}
