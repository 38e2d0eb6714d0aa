import { asWritten, isCodeMessage } from '../features.js';
import type { AnchorLookup } from '../build-index.js';
import { hasPhrase } from '../phrase-match.js';
import { hasEvidence, type EvidenceRule } from './types.js';

/**
 * Literal phrases of the topic (error messages, cmdlet output), found whole in the paste through their
 * anchor word. A phrase that is only the message of a code the topic already has says nothing the
 * code did not: it is skipped (so this rule runs after `code`).
 */
export const phraseRule: EvidenceRule = {
  id: 'phrase',
  describe: 'a literal phrase of the topic found whole: the first counts fully, further ones less; a code message already counted as the code is skipped',
  apply(f, index, acc, w) {
    for (const { topic, phrase } of phraseHits(f.anchorWords, f.phraseText, index.phraseAnchors, index.unanchoredPhrases)) {
      const s = acc.get(topic);
      if (isCodeMessage(f, phrase) && hasEvidence(s, 'code')) continue;
      const matched = asWritten(f, phrase);
      if (s?.evidence.some((e) => e.rule === 'phrase' && e.matched === matched)) continue;
      acc.add(topic, { kind: 'phrase', matched, signature: phrase, weight: hasEvidence(s, 'phrase') ? w.phrase.more : w.phrase.first, rule: 'phrase' });
    }
  },
};

/** The phrases of a kind (found through an anchor word of the paste, or checked directly) that stand whole in the flattened paste. */
export function phraseHits(words: ReadonlySet<string>, flat: string, anchored: AnchorLookup, loose: { topic: number; phrase: string }[]) {
  return [...words].flatMap((word) => anchored.get(word) ?? []).concat(loose).filter((h) => hasPhrase(flat, h.phrase));
}
