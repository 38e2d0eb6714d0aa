import type { MessageKey } from './message-keys.js';

/**
 * Semantic commands: screens react to these, never to raw keys. Every command, screen letters
 * included, has its bindings, the label shown for them and a description in COMMANDS below.
 */
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
  /** Back to the home screen from anywhere (one key instead of one Esc per step). */
  Home: 'app.home',
  Search: 'docs.search',
  CycleLanguage: 'view.cycle-language',
  Backspace: 'text.backspace',
  /** Deletes the character under the cursor. */
  Delete: 'text.delete',
  /** Deletes the word before the cursor. */
  DeleteWord: 'text.delete-word',
  WordLeft: 'text.word-left',
  WordRight: 'text.word-right',
  ClearText: 'text.clear',
  /** Typed text: in a text layer every printable key; elsewhere a key with no binding. */
  Insert: 'text.insert',
  /** A whole paste, delivered at once (bracketed paste). */
  Paste: 'text.paste',
  /** Follows a diagnosis or a topic to the compatibility check. */
  LinkCompat: 'link.compat',
  /** Follows a diagnosis or a topic to the troubleshooting tree that ends there. */
  LinkTree: 'link.tree',
  /** In the topic view: jumps to the topic's fixes. */
  TopicFixes: 'topic.fixes',
  /** In the topic view: shows the source text beside our translation, or hides it again. */
  TopicOriginal: 'topic.original',
  /** Shows a cut title or description in full. */
  ShowFull: 'view.show-full',
  Copy: 'fix.copy',
  WizardCopyCompose: 'wizard.copy-compose',
  Restart: 'flow.restart',
  WizardRun: 'wizard.run',
  /** Keys 1–9 on the compatibility report: that action's fix. */
  RunAction: 'compat.run-action',
  Yes: 'confirm.yes',
  No: 'confirm.no',
} as const;
export type Command = (typeof Command)[keyof typeof Command];

/**
 * Where a command is bound. A screen (or one state of it) turns on a set of scopes (SCREEN_SCOPES);
 * a key may mean one thing only within the scopes that are on together.
 */
export type Scope = 'app' | NavScope | 'list' | 'scroll' | 'text' | 'docs' | 'language' | 'topic' | 'topic.original' | 'link.compat' | 'link.tree' | 'fix' | 'fix.running' | 'wizard' | 'wizard.done' | 'tree' | 'compat' | 'confirm' | 'detail' | 'check' | 'check.reading';

/**
 * The moving keys, one scope each for what a screen state may or may not use: ↑↓ (`nav`), Enter, PgUp/PgDn, Home/End,
 * ← and →, Tab and Shift+Tab. A state lists the ones it uses, so that its help names no key that does nothing there (a
 * new-user helper saw ←, →, Tab and Shift+Tab in Home's help). Keys are read with all of them on (parseKey): a key a
 * state does not use is still that key, never text.
 */
export const NAV_SCOPES = ['nav', 'enter', 'page', 'ends', 'left', 'right', 'focus', 'focus.back'] as const;
export type NavScope = (typeof NAV_SCOPES)[number];

/** One command in the registry: the sequences and letters that send it, the label shown, and what it does. */
export interface CommandSpec {
  command: Command;
  scope: Scope;
  /** Terminal sequences (control characters, escape sequences). */
  sequences?: readonly string[];
  /** Printable keys, which send the command only outside a text field. */
  letters?: readonly string[];
  /** How the keys are written in hints and help (key names are the same in every language). */
  label: string;
  description: MessageKey;
}

const CSI = '\u001B[';
const SS3 = '\u001BO';

/** Every command with its bindings and description: the one table of keys (help is generated from it). */
export const COMMANDS: readonly CommandSpec[] = [
  { command: Command.Interrupt, scope: 'app', sequences: ['\u0003'], label: 'Ctrl+C', description: 'keys.exit' },
  { command: Command.Quit, scope: 'app', letters: ['q'], label: 'q', description: 'keys.quit' },
  // F1 too, which a text field does not take as text: `?` is typed there (a new-user helper could not open the help on
  // the screens that open in a text field).
  { command: Command.Help, scope: 'app', sequences: [`${SS3}P`, `${CSI}11~`], letters: ['?'], label: '?/F1', description: 'keys.help' },
  { command: Command.Back, scope: 'app', sequences: ['\u001B'], label: 'Esc', description: 'keys.back' },
  { command: Command.Home, scope: 'app', sequences: ['\u0007'], letters: ['h'], label: 'h/Ctrl+G', description: 'keys.home' },
  { command: Command.Up, scope: 'nav', sequences: [`${CSI}A`, `${SS3}A`], letters: ['k'], label: '↑/k', description: 'keys.up' },
  { command: Command.Down, scope: 'nav', sequences: [`${CSI}B`, `${SS3}B`], letters: ['j'], label: '↓/j', description: 'keys.down' },
  { command: Command.Left, scope: 'left', sequences: [`${CSI}D`, `${SS3}D`], label: '←', description: 'keys.left' },
  { command: Command.Right, scope: 'right', sequences: [`${CSI}C`, `${SS3}C`], label: '→', description: 'keys.right' },
  { command: Command.PageUp, scope: 'page', sequences: [`${CSI}5~`], label: 'PgUp', description: 'keys.pageUp' },
  { command: Command.PageDown, scope: 'page', sequences: [`${CSI}6~`], letters: [' '], label: 'PgDn/Space', description: 'keys.pageDown' },
  { command: Command.First, scope: 'ends', sequences: [`${CSI}H`, `${SS3}H`, `${CSI}1~`, `${CSI}7~`, '\u0001'], letters: ['g'], label: 'Home/g', description: 'keys.first' },
  { command: Command.Last, scope: 'ends', sequences: [`${CSI}F`, `${SS3}F`, `${CSI}4~`, `${CSI}8~`, '\u0005'], letters: ['G'], label: 'End/G', description: 'keys.last' },
  { command: Command.Confirm, scope: 'enter', sequences: ['\r', '\n'], label: 'Enter', description: 'keys.open' },
  { command: Command.FocusNext, scope: 'focus', sequences: ['\t'], label: 'Tab', description: 'keys.focus' },
  { command: Command.FocusPrevious, scope: 'focus.back', sequences: [`${CSI}Z`], label: 'Shift+Tab', description: 'keys.focusBack' },
  { command: Command.Backspace, scope: 'text', sequences: ['\u007F', '\b'], label: 'Backspace', description: 'keys.backspace' },
  { command: Command.Delete, scope: 'text', sequences: [`${CSI}3~`, '\u0004'], label: 'Del/Ctrl+D', description: 'keys.delete' },
  { command: Command.DeleteWord, scope: 'text', sequences: ['\u0017', '\u001B\u007F'], label: 'Ctrl+W', description: 'keys.deleteWord' },
  { command: Command.WordLeft, scope: 'text', sequences: [`${CSI}1;5D`, `${CSI}1;3D`, '\u001Bb'], label: 'Ctrl+←', description: 'keys.wordLeft' },
  { command: Command.WordRight, scope: 'text', sequences: [`${CSI}1;5C`, `${CSI}1;3C`, '\u001Bf'], label: 'Ctrl+→', description: 'keys.wordRight' },
  { command: Command.ClearText, scope: 'text', sequences: ['\u0015'], label: 'Ctrl+U', description: 'keys.clear' },
  { command: Command.Search, scope: 'docs', letters: ['/'], label: '/', description: 'keys.search' },
  { command: Command.CycleLanguage, scope: 'language', letters: ['l'], label: 'l', description: 'keys.language' },
  { command: Command.LinkCompat, scope: 'link.compat', letters: ['v'], label: 'v', description: 'compat.link' },
  { command: Command.LinkTree, scope: 'link.tree', letters: ['t'], label: 't', description: 'tree.link' },
  { command: Command.TopicFixes, scope: 'topic', letters: ['f'], label: 'f', description: 'topic.keys.fixes' },
  { command: Command.TopicOriginal, scope: 'topic.original', letters: ['o'], label: 'o', description: 'keys.original' },
  { command: Command.ShowFull, scope: 'detail', letters: ['i'], label: 'i', description: 'keys.showFull' },
  { command: Command.Copy, scope: 'fix', letters: ['c'], label: 'c', description: 'fix.keys.copy' },
  // While a fix runs, the keys that work everywhere mean something else (the help shows these instead of the app's):
  // Esc and Ctrl+C stop the fix, not the screen or wcdoctor; q and h wait until it has stopped (leaving the screen
  // would stop it unseen, halfway through a change).
  { command: Command.Back, scope: 'fix.running', sequences: ['\u001B'], label: 'Esc', description: 'fix.keys.cancel' },
  { command: Command.Interrupt, scope: 'fix.running', sequences: ['\u0003'], label: 'Ctrl+C', description: 'fix.keys.cancel' },
  { command: Command.Quit, scope: 'fix.running', letters: ['q'], label: 'q', description: 'fix.keys.afterStop' },
  { command: Command.Home, scope: 'fix.running', sequences: ['\u0007'], letters: ['h'], label: 'h/Ctrl+G', description: 'fix.keys.afterStop' },
  { command: Command.Copy, scope: 'wizard.done', letters: ['c'], label: 'c', description: 'wizard.keys.copyCommand' },
  { command: Command.WizardCopyCompose, scope: 'wizard.done', letters: ['o'], label: 'o', description: 'wizard.keys.copyCompose' },
  { command: Command.WizardRun, scope: 'wizard.done', letters: ['x'], label: 'x', description: 'wizard.keys.run' },
  { command: Command.Restart, scope: 'wizard', letters: ['r'], label: 'r', description: 'wizard.keys.restart' },
  { command: Command.Restart, scope: 'tree', letters: ['r'], label: 'r', description: 'tree.keys.restart' },
  { command: Command.Restart, scope: 'check', letters: ['r'], label: 'r', description: 'check.app.keys.again' },
  // While a collected file is read, Esc stops the reading (the screen stays, with the file's path in the field).
  { command: Command.Back, scope: 'check.reading', sequences: ['\u001B'], label: 'Esc', description: 'check.app.keys.cancel' },
  { command: Command.RunAction, scope: 'compat', letters: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], label: '1–9', description: 'compat.keys.runFix' },
  { command: Command.Yes, scope: 'confirm', letters: ['y', 'Y'], label: 'y', description: 'fix.confirm.yesKey' },
  { command: Command.No, scope: 'confirm', letters: ['n', 'N'], label: 'n', description: 'fix.confirm.noKey' },
];

/**
 * The scopes each screen (or state of a screen) turns on: the keys it uses, which its help lists. `app` is always on
 * beneath them; a text field adds `text` and turns letters into text. The entries named `…Part` are what a state adds
 * where it applies (a topic with fixes, a link of a match): ScreenFrame's help lists them only then.
 */
export const SCREEN_SCOPES = {
  home: ['nav', 'enter', 'page', 'ends', 'list'],
  diagnoseInput: ['nav', 'enter', 'ends', 'left', 'right', 'focus', 'text'],
  diagnoseResults: ['nav', 'enter', 'page', 'ends', 'focus', 'focus.back', 'list', 'detail'],
  diagnoseLeads: ['nav', 'enter', 'page', 'ends', 'focus', 'focus.back', 'list'],
  topic: ['nav', 'page', 'ends', 'scroll', 'language'],
  /** A topic with fixes: f, Tab and Shift+Tab choose one, Enter opens it. */
  topicFixesPart: ['enter', 'focus', 'focus.back', 'topic'],
  /** A topic shown in our translation: o shows the source beside it. */
  topicOriginalPart: ['topic.original'],
  /** A match or topic that leads to the compatibility check (v), or to a troubleshooting tree (t). */
  linkCompatPart: ['link.compat'],
  linkTreePart: ['link.tree'],
  docs: ['nav', 'enter', 'page', 'ends', 'list', 'docs', 'language', 'detail'],
  docsSearch: ['nav', 'enter', 'ends', 'left', 'right', 'text'],
  settings: ['nav', 'enter', 'page', 'ends', 'left', 'right', 'list'],
  history: ['nav', 'enter', 'page', 'ends', 'list', 'detail'],
  treeList: ['nav', 'enter', 'page', 'ends', 'list', 'detail'],
  tree: ['nav', 'enter', 'page', 'ends', 'left', 'right', 'list', 'tree', 'detail'],
  treeLeaf: ['nav', 'enter', 'page', 'ends', 'left', 'right', 'scroll', 'tree'],
  wizardChoice: ['nav', 'enter', 'page', 'ends', 'left', 'right', 'list', 'wizard'],
  wizardText: ['enter', 'ends', 'left', 'right', 'text'],
  /** The form of a driver's values: fields one under another. */
  wizardValues: ['nav', 'enter', 'ends', 'left', 'right', 'focus', 'focus.back', 'text'],
  wizardDone: ['nav', 'page', 'ends', 'left', 'scroll', 'wizard', 'wizard.done'],
  compatInput: ['nav', 'enter', 'ends', 'left', 'right', 'focus', 'focus.back', 'text'],
  compatReport: ['nav', 'page', 'ends', 'focus', 'focus.back', 'scroll', 'compat'],
  fixForm: ['nav', 'enter', 'ends', 'left', 'right', 'focus', 'focus.back', 'text'],
  fixResult: ['nav', 'enter', 'page', 'ends', 'scroll', 'fix'],
  fixRunning: ['fix.running'],
  confirm: ['enter', 'left', 'right', 'focus', 'focus.back', 'confirm', 'fix'],
  typedWord: ['enter', 'ends', 'left', 'right', 'text'],
  checkChoose: ['nav', 'enter', 'page', 'ends', 'list'],
  checkInput: ['nav', 'enter', 'ends', 'left', 'right', 'focus', 'text'],
  checkResults: ['nav', 'enter', 'page', 'ends', 'focus', 'focus.back', 'list', 'detail'],
  /** A collected file being read (in a worker thread for a large one): Esc cancels; the app's keys work. */
  checkReading: ['check.reading'],
  checkRun: ['nav', 'page', 'ends', 'scroll', 'check'],
  /** The collector's preview: the screen scrolls, the Yes/No prompt above it answers. */
  checkPreview: ['nav', 'page', 'ends', 'scroll', 'check', 'enter', 'left', 'right', 'focus', 'focus.back', 'confirm'],
  checkHostResults: ['nav', 'enter', 'page', 'ends', 'list', 'check', 'detail'],
} as const satisfies Record<string, readonly Scope[]>;
export type ScreenScopes = (typeof SCREEN_SCOPES)[keyof typeof SCREEN_SCOPES];

/** The registry entries that are on for a set of scopes (`app` always), in table order. */
export function commandsIn(scopes: readonly Scope[]): CommandSpec[] {
  const on = new Set<Scope>(['app', ...scopes]);
  return COMMANDS.filter((c) => on.has(c.scope));
}

/** The label of a command's keys (the first entry of it in the registry). */
export function keyLabel(command: Command): string {
  return COMMANDS.find((c) => c.command === command)?.label ?? '';
}

/** The label of a command's keys where these scopes are on (a letter may differ by scope); undefined when none binds it. */
export function keyLabelIn(command: Command, scopes: readonly Scope[]): string | undefined {
  return commandsIn(scopes).find((c) => c.command === command)?.label;
}

/**
 * Commands a footer names together, under one label: the arrows and their letters, the arrows alone
 * (in a text field, where letters are text), scrolling, paging, changing a value, and yes/no.
 */
export const KEY_GROUPS = {
  move: { commands: [Command.Up, Command.Down], label: '↑↓/jk' },
  arrows: { commands: [Command.Up, Command.Down], label: '↑↓' },
  scroll: { commands: [Command.Up, Command.Down, Command.PageUp, Command.PageDown], label: '↑↓/jk PgUp/PgDn' },
  page: { commands: [Command.PageUp, Command.PageDown], label: 'PgUp/PgDn' },
  change: { commands: [Command.Left, Command.Right, Command.Confirm], label: '←→/Enter' },
  yesNo: { commands: [Command.Yes, Command.No], label: 'y/n' },
} as const satisfies Record<string, { commands: readonly Command[]; label: string }>;
export type KeyGroup = keyof typeof KEY_GROUPS;

/** One input event after key parsing: a command, with the text for Insert and Paste (and the key for a letter command). */
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
  /**
   * Read within moments of a read of many characters (a paste or a burst): such a key may be the last part of a paste the
   * terminal split into reads, so it answers no question (isDeliberate), though a text field takes it as usual.
   */
  soon?: boolean;
  /**
   * Read less than a moment (QUIET_MS) after the read before it: a key typed right after another one, or one of a paste
   * a console types key by key. The first key of an answer to a question is never hurried (usePromptKeymap).
   */
  hurried?: boolean;
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
export const isDeliberate = (event: KeyEvent): boolean => event.alone && event.soon !== true && event.command !== Command.Paste;

const SEQUENCES: ReadonlyMap<string, Command> = new Map(COMMANDS.flatMap((c) => (c.sequences ?? []).map((s) => [s, c.command] as const)));

/** C0 controls, DEL and the C1 controls: never text. */
export const isControlChar = (ch: string): boolean => {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x20 || (c >= 0x7f && c < 0xa0);
};

/**
 * Splits one raw input event (as ink's input parser hands it: an escape sequence, or a run of
 * characters) into keys: each control character is a key of its own and a run of printable
 * characters is one piece of text, so `hello⇥⏎` is the text `hello`, then Tab, then Enter.
 */
export function splitKeys(raw: string): string[] {
  // Escapes alone, two or more (ink hands two Esc presses in one read as one event): each is an Esc of its own,
  // so two presses go back twice however the terminal delivered them.
  if (raw.length > 1 && /^\u001B+$/.test(raw)) return Array.from(raw);
  if (raw.startsWith('\u001B')) return [raw];
  const keys: string[] = [];
  let run = '';
  for (const ch of raw) {
    if (isControlChar(ch)) {
      if (run) keys.push(run);
      run = '';
      keys.push(ch);
    } else run += ch;
  }
  if (run) keys.push(run);
  return keys;
}

/** How a keymap layer reads letters: as text (a text field), or as the letter commands of its scopes. */
export interface ParseMode {
  text: boolean;
  scopes?: readonly Scope[];
}

/**
 * Turns one key (see splitKeys) into commands. In a text field printable text is inserted whole;
 * elsewhere each character is its own key, looked up in the layer's scopes (then the moving keys and `app`).
 * Unknown sequences and stray control characters are dropped: they never reach a field.
 */
export function parseKey(key: string, mode: ParseMode): InputEvent[] {
  const known = SEQUENCES.get(key);
  if (known) return [{ command: known }];
  if (key.startsWith('\u001B') || isControlChar(key)) return [];
  if (mode.text) return [{ command: Command.Insert, text: key }];
  const on = commandsIn([...(mode.scopes ?? []), ...NAV_SCOPES]);
  const events: InputEvent[] = [];
  for (const ch of key) {
    const spec = on.find((c) => c.letters?.includes(ch));
    events.push(spec ? { command: spec.command, text: ch } : { command: Command.Insert, text: ch });
  }
  return events;
}

/** Splits a raw input event into keys and parses each (one mode for all; the provider re-reads it per key). */
export function parseInput(raw: string, mode: ParseMode | boolean): InputEvent[] {
  const m = typeof mode === 'boolean' ? { text: mode } : mode;
  return splitKeys(raw).flatMap((k) => parseKey(k, m));
}
