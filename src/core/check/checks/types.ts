import type { CODE_TOPIC_REFS } from '../../knowledge/code-topic-refs.js';
import type { CheckGroup, CheckStatus, Evidence, MessageText, NotEvaluatedReason, ReadId } from '../types.js';
import type { HostView } from '../view.js';

/** A topic id the code may name (each is verified by `kb check`). */
export type TopicRef = (typeof CODE_TOPIC_REFS)[keyof typeof CODE_TOPIC_REFS];

/** What a check returns: its status, its sentence (a `check.msg.*` key and values), the values it read. */
export interface Verdict {
  status: CheckStatus;
  text: MessageText;
  evidence: Evidence[];
  reason?: NotEvaluatedReason;
  /** A topic other than the check's own, when this outcome reveals another issue. */
  topic?: TopicRef;
}

/** One read-only host check: which reads it needs, and how it judges them. Pure. */
export interface HostCheck {
  id: string;
  group: CheckGroup;
  /** English title (locales/*.json `check.title.<id>` has it in every language). */
  title: string;
  /** Its locale key, `check.title.<id>` (a literal, so the catalog test finds it). */
  titleKey: string;
  /** The topic a warn or fail reveals. */
  topic?: TopicRef;
  reads: readonly ReadId[];
  evaluate(host: HostView): Verdict;
}
