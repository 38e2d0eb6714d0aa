import { useStdin } from 'ink';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { BugError } from '../../core/errors.js';
import { useBracketedPaste } from '../hooks/use-bracketed-paste.js';
import { useNavigationSignal } from './NavigationContext.js';
import { Command, isSingleKey, parseKey, splitKeys, type InputEvent, type KeyEvent, type ParseMode } from '../keys.js';
import { createPasteParser } from '../paste.js';
import { QUIET_MS } from '../../core/fixes/answer-timing.js';

/**
 * Handles a command; returns true when it used it (otherwise the layer below gets it). `event.alone`
 * tells a key pressed on its own from one of a burst (see isDeliberate in keys.ts).
 */
export type KeymapHandler = (command: Command, text: string | undefined, event: KeyEvent) => boolean;

/**
 * One keymap layer: the top one gets keys first. `mode` says, at the moment each key is read, whether
 * letters are text (a text field) or the letter commands of the layer's scopes, so a burst that moves
 * the focus out of a field (`hello` Tab Enter) is read key by key in the mode each key finds.
 */
export interface KeymapLayer {
  handler: { current: KeymapHandler };
  mode: { current: () => ParseMode };
  priority: number;
}

interface Registry {
  register(layer: KeymapLayer): () => void;
  /** The quiet moment before an answer's first key, and after an answer that starts something (usePromptKeymap). */
  quietMs: number;
}

const RegistryContext = createContext<Registry | undefined>(undefined);

/**
 * The single reader of keyboard input. It collects bracketed pastes whole, turns the rest into
 * commands and offers each to the keymap layers from the top down. Ctrl+C arrives as
 * Command.Interrupt (Ink's own exit on Ctrl+C is off): a running fix takes it, else the app quits.
 *
 * Input is taken a chunk at a time (one read of the terminal, which ink splits into raw events), so
 * each event says whether its key came alone: prompts answer only to such a key.
 */
export function InputProvider({ children, afterBulkMs = AFTER_BULK_MS, quietMs = QUIET_MS, pasteIdleMs = PASTE_IDLE_MS }: { children: ReactNode; afterBulkMs?: number; quietMs?: number; pasteIdleMs?: number }) {
  const { stdin, setRawMode, isRawModeSupported, internal_eventEmitter: events } = useStdin();
  const layers = useRef<KeymapLayer[]>([]);
  useBracketedPaste();
  const registry = useMemo<Registry>(
    () => ({
      register(layer) {
        // Stable order: by priority, and the newest layer of a priority on top.
        const list = layers.current.filter((l) => l !== layer);
        const at = list.findIndex((l) => l.priority > layer.priority);
        list.splice(at < 0 ? list.length : at, 0, layer);
        layers.current = list;
        return () => {
          layers.current = layers.current.filter((l) => l !== layer);
        };
      },
      quietMs,
    }),
    [quietMs],
  );
  const navigation = useNavigationSignal();
  useEffect(() => {
    if (isRawModeSupported) setRawMode(true);
    const parser = createPasteParser();
    const dispatch = (ev: KeyEvent) => {
      const stack = layers.current;
      for (let i = stack.length - 1; i >= 0; i--) if (stack[i]?.handler.current(ev.command, ev.text, ev)) return;
    };
    // Keys read but not yet handed out, in order: a key that changes the screen holds the rest until the new screen
    // is drawn (NavigationSignal), and each key is read in the mode of the screen it reaches.
    const queue: { unit: { paste: string } | { key: string }; alone: boolean; soon?: boolean; hurried?: boolean; afterCut?: boolean }[] = [];
    const modeNow = () => layers.current.at(-1)?.mode.current() ?? { text: false };
    const drain = () => {
      while (queue.length && !navigation?.pending) {
        const { unit, alone, soon, hurried, afterCut } = queue.shift()!;
        if ('paste' in unit) {
          dispatch({ command: Command.Paste, text: unit.paste, alone: false });
          continue;
        }
        // A run of characters outside a text field is one key each, each read in the mode the one before left: in
        // `/ipv6` typed at once, `/` opens the search field and `ipv6` is its text (read in the list's mode, the `i`
        // was the list's show-in-full key and was lost; found by a tester). In a text field the rest goes in whole.
        // A key read soon after a read a terminal may have cut a paste at (the rest of the paste, or keys behind an early
        // end marker) moves no screen: outside a text field only Ctrl+C acts on it (an attacker helper: one paste went
        // from Home to a fix's Run prompt, the form filled from the paste). A text field takes it as typed.
        const act = (ev: InputEvent, mode: ParseMode) => {
          if (!afterCut || mode.text || ev.command === Command.Interrupt) dispatch({ ...ev, alone, soon, hurried });
        };
        let rest = unit.key;
        while (rest) {
          const mode = modeNow();
          if (mode.text || rest.startsWith('\u001B')) {
            for (const ev of parseKey(rest, mode)) act(ev, mode);
            break;
          }
          const ch = String.fromCodePoint(rest.codePointAt(0)!);
          rest = rest.slice(ch.length);
          for (const ev of parseKey(ch, mode)) act(ev, mode);
          // A key that changed the screen holds the rest until the new one is drawn.
          if (rest && navigation?.pending) {
            queue.unshift({ unit: { key: rest }, alone, soon, hurried, afterCut });
            break;
          }
        }
      }
    };
    if (navigation) navigation.settled = drain;
    // The raw events of the chunk being read; undefined between chunks.
    let chunk: string[] | undefined;
    // How the last chunk ended: with a lone ESC (the Esc key, or a paste marker cut after its ESC), inside a sequence
    // (ESC [ and digits), or neither. Only the rest of a paste marker (or of that sequence) then continues it: a whole
    // sequence before (an arrow key) is no cut, and after the Esc key a paste of `2024-05-01 …` or `[ERROR] …` is a paste
    // (found by a new-user helper and a tester: such pastes ran as keys).
    let endedIn: 'esc' | 'csi' | undefined;
    // When the last read of many characters (a paste, marked or not, or a burst) ended. A terminal hands a paste over in
    // reads of at most about 4 KB, so a paste of 4,095 characters and a `y` arrives as a read of the text and then a read
    // of the `y` alone: that `y` answered Yes and ran a fix (an attacker helper). A key read soon after such a read may be
    // part of it: it is marked `soon`, and no question takes it (isDeliberate); a text field does.
    let lastBulkAt = Number.NEGATIVE_INFINITY;
    // When the last read of any input came. A console that types the clipboard for the user (Hyper-V's "Type clipboard
    // text", a server's remote console, GNU screen's slowpaste) hands a paste over one key a read, some milliseconds
    // apart: no read is many characters, and each key came alone, so a `y` in the text answered Yes and a fix's word in
    // it confirmed the fix (an attacker helper). A key read soon after another one is `hurried`: a person reads a
    // question before answering it, so the first key of an answer comes after a quiet moment.
    let lastReadAt = Number.NEGATIVE_INFINITY;
    // When the last read long enough to be a part of a paste a terminal cut into reads came (LONG_READ).
    let lastLongAt = Number.NEGATIVE_INFINITY;
    // Ends a paste whose end marker has not come after PASTE_IDLE_MS without input (see createPasteParser's end).
    let pasteIdle: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      const raws = chunk;
      chunk = undefined;
      if (!raws?.length) return;
      const now = performance.now();
      const soon = now - lastBulkAt < afterBulkMs;
      const hurried = now - lastReadAt < quietMs;
      lastReadAt = now;
      const afterCut = now - lastLongAt < afterBulkMs;
      const alone = isSingleKey(raws) && !parser.isPasting();
      const joined = raws.join('');
      const bulk = joined.length > BULK_CHARACTERS || parser.isPasting() || joined.includes('\u001B[200~');
      const long = joined.length >= LONG_READ;
      if (bulk) lastBulkAt = now;
      if (long) lastLongAt = now;
      // The windows run from when such a read was handled, not from when it came: on a busy machine handling 4 KB took
      // longer than the window, and the next read's `y` then counted as a key pressed later (seen under load in a test).
      // So does the quiet moment after any read (`hurried`): a console typing the clipboard sent a `y` right after an
      // Enter whose screen took longer than QUIET_MS to draw, and the `y`, read after it, came "after a quiet moment"
      // (a regression tester).
      // `pasted`: a paste came out of this read (its start marker may have been cut off at the end of the read before).
      const handled = (pasted = false) => {
        const end = performance.now();
        lastReadAt = end;
        if (bulk || pasted) lastBulkAt = end;
        if (long) lastLongAt = end;
      };
      const mode = modeNow();
      // Text that starts with the screen's search key is a search typed at once (`/compat matrix`), not a paste.
      const searching = !mode.text && parseKey(String.fromCodePoint(joined.codePointAt(0) ?? 0), mode)[0]?.command === Command.Search;
      const cutSequence = endedIn === 'esc' ? /^\[20[01]~/.test(joined) : endedIn === 'csi' ? /^[0-9;]*[~A-Za-z]/.test(joined) : false;
      // In a text field a chunk is keys typed (`hello`, Tab, Enter at once) unless it can only be a paste: a line break
      // with text after it, or more than a person types between two reads (found by a tester: a multi-line paste in the
      // docs search opened a topic at its first line break, and its letters then ran as keys).
      // A few lines of digits (addresses into the wizard's fields) have no letters, and are a paste all the same (a tester:
      // `10.0.0.7`, Enter, `10.0.0.8` filled one field, moved on, and lost the rest).
      const linesOfText = /[\r\n][^\r\n]/.test(joined) && joined.trim().length >= 8 && !joined.includes('\u001B');
      const unmarked = !cutSequence && !parser.isPasting() && !searching && (mode.text ? linesOfText || (joined.length > 64 && looksPasted(joined)) : looksPasted(joined));
      endedIn = /\u001B$/.test(joined) ? 'esc' : /\u001B\[[0-9;]*$/.test(joined) ? 'csi' : undefined;
      if (unmarked) {
        // Text pasted where the terminal does not mark pastes (Windows' console host): one read of a line of text is a
        // paste, not keys; read as keys, its letters moved the list and a `q` in it quit the app.
        queue.push({ unit: { paste: joined.replace(/\r\n?/g, '\n') }, alone: false });
        drain();
        handled();
        return;
      }
      // Keys in the same read as a paste's end came with the paste (a text holding the end marker ends the paste early in
      // tmux): no person typed them, so they are dropped, not run (an attacker helper: arrows and Enter after it drove
      // the screen).
      let pasted = false;
      for (const raw of raws)
        for (const out of parser.push(raw)) {
          if (out.kind === 'paste') {
            pasted = true;
            lastBulkAt = now;
            queue.push({ unit: { paste: out.text }, alone });
          } else if (!pasted) for (const key of splitKeys(out.raw)) queue.push({ unit: { key }, alone, soon, hurried, afterCut });
        }
      drain();
      handled(pasted);
      // A paste still open waits for more of itself; with no read for PASTE_IDLE_MS it is ended as it is.
      clearTimeout(pasteIdle);
      if (parser.isPasting())
        pasteIdle = setTimeout(() => {
          for (const out of parser.end()) if (out.kind === 'paste') queue.push({ unit: { paste: out.text }, alone: false });
          drain();
          // From when the paste was handled, as for a read (handled above).
          lastBulkAt = performance.now();
        }, pasteIdleMs);
    };
    // Ink reads a chunk in its own 'readable' listener and emits its raw events at once: one listener
    // before it opens the chunk, one after it hands the chunk on.
    const open = () => {
      flush();
      chunk = [];
    };
    const onInput = (raw: string) => {
      if (chunk) {
        chunk.push(raw);
        return;
      }
      // Input outside a read (ink's lone Esc after its wait): what arrives in this tick is its chunk.
      chunk = [raw];
      queueMicrotask(flush);
    };
    stdin.prependListener('readable', open);
    events.on('input', onInput);
    stdin.on('readable', flush);
    return () => {
      stdin.off('readable', open);
      stdin.off('readable', flush);
      events.off('input', onInput);
      clearTimeout(pasteIdle);
      chunk = undefined;
      queue.length = 0;
      if (navigation?.settled === drain) navigation.settled = undefined;
      if (isRawModeSupported) setRawMode(false);
    };
  }, [stdin, events, isRawModeSupported, setRawMode, navigation, afterBulkMs, quietMs, pasteIdleMs]);
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

/** Characters in one read past which it is a paste or a burst, not keys a person pressed. */
const BULK_CHARACTERS = 16;
/**
 * Characters in one read from which the terminal may have cut a paste there (reads of about 4 KB, less over some
 * links): keys in the reads that follow it soon are the paste's, not a person's.
 */
const LONG_READ = 1024;
/**
 * How long after a read of many characters a read of one key still belongs to it (the rest of a paste the terminal split
 * into reads): a person answers a question after reading it, far later than this.
 */
export const AFTER_BULK_MS = 500;
/**
 * How long a bracketed paste may wait for more of itself before it is ended as it is: a terminal hands a paste over in
 * reads that follow each other within milliseconds, even over a slow link; a paste with no read for a second and a half
 * has lost its end marker.
 */
export const PASTE_IDLE_MS = 1500;
// The quiet moment before an answer's first key (usePromptKeymap), the CLI's too.
export { QUIET_MS };

/**
 * Whether one read of input is text pasted without paste markers rather than keys: no escape sequence, and either two
 * words of letters in at least 12 characters (`request quota exceeded`) or a letter in at least 32 characters (an image
 * reference, a path). Keys typed, even quickly, arrive a few per read; a burst of commands (`gj` Enter, `jjj`) is
 * short and holds no words.
 */
export function looksPasted(raw: string): boolean {
  if (raw.length < 12 || raw.includes('\u001B') || !/\p{L}/u.test(raw)) return false;
  return raw.length >= 32 || raw.split(/[ \t]+/).filter((word) => /\p{L}{2}/u.test(word)).length >= 2;
}

export function useKeymapRegistry(): Registry {
  const r = useContext(RegistryContext);
  if (!r) throw new BugError('useKeymap() used outside <InputProvider>');
  return r;
}
