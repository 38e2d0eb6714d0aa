import { describe, expect, it } from 'vitest';
import { computeTermIndex, type TermIndexData } from '../../../src/core/diagnosis/build-index.js';
import { DamagedTermTable, encodeTermTable, TermTable } from '../../../src/core/diagnosis/term-table.js';
import { realKnowledgeBase } from '../../helpers/real-kb.js';

const { kb } = realKnowledgeBase();
const lists = kb.diagnosis!.terms as TermIndexData;
const bytes = encodeTermTable(lists);
const table = new TermTable(bytes);
const listPostings = (term: string) => {
  const at = lists.terms.indexOf(term);
  return at < 0 ? [] : lists.postings.slice(lists.offsets[at], lists.offsets[at + 1]);
};

describe('the word index as a binary table (dist/kb-terms.bin)', () => {
  it('gives every term of the real knowledge base its postings, in four languages', () => {
    expect(table.size).toBe(lists.terms.length);
    expect(lists.terms.some((t) => /[\u3400-\u9fff]/.test(t)) && lists.terms.some((t) => t.startsWith('ko:')) && lists.terms.some((t) => /[åäö]/.test(t))).toBe(true);
    for (const term of lists.terms) expect(table.postingsOf(term), term).toEqual(listPostings(term));
  });

  it.each([
    ['an unknown word', 'zzzqqqnotaword'],
    ['the empty string', ''],
    ['a prefix of a term', lists.terms.find((t) => t.length > 4)!.slice(0, -1) + '\u0000'],
    ['a term with a character more', `${lists.terms[0]}x\uffff`],
    ['a lone high surrogate', 'ab\ud800'],
    ['a lone low surrogate', '\udc00'],
  ])('finds nothing for %s', (_what, term) => {
    expect(table.postingsOf(term)).toEqual(listPostings(term));
    expect(table.postingsOf(term)).toEqual([]);
  });

  it('reads back as the lists it was made from', () => {
    expect(table.toLists()).toEqual({ terms: lists.terms, offsets: lists.offsets, postings: lists.postings });
  });

  it('orders terms by their UTF-8 bytes, which differs from UTF-16 order above the surrogates', () => {
    // U+FF01 sorts after U+1F600 in UTF-16 (0xFF01 > 0xD83D) and before it in UTF-8 (EF < F0).
    const small: TermIndexData = { terms: ['a', '\u{1F600}', '\uff01'], offsets: [0, 2, 4, 6], postings: [0, 100, 1, 80, 2, 20], vocabulary: [] };
    const t = new TermTable(encodeTermTable(small));
    expect(t.postingsOf('\uff01')).toEqual([2, 20]);
    expect(t.postingsOf('\u{1F600}')).toEqual([1, 80]);
    expect(t.postingsOf('a')).toEqual([0, 100]);
    expect(t.toLists()).toEqual({ terms: small.terms, offsets: small.offsets, postings: small.postings });
  });

  it('holds an index with no terms', () => {
    const empty = new TermTable(encodeTermTable({ terms: [], offsets: [0], postings: [] }));
    expect(empty.size).toBe(0);
    expect(empty.postingsOf('a')).toEqual([]);
  });

  it('matches a freshly computed index of a small knowledge base', () => {
    const small = { sections: kb.sections, topics: kb.topics.slice(0, 3) };
    const computed = computeTermIndex(small);
    const t = new TermTable(encodeTermTable(computed));
    expect(t.toLists()).toEqual({ terms: computed.terms, offsets: computed.offsets, postings: computed.postings });
  });

  it.each([
    ['a term twice', { terms: ['a', 'a'], offsets: [0, 2, 4], postings: [0, 1, 1, 1] }, /twice/],
    ['a posting value above 65535', { terms: ['a'], offsets: [0, 2], postings: [70000, 1] }, /cannot hold/],
    ['a negative posting value', { terms: ['a'], offsets: [0, 2], postings: [-1, 1] }, /cannot hold/],
    ['a term with a lone surrogate', { terms: ['a\ud800'], offsets: [0, 2], postings: [0, 1] }, /UTF-8 cannot spell/],
  ])('refuses to write %s', (_what, data, message) => {
    expect(() => encodeTermTable(data)).toThrow(message);
  });

  const u32 = (b: Uint8Array, at: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(at, v, true);
  const n = lists.terms.length;
  it.each<[string, (b: Uint8Array) => Uint8Array]>([
    ['empty', () => new Uint8Array(0)],
    ['another file', () => new TextEncoder().encode('{"schema": 1, "topics": []}')],
    ['cut short', (b) => b.subarray(0, b.length - 1)],
    ['with a byte more', (b) => Uint8Array.from([...b, 0])],
    ['of another version', (b) => (u32(b, 4, 2), b)],
    ['with a term count that does not fit', (b) => (u32(b, 8, n + 1), b)],
    // The middle entry is the first every lookup reads.
    ['with a term ending before the previous one', (b) => (u32(b, 20 + 4 * ((n - 1) >>> 1), 0), b)],
    ['with a term ending outside the text', (b) => (u32(b, 20 + 4 * ((n - 1) >>> 1), 0xffffff), b)],
    ['with the last term ending outside the text', (b) => (u32(b, 20 + 4 * (n - 1), 0xffffff), b)],
    ['with postings ending before the previous ones', (b) => (u32(b, 20 + 4 * n + 4 * ((n - 1) >>> 1), 0), b)],
    ['with postings of an odd length', (b) => (u32(b, 20 + 4 * n + 4 * ((n - 1) >>> 1), new DataView(b.buffer).getUint32(20 + 4 * n + 4 * ((n - 1) >>> 1), true) - 1), b)],
  ])('refuses a table %s, when it loads or at the first lookup that reads the damage', (_what, damage) => {
    // The middle term in the table's order (UTF-8 bytes): its lookup reads its own postings.
    const middle = [...lists.terms].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))[(n - 1) >>> 1]!;
    expect(() => new TermTable(damage(Uint8Array.from(bytes))).postingsOf(middle)).toThrow(DamagedTermTable);
  });
});

describe('the index reads the word table on its first lookup', () => {
  // A knowledge base whose word index is a table behind a getter, as the loader gives it (dist/kb-terms.bin).
  const withCountedTable = () => {
    const reads = { count: 0 };
    const terms = {
      vocabulary: lists.vocabulary,
      get table() {
        reads.count++;
        return table;
      },
    };
    const counted = { ...kb, diagnosis: { ...kb.diagnosis!, terms } } as typeof kb;
    return { counted, reads };
  };

  it('not for a paste of bare codes, which looks no word up', async () => {
    const { diagnose } = await import('../../../src/core/diagnosis/diagnose.js');
    const { counted, reads } = withCountedTable();
    expect(diagnose(counted, '0x800705B4').matches[0]?.id).toBe(diagnose(kb, '0x800705B4').matches[0]?.id);
    expect(reads.count).toBe(0);
    // Words read it, once, and find what the lists find.
    const words = 'the container cannot reach the published port from the host';
    expect(diagnose(counted, words).matches.map((m) => m.id)).toEqual(diagnose(kb, words).matches.map((m) => m.id));
    expect(reads.count).toBe(1);
  });
});
