import type { KeyHint } from '../../components/KeyHints.js';
import type { RunnerState } from './runner-state.js';
import { Command, KEY_LABELS, keyLabel } from '../../keys.js';

/** The copy key of the fix runner (from the registry). */
export const COPY_KEY = keyLabel(Command.Copy);

const EXIT: KeyHint = { keys: KEY_LABELS.ctrlC, label: 'keys.exit' };
const BACK: KeyHint = { keys: KEY_LABELS.esc, label: 'keys.back' };
const HELP: KeyHint[] = [
  { keys: KEY_LABELS.quit, label: 'keys.quit' },
  { keys: KEY_LABELS.help, label: 'keys.help' },
];
const COPY: KeyHint = { keys: COPY_KEY, label: 'fix.keys.copy' };

/** The keys of each step of the fix runner. */
export function fixHints(state: RunnerState, hasFields: boolean, typedWord: boolean): KeyHint[] {
  switch (state.phase) {
    case 'idle':
      return [{ keys: `↑↓/${KEY_LABELS.tab}`, label: 'fix.keys.field' }, { keys: KEY_LABELS.enter, label: 'fix.keys.continue' }, { keys: KEY_LABELS.clear, label: 'keys.clear' }, BACK, EXIT];
    case 'checking':
      return [BACK, ...HELP];
    case 'confirm':
      return typedWord
        ? [{ keys: KEY_LABELS.enter, label: 'fix.keys.submitWord' }, { keys: KEY_LABELS.esc, label: 'fix.keys.decline' }, EXIT]
        : [{ keys: 'y/n', label: 'fix.keys.answer' }, { keys: KEY_LABELS.change, label: 'fix.keys.choose' }, { keys: KEY_LABELS.esc, label: 'fix.keys.decline' }, COPY, ...HELP];
    case 'running':
      return [{ keys: `${KEY_LABELS.esc}/${KEY_LABELS.ctrlC}`, label: 'fix.keys.cancel' }, { keys: KEY_LABELS.help, label: 'keys.help' }];
    case 'refused':
    case 'declined':
    case 'done':
      return [
        COPY,
        ...(hasFields ? [{ keys: KEY_LABELS.enter, label: 'fix.keys.edit' } as const] : []),
        ...(state.phase === 'done' ? [{ keys: KEY_LABELS.scroll, label: 'keys.scroll' } as const] : []),
        BACK,
        ...HELP,
      ];
  }
}
