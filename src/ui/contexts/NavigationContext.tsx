import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type Dispatch, type ReactNode } from 'react';
import { BugError } from '../../core/errors.js';
import { initialNavigation, navigationReducer, type NavigationAction, type NavigationState, type Route, type ScreenId } from '../navigation.js';

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

/**
 * What a screen held when it closed, by screen, for the rest of the session: Back and Home take a screen off the
 * stack, and the user who opens it again finds the paste or the versions as they left them (found by a new-user
 * helper: Diagnose and the version check came back empty). Nothing is drawn from it, so it is a store, not state.
 */
type KeptRoutes = Map<ScreenId, Route>;
const KeptContext = createContext<KeptRoutes | undefined>(undefined);

export function NavigationProvider({ initial, children }: { initial: readonly Route[]; children: ReactNode }) {
  const [state, reactDispatch] = useReducer(navigationReducer, initial, initialNavigation);
  const signal = useMemo<NavigationSignal>(() => ({ pending: false }), []);
  const kept = useMemo<KeptRoutes>(() => new Map(), []);
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
      <KeptContext.Provider value={kept}>
        <DispatchContext.Provider value={dispatch}>
          <StateContext.Provider value={state}>{children}</StateContext.Provider>
        </DispatchContext.Provider>
      </KeptContext.Provider>
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

/**
 * A screen's state kept for the session: returns what the screen of this kind held when it last closed (read once, as
 * it opens), and keeps `save()` when this one closes (off the stack, or beneath another screen). The screen decides
 * whether its route asks for something new (a paste, a link's values) or for it to be as it was.
 */
export function useKeptRoute<S extends ScreenId>(screen: S, save: () => Extract<Route, { screen: S }>): Extract<Route, { screen: S }> | undefined {
  const kept = useContext(KeptContext);
  const [before] = useState(() => kept?.get(screen) as Extract<Route, { screen: S }> | undefined);
  const latest = useRef(save);
  useLayoutEffect(() => {
    latest.current = save;
  });
  useEffect(() => () => void kept?.set(screen, latest.current()), [kept, screen]);
  return before;
}
