import type { DiagnoseResult } from '../diagnosis/types.js';
import type { Locale } from '../knowledge/types.js';
import { isQuestion } from './tree-nodes.js';
import type { QuestionNode, Tree, TreeNode } from './types.js';

/** Values diagnose extracted (its `Entities`, optionally plus `code`: the canonical codes found). */
export type TreeEntities = Record<string, string | string[] | undefined>;

/** The entities a diagnose result gives a tree: its extracted entities plus `code`, every code found (with equivalents). */
export function entitiesFromDiagnosis(result: Pick<DiagnoseResult, 'entities' | 'codes'>): TreeEntities {
  const code = [...new Set(result.codes.flatMap((c) => [c.canonical, ...c.equivalents]))];
  return { ...result.entities, ...(code.length ? { code } : {}) };
}

/** One step taken: the question, the answer id chosen, and whether an extracted entity answered it. */
export interface TreeStep {
  nodeId: string;
  choice: string;
  auto: boolean;
}

/** Where a walk through a tree stands. `current` is the node shown now (a question or a leaf). */
export interface TreeState {
  treeId: string;
  path: TreeStep[];
  current: string;
  entities: TreeEntities;
}

/** What the user (or diagnose) can do while walking a tree. */
export type TreeAction =
  | { type: 'answer'; choice: string }
  | { type: 'back' }
  | { type: 'restart' }
  | { type: 'prefill'; entities: TreeEntities };

/** One breadcrumb: the question asked and the answer given, in one language. */
export interface Breadcrumb {
  nodeId: string;
  question: string;
  answer: string;
  auto: boolean;
}

/**
 * The answer id an entity gives a question with `answerFrom`, or undefined when the entity is missing
 * or no mapping matches. The map is checked in order; array entities match when any value does.
 * @example answerFromEntities(q, { build: '14393.1715' }) // 'ws2016' when q maps "^14393" to ws2016
 */
export function answerFromEntities(question: QuestionNode, entities: TreeEntities): string | undefined {
  const spec = question.answerFrom;
  if (!spec) return undefined;
  for (const m of spec.map) {
    const raw = entities[m.entity ?? spec.entity];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v) => v.trim() !== '');
    let re: RegExp;
    try {
      re = new RegExp(m.match, 'i');
    } catch {
      continue;
    }
    if (values.some((v) => re.test(v)) && question.answers.some((a) => a.id === m.answer)) return m.answer;
  }
  return undefined;
}

function take(tree: Tree, state: TreeState, choice: string, auto: boolean): TreeState {
  const node = tree.nodes[state.current];
  if (!isQuestion(node)) return state;
  const answer = node.answers.find((a) => a.id === choice);
  if (!answer || !tree.nodes[answer.next]) return state;
  return { ...state, path: [...state.path, { nodeId: node.id, choice, auto }], current: answer.next };
}

function advanceAuto(tree: Tree, state: TreeState): TreeState {
  // Trees are validated acyclic; the bound only guards against an unvalidated one.
  for (let i = 0; i <= Object.keys(tree.nodes).length; i++) {
    const node = tree.nodes[state.current];
    if (!isQuestion(node)) return state;
    const choice = answerFromEntities(node, state.entities);
    if (choice === undefined) return state;
    const next = take(tree, state, choice, true);
    if (next === state) return state;
    state = next;
  }
  return state;
}

/** The state at the start of a tree; entities given here answer the questions they can at once. */
export function initTreeState(tree: Tree, entities: TreeEntities = {}): TreeState {
  return advanceAuto(tree, { treeId: tree.id, path: [], current: tree.start, entities });
}

/**
 * The tree-walk reducer. `answer` follows the chosen answer id (unknown ids are ignored); `back` undoes one
 * step and stays there even if an entity could answer it, so the user can override; `restart` returns to the
 * start keeping the entities; `prefill` merges entities and answers what they can from the current node on.
 */
export function stepTree(tree: Tree, state: TreeState, action: TreeAction): TreeState {
  switch (action.type) {
    case 'answer': {
      const next = take(tree, state, action.choice, false);
      return next === state ? state : advanceAuto(tree, next);
    }
    case 'back': {
      const last = state.path[state.path.length - 1];
      if (!last) return state;
      return { ...state, path: state.path.slice(0, -1), current: last.nodeId };
    }
    case 'restart':
      return initTreeState(tree, state.entities);
    case 'prefill':
      return advanceAuto(tree, { ...state, entities: { ...state.entities, ...action.entities } });
  }
}

/** A reducer bound to one tree, ready for React's `useReducer`. */
export function createTreeReducer(tree: Tree): (state: TreeState, action: TreeAction) => TreeState {
  return (state, action) => stepTree(tree, state, action);
}

/** The node the state points at. */
export function currentNodeOf(tree: Tree, state: TreeState): TreeNode | undefined {
  return tree.nodes[state.current];
}

/** The path so far as breadcrumbs in one language. */
export function breadcrumbsOf(tree: Tree, state: TreeState, locale: Locale): Breadcrumb[] {
  return state.path.map((s) => {
    const node = tree.nodes[s.nodeId];
    const q = isQuestion(node) ? node : undefined;
    const answer = q?.answers.find((a) => a.id === s.choice);
    return { nodeId: s.nodeId, question: q?.text[locale] ?? s.nodeId, answer: answer?.label[locale] ?? s.choice, auto: s.auto };
  });
}
