import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorPairs, anchorWords, buildDiagnosisIndex, computeDiagnosisData, type TermIndexData } from '../../../src/core/diagnosis/build-index.js';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { termsOf } from '../../../src/core/diagnosis/terms.js';
import { messageKeysOfEntry } from '../../../src/core/diagnosis/message-key.js';
import type { KnowledgeBase } from '../../../src/core/knowledge/kb.js';
import { realKnowledgeBase } from '../../helpers/real-kb.js';

const { kb } = realKnowledgeBase();
/** The same knowledge base without what `kb build` precomputes, so diagnosis computes it itself. */
const bare: KnowledgeBase = { ...kb, diagnosis: undefined };
const cases = readFileSync(new URL('../../fixtures/errors/cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string });

describe('precomputed diagnosis data (kb.diagnosis)', () => {
  it('is what kb build stores, and recomputing it gives the same', () => {
    expect(kb.diagnosis).toBeDefined();
    expect(computeDiagnosisData(bare)).toEqual(kb.diagnosis);
  });

  it('survives the JSON round trip of kb.json', () => {
    expect(JSON.parse(JSON.stringify(kb.diagnosis))).toEqual(kb.diagnosis);
  });

  it('gives every fixture paste the same diagnosis as computing it on the fly', () => {
    expect(cases.length).toBeGreaterThan(30);
    // Compared as JSON text and asserted once (an expect per case cost more than the diagnoses); a difference is shown in full.
    const differing = cases.filter((c) => JSON.stringify(diagnose(kb, c.text)) !== JSON.stringify(diagnose(bare, c.text)));
    for (const c of differing.slice(0, 3)) expect(diagnose(kb, c.text), c.text).toEqual(diagnose(bare, c.text));
    expect(differing.map((c) => c.text)).toEqual([]);
  });

  it('groups the phrases of each kind by anchor word, every phrase once, and looks a word up as written', () => {
    const index = buildDiagnosisIndex(kb);
    const data = kb.diagnosis!;
    for (const kind of ['phrases', 'setting', 'keywords'] as const) {
      const group = data.anchors[kind];
      const words = anchorWords(group);
      expect(words, kind).toEqual([...words].sort());
      expect(new Set(words).size, kind).toBe(words.length);
      expect(group.starts, kind).toHaveLength(words.length + 1);
      const pairs = words.reduce((n, _w, i) => n + anchorPairs(group, i).length, group.loose.length) / 2;
      expect(pairs, kind).toBe(data.flat.reduce((n, f) => n + f[kind].length, 0));
      // Every word's phrases contain the word, and every word of the group is found.
      const index = buildDiagnosisIndex(kb);
      const lookup = { phrases: index.phraseAnchors, setting: index.settingAnchors, keywords: index.keywordAnchors }[kind];
      for (const w of words) expect(lookup.get(w)?.length, `${kind}: ${w}`).toBeGreaterThan(0);
    }
    // A phrase is found through its anchor word, and the same list comes back for the same word.
    const word = anchorWords(data.anchors.phrases).find((w) => w.length > 6)!;
    const hits = index.phraseAnchors.get(word);
    expect(hits?.length, word).toBeGreaterThan(0);
    expect(hits?.every((h) => h.phrase.includes(word))).toBe(true);
    expect(index.phraseAnchors.get(word)).toBe(hits);
    // Words named like an object's own machinery are words like any other.
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(index.phraseAnchors.get(word), word).toBeUndefined();
      expect(index.keywordAnchors.get(word), word).toBeUndefined();
    }
    expect(diagnose(kb, 'constructor __proto__ toString hasOwnProperty valueOf prototype').matches).toEqual([]);
  });

  it('keeps the term list sorted, so a lookup is a binary search', () => {
    const { terms, offsets, postings } = kb.diagnosis!.terms as TermIndexData;
    for (let i = 1; i < terms.length; i++) expect(terms[i - 1]! < terms[i]!).toBe(true);
    expect(offsets).toHaveLength(terms.length + 1);
    expect(offsets.at(-1)).toBe(postings.length);
  });

  it('finds the postings of every term of a topic title and none for an unknown word', () => {
    const index = buildDiagnosisIndex(kb);
    const i = kb.topics.findIndex((t) => t.id === 'processor-count-start-timeout');
    const title = kb.topics[i]!.title.en!;
    for (const term of termsOf(title)) {
      expect(index.postingsOf(term).some((p) => p.topic === i), term).toBe(true);
      expect(index.idfOf(term)).toBeGreaterThan(0);
    }
    expect(index.postingsOf('zzzqqqnotaword')).toEqual([]);
    expect(index.idfOf('zzzqqqnotaword')).toBe(0);
  });
  it('answers a term the same after it was decoded once and after the kept answers were let go (more terms than kept)', () => {
    const index = buildDiagnosisIndex(kb);
    const i = kb.topics.findIndex((t) => t.id === 'processor-count-start-timeout');
    const term = termsOf(kb.topics[i]!.title.en!)[0]!;
    const first = { postings: [...index.postingsOf(term)], idf: index.idfOf(term) };
    expect(first.postings.length).toBeGreaterThan(0);
    expect({ postings: [...index.postingsOf(term)], idf: index.idfOf(term) }).toEqual(first);
    const { terms } = kb.diagnosis!.terms as TermIndexData;
    expect(terms.length).toBeGreaterThan(5_100);
    for (const other of terms.slice(0, 5_100)) index.idfOf(other);
    expect(index.idfOf('zzzqqqnotaword')).toBe(0);
    expect({ postings: [...index.postingsOf(term)], idf: index.idfOf(term) }).toEqual(first);
  });
  it('gives each catalogue entry the message keys it would compute, from what kb build stored', () => {
    const index = buildDiagnosisIndex(kb);
    expect(kb.diagnosis!.codeMessageKeys).toHaveLength(kb.codes.length);
    for (const e of kb.codes) expect(index.messageKeysOf(e), e.code).toEqual(messageKeysOfEntry(e));
    // An entry from elsewhere (explain's catalogue of a knowledge folder of one's own) is computed.
    const other = { ...kb.codes[0]!, messages: { en: 'Something  Else Failed.' }, variants: [{ text: 'ETWAS ist fehlgeschlagen。', lang: 'de', source: 'test' }] };
    expect(index.messageKeysOf(other)).toEqual({ messages: ['something else failed'], variants: ['etwas ist fehlgeschlagen'] });
  });
});
