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
export function createPasteParser(): { push(raw: string): PasteOutput[]; isPasting(): boolean; end(): PasteOutput[] } {
  // The paste so far, its line ends already made `\n` a read at a time (see add), and a CR that ended the last read,
  // which may be the first half of a CRLF.
  let parts: string[] | undefined;
  let cr = false;
  // The start of a marker that a read ended with (`ESC[201` of `ESC[201~`): kept for the next read. Only found whole
  // within one read, an end marker cut between two (a 4 KB paste in tmux) was never seen, and the app took every later
  // key into the paste, Ctrl+C too (found by a tester).
  let pending = '';
  // Each read's line ends are made `\n` as it comes: a paste's text is then made once, by the join. Made after the
  // join, the text of a paste of 1 MB was made twice (4 MiB for one with a character outside Latin-1).
  const add = (text: string) => {
    const whole = cr ? `\r${text}` : text;
    cr = whole.endsWith('\r');
    parts!.push(normaliseLineEnds(cr ? whole.slice(0, -1) : whole));
  };
  return {
    isPasting: () => parts !== undefined,
    // A paste whose end marker never came (lost on the way, or a start marker typed by something else) ends here, with
    // what it has: without this every later key went into it, Esc and Ctrl+C too, and only killing the process got the
    // app back (found by a key-sequence fuzzer helper).
    end() {
      if (parts === undefined) return [];
      if (cr) parts.push('\n');
      const text = parts.join('') + pending;
      parts = undefined;
      pending = '';
      cr = false;
      return [{ kind: 'paste', text }];
    },
    push(raw) {
      const out: PasteOutput[] = [];
      let rest = pending + raw;
      pending = '';
      while (rest) {
        if (parts === undefined) {
          const at = rest.indexOf(START);
          if (at < 0) {
            // Outside a paste only `ESC[20` or more is held: a lone ESC is the Esc key, and must not wait for a next read.
            const keep = markerStartAtEnd(rest, START, 4);
            if (rest.length > keep) out.push({ kind: 'input', raw: rest.slice(0, rest.length - keep) });
            pending = rest.slice(rest.length - keep);
            break;
          }
          if (at > 0) out.push({ kind: 'input', raw: rest.slice(0, at) });
          parts = [];
          cr = false;
          rest = rest.slice(at + START.length);
        } else {
          const at = rest.indexOf(END);
          if (at < 0) {
            const keep = markerStartAtEnd(rest, END, 1);
            add(rest.slice(0, rest.length - keep));
            pending = rest.slice(rest.length - keep);
            break;
          }
          add(rest.slice(0, at));
          if (cr) parts.push('\n');
          out.push({ kind: 'paste', text: parts.join('') });
          parts = undefined;
          rest = rest.slice(at + END.length);
        }
      }
      return out;
    },
  };
}

/** How many characters at the end of `text` are the start of `marker` (at least `least` of them), or 0. */
function markerStartAtEnd(text: string, marker: string, least: number): number {
  for (let k = Math.min(marker.length - 1, text.length); k >= least; k--) if (text.endsWith(marker.slice(0, k))) return k;
  return 0;
}
