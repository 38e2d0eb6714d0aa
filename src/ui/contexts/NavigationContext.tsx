import { createContext, useContext, useReducer, type Dispatch, type ReactNode } from 'react';
import { BugError } from '../../core/errors.js';
import { initialNavigation, navigationReducer, type NavigationAction, type NavigationState, type Route } from '../navigation.js';

const StateContext = createContext<NavigationState | undefined>(undefined);
const DispatchContext = createContext<Dispatch<NavigationAction> | undefined>(undefined);

export function NavigationProvider({ initial, children }: { initial: readonly Route[]; children: ReactNode }) {
  const [state, dispatch] = useReducer(navigationReducer, initial, initialNavigation);
  return (
    <DispatchContext.Provider value={dispatch}>
      <StateContext.Provider value={state}>{children}</StateContext.Provider>
    </DispatchContext.Provider>
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
