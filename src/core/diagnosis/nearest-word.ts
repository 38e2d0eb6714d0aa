import Fuse from 'fuse.js';

/** How far a spelling may be from a vocabulary word (fuse.js's threshold: errors per letter, plus the offset / 100). */
export const SPELLING_THRESHOLD = 0.3;
const OPTIONS = { threshold: SPELLING_THRESHOLD, includeScore: true, minMatchCharLength: 4 } as const;
/** fuse.js cuts longer patterns into pieces of this many letters and scores each: the filter below does not hold for them. */
const FUSE_PATTERN_MAX = 32;

const bigramsOf = (word: string): Set<string> => {
  const out = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) out.add(word.slice(i, i + 2));
  return out;
};

/**
 * The vocabulary word nearest to `word` by fuse.js's spelling score, searching only the words that can be
 * within the threshold.
 *
 * A match of `m` letters with `k` errors (edits) leaves at least `m - 1 - 2k` of the pattern's letter
 * pairs intact (the q-gram lemma: one edit breaks at most two pairs), and each intact pair occurs in the
 * word. fuse.js accepts at most `threshold × m` errors, so a word sharing fewer of the pattern's pairs
 * cannot match and is never scored. Searching every word with fuse.js took about a millisecond a
 * word of the paste (three times what the filtered search takes); the answer is the same, since fuse.js
 * scores a word by itself and breaks ties by the order the filter keeps.
 */
export function nearestWordSearch(vocabulary: readonly string[]): (word: string) => { word: string; score: number } | undefined {
  let pairs: Set<string>[] | undefined;
  let whole: Fuse<string> | undefined;
  return (word) => {
    const query = word.toLowerCase();
    const m = query.length;
    const needed = m - 1 - 2 * Math.floor(SPELLING_THRESHOLD * m + 1e-9);
    let fuse: Fuse<string>;
    if (needed <= 0 || m > FUSE_PATTERN_MAX) fuse = whole ??= new Fuse(vocabulary, OPTIONS);
    else {
      pairs ??= vocabulary.map((v) => bigramsOf(v.toLowerCase()));
      const own: string[] = [];
      for (let i = 0; i + 1 < m; i++) own.push(query.slice(i, i + 2));
      const candidates = vocabulary.filter((_, i) => {
        let shared = 0;
        for (const p of own) if (pairs![i]!.has(p) && ++shared >= needed) return true;
        return false;
      });
      if (!candidates.length) return undefined;
      fuse = new Fuse(candidates, OPTIONS);
    }
    const best = fuse.search(word, { limit: 1 })[0];
    return best ? { word: best.item, score: best.score ?? 1 } : undefined;
  };
}
