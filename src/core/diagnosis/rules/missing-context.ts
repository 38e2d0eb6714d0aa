import { hasPhrase } from '../phrase-match.js';
import { hasEvidence, type EvidenceRule } from './types.js';

/**
 * Without its context a specialised topic keeps part of its score (a gate, before `against` and the
 * operation rules, as it always ran). A paste of bare codes has no context to show: there the topic
 * only loses a little, to rank below the general topic. A topic that needs a context it gets no
 * evidence from (signatures.needs: containers, for a Windows facility other programs meet too) keeps
 * the same part without one of its words; a paste of bare codes says nothing of that and is left alone.
 */
export const missingContextRule: EvidenceRule = {
  id: 'missing-context',
  describe: 'a specialised topic without its context keeps part of its score (a bare code only ranks it lower)',
  apply(f, index, acc, w) {
    for (const s of [...acc.values()]) {
      const m = index.matchers[s.topic];
      if (m?.needs.length && !f.bareCodes && !m.needs.some((c) => hasPhrase(f.contextText, c))) {
        acc.scale(s.topic, w.context.needsKeeps, { kind: 'against', matched: '', signature: `needs context: ${m.needs.slice(0, 3).join(', ')}`, rule: 'missing-context' });
        continue;
      }
      if (!m?.context.length || hasEvidence(s, 'context')) continue;
      const e = { kind: 'against', matched: '', signature: `needs context: ${m.context.slice(0, 3).join(', ')}`, rule: 'missing-context' } as const;
      if (f.bareCodes) acc.add(s.topic, { ...e, weight: w.context.missingBare });
      else acc.scale(s.topic, w.context.missingKeeps, e);
    }
  },
};
