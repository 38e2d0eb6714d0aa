import { isCodeMessage } from '../features.js';
import type { AnchorLookup } from '../build-index.js';
import { findPhrase, LOOSE_ENDINGS } from '../phrase-match.js';
import { hasEvidence, type EvidenceRule } from './types.js';

/**
 * Multi-word keywords of the topic ("port already used"), found whole: their words are common alone.
 * A keyword is the user's own vocabulary, so its last word may carry a plural ending in the paste
 * ("leftover endpoints" for "leftover endpoint"); the evidence quotes the paste's form.
 * Like phrases, a keyword that is only the message of a code the topic has is skipped (after `code`).
 */
export const keywordPhraseRule: EvidenceRule = {
  id: 'keyword-phrase',
  describe: 'a multi-word keyword of the topic found whole (its last word also with a plural ending), up to two; a code message already counted as the code is skipped',
  apply(f, index, acc, w) {
    for (const { topic, phrase, matched } of keywordHits(f.anchorWords, f.flat, index.keywordAnchors, index.unanchoredKeywords)) {
      const s = acc.get(topic);
      if (isCodeMessage(f, phrase) && hasEvidence(s, 'code')) continue;
      const found = s?.evidence.filter((e) => e.rule === 'keyword-phrase') ?? [];
      if (found.some((e) => e.matched === matched) || found.length >= w.keywordPhrase.maxHits) continue;
      acc.add(topic, { kind: 'keyword', matched, signature: 'keyword phrase', weight: found.length ? w.keywordPhrase.more : w.keywordPhrase.first, rule: 'keyword-phrase' });
    }
  },
};

type Anchored = { topic: number; phrase: string };

/**
 * The keywords that stand whole in the flattened paste, each with the text it covers there. A keyword
 * is looked up through a word of the paste, or that word without a plural ending (its anchor may be
 * the word that carries one).
 */
function keywordHits(words: ReadonlySet<string>, flat: string, anchored: AnchorLookup, loose: Anchored[]): (Anchored & { matched: string })[] {
  const keys = new Set(words);
  for (const word of words)
    for (const e of LOOSE_ENDINGS) if (word.length > e.length + 2 && word.endsWith(e)) keys.add(word.slice(0, -e.length));
  const out: (Anchored & { matched: string })[] = [];
  const seen = new Set<Anchored>();
  for (const h of [...[...keys].flatMap((k) => anchored.get(k) ?? []), ...loose]) {
    if (seen.has(h)) continue;
    seen.add(h);
    const matched = findPhrase(flat, h.phrase, { loose: true });
    if (matched !== undefined) out.push({ ...h, matched });
  }
  return out;
}
