import { describe, expect, it } from 'vitest';
import { treeLeads } from '../../../src/core/trees/tree-leads.js';
import type { Tree } from '../../../src/core/trees/types.js';
import { realKb } from '../../helpers/real-kb.js';

const text = (en: string) => ({ en, 'zh-CN': en, 'ko-KR': en, 'sv-SE': en });
const tree = (id: string, labels: string[]): Tree => ({
  id,
  title: text(`Tree ${id}`),
  summary: text('summary'),
  start: 'q',
  nodes: {
    q: { id: 'q', kind: 'question', text: text('What happens?'), answers: labels.map((label, i) => ({ id: `a${i}`, label: text(label), next: 'end' })) },
    end: { id: 'end', kind: 'unknown', collect: text('paste it'), commands: [] },
  },
});

describe('treeLeads', () => {
  const trees = [
    tree('one', ['It fails with "The remote procedure call failed" at once', 'It hangs: “context deadline exceeded” after a while', 'Short "nat" quote']),
    tree('two', ['Endpoint: "The remote procedure call failed" too']),
  ];

  it('finds the answers whose label quotes a failure of the paste, one per tree, in the trees\' order', () => {
    expect(treeLeads(trees, 'hnsCall failed in Win32: The remote procedure call failed. (0x6be)')).toEqual([
      { tree: 'one', question: 'q', answer: 'a0', quoted: 'The remote procedure call failed' },
      { tree: 'two', question: 'q', answer: 'a0', quoted: 'The remote procedure call failed' },
    ]);
    expect(treeLeads(trees, 'encountered an error during hcs::System::Start: context deadline exceeded')).toEqual([{ tree: 'one', question: 'q', answer: 'a1', quoted: 'context deadline exceeded' }]);
  });

  it('reads a paste a terminal wrapped, in any case; a quote shorter than twelve characters counts for nothing', () => {
    expect(treeLeads(trees, 'ERROR: THE REMOTE PROCEDURE\n   CALL FAILED')).toHaveLength(2);
    expect(treeLeads(trees, 'docker network create -d nat web')).toEqual([]);
    // As words: a quote inside a longer word is none (found by a regression tester: "UntrustedRootX" led).
    expect(treeLeads(trees, 'The remote procedure call failedX')).toEqual([]);
    expect(treeLeads(trees, '"The remote procedure call failed."')).toHaveLength(2);
    expect(treeLeads(trees, '')).toEqual([]);
  });

  it('leads a start time-out of the real knowledge to the tree of containers that will not start (found by a tester: no lead at all)', () => {
    const leads = treeLeads(realKb().trees, 'Error response from daemon: container abc encountered an error during hcs::System::Start: context deadline exceeded');
    expect(leads.map((l) => l.tree)).toContain('container-wont-start');
  });
});
