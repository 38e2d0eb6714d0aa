import type { DiagnosisIndex } from '../build-index.js';
import type { PasteFeatures } from '../features.js';
import type { Evidence, FoundCode, RuleId } from '../types.js';
import type { Weights } from '../weights.js';

/** Evidence as the rules record it: what is shown, plus what later rules may read of it. */
export interface RuleEvidence extends Evidence {
  /** For code evidence: the code found, and the spelling of it the topic lists. */
  code?: { found: FoundCode; key: string };
  /** A pattern's whole match, where `matched` (what is shown) is cut: what the gates read (a code message it quotes). */
  whole?: string;
  /** For context evidence: the context is Kubernetes's (`minScoreOf` reads it). */
  kubernetes?: true;
}

/** A topic's score and the evidence behind it, before presentation. The score is the sum of the evidence. */
export interface Scored {
  topic: number;
  readonly score: number;
  readonly evidence: readonly RuleEvidence[];
}

/**
 * The scores of the topics being weighed. Evidence is the only way to change a score: `add` records
 * a weight, `scale` records a gate (a multiplier) as the weight that has the same effect.
 */
export class TopicScores {
  private readonly byTopic = new Map<number, { topic: number; score: number; evidence: RuleEvidence[] }>();

  /** The topic's score and evidence so far, or undefined when it has none. */
  get(topic: number): Scored | undefined {
    return this.byTopic.get(topic);
  }

  /** Every topic with evidence, in the order their first evidence came. */
  values(): IterableIterator<Scored> {
    return this.byTopic.values();
  }

  /** Records evidence for a topic: its weight is added to the score. */
  add(topic: number, e: RuleEvidence): void {
    let s = this.byTopic.get(topic);
    if (!s) this.byTopic.set(topic, (s = { topic, score: 0, evidence: [] }));
    s.score += e.weight;
    s.evidence.push(e);
  }

  /** Records a gate: the topic keeps `keeps` of its score, as evidence of weight −score × (1 − keeps). */
  scale(topic: number, keeps: number, e: Omit<RuleEvidence, 'weight'>): void {
    const s = this.byTopic.get(topic);
    if (s) this.add(topic, { ...e, weight: -s.score * (1 - keeps) });
  }
}

/**
 * One kind of evidence: reads the paste's features and the knowledge, and records evidence for the
 * topics it concerns. Rules run in the registry's order (rules/index.ts); a rule may read the
 * evidence earlier rules recorded, by its `rule` id, never by its display text.
 */
export interface EvidenceRule {
  id: RuleId;
  /** One sentence: what it looks for and what it does to a score. */
  describe: string;
  apply(f: PasteFeatures, index: DiagnosisIndex, acc: TopicScores, w: Weights): void;
}

/** Whether a topic already has evidence from a rule. */
export const hasEvidence = (s: Scored | undefined, rule: RuleId): boolean => !!s?.evidence.some((e) => e.rule === rule);
