import { hasPhrase } from '../phrase-match.js';
import type { EvidenceRule } from './types.js';

/**
 * Text that says the failure is something else (the topic's `against` list), each found whole. The
 * topic's own knowledge says the paste is about another failure, so the first text found is a gate
 * (the topic keeps `against.keeps` of its score) as well as a weight, and every further one a weight:
 * a topic that matched on its message with the other failure's words beside it is no longer shown on
 * the strength of that message.
 */
export const againstRule: EvidenceRule = {
  id: 'against',
  describe: "each `against` text of the topic in the paste counts against it; the first one also scales its score down",
  apply(f, index, acc, w) {
    for (const s of [...acc.values()]) {
      const found = (index.matchers[s.topic]?.against ?? []).filter((a) => hasPhrase(f.flat, a));
      found.forEach((a, i) => {
        // The gate is recorded with the first text as one piece of evidence: the score stays the sum of its evidence.
        const gate = i === 0 ? -Math.max(0, s.score) * (1 - w.against.keeps) : 0;
        acc.add(s.topic, { kind: 'against', matched: a, signature: a, weight: gate + w.against.each, rule: 'against' });
      });
    }
  },
};
