import { useCallback, useRef, useState } from 'react';

type Next<V> = V | ((previous: V) => V);

/**
 * State whose latest value key handlers can read at once through `ref`. Keys can arrive faster
 * than React re-renders (a burst such as `j` then Enter in one read), and a handler that reads
 * plain state would act on the value from before the first key.
 */
export function useSyncedState<V>(initial: V | (() => V)): [V, (next: Next<V>) => void, { readonly current: V }] {
  const [value, setValue] = useState(initial);
  const ref = useRef(value);
  const set = useCallback((next: Next<V>) => {
    ref.current = typeof next === 'function' ? (next as (p: V) => V)(ref.current) : next;
    setValue(ref.current);
  }, []);
  return [value, set, ref];
}
