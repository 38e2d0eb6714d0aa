import { describe, expect, test } from 'vitest';
import { initTreeState, stepTree } from '../../src/core/trees/step-tree.js';
import { parseTrees } from '../../src/core/trees/parse-trees.js';
import type { Tree } from '../../src/core/trees/types.js';
import { initWalkView, walkViewReducer, type WalkAction, type WalkView } from '../../src/ui/screens/tree/reducer.js';
import { file, TOPICS, validTreeData } from '../core/trees/tree-fixtures.js';

const tree: Tree = parseTrees([file(validTreeData())], { topics: TOPICS }).trees[0]!;
const run = (actions: WalkAction[], view: WalkView = initWalkView(tree)) => actions.reduce(walkViewReducer, view);
const answer = (choice: string): WalkAction => ({ type: 'walk', action: { type: 'answer', choice } });
const back: WalkAction = { type: 'walk', action: { type: 'back' } };
const restart: WalkAction = { type: 'walk', action: { type: 'restart' } };

describe('walkViewReducer: action sequences', () => {
  test.each<[string, WalkAction[], { current: string; path: string[]; selected: number; offset: number }]>([
    ['opens on the first question', [], { current: 'symptom', path: [], selected: 0, offset: 0 }],
    ['moves the cursor', [{ type: 'select', index: 2 }], { current: 'symptom', path: [], selected: 2, offset: 0 }],
    ['never puts the cursor above the first answer', [{ type: 'select', index: -1 }], { current: 'symptom', path: [], selected: 0, offset: 0 }],
    ['an answer walks on, with the cursor on the first answer', [{ type: 'select', index: 1 }, answer('fails')], { current: 'build', path: ['fails'], selected: 0, offset: 0 }],
    ['back lands on the answer that was given', [answer('other'), back], { current: 'symptom', path: [], selected: 2, offset: 0 }],
    ['back from a leaf lands on the answer that led there', [answer('fails'), answer('later'), back], { current: 'build', path: ['fails'], selected: 1, offset: 0 }],
    ['back at the first question changes nothing but the cursor', [{ type: 'select', index: 1 }, back], { current: 'symptom', path: [], selected: 0, offset: 0 }],
    ['a leaf scrolls within 0…max', [answer('slow'), { type: 'scroll', to: 9, max: 4 }], { current: 'slow-leaf', path: ['slow'], selected: 0, offset: 4 }],
    ['never scrolls above the top', [answer('slow'), { type: 'scroll', to: -5, max: 4 }], { current: 'slow-leaf', path: ['slow'], selected: 0, offset: 0 }],
    ['a step resets the scroll', [answer('slow'), { type: 'scroll', to: 2, max: 4 }, back], { current: 'symptom', path: [], selected: 0, offset: 0 }],
    ['restart goes back to the first question', [answer('fails'), answer('ws2016'), restart], { current: 'symptom', path: [], selected: 0, offset: 0 }],
  ])('%s', (_, actions, want) => {
    const v = run(actions);
    expect({ current: v.walk?.current, path: v.walk?.path.map((p) => p.choice), selected: v.selected, offset: v.offset }).toEqual(want);
  });

  test('the walk inside the view is exactly what stepTree gives for the same steps', () => {
    const steps = [answer('fails'), answer('later'), back];
    const direct = steps.reduce((s, a) => (a.type === 'walk' ? stepTree(tree, s, a.action) : s), initTreeState(tree));
    expect(run(steps).walk).toEqual(direct);
  });

  test('a walk saved for this tree is taken up again; one for another tree is not', () => {
    const saved = run([answer('fails')]).walk!;
    expect(initWalkView(tree, saved).walk).toBe(saved);
    expect(initWalkView(tree, { ...saved, treeId: 'other' }).walk?.current).toBe('symptom');
  });

  test('the entities of a paste answer what they can from the start', () => {
    expect(initWalkView(tree, undefined, { code: '0x800705B4' }).walk?.current).toBe('slow-leaf');
  });

  test('without a tree, a step changes nothing', () => {
    const none = initWalkView(undefined);
    expect(none.walk).toBeUndefined();
    expect(walkViewReducer(none, answer('slow'))).toBe(none);
  });
});
