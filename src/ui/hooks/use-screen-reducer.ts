import { useCallback, useRef, useState } from 'react';

/**
 * A screen's state as a reducer whose actions apply at once, one after another, each on the result
 * of the one before: the keys of a burst (`mynat` Tab `10.0.0.0/24` Enter in one read) are handled
 * in order before React renders again, and `get()` gives the handler the state the last key left.
 * The render reads `state`; nothing else mirrors it.
 */
export function useScreenReducer<S, A>(reducer: (state: S, action: A) => S, init: S | (() => S)): [S, (action: A) => S, () => S] {
  const [state, setState] = useState(init);
  const ref = useRef(state);
  const dispatch = useCallback(
    (action: A) => {
      ref.current = reducer(ref.current, action);
      setState(ref.current);
      return ref.current;
    },
    // The reducer is a module-level function; a screen that closes over render values passes them in actions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const get = useCallback(() => ref.current, []);
  return [state, dispatch, get];
}
