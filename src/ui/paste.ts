import { normaliseLineEnds } from '../core/text/normalise.js';

/** What the paste parser hands on: an ordinary input event, or a whole paste. */
export type PasteOutput = { kind: 'input'; raw: string } | { kind: 'paste'; text: string };

const START = '\u001B[200~';
const END = '\u001B[201~';

/**
 * Collects bracketed pastes (`ESC[200~ … ESC[201~`) from the stream of input events, so that a
 * paste of any size arrives as one event instead of being replayed key by key. Markers may come
 * as events of their own (ink splits escape sequences out) or inside a longer chunk.
 */
export function createPasteParser(): { push(raw: string): PasteOutput[]; isPasting(): boolean } {
  let parts: string[] | undefined;
  return {
    isPasting: () => parts !== undefined,
    push(raw) {
      const out: PasteOutput[] = [];
      let rest = raw;
      while (rest) {
        if (parts === undefined) {
          const at = rest.indexOf(START);
          if (at < 0) {
            out.push({ kind: 'input', raw: rest });
            break;
          }
          if (at > 0) out.push({ kind: 'input', raw: rest.slice(0, at) });
          parts = [];
          rest = rest.slice(at + START.length);
        } else {
          const at = rest.indexOf(END);
          if (at < 0) {
            parts.push(rest);
            break;
          }
          parts.push(rest.slice(0, at));
          out.push({ kind: 'paste', text: normaliseLineEnds(parts.join('')) });
          parts = undefined;
          rest = rest.slice(at + END.length);
        }
      }
      return out;
    },
  };
}
