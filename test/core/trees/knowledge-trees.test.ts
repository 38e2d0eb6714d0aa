import { describe, expect, it } from 'vitest';
import { topicSchema } from '../../../src/core/knowledge/topic-schema.js';
import type { Topic } from '../../../src/core/knowledge/types.js';
import { parseTrees } from '../../../src/core/trees/parse-trees.js';
import { findUncoveredIssues } from '../../../src/core/trees/validate-tree.js';
import { currentNodeOf, initTreeState, stepTree } from '../../../src/core/trees/step-tree.js';
import { realKnowledgeInput } from '../../helpers/real-kb.js';

// The real knowledge/trees against the real knowledge/topics.
const input = realKnowledgeInput();
const topics = input.topics.flatMap((f) => {
  const r = topicSchema.safeParse(f.data);
  return r.success ? [r.data as Topic] : [];
});
const { trees, problems } = parseTrees(input.trees, { topics });

describe('knowledge/trees', () => {
  it('has the six symptom trees', () => {
    expect(trees.map((t) => t.id)).toEqual(
      expect.arrayContaining(['container-wont-start', 'no-network-or-ip', 'network-create-fails', 'orchestration-version-mismatch', 'inside-the-container', 'identity']),
    );
  });

  it('validates with no problems', () => {
    expect(problems).toEqual([]);
  });

  it('reaches every actionable topic (kind: issue) from some tree', () => {
    expect(topics.some((t) => t.kind === 'issue')).toBe(true);
    expect(findUncoveredIssues(trees, topics)).toEqual([]);
  });

  it.each([
    ['antimalware', 'slow-start-antivirus'],
    ['splunk', 'splunk-forwarder-container-start-timeout'],
  ])('leads a start timeout with no processor cap on to what else runs on the host: %s (found by a new-user helper: "No" ended at "not a known issue")', (answer, topic) => {
    const tree = trees.find((t) => t.id === 'container-wont-start')!;
    let state = initTreeState(tree);
    state = stepTree(tree, state, { type: 'answer', choice: 'timeout' });
    expect(currentNodeOf(tree, state)).toMatchObject({ id: 'cpu-limit' });
    for (const choice of ['no', answer]) state = stepTree(tree, state, { type: 'answer', choice });
    expect(currentNodeOf(tree, state)).toMatchObject({ kind: 'topic', topic });
  });
});

