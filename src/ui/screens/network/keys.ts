import type { NetworkDriver } from '../../../core/network/drivers.js';
import type { WizardAction, WizardState } from '../../../core/network/wizard-reducer.js';
import { maxOffset } from '../../components/ScrollView.js';
import { COMMANDS, Command, isDeliberate, keyLabel, type KeyEvent } from '../../keys.js';
import { editText, type TextBuffer } from '../../text/text-buffer.js';
import { moveSelection } from '../../hooks/use-selection-list.js';
import type { FormRow } from './WizardForm.js';
import { CHOICES, isPlannable } from './text.js';

/** What the wizard's key handler reads and does; refs hold the latest values between renders. */
export interface WizardUi {
  state: { readonly current: WizardState };
  selected: { readonly current: number };
  offset: { readonly current: number };
  buildText: { readonly current: TextBuffer };
  /** The cursor in the value field that has the focus (its end when the focus moves there). */
  cursor: { readonly current: number };
  drivers: readonly NetworkDriver[];
  rows(): FormRow[];
  pageRows: number;
  bodyLength: number;
  dispatch(action: WizardAction): WizardState;
  setSelected(n: number): void;
  setOffset(n: number): void;
  setBuildText(next: TextBuffer): void;
  setCursor(n: number): void;
  leave(): void;
  /** Opens Diagnose with a paste, keeping the wizard where it is. */
  diagnose(text: string): void;
  explainOnly(): void;
  copyCommand(): void;
  copyCompose(): void;
  /** Opens the fix runner on the command (it asks before anything runs). */
  runCommand(): void;
}

/** Keys of the wizard (from the registry): copy the command, copy the compose snippet, start again, run the command. */
export const WIZARD_KEYS = {
  copyCommand: COMMANDS.find((c) => c.scope === 'wizard.done' && c.command === Command.Copy)?.label ?? '',
  copyCompose: keyLabel(Command.WizardCopyCompose),
  restart: keyLabel(Command.Restart),
  run: keyLabel(Command.WizardRun),
} as const;

/** The most a wizard field holds: names, subnets and builds are short. */
const MAX_VALUE = 256;
const clamp = (n: number, count: number) => Math.max(0, Math.min(count - 1, n));

/** Back one step, or off the screen from the first question. */
function back(ui: WizardUi): true {
  if (ui.state.current.history.length) ui.dispatch({ type: 'back' });
  else ui.leave();
  return true;
}

function onText(command: Command, typed: string | undefined, buffer: TextBuffer, edit: (b: TextBuffer) => void): boolean {
  const typedText = command === Command.Paste ? (typed ?? '').trim() : typed;
  const next = editText(buffer, command, typedText, { maxLength: MAX_VALUE });
  if (!next) return false;
  edit(next);
  return true;
}

function onValues(ui: WizardUi, command: Command, typed: string | undefined): boolean {
  const rows = ui.rows();
  const at = clamp(ui.selected.current, rows.length);
  const row = rows[at];
  if (row && 'field' in row) {
    const field = row.field;
    const value = ui.state.current.values[field] ?? '';
    const buffer = { text: value, cursor: Math.min(ui.cursor.current, value.length) };
    const edit = (b: TextBuffer) => {
      ui.dispatch({ type: 'set-value', field, value: b.text });
      ui.setCursor(b.cursor);
    };
    if (onText(command, typed, buffer, edit)) return true;
  }
  const focusRow = (n: number) => {
    const next = clamp(n, rows.length);
    const r = rows[next];
    ui.setSelected(next);
    ui.setCursor(r && 'field' in r ? (ui.state.current.values[r.field] ?? '').length : 0);
  };
  if (command === Command.Up || command === Command.FocusPrevious) focusRow(at - 1);
  else if (command === Command.Down || command === Command.FocusNext) focusRow(at + 1);
  else if (command === Command.Confirm && row && 'field' in row) focusRow(at + 1);
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
    if (onText(command, typed, ui.buildText.current, ui.setBuildText)) return true;
    if (command === Command.Confirm) ui.dispatch({ type: 'answer', question: 'hostBuild', value: ui.buildText.current.text });
    else if (command === Command.Back) return back(ui);
    else return false;
    return true;
  }
  if (command === Command.Back || command === Command.Left) return back(ui);
  if (command === Command.Paste && typed) {
    ui.diagnose(typed);
    return true;
  }
  if (command === Command.Restart) {
    ui.dispatch({ type: 'restart' });
    return true;
  }
  const scroll = (n: number) => ui.setOffset(Math.max(0, Math.min(n, maxOffset(ui.bodyLength, ui.pageRows))));
  const page = Math.max(1, ui.pageRows - 1);
  if (step.kind === 'done') {
    if (command === Command.Up || command === Command.Down) scroll(ui.offset.current + (command === Command.Up ? -1 : 1));
    else if (command === Command.PageUp || command === Command.PageDown) scroll(ui.offset.current + (command === Command.PageUp ? -1 : 1) * page);
    else if (command === Command.First || command === Command.Last) scroll(command === Command.First ? 0 : ui.bodyLength);
    else if (command === Command.Copy) ui.copyCommand();
    else if (command === Command.WizardCopyCompose) ui.copyCompose();
    else if (command === Command.WizardRun) {
      if (isDeliberate(event)) ui.runCommand();
    } else return false;
    return true;
  }
  // The recommendation's explanation and warnings scroll with PgUp/PgDn (↑↓ choose the driver).
  if (step.kind === 'recommend' && (command === Command.PageUp || command === Command.PageDown)) {
    scroll(ui.offset.current + (command === Command.PageUp ? -1 : 1) * page);
    return true;
  }
  const count = step.kind === 'question' ? CHOICES[step.question as Exclude<typeof step.question, 'hostBuild'>].length : ui.drivers.length;
  const at = clamp(ui.selected.current, count);
  const moved = moveSelection(at, command, { count });
  if (moved !== undefined) ui.setSelected(moved);
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
