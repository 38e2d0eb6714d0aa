import type { DiagnosisData } from '../diagnosis/build-index.js';
import type { CodeEntry } from '../diagnosis/code-catalog.js';
import type { CompatData } from '../compat/types.js';
import type { Tree } from '../trees/types.js';
import type { Section, SourceDoc, StructuralRef, Topic, TopicLink } from './types.js';

/** A topic with its source sections resolved to indexes into `KnowledgeBase.sections`. */
/** Whether a topic offers a link (`compat`: the host/image compatibility check), as its file says. */
export const topicLinksTo = (kb: Pick<KnowledgeBase, 'topics'>, topicId: string, link: TopicLink): boolean =>
  kb.topics.some((t) => t.id === topicId && (t.links ?? []).includes(link));

export interface ResolvedTopic extends Topic {
  sectionIds: number[];
}

/** The built knowledge base: the single artefact the CLI loads at run time (`dist/kb.json`). */
export interface KnowledgeBase {
  schema: 1;
  docs: SourceDoc[];
  sections: Section[];
  topics: ResolvedTopic[];
  structural: (StructuralRef & { sectionId: number })[];
  codes: CodeEntry[];
  compat: CompatData;
  trees: Tree[];
  /** The operations a failure can happen in (knowledge/vocabulary.yaml), and which are failure sites. */
  vocabulary?: { operations: { name: string; site: boolean }[]; contexts: Record<string, string[]> };
  /** What diagnosis derives from the topics and codes, precomputed by `kb build` (computed on the fly when absent). */
  diagnosis?: DiagnosisData;
}
