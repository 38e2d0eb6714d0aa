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
      // And a message of its own that refuses in the words of what is allowed ("Windows client operating systems only
      // support Hyper-V containers", "… can only run Hyper-V containers"): the engine's refusal, though it names no failure
      // (train-side t46-009). Only the topic's own message: a person writing "it can only run …" states none (a regression
      // tester: counted as a failure everywhere, such sentences lost their lead).
      if (s.evidence.some((e) => e.rule === 'phrase' && REFUSAL_AS_ALLOWED.test(e.matched))) continue;
      const kind = index.matchers[s.topic]?.topic.kind;
      const keeps = kind === 'reference' ? w.kind.referenceKeeps : kind === 'howto' ? w.kind.howtoKeeps : 1;
      if (keeps !== 1) acc.scale(s.topic, keeps, { kind: 'against', matched: '', signature: `${kind} material explains a stated failure less well (×${keeps})`, rule: 'kind' });
    }
  },
};

/** A refusal worded as what is allowed: "only support(s)", "can only run". */
const REFUSAL_AS_ALLOWED = /\bonly supports?\b|\bcan only run\b/i;
