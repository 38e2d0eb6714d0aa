import type { KnowledgeBase, ResolvedTopic } from '../../src/core/knowledge/kb.js';
import { fixtureKb } from '../helpers/kb-fixture.js';

/** The network topics the wizard attaches its command to. */
export const NETWORK_TOPICS = ['network-drivers', 'network-vlan-id', 'multiple-transparent-networks', 'static-ip-subnet-gateway'] as const;

const networkTopic = (id: string): ResolvedTopic => ({
  id,
  category: 'networking',
  title: { en: `Topic ${id}` },
  summary: { en: `Summary of ${id}.` },
  kind: 'howto',
  sections: [],
  sectionIds: [],
  signatures: { codes: [], phrases: [], regexes: [], keywords: {}, operations: [], against: [], context: [] },
  fixes: [],
  related: [],
});

/** The fixture knowledge base plus (some of) the network topics. */
export function networkKb(ids: readonly string[] = NETWORK_TOPICS): KnowledgeBase {
  const kb = fixtureKb();
  return { ...kb, topics: [...kb.topics, ...ids.map(networkTopic)] };
}
