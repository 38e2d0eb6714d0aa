import { createContext, useContext } from 'react';
import type { InterruptSignal } from '../../core/signals.js';

/**
 * The signal the app is ending on (SIGTERM, SIGHUP, or a SIGINT from another process), set for the last frame the app
 * draws before it closes: a running fix then says that it is being stopped, instead of "Running…" standing on the
 * terminal after wcdoctor has gone (found by an attacker helper).
 */
export const EndingContext = createContext<InterruptSignal | undefined>(undefined);

/** The signal the app is ending on, if it is. */
export const useEnding = (): InterruptSignal | undefined => useContext(EndingContext);
