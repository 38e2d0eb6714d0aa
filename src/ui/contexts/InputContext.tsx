import type { EventEmitter } from 'node:events';
import { usePaste, useStdin } from 'ink';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { BugError } from '../../core/errors.js';
import { normaliseLineEnds } from '../../core/text/normalise.js';
import { Command, isSingleKey, parseKey, splitKeys, type KeyEvent, type ParseMode } from '../keys.js';

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
}

const RegistryContext = createContext<Registry | undefined>(undefined);

/** One event of a chunk of input: a raw key sequence as Ink read it, or a whole bracketed paste. */
type ChunkItem = { raw: string } | { paste: string };

/**
 * Ink's stdin context carries the emitter it hands raw input events to (`input`, one per key sequence of a
 * read, and `paste`); its public type leaves the emitter out. The input model needs the raw sequences of a
 * read together, to tell a key pressed alone from one of a burst, which `useInput` (one parsed key at a
 * time) does not say.
 */
function useInputEvents(): EventEmitter {
  const stdin = useStdin() as ReturnType<typeof useStdin> & { internal_eventEmitter?: EventEmitter };
  if (!stdin.internal_eventEmitter) throw new BugError("ink's stdin context has no input event emitter (ink changed: see InputContext.tsx)");
  return stdin.internal_eventEmitter;
}

/**
 * The single reader of keyboard input. Ink assembles bracketed pastes whole (`usePaste` also turns the
 * terminal's bracketed paste mode on while the app runs); the rest becomes commands offered to the keymap
 * layers from the top down. Ctrl+C arrives as Command.Interrupt (Ink's own exit on Ctrl+C is off): a
 * running fix takes it, else the app quits.
 *
 * Input is taken a chunk at a time (one read of the terminal, which Ink splits into raw events and
 * pastes), so each event says whether its key came alone: prompts answer only to such a key.
 */
export function InputProvider({ children }: { children: ReactNode }) {
  const { stdin, setRawMode, isRawModeSupported } = useStdin();
  const events = useInputEvents();
  const layers = useRef<KeymapLayer[]>([]);
  // A paste goes into the chunk being read, in its place among the keys (set by the effect below).
  const onPaste = useRef<(text: string) => void>(() => undefined);
  usePaste((text) => onPaste.current(text));
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
    }),
    [],
  );
  useEffect(() => {
    if (isRawModeSupported) setRawMode(true);
    const dispatch = (ev: KeyEvent) => {
      const stack = layers.current;
      for (let i = stack.length - 1; i >= 0; i--) if (stack[i]?.handler.current(ev.command, ev.text, ev)) return;
    };
    // The events of the chunk being read; undefined between chunks.
    let chunk: ChunkItem[] | undefined;
    const flush = () => {
      const items = chunk;
      chunk = undefined;
      if (!items?.length) return;
      const raws = items.flatMap((it) => ('raw' in it ? [it.raw] : []));
      const alone = raws.length === items.length && isSingleKey(raws);
      for (const it of items) {
        if ('paste' in it) dispatch({ command: Command.Paste, text: normaliseLineEnds(it.paste), alone: false });
        else for (const key of splitKeys(it.raw)) for (const ev of parseKey(key, layers.current.at(-1)?.mode.current() ?? { text: false })) dispatch({ ...ev, alone });
      }
    };
    const take = (item: ChunkItem) => {
      if (chunk) {
        chunk.push(item);
        return;
      }
      // Input outside a read (Ink's lone Esc after its wait): what arrives in this tick is its chunk.
      chunk = [item];
      queueMicrotask(flush);
    };
    // Ink reads a chunk in its own 'readable' listener and emits its events at once: one listener
    // before it opens the chunk, one after it hands the chunk on.
    const open = () => {
      flush();
      chunk = [];
    };
    const onInput = (raw: string) => take({ raw });
    onPaste.current = (text) => take({ paste: text });
    stdin.prependListener('readable', open);
    events.on('input', onInput);
    stdin.on('readable', flush);
    return () => {
      stdin.off('readable', open);
      stdin.off('readable', flush);
      events.off('input', onInput);
      onPaste.current = () => undefined;
      chunk = undefined;
      if (isRawModeSupported) setRawMode(false);
    };
  }, [stdin, events, isRawModeSupported, setRawMode]);
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

export function useKeymapRegistry(): Registry {
  const r = useContext(RegistryContext);
  if (!r) throw new BugError('useKeymap() used outside <InputProvider>');
  return r;
}
