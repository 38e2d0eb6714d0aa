import { useLayoutEffect, useMemo, useRef } from 'react';
import { useKeymapRegistry, type KeymapHandler, type KeymapLayer } from '../contexts/InputContext.js';

export interface KeymapOptions {
  /** An inactive layer gets no keys (an overlay deactivates the screen beneath it). */
  isActive?: boolean;
  /** Letters arrive as Command.Insert text instead of j/k/q/… commands. */
  text?: boolean;
  /** Higher layers get keys first: screens 0, the app's global keys -10, overlays 10. */
  priority?: number;
}

/**
 * The only way a component receives keys: as semantic commands. The handler returns true when
 * it used the command; otherwise the layer below gets it (down to the app's global keys).
 */
export function useKeymap(handler: KeymapHandler, { isActive = true, text = false, priority = 0 }: KeymapOptions = {}): void {
  const registry = useKeymapRegistry();
  const ref = useRef(handler);
  useLayoutEffect(() => {
    ref.current = handler;
  });
  const layer = useMemo<KeymapLayer>(() => ({ handler: ref, text, priority }), [text, priority]);
  useLayoutEffect(() => (isActive ? registry.register(layer) : undefined), [registry, layer, isActive]);
}
