import type { DiagnosisIndex } from './build-index.js';
import type { PasteFeatures } from './features.js';
import { EVIDENCE_RULES, TopicScores, type EvidenceRule, type Scored } from './rules/index.js';
import { WEIGHTS, type Weights } from './weights.js';

export type { Scored } from './rules/index.js';

/**
 * Scores every topic that has any evidence for the paste: runs each evidence rule in the registry's
 * order over the paste's features. A topic's score is the sum of its evidence weights.
 * @example scoreTopics(index, readFeatures(index, '0x800705B4', () => undefined, WEIGHTS))[0]?.evidence[0]?.rule // 'code'
 */
export function scoreTopics(index: DiagnosisIndex, f: PasteFeatures, rules: readonly EvidenceRule[] = EVIDENCE_RULES, w: Weights = WEIGHTS): Scored[] {
  const acc = new TopicScores();
  for (const rule of rules) rule.apply(f, index, acc, w);
  return [...acc.values()];
}
