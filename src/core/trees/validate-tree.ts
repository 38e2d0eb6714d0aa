import type { Problem } from '../knowledge/problem.js';
import { LOCALES, type Topic } from '../knowledge/types.js';
import { unsafePatternReason } from '../text/regex-safety.js';
import { isQuestion } from './tree-nodes.js';
import type { Tree } from './types.js';

/** The phrase every "not a known issue" leaf must contain in each language, so the user is sent to diagnose. */
export const DIAGNOSE_HINT = 'wcdoctor diagnose';

/** Ids of the nodes reachable from the tree's start, in breadth-first order (dangling links are skipped). */
export function reachableNodeIds(tree: Tree): string[] {
  const seen = new Set<string>();
  const queue = tree.nodes[tree.start] ? [tree.start] : [];
  while (queue.length) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = tree.nodes[id];
    if (isQuestion(node)) for (const a of node.answers) if (tree.nodes[a.next] && !seen.has(a.next)) queue.push(a.next);
  }
  return [...seen];
}

function findCycles(tree: Tree): Problem[] {
  const problems: Problem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    const node = tree.nodes[id];
    if (isQuestion(node))
      node.answers.forEach((a, i) => {
        if (!tree.nodes[a.next]) return;
        const s = state.get(a.next);
        if (s === 'open') {
          const loop = [...stack.slice(stack.indexOf(a.next)), a.next].join(' → ');
          problems.push({ file: '', field: `nodes.${id}.answers[${i}].next`, message: `leads back to "${a.next}", a cycle: ${loop}` });
        } else if (s === undefined) visit(a.next);
      });
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of Object.keys(tree.nodes)) if (!state.has(id)) visit(id);
  return problems;
}

function checkQuestions(tree: Tree): Problem[] {
  const problems: Problem[] = [];
  for (const node of Object.values(tree.nodes)) {
    if (!isQuestion(node)) continue;
    const at = `nodes.${node.id}`;
    if (node.answers.length === 0) problems.push({ file: '', field: `${at}.answers`, message: 'a question without answers ends the path without a leaf' });
    const ids = new Set<string>();
    node.answers.forEach((a, i) => {
      if (ids.has(a.id)) problems.push({ file: '', field: `${at}.answers[${i}].id`, message: `duplicate answer id "${a.id}"` });
      ids.add(a.id);
      if (!tree.nodes[a.next]) problems.push({ file: '', field: `${at}.answers[${i}].next`, message: `no node "${a.next}": the path ends without a leaf` });
    });
    node.answerFrom?.map.forEach((m, i) => {
      if (!ids.has(m.answer)) problems.push({ file: '', field: `${at}.answerFrom.map[${i}].answer`, message: `no answer "${m.answer}" in this question` });
      const unsafe = unsafePatternReason(m.match, 'i');
      if (unsafe) problems.push({ file: '', field: `${at}.answerFrom.map[${i}].match`, message: unsafe });
    });
  }
  return problems;
}

function checkLeaves(tree: Tree, topics: Map<string, Topic>): Problem[] {
  const problems: Problem[] = [];
  for (const node of Object.values(tree.nodes)) {
    const at = `nodes.${node.id}`;
    if (node.kind === 'topic') {
      const topic = topics.get(node.topic);
      if (!topic) problems.push({ file: '', field: `${at}.topic`, message: `no topic "${node.topic}" in knowledge/topics` });
      else if (node.fix !== undefined && !topic.fixes.some((f) => f.id === node.fix))
        problems.push({ file: '', field: `${at}.fix`, message: `topic "${node.topic}" has no fix "${node.fix}"` });
    } else if (node.kind === 'unknown') {
      for (const l of LOCALES)
        if (!node.collect[l].includes(DIAGNOSE_HINT))
          problems.push({ file: '', field: `${at}.collect.${l}`, message: `must suggest pasting what was collected into \`${DIAGNOSE_HINT}\`` });
    }
  }
  return problems;
}

/**
 * Checks a parsed tree's graph and references: the start exists, every node is reachable, every path ends
 * at a leaf, there is no cycle, every topic and fix exists, and "not a known issue" leaves point to diagnose.
 */
export function validateTree(tree: Tree, file: string, topics: Topic[]): Problem[] {
  const problems: Problem[] = [];
  if (!tree.nodes[tree.start]) problems.push({ file, field: 'start', message: `no node "${tree.start}"` });
  else if (!isQuestion(tree.nodes[tree.start])) problems.push({ file, field: 'start', message: 'must be a question' });
  const reachable = new Set(reachableNodeIds(tree));
  for (const id of Object.keys(tree.nodes))
    if (!reachable.has(id)) problems.push({ file, field: `nodes.${id}`, message: `is not reachable from the start "${tree.start}"` });
  const byId = new Map(topics.map((t) => [t.id, t]));
  for (const p of [...checkQuestions(tree), ...findCycles(tree), ...checkLeaves(tree, byId)]) problems.push({ ...p, file });
  return problems;
}

/** Ids of the topics a tree's reachable leaves point at. */
export function topicsReachedBy(tree: Tree): Set<string> {
  const out = new Set<string>();
  for (const id of reachableNodeIds(tree)) {
    const n = tree.nodes[id];
    if (n?.kind === 'topic') out.add(n.topic);
  }
  return out;
}

/** Actionable topics (`kind: issue`) that no tree reaches, sorted by id. */
export function findUncoveredIssues(trees: Tree[], topics: Topic[]): string[] {
  const reached = new Set(trees.flatMap((t) => [...topicsReachedBy(t)]));
  return topics.filter((t) => t.kind === 'issue' && !reached.has(t.id)).map((t) => t.id).sort();
}
