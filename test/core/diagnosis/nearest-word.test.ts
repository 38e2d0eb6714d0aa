import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import type { TermIndexData } from '../../../src/core/diagnosis/build-index.js';
import { nearestWordSearch, SPELLING_THRESHOLD } from '../../../src/core/diagnosis/nearest-word.js';
import { realKb } from '../../helpers/real-kb.js';

// The spelling search reads only the vocabulary words that share enough letter pairs with the word; its answer
// must be the one fuse.js gives searching every word.
const vocabulary = (realKb().diagnosis!.terms as TermIndexData).vocabulary;
const full = new Fuse(vocabulary, { threshold: SPELLING_THRESHOLD, includeScore: true, minMatchCharLength: 4 });
const everyWord = (word: string) => {
  const best = full.search(word, { limit: 1 })[0];
  return best ? { word: best.item, score: best.score ?? 1 } : undefined;
};
const letters = 'abcdefghijklmnopqrstuvwxyz';
/** The word with one edit at a position: a letter changed, dropped, added or two swapped. */
const edited = (w: string, at: number, how: number, c: string) => {
  const i = at % Math.max(1, w.length);
  if (how === 0) return w.slice(0, i) + c + w.slice(i + 1);
  if (how === 1) return w.slice(0, i) + w.slice(i + 1);
  if (how === 2) return w.slice(0, i) + c + w.slice(i);
  return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w;
};

describe('the spelling search', () => {
  const search = nearestWordSearch(vocabulary);

  it('finds a vocabulary word itself, and a word with one or two edits as fuse.js does over the whole vocabulary', () => {
    expect(vocabulary.length).toBeGreaterThan(100);
    let found = 0;
    for (const [k, w] of vocabulary.entries()) {
      expect(search(w), w).toEqual(everyWord(w));
      for (const variant of [edited(w, k, k % 4, letters[k % 26]!), edited(edited(w, k + 3, (k + 1) % 4, letters[(k * 7) % 26]!), k + 1, (k + 2) % 4, 'e')]) {
        const got = search(variant);
        expect(got, variant).toEqual(everyWord(variant));
        if (got) found++;
      }
    }
    // Not vacuous: most edited words still find a word.
    expect(found).toBeGreaterThan(vocabulary.length);
  });

  it('gives the same answer as fuse.js over the whole vocabulary for any word', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^[a-z]{4,40}$/),
          fc.tuple(fc.constantFrom(...vocabulary), fc.nat(), fc.nat(3), fc.constantFrom(...letters)).map(([w, at, how, c]) => edited(w, at, how, c)),
          fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...vocabulary)).map(([a, b]) => a.slice(0, 4) + b.slice(-4)),
        ),
        (word) => {
          expect(search(word)).toEqual(everyWord(word));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('answers undefined when no word is near', () => {
    expect(search('zzzzzzzzqx')).toBeUndefined();
  });
});
