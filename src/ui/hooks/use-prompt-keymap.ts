import { Command, isDeliberate, type KeyEvent } from '../keys.js';
import type { KeymapHandler } from '../contexts/InputContext.js';
import { useKeymap, type KeymapOptions } from './use-keymap.js';

export interface PromptKeymapOptions extends KeymapOptions {
  /** Hears each event of a burst or a paste that the prompt took without acting on it. */
  onBurst?: (event: KeyEvent) => void;
}

/**
 * The keymap of a question that starts something (the Yes/No prompt, the typed word): it acts only on
 * a deliberate key, one pressed on its own (isDeliberate). Every event of a burst of characters or of a
 * paste is taken and dropped here, so nothing beneath the prompt acts on it either, and `onBurst` hears
 * of it; Ctrl+C always reaches the handler (and the app's exit beneath it).
 */
export function usePromptKeymap(handler: KeymapHandler, { onBurst, ...options }: PromptKeymapOptions = {}): void {
  useKeymap((command, text, event) => {
    if (command !== Command.Interrupt && !isDeliberate(event)) {
      onBurst?.(event);
      return true;
    }
    return handler(command, text, event);
  }, options);
}
