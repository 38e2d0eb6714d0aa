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
  const queue = nodeOf(tree, tree.start) ? [tree.start] : [];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = tree.nodes[id];
    if (isQuestion(node)) for (const a of node.answers) if (nodeOf(tree, a.next) && !seen.has(a.next)) queue.push(a.next);
  }
  return [...seen];
}

/** A tree's node by id, or undefined: only the tree's own ids (an answer leading to "constructor" is no node). */
export function nodeOf(tree: Tree, id: string): Tree['nodes'][string] | undefined {
  return Object.hasOwn(tree.nodes, id) ? tree.nodes[id] : undefined;
}

/**
 * The most questions one path may ask. The knowledge's own trees ask at most four on a path; a contributed chain of
 * thousands was a stack overflow in kb check (an attacker helper: 3,000 questions, exit 70), and its outline, indented
 * a step per question, grew with the square of its depth.
 */
export const MAX_TREE_DEPTH = 32;

/**
 * The cycles of a tree's graph and the paths longer than MAX_TREE_DEPTH questions, found without recursion (depth-first
 * with a stack of its own, so a chain of any length is one loop).
 */
function findCyclesAndDepth(tree: Tree): Problem[] {
  const problems: Problem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  /** For a node done: the most questions on a path from it to a leaf. */
  const height = new Map<string, number>();
  const path: string[] = [];
  const frames: { id: string; next: number }[] = [];
  const open = (id: string) => {
    state.set(id, 'open');
    path.push(id);
    frames.push({ id, next: 0 });
  };
  for (const root of Object.keys(tree.nodes)) {
    if (state.has(root)) continue;
    open(root);
    while (frames.length) {
      const frame = frames[frames.length - 1]!;
      const node = tree.nodes[frame.id];
      const answers = isQuestion(node) ? node.answers : [];
      if (frame.next < answers.length) {
        const i = frame.next++;
        const next = answers[i]!.next;
        if (!nodeOf(tree, next)) continue;
        const s = state.get(next);
        if (s === 'open') {
          const loop = [...path.slice(path.indexOf(next)), next].join(' → ');
          problems.push({ file: '', field: `nodes.${frame.id}.answers[${i}].next`, message: `leads back to "${next}", a cycle: ${loop}` });
        } else if (s === undefined) open(next);
        continue;
      }
      frames.pop();
      path.pop();
      state.set(frame.id, 'done');
      // A loop, not Math.max(...): a question of 200,000 answers spread into arguments overflowed the stack (a regression tester).
      let below = 0;
      for (const a of answers) below = Math.max(below, height.get(a.next) ?? 0);
      height.set(frame.id, (isQuestion(node) ? 1 : 0) + below);
    }
  }
  const deepest = height.get(tree.start) ?? 0;
  if (deepest > MAX_TREE_DEPTH)
    problems.push({ file: '', field: 'start', message: `a path asks ${deepest} questions: keep every path to ${MAX_TREE_DEPTH} or fewer (the knowledge's own ask at most four)` });
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
      if (!nodeOf(tree, a.next)) problems.push({ file: '', field: `${at}.answers[${i}].next`, message: `no node "${a.next}": the path ends without a leaf` });
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
  if (!nodeOf(tree, tree.start)) problems.push({ file, field: 'start', message: `no node "${tree.start}"` });
  else if (!isQuestion(tree.nodes[tree.start])) problems.push({ file, field: 'start', message: 'must be a question' });
  const reachable = new Set(reachableNodeIds(tree));
  for (const id of Object.keys(tree.nodes))
    if (!reachable.has(id)) problems.push({ file, field: `nodes.${id}`, message: `is not reachable from the start "${tree.start}"` });
  const byId = new Map(topics.map((t) => [t.id, t]));
  for (const p of [...checkQuestions(tree), ...findCyclesAndDepth(tree), ...checkLeaves(tree, byId)]) problems.push({ ...p, file });
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
