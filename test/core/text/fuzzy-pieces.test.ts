import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { fuzzyParts, mayHoldFuzzy } from '../../../src/core/text/fuzzy-pieces.js';

// The topic search asks fuse.js only about texts that may hold a pattern: a text fuse.js finds the pattern in must
// never be ruled out.
const column = new Int32Array(33);
const fuseFinds = (pattern: string, text: string, threshold: number) =>
  new Fuse([text], { ignoreLocation: true, threshold, minMatchCharLength: 1, includeScore: true }).search(pattern).length > 0;

describe('fuzzyParts', () => {
  it('cuts a pattern as fuse.js does: whole up to 32 units, else parts of 32, the last ending at its end', () => {
    expect(fuzzyParts('Transparent', 0.25).map((p) => [p.text, p.edits, p.pieces.map((x) => x.text)])).toEqual([['transparent', 2, ['tra', 'nspa', 'rent']]]);
    const long = 'abcdefghij'.repeat(4);
    expect(fuzzyParts(long, 0.25).map((p) => p.text)).toEqual([long.slice(0, 32), long.slice(8)]);
    expect(fuzzyParts('z'.repeat(64), 0.25).map((p) => p.text.length)).toEqual([32, 32]);
  });

  it('allows the edits fuse.js allows: i while i / length ≤ threshold, fewer than the length', () => {
    expect([1, 2, 3, 4, 7, 8, 11, 12, 32].map((n) => fuzzyParts('a'.repeat(n), 0.25)[0]!.edits)).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 8]);
  });

  it('gives each part edits + 1 pieces that cover it, in order', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), (pattern) => {
        for (const part of fuzzyParts(pattern, 0.25)) {
          expect(part.pieces).toHaveLength(part.edits + 1);
          expect(part.pieces.map((p) => p.text).join('')).toBe(part.text);
          for (const p of part.pieces) expect(part.text.slice(p.at, p.at + p.text.length)).toBe(p.text);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('mayHoldFuzzy', () => {
  it('never rules out a text fuse.js finds the pattern in (few letters, so that near matches are common)', () => {
    let found = 0;
    let ruledOut = 0;
    const letters = (chars: string[], min: number, max: number) => fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
    // Half the patterns cut from the text with up to three edits (in upper case at times), half made up.
    const edit = fc.tuple(fc.nat(40), fc.constantFrom('', 'a', 'b', 'e'));
    const sample = letters(['a', 'b', 'c', 'd', ' '], 0, 120).chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.oneof(
          fc.tuple(fc.nat(120), fc.integer({ min: 1, max: 40 }), fc.array(edit, { maxLength: 3 }), fc.boolean()).map(([at, n, edits, upper]) => {
            const cut = edits.reduce((w, [i, c]) => w.slice(0, i % (w.length + 1)) + c + w.slice((i % (w.length + 1)) + 1), text.slice(at % (text.length + 1), (at % (text.length + 1)) + n));
            return upper ? cut.toUpperCase() : cut;
          }),
          letters(['a', 'b', 'c', 'A', 'B'], 1, 12),
        ),
      ),
      // (fuse.js answers every text for a query of white space only; no search of ours asks one.)
    ).filter(([, p]) => p.trim().length > 0);
    fc.assert(
      fc.property(sample, fc.constantFrom(0.25, 0.4, 0.1), ([text, p], threshold) => {
        const may = mayHoldFuzzy(fuzzyParts(p, threshold), text, column);
        if (fuseFinds(p, text, threshold)) {
          expect(may, `${p} in ${text}`).toBe(true);
          found++;
        } else if (!may) ruledOut++;
      }),
      { numRuns: 1500 },
    );
    // Not vacuous either way: many texts hold the pattern, many are ruled out.
    expect(found).toBeGreaterThan(200);
    expect(ruledOut).toBeGreaterThan(200);
  });

  it('rules out a text with no stretch near the pattern, though it holds its pieces apart', () => {
    const parts = fuzzyParts('transparent', 0.25);
    expect(mayHoldFuzzy(parts, 'the tram, spare parts, the rent', column)).toBe(false);
    expect(mayHoldFuzzy(parts, 'a transparant network', column)).toBe(true);
    expect(mayHoldFuzzy(parts, 'xtransp\u0000arent', column)).toBe(true);
  });
});
