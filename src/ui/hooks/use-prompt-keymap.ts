import { useEffect, useRef } from 'react';
import { Command, isDeliberate, type KeyEvent } from '../keys.js';
import { useKeymapRegistry, type KeymapHandler } from '../contexts/InputContext.js';
import { useKeymap, type KeymapOptions } from './use-keymap.js';

export interface PromptKeymapOptions extends KeymapOptions {
  /** Hears each event of a burst or a paste that the prompt took without acting on it. */
  onBurst?: (event: KeyEvent) => void;
  /**
   * Whether the answer has begun (a key of it was taken after a quiet moment: the typed word's first letter, the Yes/No
   * prompt's first arrow): its next keys may follow one another quickly, a correction with Backspace too. Without it
   * every key must come after a quiet moment.
   */
  answerBegun?: () => boolean;
  /**
   * The commands that answer (move the choice, say yes or no, confirm): only they wait for a quiet moment. Others the
   * screen beneath takes as usual (↓ held down to scroll a preview under the question: found by a reviewer). Without
   * it (a text field) every key answers.
   */
  answerKeys?: ReadonlySet<Command>;
  /** Hears that an answer held (HeldAnswer) was taken back by a key that followed it: the prompt says why it did not act. */
  onTakenBack?: () => void;
}

/**
 * An answer that starts something, held for a quiet moment (QUIET_MS) before it acts: `hold(act)` acts then unless a key
 * comes first, which takes it back. A paste that a console types key by key (Hyper-V's "Type clipboard text", a KVM or
 * serial console) arrives as keys each pressed on its own; one that began with "y" (`yaml: line 3: …`) answered Yes, and
 * one with the word and Enter confirmed a fix, the rest of it then driving the app (found by an attacker helper). A
 * person's answer is their last key for a while.
 */
export interface HeldAnswer {
  hold(act: () => void): void;
}

/**
 * The keymap of a question that starts something (the Yes/No prompt, the typed word): it acts only on
 * a deliberate key, one pressed on its own (isDeliberate). Every event of a burst of characters or of a
 * paste is taken and dropped here, so nothing beneath the prompt acts on it either, and `onBurst` hears
 * of it; Ctrl+C always reaches the handler (and the app's exit beneath it). The first key of an answer must also
 * follow a quiet moment (not `hurried`). Returns the prompt's HeldAnswer, through which an answer that starts something
 * waits for the quiet moment after it.
 */
export function usePromptKeymap(handler: KeymapHandler, { onBurst, answerBegun, answerKeys, onTakenBack, ...options }: PromptKeymapOptions = {}): HeldAnswer {
  const { quietMs } = useKeymapRegistry();
  const held = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const heldAct = useRef<(() => void) | undefined>(undefined);
  /** Whether an answer was taken back: the keys that follow it quickly are the same paste's, and move nothing beneath. */
  const swallowing = useRef(false);
  useEffect(() => () => clearTimeout(held.current), []);
  useKeymap((command, text, event) => {
    if (held.current !== undefined) {
      clearTimeout(held.current);
      held.current = undefined;
      // Enter after a held answer is the same answer said again (y then Enter, as the CLI's question is answered; the
      // word's Enter pressed twice): the quiet moment starts over from it (a tester: y then Enter took the answer back).
      if (command === Command.Confirm && heldAct.current) {
        hold(heldAct.current);
        return true;
      }
      swallowing.current = true;
      onTakenBack?.();
      // Ctrl+C still reaches the app (and a running fix) beneath; no other key of the paste does.
      return command !== Command.Interrupt;
    }
    if (swallowing.current) {
      if (event.hurried === true && command !== Command.Interrupt && command !== Command.Back) return true;
      swallowing.current = false;
    }
    // A key right after another one (event.hurried) answers nothing until the answer has begun: a paste a console types
    // key by key arrives so, and a person reads the question before answering (QUIET_MS).
    // Esc (cancel, or No) is never refused for coming quickly: backing out is always safe (found by a tester).
    const hurriedAnswer = event.hurried === true && command !== Command.Back && (answerKeys?.has(command) ?? true) && !answerBegun?.();
    if (command !== Command.Interrupt && (!isDeliberate(event) || hurriedAnswer)) {
      onBurst?.(event);
      return true;
    }
    return handler(command, text, event);
  }, options);
  function hold(act: () => void): void {
    clearTimeout(held.current);
    heldAct.current = act;
    held.current = setTimeout(() => {
      held.current = undefined;
      heldAct.current = undefined;
      act();
    }, quietMs);
  }
  return { hold };
}
