import { describe, expect, test } from 'vitest';
import { initWizardState, wizardReducer, type WizardAction, type WizardState } from '../../src/core/network/wizard-reducer.js';
import { formRows, initWizardView, wizardViewReducer, type WizardView, type WizardViewAction } from '../../src/ui/screens/network/reducer.js';
import { bufferOf } from '../../src/ui/text/text-buffer.js';

const step = (action: WizardAction): WizardViewAction => ({ type: 'wizard', action });
const answer = (question: Extract<WizardAction, { type: 'answer' }>['question'], value: string | boolean) => step({ type: 'answer', question, value });
const run = (actions: WizardViewAction[], view: WizardView = initWizardView(initWizardState())) => actions.reduce(wizardViewReducer, view);

/** Answers that lead to a NAT network on a Windows Server 2016 host (an extra NAT network must lie in the NAT prefix). */
const TO_HOST_BUILD = [answer('scope', 'single-host'), answer('addressing', 'private'), answer('dns', false)];
const TO_FORM = [...TO_HOST_BUILD, answer('hostBuild', '14393.1066'), step({ type: 'choose-driver', driver: 'nat' })];
const notice = { kind: 'info' as const, text: 'note' };

/** What a row checks: the step, and the view's own fields. */
interface Expect {
  step?: WizardState['step'];
  selected?: number;
  offset?: number;
  cursor?: number;
  buildText?: string;
  notice?: WizardView['notice'] | null;
  values?: WizardState['values'];
}

describe('wizardViewReducer: action sequences', () => {
  test.each<[string, WizardViewAction[], Expect]>([
    ['opens on the first question with the cursor on the first choice', [], { step: { kind: 'question', question: 'scope' }, selected: 0, offset: 0, cursor: 0, buildText: '' }],
    ['moves the cursor', [{ type: 'select', index: 1 }], { selected: 1 }],
    ['never puts the cursor above the first row', [{ type: 'select', index: -3 }], { selected: 0 }],
    ['an answer goes to the next question with the cursor on its first choice', [{ type: 'select', index: 1 }, answer('scope', 'single-host')], { step: { kind: 'question', question: 'addressing' }, selected: 0 }],
    ['back lands on the answer that was given', [answer('scope', 'swarm'), step({ type: 'back' })], { step: { kind: 'question', question: 'scope' }, selected: 1 }],
    ['the host-build field is edited, and answered from its text', [...TO_HOST_BUILD, { type: 'edit-build', buffer: bufferOf('14393') }], { step: { kind: 'question', question: 'hostBuild' }, buildText: '14393' }],
    ['coming back to the host-build question shows the answer given', [...TO_HOST_BUILD, answer('hostBuild', '17763'), step({ type: 'back' })], { step: { kind: 'question', question: 'hostBuild' }, buildText: '17763' }],
    ['the recommendation starts with the cursor on the chosen driver when coming back', [...TO_FORM, step({ type: 'back' })], { step: { kind: 'recommend' }, selected: 0 }],
    ['the form opens on its first field', TO_FORM, { step: { kind: 'values' }, selected: 0, cursor: 0 }],
    ['editing a value sets it and the cursor', [...TO_FORM, { type: 'edit-value', field: 'name', buffer: { text: 'mynat', cursor: 2 } }], { values: { name: 'mynat' }, cursor: 2 }],
    ['the focus moves to a row with the cursor at the end of its value', [...TO_FORM, { type: 'edit-value', field: 'subnet', buffer: bufferOf('10.0.0.0/24') }, { type: 'focus-row', index: 1 }], { selected: 1, cursor: 11 }],
    ['the focus stays within the rows (the last is submit)', [...TO_FORM, { type: 'focus-row', index: 99 }], { selected: 6, cursor: 0 }],
    ['the focus stays on the first row above it', [...TO_FORM, { type: 'focus-row', index: -1 }], { selected: 0 }],
    ['a refused submit puts the cursor on the first field with a reason', [...TO_FORM, { type: 'focus-row', index: 6 }, step({ type: 'submit' })], { step: { kind: 'values' }, selected: 0 }],
    // At the end of the refused value, where a move to the row puts it (it stayed at the start: a new-user helper typed
    // in front of the value).
    ['… at the end of its value', [...TO_FORM, { type: 'edit-value', field: 'name', buffer: bufferOf('n') }, { type: 'edit-value', field: 'subnet', buffer: { text: '10.0.0.0/33', cursor: 0 } }, { type: 'focus-row', index: 6 }, step({ type: 'submit' })], { selected: 1, cursor: 11 }],
    [
      'a good submit shows the plan from its top',
      [...TO_FORM, { type: 'edit-value', field: 'name', buffer: bufferOf('mynat') }, { type: 'edit-value', field: 'subnet', buffer: bufferOf('172.16.1.0/24') }, { type: 'edit-value', field: 'gateway', buffer: bufferOf('172.16.1.1') }, { type: 'focus-row', index: 6 }, step({ type: 'submit' })],
      { step: { kind: 'done' }, selected: 0, offset: 0 },
    ],
    ['scrolls within 0…max', [{ type: 'scroll', to: 7, max: 5 }], { offset: 5 }],
    ['never scrolls above the top', [{ type: 'scroll', to: -2, max: 5 }], { offset: 0 }],
    ['a step resets the scroll', [{ type: 'scroll', to: 3, max: 5 }, answer('scope', 'swarm')], { offset: 0 }],
    ['a notice shows until the next step of the wizard', [{ type: 'notice', notice }], { notice }],
    ['a step clears the notice', [{ type: 'notice', notice }, answer('scope', 'swarm')], { notice: null }],
    ['moving the cursor keeps the notice', [{ type: 'notice', notice }, { type: 'select', index: 1 }], { notice }],
    ['restart goes back to the first question', [...TO_FORM, step({ type: 'restart' })], { step: { kind: 'question', question: 'scope' }, selected: 0 }],
  ])('%s', (_, actions, want) => {
    const v = run(actions);
    if (want.step) expect(v.wizard.step).toEqual(want.step);
    if (want.selected !== undefined) expect(v.selected).toBe(want.selected);
    if (want.offset !== undefined) expect(v.offset).toBe(want.offset);
    if (want.cursor !== undefined) expect(v.cursor).toBe(want.cursor);
    if (want.buildText !== undefined) expect(v.buildText.text).toBe(want.buildText);
    if (want.notice !== undefined) expect(v.notice).toEqual(want.notice ?? undefined);
    if (want.values) expect(v.wizard.values).toMatchObject(want.values);
  });

  test('the wizard inside the view is exactly what the core reducer gives for the same steps', () => {
    const actions: WizardAction[] = [{ type: 'answer', question: 'scope', value: 'single-host' }, { type: 'answer', question: 'addressing', value: 'host-subnet' }, { type: 'back' }];
    expect(run(actions.map(step)).wizard).toEqual(actions.reduce(wizardReducer, initWizardState()));
  });

  test('the form rows end with submit', () => {
    const rows = formRows(run(TO_FORM).wizard);
    expect(rows.at(-1)).toEqual({ submit: true });
    expect(rows.slice(0, -1).map((r) => ('field' in r ? r.field : ''))).toEqual(['name', 'subnet', 'gateway', 'natPrefix', 'hnsName', 'ip']);
  });

  test('an action never changes the view it was given', () => {
    const before = run(TO_FORM);
    const copy = structuredClone(before);
    wizardViewReducer(before, { type: 'edit-value', field: 'name', buffer: bufferOf('x') });
    wizardViewReducer(before, step({ type: 'submit' }));
    expect(before).toEqual(copy);
  });
});
