import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useReducer, useRef, type Dispatch, type ReactNode } from 'react';
import { BugError } from '../../core/errors.js';
import { initialNavigation, navigationReducer, type NavigationAction, type NavigationState, type Route } from '../navigation.js';

const StateContext = createContext<NavigationState | undefined>(undefined);
const DispatchContext = createContext<Dispatch<NavigationAction> | undefined>(undefined);

/**
 * Tells the input reader that a key changed the screen: `pending` from the moment a navigation changes the state until
 * the new screen has rendered (its keymap registered), then `settled` is called. Keys that arrived in the same read
 * after that key wait for it, so that they reach the screen they were typed for (`g` Enter `j` Enter on Home opens
 * Troubleshoot and then its second tree; without the wait the second `j` Enter moved Home's list and opened its item
 * on top, and a `q` typed into a field just opened quit the app).
 */
export interface NavigationSignal {
  pending: boolean;
  settled?: (() => void) | undefined;
}

const SignalContext = createContext<NavigationSignal | undefined>(undefined);

export function NavigationProvider({ initial, children }: { initial: readonly Route[]; children: ReactNode }) {
  const [state, reactDispatch] = useReducer(navigationReducer, initial, initialNavigation);
  const signal = useMemo<NavigationSignal>(() => ({ pending: false }), []);
  // The state as the actions dispatched so far leave it (React applies them at its next render): whether an action
  // changes anything is known at once.
  const latest = useRef(state);
  const dispatch = useCallback<Dispatch<NavigationAction>>(
    (action) => {
      const next = navigationReducer(latest.current, action);
      if (next !== latest.current) {
        latest.current = next;
        signal.pending = true;
      }
      reactDispatch(action);
    },
    [signal],
  );
  // Runs after the new screen's own layout effects (children first), so its keymap is registered.
  useLayoutEffect(() => {
    latest.current = state;
    if (!signal.pending) return;
    signal.pending = false;
    const settled = signal.settled;
    if (settled) queueMicrotask(settled);
  }, [state, signal]);
  return (
    <SignalContext.Provider value={signal}>
      <DispatchContext.Provider value={dispatch}>
        <StateContext.Provider value={state}>{children}</StateContext.Provider>
      </DispatchContext.Provider>
    </SignalContext.Provider>
  );
}

export function useNavigationState(): NavigationState {
  const s = useContext(StateContext);
  if (!s) throw new BugError('useNavigationState() used outside <NavigationProvider>');
  return s;
}

export function useNavigate(): Dispatch<NavigationAction> {
  const d = useContext(DispatchContext);
  if (!d) throw new BugError('useNavigate() used outside <NavigationProvider>');
  return d;
}

/** The input reader's view of navigation (see NavigationSignal); undefined outside a NavigationProvider (tests of one screen). */
export function useNavigationSignal(): NavigationSignal | undefined {
  return useContext(SignalContext);
}
