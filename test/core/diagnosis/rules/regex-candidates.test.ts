// The regex rule's two ways to a cold start's candidates (the startup work of issue 16): a short text is searched text by
// text instead of through literalScanner's tables, and a paste with few texts finds its patterns one by one instead of
// through firstClauses' table. Each must give what the table-building way gives, on any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDiagnosisIndex } from '../../../../src/core/diagnosis/build-index.js';
import { literalScanner } from '../../../../src/core/diagnosis/regex-literal.js';
import { byEachPattern, fromFirstClauses } from '../../../../src/core/diagnosis/rules/regex.js';
import { realKnowledgeBase } from '../../../helpers/real-kb.js';

const { kb } = realKnowledgeBase();
const texts = [...new Set(buildDiagnosisIndex(kb).matchers.flatMap((m) => m.patterns.flatMap((p) => (p.literals ?? []).flat())))];
const scan = literalScanner(texts);
/** Text made of pattern texts (whole or cut), spaces and other words, up to the short path's 1,024 characters. */
const pieces = fc.array(fc.oneof(fc.constantFrom(...texts), fc.constantFrom(...texts).map((t) => t.slice(1)), fc.constantFrom(' ', '\n', ': ', 'x', 'hns'), fc.string({ maxLength: 8 })), { maxLength: 40 });
const short = pieces.map((p) => p.join('').toLowerCase().slice(0, 1024));

describe('the regex rule on a cold start', () => {
  it('finds in a short text every pattern text the scanner finds, and no other', () => {
    fc.assert(
      fc.property(short, (text) => {
        // A fresh index has built no scanner: a short text takes the text-by-text search.
        expect([...buildDiagnosisIndex(kb).patternTextsIn(text)].sort()).toEqual([...scan(text)].sort());
      }),
      { numRuns: 60 },
    );
  });

  it('finds the same texts in short texts once one index has read enough of them to build its scanner', () => {
    const index = buildDiagnosisIndex(kb);
    // The first short texts are searched text by text, the later ones through the scanner the index builds then.
    const samples = fc.sample(short, { numRuns: 40, seed: 36 });
    for (const text of samples) expect([...index.patternTextsIn(text)].sort()).toEqual([...scan(text)].sort());
  });

  it('finds the same candidate patterns one by one as through the table of first clauses', () => {
    const index = buildDiagnosisIndex(kb);
    fc.assert(
      fc.property(fc.array(short, { minLength: 1, maxLength: 3 }), (readings) => {
        const present = readings.map((r) => scan(r));
        expect([...byEachPattern(index, present)].sort((a, b) => a - b)).toEqual([...fromFirstClauses(index, present)].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });
});
