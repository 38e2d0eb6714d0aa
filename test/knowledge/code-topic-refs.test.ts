// Topic ids referenced from code come from one table that kb check verifies, and the compatibility
// link of a topic comes from its file (`links: [compat]`), not from a list in the code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleKnowledgeBase } from '../../src/core/knowledge/assemble-kb.js';
import { CODE_TOPIC_REFS } from '../../src/core/knowledge/code-topic-refs.js';
import { topicLinksTo } from '../../src/core/knowledge/kb.js';
import { realKnowledgeBase, realKnowledgeInput } from '../helpers/real-kb.js';

const input = realKnowledgeInput();
// The real knowledge base as the global setup assembled it once for the run (from the same input).
const { kb } = realKnowledgeBase();
const SRC = path.resolve(import.meta.dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });

describe('topic ids referenced from code', () => {
  it('are all in CODE_TOPIC_REFS: no other file of src/ names a topic id in a string', () => {
    const ids = kb.topics.map((t) => t.id);
    const found: string[] = [];
    for (const f of files(SRC)) {
      if (f.endsWith('code-topic-refs.ts')) continue;
      const text = readFileSync(f, 'utf8').replace(/^\s*(?:\/\/|\*).*$/gm, '');
      for (const id of ids) if (text.includes(`'${id}'`) || text.includes(`"${id}"`)) found.push(`${path.relative(SRC, f)}: ${id}`);
    }
    expect(found).toEqual([]);
  });

  it('kb check reports a topic the code links to that the knowledge lacks', () => {
    const topics = input.topics.filter((f) => !f.file.endsWith(`/${CODE_TOPIC_REFS.vlanId}.yaml`));
    const { problems } = assembleKnowledgeBase({ ...input, topics: topics.map((f) => ({ ...f, data: stripRelated(f.data, CODE_TOPIC_REFS.vlanId) })) });
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/no topic "network-vlan-id", which the code links to \(network planner: VLAN warning/));
  });

  it('the compatibility link comes from the topic file', () => {
    expect(kb.topics.filter((t) => topicLinksTo(kb, t.id, 'compat')).map((t) => t.id).sort()).toEqual(['host-image-build-match', 'k8s-pod-os-mismatch', 'swarm-service-wont-start', 'version-mismatch-error', 'ws2016-revision-rule']);
  });
});

/** A topic file's data without `related` entries naming `id` (so removing that topic leaves only the code reference dangling). */
function stripRelated(data: unknown, id: string): unknown {
  const d = data as { related?: string[] };
  return d && Array.isArray(d.related) ? { ...d, related: d.related.filter((r) => r !== id) } : data;
}
