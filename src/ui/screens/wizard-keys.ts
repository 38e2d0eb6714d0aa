import type { NetworkDriver } from '../../core/network/drivers.js';
import type { WizardAction, WizardState } from '../../core/network/wizard-reducer.js';
import { maxOffset } from '../components/ScrollView.js';
import { Command, isDeliberate, type KeyEvent } from '../keys.js';
import type { FormRow } from './WizardForm.js';
import { CHOICES, isPlannable } from './wizard-text.js';

/** What the wizard's key handler reads and does; refs hold the latest values between renders. */
export interface WizardUi {
  state: { readonly current: WizardState };
  selected: { readonly current: number };
  offset: { readonly current: number };
  buildText: { readonly current: string };
  drivers: readonly NetworkDriver[];
  rows(): FormRow[];
  pageRows: number;
  bodyLength: number;
  dispatch(action: WizardAction): WizardState;
  setSelected(n: number): void;
  setOffset(n: number): void;
  setBuildText(next: string | ((s: string) => string)): void;
  leave(): void;
  /** Opens Diagnose with a paste, keeping the wizard where it is. */
  diagnose(text: string): void;
  explainOnly(): void;
  copyCommand(): void;
  copyCompose(): void;
  /** Opens the fix runner on the command (it asks before anything runs). */
  runCommand(): void;
}

/** Keys of the wizard: copy the command, copy the compose snippet, start again, run the command. */
export const WIZARD_KEYS = { copyCommand: 'c', copyCompose: 'y', restart: 'r', run: 'x' } as const;

const dropLastChar = (s: string): string => Array.from(s).slice(0, -1).join('');
const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ').trim();
const clamp = (n: number, count: number) => Math.max(0, Math.min(count - 1, n));

/** Back one step, or off the screen from the first question. */
function back(ui: WizardUi): true {
  if (ui.state.current.history.length) ui.dispatch({ type: 'back' });
  else ui.leave();
  return true;
}

function onText(ui: WizardUi, command: Command, typed: string | undefined, edit: (f: (s: string) => string) => void): boolean {
  if (command === Command.Insert || command === Command.Paste) edit((s) => s + oneLine(typed ?? ''));
  else if (command === Command.Backspace) edit(dropLastChar);
  else if (command === Command.ClearText) edit(() => '');
  else return false;
  return true;
}

function onValues(ui: WizardUi, command: Command, typed: string | undefined): boolean {
  const rows = ui.rows();
  const at = clamp(ui.selected.current, rows.length);
  const row = rows[at];
  if (row && 'field' in row) {
    const field = row.field;
    const edit = (f: (s: string) => string) => ui.dispatch({ type: 'set-value', field, value: f(ui.state.current.values[field] ?? '') });
    if (onText(ui, command, typed, edit)) return true;
  }
  if (command === Command.Up || command === Command.FocusPrevious) ui.setSelected(clamp(at - 1, rows.length));
  else if (command === Command.Down || command === Command.FocusNext) ui.setSelected(clamp(at + 1, rows.length));
  else if (command === Command.Confirm && row && 'field' in row) ui.setSelected(clamp(at + 1, rows.length));
  else if (command === Command.Confirm) {
    const after = ui.dispatch({ type: 'submit' });
    // A refused value: the cursor goes to the first field with a reason.
    const bad = ui.rows().findIndex((r) => 'field' in r && after.problems.some((p) => p.field === r.field));
    if (after.step.kind === 'values' && bad >= 0) ui.setSelected(bad);
  } else if (command === Command.Back) return back(ui);
  else return false;
  return true;
}

/**
 * Handles one command on the wizard screen; returns true when it used it. The run key acts only when
 * pressed on its own (isDeliberate): an x in a burst of characters or a paste starts nothing.
 */
export function handleWizardKey(ui: WizardUi, command: Command, typed: string | undefined, event: KeyEvent): boolean {
  const s = ui.state.current;
  const step = s.step;
  if (step.kind === 'values') return onValues(ui, command, typed);
  if (step.kind === 'question' && step.question === 'hostBuild') {
    if (onText(ui, command, typed, (f) => ui.setBuildText(f))) return true;
    if (command === Command.Confirm) ui.dispatch({ type: 'answer', question: 'hostBuild', value: ui.buildText.current });
    else if (command === Command.Back) return back(ui);
    else return false;
    return true;
  }
  if (command === Command.Back || command === Command.Left) return back(ui);
  if (command === Command.Paste && typed) {
    ui.diagnose(typed);
    return true;
  }
  if (command === Command.Insert && typed === WIZARD_KEYS.restart) {
    ui.dispatch({ type: 'restart' });
    return true;
  }
  if (step.kind === 'done') {
    const scroll = (n: number) => ui.setOffset(Math.max(0, Math.min(n, maxOffset(ui.bodyLength, ui.pageRows))));
    if (command === Command.Up || command === Command.Down) scroll(ui.offset.current + (command === Command.Up ? -1 : 1));
    else if (command === Command.PageUp || command === Command.PageDown) scroll(ui.offset.current + (command === Command.PageUp ? -1 : 1) * Math.max(1, ui.pageRows - 1));
    else if (command === Command.Insert && typed === WIZARD_KEYS.copyCommand) ui.copyCommand();
    else if (command === Command.Insert && typed === WIZARD_KEYS.copyCompose) ui.copyCompose();
    else if (command === Command.Insert && typed === WIZARD_KEYS.run) {
      if (isDeliberate(event)) ui.runCommand();
    }
    else return false;
    return true;
  }
  const count = step.kind === 'question' ? CHOICES[step.question as Exclude<typeof step.question, 'hostBuild'>].length : ui.drivers.length;
  const at = clamp(ui.selected.current, count);
  if (command === Command.Up || command === Command.Down) ui.setSelected(clamp(at + (command === Command.Up ? -1 : 1), count));
  else if (command === Command.Confirm || command === Command.Right) {
    if (step.kind === 'question') {
      const choice = CHOICES[step.question as Exclude<typeof step.question, 'hostBuild'>][at];
      if (choice) ui.dispatch({ type: 'answer', question: step.question, value: choice.value });
    } else {
      const driver = ui.drivers[at];
      if (driver && isPlannable(driver)) ui.dispatch({ type: 'choose-driver', driver });
      else ui.explainOnly();
    }
  } else return false;
  return true;
}
