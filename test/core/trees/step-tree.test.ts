import { describe, expect, it } from 'vitest';
import { parseTrees } from '../../../src/core/trees/parse-trees.js';
import { answerFromEntities, breadcrumbsOf, createTreeReducer, currentNodeOf, entitiesFromDiagnosis, initTreeState, stepTree } from '../../../src/core/trees/step-tree.js';
import { isQuestion } from '../../../src/core/trees/tree-nodes.js';
import type { Tree } from '../../../src/core/trees/types.js';
import { file, TOPICS, validTreeData } from './tree-fixtures.js';

const tree: Tree = parseTrees([file(validTreeData())], { topics: TOPICS }).trees[0]!;

describe('stepTree', () => {
  it('starts at the start question with an empty path', () => {
    expect(initTreeState(tree)).toEqual({ treeId: 'sample', path: [], current: 'symptom', entities: {} });
  });

  it('answers, walking to a leaf', () => {
    let s = initTreeState(tree);
    s = stepTree(tree, s, { type: 'answer', choice: 'fails' });
    expect(s.current).toBe('build');
    s = stepTree(tree, s, { type: 'answer', choice: 'ws2016' });
    expect(s.current).toBe('ws2016-leaf');
    expect(currentNodeOf(tree, s)).toMatchObject({ kind: 'topic', topic: 'ws2016-rule' });
    expect(s.path).toEqual([
      { nodeId: 'symptom', choice: 'fails', auto: false },
      { nodeId: 'build', choice: 'ws2016', auto: false },
    ]);
  });

  it('ignores an unknown choice and answers at a leaf', () => {
    const s = initTreeState(tree);
    expect(stepTree(tree, s, { type: 'answer', choice: 'nope' })).toBe(s);
    const leaf = stepTree(tree, s, { type: 'answer', choice: 'slow' });
    expect(stepTree(tree, leaf, { type: 'answer', choice: 'slow' })).toBe(leaf);
  });

  it('goes back one step, and does nothing at the start', () => {
    const s0 = initTreeState(tree);
    expect(stepTree(tree, s0, { type: 'back' })).toBe(s0);
    const s2 = stepTree(tree, stepTree(tree, s0, { type: 'answer', choice: 'fails' }), { type: 'answer', choice: 'later' });
    const back = stepTree(tree, s2, { type: 'back' });
    expect(back.current).toBe('build');
    expect(back.path).toHaveLength(1);
    expect(stepTree(tree, back, { type: 'back' }).current).toBe('symptom');
  });

  it('restarts from the start', () => {
    const s = stepTree(tree, initTreeState(tree), { type: 'answer', choice: 'fails' });
    expect(stepTree(tree, s, { type: 'restart' })).toEqual(initTreeState(tree));
  });

  it('prefills: an extracted entity answers the question it can, and the next ones', () => {
    let s = stepTree(tree, initTreeState(tree), { type: 'answer', choice: 'fails' });
    s = stepTree(tree, s, { type: 'prefill', entities: { build: '14393.1715' } });
    expect(s.current).toBe('ws2016-leaf');
    expect(s.path[1]).toEqual({ nodeId: 'build', choice: 'ws2016', auto: true });
    // Answering the first question later also uses the kept entity.
    const fresh = initTreeState(tree, { build: '17763' });
    expect(fresh.current).toBe('symptom');
    expect(stepTree(tree, fresh, { type: 'answer', choice: 'fails' }).current).toBe('memory-leaf');
  });

  it('prefills from the start, with array entities such as codes', () => {
    const s = initTreeState(tree, { code: ['0x80070005', '0x800705B4'] });
    expect(s.current).toBe('slow-leaf');
    expect(s.path).toEqual([{ nodeId: 'symptom', choice: 'slow', auto: true }]);
  });

  it('lets the user override an automatic answer with back, and restart re-applies it', () => {
    const s = initTreeState(tree, { code: '0x800705B4' });
    const back = stepTree(tree, s, { type: 'back' });
    expect(back.current).toBe('symptom');
    expect(stepTree(tree, back, { type: 'answer', choice: 'other' }).current).toBe('unknown');
    expect(stepTree(tree, back, { type: 'restart' }).current).toBe('slow-leaf');
  });

  it('leaves a question unanswered when no mapping matches', () => {
    const q = tree.nodes.build;
    if (!isQuestion(q)) throw new Error('fixture');
    expect(answerFromEntities(q, { build: 'banana' })).toBeUndefined();
    expect(answerFromEntities(q, { build: '' })).toBeUndefined();
    expect(answerFromEntities(q, {})).toBeUndefined();
    expect(answerFromEntities(q, { build: '14393' })).toBe('ws2016');
  });

  it('works as a useReducer reducer', () => {
    const reduce = createTreeReducer(tree);
    expect(reduce(initTreeState(tree), { type: 'answer', choice: 'slow' }).current).toBe('slow-leaf');
  });
});

describe('breadcrumbsOf', () => {
  it('derives the questions and answers in the chosen language', () => {
    let s = stepTree(tree, initTreeState(tree), { type: 'answer', choice: 'fails' });
    s = stepTree(tree, s, { type: 'prefill', entities: { build: '14393' } });
    expect(breadcrumbsOf(tree, s, 'sv-SE')).toEqual([
      { nodeId: 'symptom', question: 'What happens? (sv)', answer: 'It fails (sv)', auto: false },
      { nodeId: 'build', question: 'Which build? (sv)', answer: '2016 (sv)', auto: true },
    ]);
  });
});

describe('answerFrom with per-entry entities', () => {
  const data = validTreeData() as { nodes: Record<string, Record<string, unknown>> };
  data.nodes.symptom!.answerFrom = { entity: 'tool', map: [{ match: '^kubectl$', answer: 'slow' }, { entity: 'service', match: '.', answer: 'other' }] };
  const t2: Tree = parseTrees([file(data)], { topics: TOPICS }).trees[0]!;
  const q = t2.nodes.symptom;
  it('looks at the entity each entry names', () => {
    if (!isQuestion(q)) throw new Error('fixture');
    expect(answerFromEntities(q, { tool: 'kubectl' })).toBe('slow');
    expect(answerFromEntities(q, { tool: 'docker', service: 'web' })).toBe('other');
    expect(answerFromEntities(q, { tool: 'docker' })).toBeUndefined();
  });
});

describe('entitiesFromDiagnosis', () => {
  it('adds the codes found, with their equivalents, to the extracted entities', () => {
    const e = entitiesFromDiagnosis({
      entities: { build: '14393' },
      codes: [{ canonical: '0xC0370101', equivalents: ['0x80370101'], raw: '0xc0370101', via: 'hex', index: 0, names: [] }],
    });
    expect(e).toEqual({ build: '14393', code: ['0xC0370101', '0x80370101'] });
    expect(entitiesFromDiagnosis({ entities: {}, codes: [] })).toEqual({});
  });
});
