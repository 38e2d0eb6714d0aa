import { Command } from '../keys.js';
import { useScreenReducer } from './use-screen-reducer.js';

export interface SelectionOptions {
  count: number;
  /** Up on the first row goes to the last (and Down on the last to the first). Off: the ends hold. */
  wrap?: boolean;
  /** Rows that cannot be selected (headers): skipped by every move. */
  skip?: (index: number) => boolean;
  /** Rows a page moves (PgUp/PgDn); 10 by default. */
  page?: number;
}

/**
 * Where a list command moves the selection: ↑↓ (and j/k), PgUp/PgDn, Home/End (g/G), skipping rows
 * that cannot be selected. Returns undefined for a command that is not a move. The one list
 * behaviour of every screen.
 */
export function moveSelection(index: number, command: Command, { count, wrap = false, skip = () => false, page = 10 }: SelectionOptions): number | undefined {
  if (count <= 0) return command === Command.Up || command === Command.Down || command === Command.PageUp || command === Command.PageDown || command === Command.First || command === Command.Last ? 0 : undefined;
  const selectable = (i: number) => i >= 0 && i < count && !skip(i);
  const step = (from: number, dir: 1 | -1, times: number, wrapping: boolean): number => {
    let at = from;
    let moved = from;
    for (let left = times, guard = count * 2; left > 0 && guard > 0; guard--) {
      at += dir;
      if (at < 0 || at >= count) {
        if (!wrapping) break;
        at = at < 0 ? count - 1 : 0;
      }
      if (selectable(at)) {
        moved = at;
        left--;
      }
    }
    return moved;
  };
  const from = Math.max(0, Math.min(count - 1, index));
  switch (command) {
    case Command.Up:
      return step(from, -1, 1, wrap);
    case Command.Down:
      return step(from, 1, 1, wrap);
    case Command.PageUp:
      return step(from, -1, page, false);
    case Command.PageDown:
      return step(from, 1, page, false);
    case Command.First:
      return step(-1, 1, 1, false);
    case Command.Last:
      return step(count, -1, 1, false);
    default:
      return undefined;
  }
}

/**
 * A selection that list commands move (moveSelection), applied at once so the keys of a burst each
 * see the row the key before chose. `move` returns true when the command was a move.
 */
export function useSelectionList(initial: number | (() => number)) {
  const [selected, dispatch, get] = useScreenReducer<number, number>((_, next) => next, initial);
  const move = (command: Command, options: SelectionOptions): boolean => {
    const next = moveSelection(get(), command, options);
    if (next === undefined) return false;
    dispatch(next);
    return true;
  };
  return { selected, select: dispatch, get, move };
}
