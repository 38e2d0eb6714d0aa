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
      const kind = index.matchers[s.topic]?.topic.kind;
      const keeps = kind === 'reference' ? w.kind.referenceKeeps : kind === 'howto' ? w.kind.howtoKeeps : 1;
      if (keeps !== 1) acc.scale(s.topic, keeps, { kind: 'against', matched: '', signature: `${kind} material explains a stated failure less well (×${keeps})`, rule: 'kind' });
    }
  },
};
