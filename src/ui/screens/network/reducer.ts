import { fieldsFor, recommendationOf, wizardReducer, type WizardAction, type WizardField, type WizardState } from '../../../core/network/wizard-reducer.js';
import type { StatusKind } from '../../components/StatusLine.js';
import { bufferOf, type TextBuffer } from '../../text/text-buffer.js';
import type { FormRow } from './WizardForm.js';
import { CHOICES, driverOrder } from './text.js';

/** What the wizard screen holds beside the wizard itself: the cursor row, the scroll, the build field, a notice. */
export interface WizardView {
  wizard: WizardState;
  /** The row with the cursor: a choice, a driver, or a form row. */
  selected: number;
  /** The first line shown of the scrolled text (the recommendation, the plan). */
  offset: number;
  /** The host-build field. */
  buildText: TextBuffer;
  /** The cursor in the value field that has the focus. */
  cursor: number;
  notice: { kind: StatusKind; text: string } | undefined;
}

/** What can happen on the wizard screen. */
export type WizardViewAction =
  /** A step of the wizard itself (answer, choose a driver, submit, back, restart). */
  | { type: 'wizard'; action: WizardAction }
  /** The cursor on a choice or a driver. */
  | { type: 'select'; index: number }
  /** The focus on a form row (clamped), with the cursor at the end of its value. */
  | { type: 'focus-row'; index: number }
  /** The value field with the focus, edited. */
  | { type: 'edit-value'; field: WizardField; buffer: TextBuffer }
  /** The host-build field, edited. */
  | { type: 'edit-build'; buffer: TextBuffer }
  /** The scrolled text moved to a line, kept within 0…max. */
  | { type: 'scroll'; to: number; max: number }
  | { type: 'notice'; notice: WizardView['notice'] };

/** The form rows for a state: its fields, then submit. */
export const formRows = (s: WizardState): FormRow[] => [...fieldsFor(s), { submit: true }];

/** Where the cursor starts on a step: the answer already given, or the driver already chosen. */
export function initialSelection(s: WizardState): number {
  const step = s.step;
  if (step.kind === 'question' && step.question !== 'hostBuild') return Math.max(0, CHOICES[step.question].findIndex((c) => c.value === s.answers[step.question]));
  if (step.kind === 'recommend' && s.driver) return Math.max(0, driverOrder(recommendationOf(s)).indexOf(s.driver));
  return 0;
}

/** The length of a form row's value: where the cursor stands when the focus moves there. */
function valueEnd(s: WizardState, row: FormRow | undefined): number {
  return row && 'field' in row ? (s.values[row.field] ?? '').length : 0;
}

/** The view of a wizard state as the screen opens on it. */
export function initWizardView(wizard: WizardState): WizardView {
  return { wizard, selected: initialSelection(wizard), offset: 0, buildText: bufferOf(wizard.answers.hostBuild ?? ''), cursor: 0, notice: undefined };
}

/** One step of the wizard, and where the cursor, the scroll and the build field land after it. */
function stepWizard(view: WizardView, action: WizardAction): WizardView {
  const before = view.wizard;
  const after = wizardReducer(before, action);
  let next: WizardView = { ...view, wizard: after, notice: undefined };
  if (after.step !== before.step) {
    const selected = initialSelection(after);
    next = { ...next, selected, offset: 0, cursor: valueEnd(after, formRows(after)[selected]) };
    if (after.step.kind === 'question' && after.step.question === 'hostBuild') next.buildText = bufferOf(after.answers.hostBuild ?? '');
  }
  if (action.type === 'submit' && after.step.kind === 'values') {
    // A refused value: the cursor goes to the first field with a reason.
    // With the cursor at the end of its value, as a move to a row puts it: it stayed where the last field's was (the
    // start, after Enter on an empty one), and what was typed went in front of the value (a new-user helper).
    const rows = formRows(after);
    const bad = rows.findIndex((r) => 'field' in r && after.problems.some((p) => p.field === r.field));
    if (bad >= 0) next = { ...next, selected: bad, cursor: valueEnd(after, rows[bad]) };
  }
  return next;
}

/**
 * The wizard screen's reducer: pure, one action at a time.
 * @example wizardViewReducer(view, { type: 'wizard', action: { type: 'restart' } })
 */
export function wizardViewReducer(view: WizardView, action: WizardViewAction): WizardView {
  switch (action.type) {
    case 'wizard':
      return stepWizard(view, action.action);
    case 'select':
      return { ...view, selected: Math.max(0, action.index) };
    case 'focus-row': {
      const rows = formRows(view.wizard);
      const index = Math.max(0, Math.min(rows.length - 1, action.index));
      return { ...view, selected: index, cursor: valueEnd(view.wizard, rows[index]) };
    }
    case 'edit-value': {
      const wizard = wizardReducer(view.wizard, { type: 'set-value', field: action.field, value: action.buffer.text });
      return { ...view, wizard, cursor: action.buffer.cursor, notice: undefined };
    }
    case 'edit-build':
      return { ...view, buildText: action.buffer };
    case 'scroll':
      return { ...view, offset: Math.max(0, Math.min(action.to, action.max)) };
    case 'notice':
      return { ...view, notice: action.notice };
  }
}
