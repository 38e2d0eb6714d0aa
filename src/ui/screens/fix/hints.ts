import type { KeyHint } from '../../components/KeyHints.js';
import type { RunnerState } from './runner-state.js';
import { Command, keyLabel } from '../../keys.js';
import { footerHints } from '../../footers.js';

/** The copy key of the fix runner (from the registry). */
export const COPY_KEY = keyLabel(Command.Copy);

/** The keys of each step of the fix runner. */
export function fixHints(state: RunnerState, hasFields: boolean, typedWord: boolean): KeyHint[] {
  switch (state.phase) {
    case 'idle':
      return footerHints('fixForm');
    case 'checking':
      return footerHints('fixChecking');
    case 'confirm':
      return footerHints(typedWord ? 'fixTypedWord' : 'fixConfirm');
    case 'running':
      return footerHints('fixRunning');
    case 'refused':
    case 'declined':
    case 'done':
      return footerHints('fixEnded', ...(hasFields ? (['fixEdit'] as const) : []), ...(state.phase === 'done' ? (['fixScroll'] as const) : []), 'fixEndedTail');
  }
}
