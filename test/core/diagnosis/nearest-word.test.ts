import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import type { TermIndexData } from '../../../src/core/diagnosis/build-index.js';
import { nearestWordSearch, SPELLING_THRESHOLD } from '../../../src/core/diagnosis/nearest-word.js';
import { editsWithin, withinEdits } from '../../../src/core/text/edit-distance.js';
import { fuzzyParts, mayHoldFuzzy } from '../../../src/core/text/fuzzy-pieces.js';
import { anyCodePoints } from '../../helpers/arbitraries.js';
import { realKb } from '../../helpers/real-kb.js';

// The spelling search reads only the vocabulary words that share enough letter pairs with the word; its answer
// must be the one fuse.js gives searching every word.
const vocabulary = (realKb().diagnosis!.terms as TermIndexData).vocabulary;
const FUSE_OPTIONS = { threshold: SPELLING_THRESHOLD, includeScore: true, minMatchCharLength: 4 } as const;
const full = new Fuse(vocabulary, FUSE_OPTIONS);
/** fuse.js over the whole vocabulary. */
const overAll = (word: string) => {
  const best = full.search(word, { limit: 1 })[0];
  return best ? { word: best.item, score: best.score ?? 1 } : undefined;
};
/**
 * The same answer, faster: fuse.js over the words it could find the word in at all (a match within the threshold's
 * edits holds a piece of the word whole, test/core/text/fuzzy-pieces.test.ts), in their order. Each search over the
 * whole vocabulary took about 1.3 ms; the comparisons below make about 1,500. Checked against overAll first.
 */
const lowerVocabulary = vocabulary.map((v) => v.toLowerCase());
const pieceColumn = new Int32Array(33);
const everyWord = (word: string) => {
  const parts = fuzzyParts(word, SPELLING_THRESHOLD);
  const best = new Fuse(vocabulary.filter((_, i) => mayHoldFuzzy(parts, lowerVocabulary[i]!, pieceColumn)), FUSE_OPTIONS).search(word, { limit: 1 })[0];
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

  // Each comparison searches the whole vocabulary with fuse.js (about 1.3 ms), so comparing every word and two
  // edits of it grows with the square of the vocabulary (2.5 s at 616 words): about 300 words spread evenly over
  // it, whatever its size, beside the property below over random words.
  const stride = Math.max(1, Math.ceil(vocabulary.length / 300));
  const spread = vocabulary.filter((_, k) => k % stride === 0);

  it('compares with fuse.js over the words it could match in, which answers as fuse.js over the whole vocabulary', () => {
    const words = vocabulary.filter((_, k) => k % Math.max(1, Math.ceil(vocabulary.length / 40)) === 0);
    let found = 0;
    for (const [k, w] of words.entries())
      for (const variant of [w, edited(w, k, k % 4, letters[k % 26]!), edited(edited(w, k + 3, (k + 1) % 4, letters[(k * 7) % 26]!), k + 1, (k + 2) % 4, 'e'), w.slice(0, 3) + 'zq' + w.slice(-3)]) {
        expect(everyWord(variant), variant).toEqual(overAll(variant));
        if (overAll(variant)) found++;
      }
    expect(found).toBeGreaterThan(words.length * 2);
  });

  it('finds a vocabulary word itself, and a word with one or two edits as fuse.js does over the whole vocabulary', () => {
    expect(vocabulary.length).toBeGreaterThan(100);
    expect(spread.length).toBeGreaterThanOrEqual(Math.min(vocabulary.length, 200));
    let found = 0;
    for (const [k, w] of spread.entries()) {
      expect(search(w), w).toEqual(everyWord(w));
      for (const variant of [edited(w, k, k % 4, letters[k % 26]!), edited(edited(w, k + 3, (k + 1) % 4, letters[(k * 7) % 26]!), k + 1, (k + 2) % 4, 'e')]) {
        const got = search(variant);
        expect(got, variant).toEqual(everyWord(variant));
        if (got) found++;
      }
    }
    // Not vacuous: most edited words still find a word.
    expect(found).toBeGreaterThan(spread.length);
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

describe('withinEdits (is some part of a word within k edits of the pattern)', () => {
  const column = new Int32Array(64);
  /** The same, by brute force: the edit distance of the pattern to every part of the text. */
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), d[i - 1]![j]! + 1, d[i]![j - 1]! + 1);
    return d[a.length]![b.length]!;
  };
  const best = (p: string, t: string) => {
    let min = p.length;
    for (let i = 0; i <= t.length; i++) for (let j = i; j <= t.length; j++) min = Math.min(min, distance(p, t.slice(i, j)));
    return min;
  };

  it.each([
    ['response', 'regression', 2, false],
    ['hnscal', 'hnscall', 0, true],
    ['netwrok', 'network', 1, false],
    ['netwrok', 'network', 2, true],
    ['isolaton', 'processisolation', 1, true],
    ['abc', 'xyz', 2, false],
    ['abc', 'xyz', 3, true],
  ])('%s in %s with %i edits: %s', (p, t, k, want) => {
    expect(withinEdits(p, t, k, column)).toBe(want);
  });

  it('agrees with the edit distance to every part of the text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-e]{1,8}$/), fc.stringMatching(/^[a-e]{0,10}$/), fc.nat(4), (p, t, k) => {
        expect(withinEdits(p, t, k, column)).toBe(best(p, t) <= k);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same answer one pattern at a time, bit-parallel (editsWithin), for patterns up to 32 units and beyond', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-e]{1,8}$/), fc.stringMatching(/^[a-e]{0,12}$/), fc.nat(4), (p, t, k) => {
        expect(editsWithin(p, k)(t)).toBe(withinEdits(p, t, k, column));
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-d]{25,40}$/), fc.stringMatching(/^[a-d]{0,50}$/), fc.nat(12), (p, t, k) => {
        expect(editsWithin(p, k)(t)).toBe(withinEdits(p, t, k, column));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(anyCodePoints({ maxLength: 32 }).filter((p) => p.length >= 1 && p.length <= 32), anyCodePoints({ maxLength: 40 }), fc.nat(10), (p, t, k) => {
        expect(editsWithin(p, k)(t)).toBe(withinEdits(p, t, k, column));
      }),
      { numRuns: 500 },
    );
  });

  it('reads only the units from start to end when given them', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-e]{1,8}$/), fc.stringMatching(/^[a-e]{0,6}$/), fc.stringMatching(/^[a-e]{0,10}$/), fc.stringMatching(/^[a-e]{0,6}$/), fc.nat(4), (p, before, t, after, k) => {
        expect(withinEdits(p, before + t + after, k, column, before.length, before.length + t.length)).toBe(withinEdits(p, t, k, column));
      }),
      { numRuns: 300 },
    );
  });
});
