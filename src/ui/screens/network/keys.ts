import type { BuildOfName } from '../../../core/network/validators.js';
import type { NetworkDriver } from '../../../core/network/drivers.js';
import { maxOffset } from '../../components/ScrollView.js';
import { Command, SCREEN_SCOPES, isDeliberate, keyLabel, keyLabelIn, type KeyEvent } from '../../keys.js';
import { editText, type TextBuffer } from '../../text/text-buffer.js';
import { moveSelection } from '../../hooks/use-selection-list.js';
import { formRows, type WizardView, type WizardViewAction } from './reducer.js';
import { CHOICES, isPlannable } from './text.js';

/** What the wizard's key handler reads and does: the latest view, its reducer, and what leaves the view. */
export interface WizardUi {
  /** The view as the last action left it (keys of a burst each see the one before). */
  view(): WizardView;
  dispatch(action: WizardViewAction): WizardView;
  drivers: readonly NetworkDriver[];
  pageRows: number;
  bodyLength: number;
  leave(): void;
  /** Opens Diagnose with a paste, keeping the wizard where it is. */
  diagnose(text: string): void;
  explainOnly(): void;
  copyCommand(): void;
  copyCompose(): void;
  /** Opens the fix runner on the command (it asks before anything runs). */
  runCommand(): void;
  /** The build a release name or tag stands for (`ltsc2019`), from the compat data; undefined when it names none. */
  buildOfName: BuildOfName;
}

/** Keys of the wizard (from the registry): copy the command, copy the compose snippet, start again, run the command. */
export const WIZARD_KEYS = {
  copyCommand: keyLabelIn(Command.Copy, SCREEN_SCOPES.wizardDone) ?? '',
  copyCompose: keyLabel(Command.WizardCopyCompose),
  restart: keyLabel(Command.Restart),
  run: keyLabel(Command.WizardRun),
} as const;

/** The most a wizard field holds: names, subnets and builds are short. */
const MAX_VALUE = 256;
const clamp = (n: number, count: number) => Math.max(0, Math.min(count - 1, n));

/** Back one step, or off the screen from the first question. */
function back(ui: WizardUi): true {
  if (ui.view().wizard.history.length) ui.dispatch({ type: 'wizard', action: { type: 'back' } });
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
  const view = ui.view();
  const rows = formRows(view.wizard);
  const at = clamp(view.selected, rows.length);
  const row = rows[at];
  if (row && 'field' in row) {
    const field = row.field;
    const value = view.wizard.values[field] ?? '';
    const buffer = { text: value, cursor: Math.min(view.cursor, value.length) };
    if (onText(command, typed, buffer, (b) => ui.dispatch({ type: 'edit-value', field, buffer: b }))) return true;
  }
  if (command === Command.Up || command === Command.FocusPrevious) ui.dispatch({ type: 'focus-row', index: at - 1 });
  else if (command === Command.Down || command === Command.FocusNext) ui.dispatch({ type: 'focus-row', index: at + 1 });
  else if (command === Command.Confirm && row && 'field' in row) ui.dispatch({ type: 'focus-row', index: at + 1 });
  else if (command === Command.Confirm) ui.dispatch({ type: 'wizard', action: { type: 'submit' } });
  else if (command === Command.Back) return back(ui);
  else return false;
  return true;
}

/**
 * Handles one command on the wizard screen; returns true when it used it. The run key acts only when
 * pressed on its own (isDeliberate): an x in a burst of characters or a paste starts nothing.
 */
export function handleWizardKey(ui: WizardUi, command: Command, typed: string | undefined, event: KeyEvent): boolean {
  const view = ui.view();
  const step = view.wizard.step;
  if (step.kind === 'values') return onValues(ui, command, typed);
  if (step.kind === 'question' && step.question === 'hostBuild') {
    if (onText(command, typed, view.buildText, (b) => ui.dispatch({ type: 'edit-build', buffer: b }))) return true;
    if (command === Command.Confirm) ui.dispatch({ type: 'wizard', action: { type: 'answer', question: 'hostBuild', value: view.buildText.text, buildOfName: ui.buildOfName } });
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
    ui.dispatch({ type: 'wizard', action: { type: 'restart' } });
    return true;
  }
  const scroll = (n: number) => ui.dispatch({ type: 'scroll', to: n, max: maxOffset(ui.bodyLength, ui.pageRows) });
  const page = Math.max(1, ui.pageRows - 1);
  if (step.kind === 'done') {
    if (command === Command.Up || command === Command.Down) scroll(view.offset + (command === Command.Up ? -1 : 1));
    else if (command === Command.PageUp || command === Command.PageDown) scroll(view.offset + (command === Command.PageUp ? -1 : 1) * page);
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
    scroll(view.offset + (command === Command.PageUp ? -1 : 1) * page);
    return true;
  }
  const count = step.kind === 'question' ? CHOICES[step.question as Exclude<typeof step.question, 'hostBuild'>].length : ui.drivers.length;
  const at = clamp(view.selected, count);
  const moved = moveSelection(at, command, { count });
  if (moved !== undefined) ui.dispatch({ type: 'select', index: moved });
  else if (command === Command.Confirm || command === Command.Right) {
    if (step.kind === 'question') {
      const choice = CHOICES[step.question as Exclude<typeof step.question, 'hostBuild'>][at];
      if (choice) ui.dispatch({ type: 'wizard', action: { type: 'answer', question: step.question, value: choice.value } });
    } else {
      const driver = ui.drivers[at];
      if (driver && isPlannable(driver)) ui.dispatch({ type: 'wizard', action: { type: 'choose-driver', driver } });
      else ui.explainOnly();
    }
  } else return false;
  return true;
}
