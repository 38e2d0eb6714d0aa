import { STRONG_FIELD, type DiagnosisIndex } from '../build-index.js';
import { wordAsWritten } from '../phrase-match.js';
import { termSurfaces } from '../terms.js';
import type { Weights } from '../weights.js';
import type { EvidenceRule } from './types.js';

/**
 * Words: an IDF-weighted overlap of the paste's terms (code messages removed: they are the code's
 * evidence) with each topic's titles, keywords and headings, with typos matched by spelling. Words
 * count when two strong ones are shared or their sum is large enough; the score saturates.
 */
export const wordsRule: EvidenceRule = {
  id: 'words',
  describe: "IDF-weighted overlap of the paste's words (not its code messages) with the topic's words, typos at a discount, saturating",
  apply(f, index, acc, w) {
    for (const [topic, weight, hits, fuzzy] of scoreWords(index, f.wordsText, w))
      // Each word in the paste's own case ("hnsCall", not "hnscall"), cut to a few dozen characters: a paste that is one
      // run of Chinese (a keyword repeated with no space, found by a fuzzing attacker helper) is one word, and was quoted
      // whole in the report and in every match of --json.
      acc.add(topic, { kind: fuzzy ? 'fuzzy' : 'keyword', matched: shownHits(hits).map((h) => quotedWord(wordAsWritten(f.focus, h), w.display.wordQuoted)).join(', '), signature: fuzzy ? 'words (one spelled differently)' : 'words', weight, rule: 'words' });
  },
};

/**
 * The words to show: a part of a hyphenated word that is shown too is left out ("Hyper-V, Hyper" read as two words
 * of the paste where there was one). Only what is shown changes; the score counted each term.
 */
function shownHits(hits: string[]): string[] {
  const compounds = hits.filter((h) => h.includes('-'));
  if (!compounds.length) return hits;
  return hits.filter((h) => h.includes('-') || !compounds.some((c) => c.split('-').includes(h)));
}

/** A word cut to `max` characters (code points) with an ellipsis. */
function quotedWord(word: string, max: number): string {
  if (word.length <= max) return word;
  const chars = Array.from(word);
  return chars.length <= max ? word : `${chars.slice(0, max - 1).join('')}…`;
}

/** Per topic: the word score, the words shown (as the paste writes them), and whether one matched only by spelling. */
function scoreWords(index: DiagnosisIndex, text: string, w: Weights): [topic: number, weight: number, hits: string[], fuzzy: boolean][] {
  const W = w.words;
  // Each term with the word of the paste it came from: evidence shows that, never a stem or bigram.
  const surfaces = termSurfaces(text);
  const query = new Set(surfaces.keys());
  if (!query.size) return [];
  const sums = new Map<number, { sum: number; strong: Set<string>; hits: string[] }>();
  const credited = new Map<string, number>();
  const add = (term: string, shown: string, factor: number) => {
    if ((credited.get(term) ?? 0) >= factor) return;
    factor -= credited.get(term) ?? 0;
    credited.set(term, (credited.get(term) ?? 0) + factor);
    const idf = index.idfOf(term);
    for (const p of index.postingsOf(term)) {
      let e = sums.get(p.topic);
      if (!e) sums.set(p.topic, (e = { sum: 0, strong: new Set(), hits: [] }));
      e.sum += idf * p.weight * factor;
      if (p.weight >= STRONG_FIELD && idf > W.strongIdf) e.strong.add(term);
      if (e.hits.length < w.display.wordHits && p.weight >= w.display.wordHitField && !e.hits.includes(shown)) e.hits.push(shown);
    }
  };
  const fuzzyAllowed = text.length <= W.fuzzyMaxPaste;
  for (const term of query) {
    const shown = surfaces.get(term) ?? term;
    if (index.idfOf(term) > 0) add(term, shown, 1);
    else if (fuzzyAllowed && term.length >= W.fuzzyMinLength && /^[a-z]+$/.test(term)) {
      const best = index.nearestWord(term);
      if (best && best.score <= W.fuzzyMaxDistance) add(best.word, `${shown}≈`, W.fuzzyKeeps);
    }
  }
  const norm = Math.max(1, Math.sqrt(query.size / W.queryNorm));
  const out: [number, number, string[], boolean][] = [];
  for (const [topic, e] of sums) {
    if (e.strong.size < W.strongWords && e.sum / norm < W.rawFloor) continue;
    const raw = e.sum / norm;
    const weight = raw <= W.cap ? raw : W.cap + Math.log1p(raw - W.cap) / W.capSlope;
    // Words the user is not shown (only from fields below the display bar) are no evidence: the why is the whole story.
    if (weight < W.minWeight || !e.hits.length) continue;
    out.push([topic, weight * W.scale, e.hits.map((h) => h.replace(/≈$/, '')), e.hits.some((h) => h.endsWith('≈'))]);
  }
  return out;
}
