import { useLayoutEffect, useMemo, useRef } from 'react';
import { useKeymapRegistry, type KeymapHandler, type KeymapLayer } from '../contexts/InputContext.js';
import type { ParseMode, Scope } from '../keys.js';

export interface KeymapOptions {
  /** An inactive layer gets no keys (an overlay deactivates the screen beneath it). */
  isActive?: boolean;
  /**
   * Letters arrive as Command.Insert text instead of j/k/q/… commands. A function is asked again for
   * each key, so a screen whose focus leaves a field in the middle of a burst reads the rest right.
   */
  text?: boolean | (() => boolean);
  /** The registry scopes whose letter commands this layer uses (keys.ts SCREEN_SCOPES). */
  scopes?: readonly Scope[] | (() => readonly Scope[]);
  /** Higher layers get keys first: screens 0, the app's global keys -10, overlays 10. */
  priority?: number;
}

/**
 * The only way a component receives keys: as semantic commands. The handler returns true when
 * it used the command; otherwise the layer below gets it (down to the app's global keys).
 */
export function useKeymap(handler: KeymapHandler, { isActive = true, text = false, scopes = [], priority = 0 }: KeymapOptions = {}): void {
  const registry = useKeymapRegistry();
  const ref = useRef(handler);
  const mode = useRef<() => ParseMode>(() => ({ text: false }));
  useLayoutEffect(() => {
    ref.current = handler;
    mode.current = () => ({ text: typeof text === 'function' ? text() : text, scopes: typeof scopes === 'function' ? scopes() : scopes });
  });
  const layer = useMemo<KeymapLayer>(() => ({ handler: ref, mode, priority }), [priority]);
  useLayoutEffect(() => (isActive ? registry.register(layer) : undefined), [registry, layer, isActive]);
}
