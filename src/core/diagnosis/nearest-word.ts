import Fuse from 'fuse.js';
import { editsWithin } from '../text/edit-distance.js';

/** How far a spelling may be from a vocabulary word (fuse.js's threshold: errors per letter, plus the offset / 100). */
export const SPELLING_THRESHOLD = 0.3;
const OPTIONS = { threshold: SPELLING_THRESHOLD, includeScore: true, minMatchCharLength: 4 } as const;
/** fuse.js cuts longer patterns into pieces of this many letters and scores each: the filter below does not hold for them. */
const FUSE_PATTERN_MAX = 32;
/** Between the words joined for the pair search: a unit no word of a paste holds (one that does is searched without it). */
const SEPARATOR = '\u0000';

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
  // The lowered words joined by SEPARATOR, and where each starts: a pair's occurrences are found with indexOf in the
  // one string, instead of asking every word whether it holds each pair.
  let joined: string | undefined;
  let starts: Int32Array | undefined;
  /** The word that the joined text's unit `at` belongs to. */
  const wordAt = (at: number): number => {
    let lo = 0;
    let hi = starts!.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts![mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  /**
   * The vocabulary in lower case (and `joined` when it already is: the index's terms are). One lowering of the joined
   * words tells, where lowering each word (some 600 calls at a cold start) cost more than the pair search after it.
   */
  const lowerWords = (): readonly string[] => {
    if (lowered) return lowered;
    const raw = vocabulary.join(SEPARATOR);
    if (raw.toLowerCase() !== raw) return (lowered = vocabulary.map((v) => v.toLowerCase()));
    joined = raw;
    return (lowered = vocabulary);
  };
  return (word) => {
    const query = word.toLowerCase();
    const m = query.length;
    const edits = Math.floor(SPELLING_THRESHOLD * m + 1e-9);
    const needed = m - 1 - 2 * edits;
    let fuse: Fuse<string>;
    if (needed <= 0 || m > FUSE_PATTERN_MAX) fuse = whole ??= new Fuse(vocabulary, OPTIONS);
    else {
      const words = lowerWords();
      const own: string[] = [];
      for (let i = 0; i + 1 < m; i++) own.push(query.slice(i, i + 2));
      // The words that hold at least `needed` of the pairs (each pair counted once per word, as often as the query has
      // it), in vocabulary order. Found by each pair's occurrences in the joined words: at a cold start, asking each
      // of the ~600 words about each pair (`includes`, several thousand calls) ran long enough for V8 to compile the
      // loop in the middle of it (0.5 ms of work taking 2 to 9 ms). A query holding the separator takes the words one by one.
      const passed: number[] = [];
      if (query.includes(SEPARATOR)) {
        for (let w = 0; w < words.length; w++) {
          let shared = 0;
          for (let k = 0; k < own.length; k++) if (words[w]!.includes(own[k]!) && ++shared >= needed) break;
          if (shared >= needed) passed.push(w);
        }
      } else {
        if (!starts) {
          starts = new Int32Array(words.length);
          for (let w = 1, at = 0; w < words.length; w++) starts[w] = at += words[w - 1]!.length + SEPARATOR.length;
        }
        const text = (joined ??= words.join(SEPARATOR));
        const shared = new Uint8Array(words.length);
        for (let k = 0; k < own.length; k++) {
          let last = -1;
          for (let at = text.indexOf(own[k]!); at >= 0; at = text.indexOf(own[k]!, at + 1)) {
            const w = wordAt(at);
            if (w === last) continue;
            last = w;
            shared[w] = shared[w]! + 1;
            if (shared[w] === needed) passed.push(w);
          }
        }
        passed.sort((a, b) => a - b);
      }
      const candidates: string[] = [];
      const near = editsWithin(query, edits);
      for (let i = 0; i < passed.length; i++) if (near(words[passed[i]!]!)) candidates.push(vocabulary[passed[i]!]!);
      if (!candidates.length) return undefined;
      fuse = new Fuse(candidates, OPTIONS);
    }
    const best = fuse.search(word, { limit: 1 })[0];
    return best ? { word: best.item, score: best.score ?? 1 } : undefined;
  };
}
