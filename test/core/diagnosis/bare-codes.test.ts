// A bare code, in any spelling (`0x800705B4`, `0x5b4`, `1460`), finds the topics `explain` lists
// for it: every topic whose signature lists the code, on the real knowledge base.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { loadKnowledgeBase } from '../../../src/platform/knowledge-fs.js';

const kb = loadKnowledgeBase();
const codes = [...new Set(kb.topics.flatMap((t) => t.signatures.codes))].sort();
const listing = (code: string) => kb.topics.filter((t) => t.signatures.codes.includes(code)).map((t) => t.id).sort();

describe('a bare code finds the topics explain lists', () => {
  it('covers the codes of the knowledge', () => expect(codes.length).toBeGreaterThan(10));

  it.each(codes)('%s in full, short hex and decimal', (code) => {
    const value = parseInt(code, 16);
    const spellings = [code, code.toLowerCase()];
    // Win32 codes wrapped as HRESULTs also have their short forms.
    if ((value & 0xffff0000) >>> 0 === 0x80070000) spellings.push(`0x${(value & 0xffff).toString(16)}`, String(value & 0xffff));
    for (const s of spellings) {
      const ids = diagnose(kb, s, { limit: 10 }).matches.map((m) => m.id).sort();
      expect(ids, s).toEqual(expect.arrayContaining(listing(code)));
    }
  });

  it('a small number alone that is no catalogued code finds nothing', () => {
    expect(diagnose(kb, '42').matches).toEqual([]);
    expect(diagnose(kb, '0x2a').matches).toEqual([]);
  });
});
