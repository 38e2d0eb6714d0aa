import { buildOfTag, resolveName } from '../../../../src/core/compat/versions.js';
import { diagnose, diagnosisIndexOf } from '../../../../src/core/diagnosis/diagnose.js';
import { readFeatures } from '../../../../src/core/diagnosis/features.js';
import { scoreTopics } from '../../../../src/core/diagnosis/rank.js';
import type { EvidenceRule, Scored } from '../../../../src/core/diagnosis/rules/index.js';
import { WEIGHTS } from '../../../../src/core/diagnosis/weights.js';
import { realKnowledgeBase } from '../../../helpers/real-kb.js';

export const { kb } = realKnowledgeBase();
const index = diagnosisIndexOf(kb);

/** Every topic the rules weigh for a paste (shown or not), by topic id. */
export function scoredFor(paste: string, rules?: readonly EvidenceRule[]): Map<string, Scored> {
  const f = readFeatures(index, paste, (tag) => buildOfTag(kb.compat, tag), WEIGHTS, (name) => resolveName(kb.compat, name)?.build);
  return new Map(scoreTopics(index, f, rules).map((s) => [index.matchers[s.topic]!.topic.id, s]));
}

/** The verdict as a user sees it: the topics shown, their scores and confidence. */
export function verdictOf(paste: string, rules?: readonly EvidenceRule[]): string[] {
  return diagnose(kb, paste, rules ? { rules } : {}).matches.map((m) => `${m.id} ${m.score} ${m.confidence}`);
}
