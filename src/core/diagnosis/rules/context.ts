import { hasPhrase } from '../phrase-match.js';
import type { EvidenceRule } from './types.js';

/** A specialised topic (Kubernetes, Swarm) whose context the paste shows, as whole words ("podman" is no Kubernetes context). */
export const contextRule: EvidenceRule = {
  id: 'context',
  describe: 'the paste shows the context a specialised topic needs (Kubernetes, Swarm)',
  apply(f, index, acc, w) {
    for (const s of [...acc.values()]) {
      const context = index.matchers[s.topic]?.context.find((c) => hasPhrase(f.contextText, c));
      if (context) acc.add(s.topic, { kind: 'structure', matched: context, signature: 'context', weight: w.context.found, rule: 'context' });
    }
  },
};
