import { describe, expect, test } from 'vitest';
import { formReducer, initFormState, type FormAction, type FormState } from '../../src/ui/screens/fix/form-reducer.js';
import { initTopicView, topicViewReducer, type TopicAction, type TopicView } from '../../src/ui/screens/topic/reducer.js';

describe('topicViewReducer: action sequences', () => {
  test.each<[string, TopicView, TopicAction[], Partial<TopicView>]>([
    ['opens at the top, on the fix chosen before', initTopicView(2), [], { offset: 0, selectedFix: 2, showOriginal: false }],
    ['scrolls within 0…max', initTopicView(), [{ type: 'scroll', to: 40, max: 12 }], { offset: 12 }],
    ['never scrolls above the top', initTopicView(), [{ type: 'scroll', to: 5, max: 12 }, { type: 'scroll', to: -3, max: 12 }], { offset: 0 }],
    // The first Tab goes to the fixes, on the first, which the cursor marks from the start (a new-user helper took Tab
    // past it to the second fix, a high-risk one).
    ['the first Tab goes to the first fix', initTopicView(), [{ type: 'step-fix', by: 1, count: 3 }], { selectedFix: 0, fixFocused: true }],
    ['the first Shift+Tab too', initTopicView(), [{ type: 'step-fix', by: -1, count: 3 }], { selectedFix: 0, fixFocused: true }],
    ['Tab then goes to the next fix', initTopicView(), [{ type: 'step-fix', by: 1, count: 3 }, { type: 'step-fix', by: 1, count: 3 }], { selectedFix: 1 }],
    ['f, then Tab, goes to the second', initTopicView(), [{ type: 'step-fix', by: 0, count: 3 }, { type: 'step-fix', by: 1, count: 3 }], { selectedFix: 1 }],
    ['Tab from the last fix goes to the first (back from the fix runner)', initTopicView(2), [{ type: 'step-fix', by: 1, count: 3 }], { selectedFix: 0 }],
    ['Shift+Tab from the first goes to the last', initTopicView(0), [{ type: 'step-fix', by: -1, count: 3 }], { selectedFix: 2 }],
    ['f keeps the fix with the cursor', initTopicView(1), [{ type: 'step-fix', by: 0, count: 3 }], { selectedFix: 1 }],
    ['a topic without fixes keeps its view', initTopicView(), [{ type: 'step-fix', by: 1, count: 0 }], { selectedFix: 0 }],
    ['o shows the source text, and o again hides it', initTopicView(), [{ type: 'toggle-original' }, { type: 'toggle-original' }, { type: 'toggle-original' }], { showOriginal: true }],
    ['a fix step keeps the scroll (the screen brings the fix into view)', initTopicView(0), [{ type: 'scroll', to: 4, max: 9 }, { type: 'step-fix', by: 1, count: 2 }], { offset: 4, selectedFix: 1 }],
  ])('%s', (_, start, actions, want) => {
    expect(actions.reduce(topicViewReducer, start)).toMatchObject(want);
  });
});

describe('formReducer: action sequences', () => {
  const start = () => initFormState(['vm_name', 'switch'], { switch: 'ext' });
  test.each<[string, FormAction[], Partial<FormState>]>([
    ['opens on the first field, every placeholder there, the given values filled', [], { values: { vm_name: '', switch: 'ext' }, focus: 0, cursor: Number.MAX_SAFE_INTEGER }],
    ['an edit sets the value and the cursor', [{ type: 'edit', name: 'vm_name', buffer: { text: 'vm1', cursor: 1 } }], { values: { vm_name: 'vm1', switch: 'ext' }, cursor: 1 }],
    ['the focus moves with the cursor at the end', [{ type: 'edit', name: 'vm_name', buffer: { text: 'vm1', cursor: 1 } }, { type: 'focus', index: 1 }], { focus: 1, cursor: Number.MAX_SAFE_INTEGER }],
    ['a value stays when the focus moves away and back', [{ type: 'edit', name: 'switch', buffer: { text: 'lan', cursor: 3 } }, { type: 'focus', index: 0 }, { type: 'focus', index: 1 }], { values: { vm_name: '', switch: 'lan' }, focus: 1 }],
  ])('%s', (_, actions, want) => {
    expect(actions.reduce(formReducer, start())).toMatchObject(want);
  });

  test('an action never changes the form it was given', () => {
    const before = start();
    const copy = structuredClone(before);
    formReducer(before, { type: 'edit', name: 'vm_name', buffer: { text: 'x', cursor: 1 } });
    expect(before).toEqual(copy);
  });
});
