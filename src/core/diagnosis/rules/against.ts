import { hasPhrase } from '../phrase-match.js';
import type { EvidenceRule } from './types.js';

/** Text that says the failure is something else (the topic's `against` list), each found whole. */
export const againstRule: EvidenceRule = {
  id: 'against',
  describe: "each `against` text of the topic in the paste counts against it",
  apply(f, index, acc, w) {
    for (const s of [...acc.values()])
      for (const a of index.matchers[s.topic]?.against ?? []) if (hasPhrase(f.flat, a)) acc.add(s.topic, { kind: 'against', matched: a, signature: a, weight: w.against.each, rule: 'against' });
  },
};
