import { currentNodeOf, initTreeState, stepTree, type TreeAction, type TreeEntities, type TreeState } from '../../../core/trees/step-tree.js';
import { isQuestion } from '../../../core/trees/tree-nodes.js';
import type { Tree } from '../../../core/trees/types.js';

/** A walk through a tree as the screen shows it: the tree, where the walk is, the answer with the cursor, the scroll of a leaf. */
export interface WalkView {
  /** Undefined when the route names a tree the knowledge does not have. */
  tree: Tree | undefined;
  walk: TreeState | undefined;
  selected: number;
  offset: number;
}

/** What can happen on a walk. */
export type WalkAction =
  /** A step of the walk itself (answer, back, restart). */
  | { type: 'walk'; action: TreeAction }
  /** The cursor on an answer. */
  | { type: 'select'; index: number }
  /** The leaf's text moved to a line, kept within 0…max. */
  | { type: 'scroll'; to: number; max: number };

/** The view a walk opens on: a walk saved for this tree (coming back), or a new one from the entities of a paste. */
export function initWalkView(tree: Tree | undefined, saved?: TreeState, entities: TreeEntities = {}): WalkView {
  const walk = tree ? (saved?.treeId === tree.id ? saved : initTreeState(tree, entities)) : undefined;
  return { tree, walk, selected: 0, offset: 0 };
}

/**
 * The walk screen's reducer: pure, one action at a time. A step resets the scroll and puts the cursor on the
 * first answer, except Back, which lands on the answer that was given, so Enter repeats it.
 * @example walkViewReducer(view, { type: 'walk', action: { type: 'restart' } })
 */
export function walkViewReducer(view: WalkView, action: WalkAction): WalkView {
  switch (action.type) {
    case 'walk': {
      const { tree, walk: before } = view;
      if (!tree || !before) return view;
      const after = stepTree(tree, before, action.action);
      const undone = action.action.type === 'back' ? before.path.at(-1) : undefined;
      const q = currentNodeOf(tree, after);
      const selected = undone && isQuestion(q) ? Math.max(0, q.answers.findIndex((a) => a.id === undone.choice)) : 0;
      return { ...view, walk: after, selected, offset: 0 };
    }
    case 'select':
      return { ...view, selected: Math.max(0, action.index) };
    case 'scroll':
      return { ...view, offset: Math.max(0, Math.min(action.to, action.max)) };
  }
}
