import { isCodeMessage } from '../features.js';
import { phraseHits } from './phrase.js';
import { hasEvidence, type EvidenceRule } from './types.js';

/**
 * Multi-word keywords of the topic ("port already used"), found whole: their words are common alone.
 * Like phrases, a keyword that is only the message of a code the topic has is skipped (after `code`).
 */
export const keywordPhraseRule: EvidenceRule = {
  id: 'keyword-phrase',
  describe: 'a multi-word keyword of the topic found whole, up to two; a code message already counted as the code is skipped',
  apply(f, index, acc, w) {
    for (const { topic, phrase } of phraseHits(f.anchorWords, f.flat, index.keywordAnchors, index.unanchoredKeywords)) {
      const s = acc.get(topic);
      if (isCodeMessage(f, phrase) && hasEvidence(s, 'code')) continue;
      const found = s?.evidence.filter((e) => e.rule === 'keyword-phrase') ?? [];
      if (found.some((e) => e.matched === phrase) || found.length >= w.keywordPhrase.maxHits) continue;
      acc.add(topic, { kind: 'keyword', matched: phrase, signature: 'keyword phrase', weight: found.length ? w.keywordPhrase.more : w.keywordPhrase.first, rule: 'keyword-phrase' });
    }
  },
};
