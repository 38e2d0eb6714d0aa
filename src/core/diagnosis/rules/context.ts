import { hasPhrase } from '../phrase-match.js';
import type { EvidenceRule } from './types.js';

/** A specialised topic (Kubernetes, Swarm) whose context the paste shows, as whole words ("podman" is no Kubernetes context). */
export const contextRule: EvidenceRule = {
  id: 'context',
  describe: 'the paste shows the context a specialised topic needs (Kubernetes, Swarm)',
  apply(f, index, acc, w) {
    for (const s of [...acc.values()]) {
      const m = index.matchers[s.topic];
      const context = m?.context.find((c) => hasPhrase(f.contextText, c));
      if (!m || !context) continue;
      // The verdict reads whether the context is Kubernetes's (`minScoreOf`: a cluster's words with nothing of Windows are a
      // Linux node's).
      const kubernetes = index.kubernetesContext(s.topic);
      acc.add(s.topic, { kind: 'structure', matched: context, signature: 'context', weight: w.context.found, rule: 'context', ...(kubernetes ? { kubernetes: true as const } : {}) });
    }
  },
};
