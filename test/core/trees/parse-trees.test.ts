import { describe, expect, it } from 'vitest';
import { parseTrees } from '../../../src/core/trees/parse-trees.js';
import { findUncoveredIssues, MAX_TREE_DEPTH, validateTree } from '../../../src/core/trees/validate-tree.js';
import type { Tree } from '../../../src/core/trees/types.js';
import { chainTreeData, file, t, topic, TOPICS, validTreeData } from './tree-fixtures.js';

type Data = ReturnType<typeof validTreeData> & { nodes: Record<string, Record<string, unknown>> };
const tree = () => validTreeData() as Data;
const problemsOf = (data: unknown, topics = TOPICS) => parseTrees([file(data)], { topics }).problems;

describe('parseTrees', () => {
  it('accepts a valid tree and gives every node its id', () => {
    const { trees, problems } = parseTrees([file(validTreeData())], { topics: TOPICS });
    expect(problems).toEqual([]);
    expect(trees).toHaveLength(1);
    expect(trees[0]?.nodes['slow-leaf']).toMatchObject({ id: 'slow-leaf', kind: 'topic', topic: 'slow-start', fix: 'check-av' });
  });

  it('reports an unreachable node', () => {
    const d = tree();
    d.nodes.orphan = { kind: 'topic', topic: 'memory-low' };
    expect(problemsOf(d)).toContainEqual({ file: 'knowledge/trees/sample.yaml', field: 'nodes.orphan', message: expect.stringContaining('not reachable') });
  });

  it('reports a cycle with its path', () => {
    const d = tree();
    (d.nodes.build!.answers as { next: string }[])[1]!.next = 'symptom';
    const p = problemsOf(d);
    expect(p).toContainEqual({ file: 'knowledge/trees/sample.yaml', field: 'nodes.build.answers[1].next', message: expect.stringContaining('symptom → build → symptom') });
  });

  it('refuses a path of more questions than MAX_TREE_DEPTH, also a chain of thousands (its cycle check recursed: a stack overflow, exit 70)', () => {
    expect(parseTrees([file(chainTreeData(MAX_TREE_DEPTH, 2))], { topics: [TOPICS[0]!] }).problems).toEqual([]);
    const deep = parseTrees([file(chainTreeData(MAX_TREE_DEPTH + 1, 1))], { topics: [TOPICS[0]!] }).problems;
    expect(deep).toEqual([expect.objectContaining({ field: 'start', message: expect.stringContaining(`asks ${MAX_TREE_DEPTH + 1} questions`) })]);
    const chain = parseTrees([file(chainTreeData(20_000, 1))], { topics: [TOPICS[0]!] }).problems;
    expect(chain.map((p) => p.message)).toEqual([expect.stringContaining('asks 20000 questions')]);
    // … and a question of a million answers (the depth walk spread them into Math.max's arguments: 200,000 overflowed
    // the CLI's stack, a regression tester), checked on the parsed tree: one label shared by all of them.
    const label = t('An answer');
    const wide = {
      id: 'sample',
      title: t('Wide'),
      summary: t('One question, many answers'),
      start: 'q',
      nodes: {
        q: { id: 'q', kind: 'question', text: t('Which?'), answers: Array.from({ length: 1_000_000 }, (_, i) => ({ id: `a${i}`, label, next: 'leaf' })) },
        leaf: { id: 'leaf', kind: 'topic', topic: 'slow-start' },
      },
    } as unknown as Tree;
    expect(validateTree(wide, 'wide.yaml', TOPICS)).toEqual([]);
  });

  it('takes only the tree\'s own node ids: an answer leading to "constructor" or "__proto__" leads nowhere', () => {
    // Node ids are kebab-case, so of an object's own names only "constructor" gets past the schema.
    for (const next of ['constructor']) {
      const data = validTreeData();
      ((data.nodes as Record<string, { answers?: { next: string }[] }>).build!.answers![1]!).next = next;
      const { problems } = parseTrees([file(data)], { topics: TOPICS });
      expect(problems.map((p) => p.message), next).toContain(`no node "${next}": the path ends without a leaf`);
    }
  });

  it('reports a self-loop as a cycle', () => {
    const d = tree();
    (d.nodes.build!.answers as { next: string }[])[0]!.next = 'build';
    expect(problemsOf(d).some((p) => p.field === 'nodes.build.answers[0].next' && /cycle/.test(p.message))).toBe(true);
  });

  it('reports a dangling topic and a dangling fix', () => {
    const d = tree();
    d.nodes['ws2016-leaf'] = { kind: 'topic', topic: 'no-such-topic' };
    d.nodes['slow-leaf'] = { kind: 'topic', topic: 'slow-start', fix: 'no-such-fix' };
    const p = problemsOf(d);
    expect(p).toContainEqual({ file: 'knowledge/trees/sample.yaml', field: 'nodes.ws2016-leaf.topic', message: 'no topic "no-such-topic" in knowledge/topics' });
    expect(p).toContainEqual({ file: 'knowledge/trees/sample.yaml', field: 'nodes.slow-leaf.fix', message: 'topic "slow-start" has no fix "no-such-fix"' });
  });

  it('reports a missing language, naming the field', () => {
    const d = tree();
    const text = t('Which build?') as Record<string, string>;
    delete text['ko-KR'];
    d.nodes.build!.text = text;
    expect(problemsOf(d)).toContainEqual({ file: 'knowledge/trees/sample.yaml', field: 'nodes.build.text.ko-KR', message: 'the ko-KR text is missing' });
  });

  it('reports an empty translation and an unknown locale', () => {
    const d = tree();
    d.title = { ...t('x'), 'sv-SE': ' ', de: 'x' };
    const fields = problemsOf(d).map((p) => p.field);
    expect(fields).toContain('title.sv-SE');
    expect(fields).toContain('title');
  });

  it('reports a path that ends without a leaf: a dangling next and a question without answers', () => {
    const d = tree();
    (d.nodes.symptom!.answers as { next: string }[])[2]!.next = 'nowhere';
    d.nodes.build!.answers = [];
    const p = problemsOf(d);
    expect(p).toContainEqual({ file: 'knowledge/trees/sample.yaml', field: 'nodes.symptom.answers[2].next', message: 'no node "nowhere": the path ends without a leaf' });
    expect(p).toContainEqual({ file: 'knowledge/trees/sample.yaml', field: 'nodes.build.answers', message: expect.stringContaining('without a leaf') });
  });

  it('reports a missing start, an id that is not the file name and a duplicate id', () => {
    const d = tree();
    d.start = 'nope';
    expect(problemsOf(d).map((p) => p.field)).toContain('start');
    const { problems } = parseTrees([file(validTreeData(), 'other'), file(validTreeData(), 'sample')], { topics: TOPICS });
    expect(problems).toContainEqual({ file: 'knowledge/trees/other.yaml', field: 'id', message: 'id "sample" must equal the file name "other"' });
    expect(problems).toContainEqual({ file: 'knowledge/trees/sample.yaml', field: 'id', message: 'duplicate tree id "sample"' });
  });

  it('reports an unknown leaf that does not send the user to diagnose', () => {
    const d = tree();
    d.nodes.unknown = { kind: 'unknown', collect: { ...t('Collect it; paste into `wcdoctor diagnose`'), 'zh-CN': '收集错误' } };
    expect(problemsOf(d)).toContainEqual({ file: 'knowledge/trees/sample.yaml', field: 'nodes.unknown.collect.zh-CN', message: expect.stringContaining('wcdoctor diagnose') });
  });

  it('reports answerFrom mappings to missing answers and bad regular expressions', () => {
    const d = tree();
    d.nodes.build!.answerFrom = { entity: 'build', map: [{ match: '(', answer: 'ws2016' }, { match: 'x', answer: 'gone' }] };
    const fields = problemsOf(d).map((p) => p.field);
    expect(fields).toContain('nodes.build.answerFrom.map[0].match');
    expect(fields).toContain('nodes.build.answerFrom.map[1].answer');
  });

  it('reports schema errors with file and field (unknown node kind, extra key)', () => {
    const d = tree();
    d.nodes.unknown = { kind: 'maybe' };
    d.extra = 1;
    const p = problemsOf(d);
    expect(p.every((x) => x.file === 'knowledge/trees/sample.yaml')).toBe(true);
    expect(p.map((x) => x.field)).toEqual(expect.arrayContaining(['nodes.unknown.kind', '(root)']));
  });

  it('reports an actionable topic no tree reaches, but not a reference topic', () => {
    const topics = [...TOPICS, topic('orphan-issue', 'issue'), topic('orphan-ref', 'reference')];
    const p = problemsOf(validTreeData(), topics);
    expect(p).toEqual([{ file: 'knowledge/topics/orphan-issue.yaml', field: 'kind', message: expect.stringContaining('reachable from some tree') }]);
  });

  it('does not demand coverage when no tree files are given', () => {
    expect(parseTrees([], { topics: TOPICS }).problems).toEqual([]);
  });
});

describe('findUncoveredIssues', () => {
  it('counts only topics on reachable leaves', () => {
    const d = tree();
    d.nodes.orphan = { kind: 'topic', topic: 'memory-low' };
    (d.nodes.build!.answers as { next: string }[])[1]!.next = 'ws2016-leaf';
    const { trees } = parseTrees([file(d)], { topics: TOPICS });
    expect(findUncoveredIssues(trees, TOPICS)).toEqual(['memory-low']);
  });
});
