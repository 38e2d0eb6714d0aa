import { useEffect, useState } from 'react';

/** The value, once it has stopped changing for `ms` milliseconds (immediately when ms is 0). */
export function useDebouncedValue<V>(value: V, ms: number): V {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (ms <= 0) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
