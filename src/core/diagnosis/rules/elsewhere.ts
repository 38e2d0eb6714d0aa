import { operationKey } from '../recognise.js';
import { isSaidInWords } from '../features.js';
import type { EvidenceRule } from './types.js';

/**
 * A code alone does not carry a match when the paste says the failure happened elsewhere: a topic
 * that happens at other failure sites than the paste's, supported by no phrase, pattern or code
 * message, keeps part of its score. A gate, after `against` (as it always ran).
 */
export const elsewhereRule: EvidenceRule = {
  id: 'elsewhere',
  describe: 'the paste failed at another failure site and only a code supports the topic: it keeps part of its score',
  apply(f, index, acc, w) {
    if (!f.operations.size || !f.sites.length) return;
    for (const s of [...acc.values()]) {
      const m = index.matchers[s.topic];
      if (!m?.operations.size || [...f.operations.keys()].some((o) => m.operations.has(o))) continue;
      const topicSites = (m.topic.signatures.operations ?? []).filter((o) => index.failureSites.has(operationKey(o)));
      if (!topicSites.length) continue;
      if (s.evidence.some((e) => e.rule === 'phrase' || e.rule === 'regex' || (e.code && isSaidInWords(e.code.found)))) continue;
      acc.scale(s.topic, w.operation.elsewhereKeeps, { kind: 'against', matched: f.sites.map((o) => f.operations.get(o) ?? o).join(', '), signature: `happens during ${topicSites.join('/')}`, rule: 'elsewhere' });
    }
  },
};
