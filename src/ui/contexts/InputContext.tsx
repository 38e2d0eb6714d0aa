import { useStdin } from 'ink';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { BugError } from '../../core/errors.js';
import { useBracketedPaste } from '../hooks/use-bracketed-paste.js';
import { Command, parseInput, type InputEvent } from '../keys.js';
import { createPasteParser } from '../paste.js';

/** Handles a command; returns true when it used it (otherwise the layer below gets it). */
export type KeymapHandler = (command: Command, text?: string) => boolean;

/** One keymap layer: the top one gets keys first; `text` layers receive letters as text. */
export interface KeymapLayer {
  handler: { current: KeymapHandler };
  text: boolean;
  priority: number;
}

interface Registry {
  register(layer: KeymapLayer): () => void;
}

const RegistryContext = createContext<Registry | undefined>(undefined);

/**
 * The single reader of keyboard input. It collects bracketed pastes whole, turns the rest into
 * commands and offers each to the keymap layers from the top down. Ctrl+C arrives as
 * Command.Interrupt (Ink's own exit on Ctrl+C is off): a running fix takes it, else the app quits.
 */
export function InputProvider({ children }: { children: ReactNode }) {
  const { setRawMode, isRawModeSupported, internal_eventEmitter: events } = useStdin();
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
    }),
    [],
  );
  useEffect(() => {
    if (isRawModeSupported) setRawMode(true);
    const parser = createPasteParser();
    const dispatch = (ev: InputEvent) => {
      const stack = layers.current;
      for (let i = stack.length - 1; i >= 0; i--) if (stack[i]?.handler.current(ev.command, ev.text)) return;
    };
    const onInput = (raw: string) => {
      for (const out of parser.push(raw)) {
        if (out.kind === 'paste') dispatch({ command: Command.Paste, text: out.text });
        else for (const ev of parseInput(out.raw, layers.current.at(-1)?.text ?? false)) dispatch(ev);
      }
    };
    events.on('input', onInput);
    return () => {
      events.off('input', onInput);
      if (isRawModeSupported) setRawMode(false);
    };
  }, [events, isRawModeSupported, setRawMode]);
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

export function useKeymapRegistry(): Registry {
  const r = useContext(RegistryContext);
  if (!r) throw new BugError('useKeymap() used outside <InputProvider>');
  return r;
}
