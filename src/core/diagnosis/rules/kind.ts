import { statesFailure } from '../reasons.js';
import type { EvidenceRule } from './types.js';

/**
 * Diagnosis looks for known issues: reference and how-to material explains a stated failure less well.
 * A paste that states no failure (a question, a description) may be asking for exactly that material,
 * so there it keeps its score. The last gate: it scales everything recorded before it.
 */
export const kindRule: EvidenceRule = {
  id: 'kind',
  describe: 'reference and how-to topics keep part of their score when the paste states a failure',
  apply(f, index, acc, w) {
    if (!f.failure) return;
    for (const s of [...acc.values()]) {
      // A failure message of the topic's own, found whole in the paste, is the failure it explains, whatever its kind.
      if (s.evidence.some((e) => e.rule === 'phrase' && e.matched.length >= 80)) continue;
      // So is a shorter message, pattern or fact of its own that itself says something failed ("network bridge not found",
      // "… image is incompatible with a 10.0.19045 host"), not only what was asked for ("no matching manifest for windows").
      // On the training pastes: four more right first answers (network-drivers twice, version-compat-matrix, and
      // windows-client-host-compat ahead of choose-image-tag), six right ones made "high" and two "medium", one paste
      // about no known issue given a "low" lead; our own pastes two right answers "medium", the development set unchanged.
      if (s.evidence.some((e) => (e.rule === 'phrase' || e.rule === 'regex' || e.rule === 'fact') && statesFailure(e.matched))) continue;
      const kind = index.matchers[s.topic]?.topic.kind;
      const keeps = kind === 'reference' ? w.kind.referenceKeeps : kind === 'howto' ? w.kind.howtoKeeps : 1;
      if (keeps !== 1) acc.scale(s.topic, keeps, { kind: 'against', matched: '', signature: `${kind} material explains a stated failure less well (×${keeps})`, rule: 'kind' });
    }
  },
};
