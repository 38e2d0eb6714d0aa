import { foldForMatching } from '../text/normalise.js';
import type { CodeEntry } from './code-catalog.js';

/** A message as phrases compare it: flattened, without a final full stop. */
export const messageKeyOf = (m: string): string => foldForMatching(m).replace(/(?<![.。\s])[.。\s]+$/, '');

/** The keys (messageKeyOf) of a catalogue entry's messages, in the order of its `messages`, and of its variants. */
export interface MessageKeys {
  messages: string[];
  variants: string[];
}

/**
 * Computes an entry's message keys. `kb build` stores them (DiagnosisData.codeMessageKeys): lower-casing
 * a Russian or Chinese message at run time loads ICU's case mapping, a few milliseconds of the start
 * of a run that only finds a code.
 */
export const messageKeysOfEntry = (e: CodeEntry): MessageKeys => ({
  messages: Object.values(e.messages).map(messageKeyOf),
  variants: e.variants.map((v) => messageKeyOf(v.text)),
});
