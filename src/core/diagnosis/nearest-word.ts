import Fuse from 'fuse.js';
import { withinEdits } from '../text/edit-distance.js';

/** How far a spelling may be from a vocabulary word (fuse.js's threshold: errors per letter, plus the offset / 100). */
export const SPELLING_THRESHOLD = 0.3;
const OPTIONS = { threshold: SPELLING_THRESHOLD, includeScore: true, minMatchCharLength: 4 } as const;
/** fuse.js cuts longer patterns into pieces of this many letters and scores each: the filter below does not hold for them. */
const FUSE_PATTERN_MAX = 32;

/**
 * The vocabulary word nearest to `word` by fuse.js's spelling score, searching only the words that can be
 * within the threshold.
 *
 * A match of `m` letters with `k` errors (edits) leaves at least `m - 1 - 2k` of the pattern's letter
 * pairs intact (the q-gram lemma: one edit breaks at most two pairs), and each intact pair occurs in the
 * word. fuse.js accepts at most `threshold × m` errors, so a word sharing fewer of the pattern's pairs
 * cannot match and is never scored. A word that passes is then checked exactly: fuse.js's bitap search
 * finds the pattern in a word with some number of edits (letters changed, dropped or added) and accepts
 * the match only when edits / m is within the threshold, so a word in which no part is within that many
 * edits of the pattern (withinEdits) cannot match either. Searching every word with fuse.js took about a
 * millisecond a word of the paste (three times what the filtered search takes); the answer is the same,
 * since fuse.js scores a word by itself and breaks ties by the order the filter keeps. When no word is
 * left, fuse.js is not loaded at all: most unknown words of a paste ("response", "daemon") are no typo.
 */
export function nearestWordSearch(vocabulary: readonly string[]): (word: string) => { word: string; score: number } | undefined {
  let lowered: readonly string[] | undefined;
  let whole: Fuse<string> | undefined;
  const column = new Int32Array(FUSE_PATTERN_MAX + 1);
  return (word) => {
    const query = word.toLowerCase();
    const m = query.length;
    const edits = Math.floor(SPELLING_THRESHOLD * m + 1e-9);
    const needed = m - 1 - 2 * edits;
    let fuse: Fuse<string>;
    if (needed <= 0 || m > FUSE_PATTERN_MAX) fuse = whole ??= new Fuse(vocabulary, OPTIONS);
    else {
      lowered ??= vocabulary.map((v) => v.toLowerCase());
      const own: string[] = [];
      for (let i = 0; i + 1 < m; i++) own.push(query.slice(i, i + 2));
      // A pair occurs in a word when the word contains it: plain loops and `includes`, since this runs at
      // every cold start that meets an unknown word, before any of it is optimised (a set of pairs per
      // word, and an iterator per loop, were a fifth of a megabyte of garbage at each such start).
      const candidates: string[] = [];
      for (let w = 0; w < lowered.length; w++) {
        const v = lowered[w]!;
        let shared = 0;
        for (let k = 0; k < own.length; k++) {
          if (v.includes(own[k]!) && ++shared >= needed) {
            if (withinEdits(query, v, edits, column)) candidates.push(vocabulary[w]!);
            break;
          }
        }
      }
      if (!candidates.length) return undefined;
      fuse = new Fuse(candidates, OPTIONS);
    }
    const best = fuse.search(word, { limit: 1 })[0];
    return best ? { word: best.item, score: best.score ?? 1 } : undefined;
  };
}
