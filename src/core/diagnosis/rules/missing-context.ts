import { hasEvidence, type EvidenceRule } from './types.js';

/**
 * Without its context a specialised topic keeps part of its score (a gate, before `against` and the
 * operation rules, as it always ran). A paste of bare codes has no context to show: there the topic
 * only loses a little, to rank below the general topic.
 */
export const missingContextRule: EvidenceRule = {
  id: 'missing-context',
  describe: 'a specialised topic without its context keeps part of its score (a bare code only ranks it lower)',
  apply(f, index, acc, w) {
    for (const s of [...acc.values()]) {
      const m = index.matchers[s.topic];
      if (!m?.context.length || hasEvidence(s, 'context')) continue;
      const e = { kind: 'against', matched: '', signature: `needs context: ${m.context.slice(0, 3).join(', ')}`, rule: 'missing-context' } as const;
      if (f.bareCodes) acc.add(s.topic, { ...e, weight: w.context.missingBare });
      else acc.scale(s.topic, w.context.missingKeeps, e);
    }
  },
};
