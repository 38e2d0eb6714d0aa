import type { Entities } from '../core/diagnosis/types.js';
import type { HostInfo, ImageInfo } from '../core/compat/types.js';
import type { HostReport } from '../core/check/evaluate.js';
import type { FactsFileEnd } from '../platform/facts-file.js';
import type { Fix, Locale } from '../core/knowledge/types.js';
import type { WizardState } from '../core/network/wizard-reducer.js';
import type { TreeState } from '../core/trees/step-tree.js';

/** Where the user is. Each screen keeps what it needs to come back to the same place. */
export type Route =
  | { screen: 'home'; selected?: number }
  | { screen: 'diagnose'; text: string; selected?: number; focus?: 'input' | 'results' }
  /** `text` is the paste the topic was diagnosed from (for links that read more of it). */
  | { screen: 'topic'; topicId: string; locale?: Locale; entities?: Entities; text?: string; selectedFix?: number }
  /**
   * One fix of a topic: fill its placeholders (from `entities` first), confirm, run. `inline` is a fix built
   * elsewhere (the network wizard's command) with its values filled, run as one of the topic's own.
   */
  /**
   * `prefilledBy`: where `entities` came from, as the form says it (the paste, unless the version check gave them);
   * `pasted`: of the version check's, the entities that are still what the paste gave its fields (the others the user
   * typed there).
   */
  | { screen: 'fix'; topicId: string; fixId: string; entities?: Entities; inline?: InlineFix; prefilledBy?: 'paste' | 'compat'; pasted?: readonly string[] }
  | { screen: 'docs'; selected?: number; query?: string; locale?: Locale }
  | { screen: 'settings'; selected?: number }
  /** The audit log of fixes run, refused and cancelled, newest first. */
  | { screen: 'history'; selected?: number }
  /** Without `treeId` the list of trees; `walk` keeps the path when the user comes back from a topic. */
  | { screen: 'tree'; treeId?: string; entities?: Entities; selected?: number; walk?: TreeState }
  | { screen: 'network'; entities?: Entities; wizard?: WizardState }
  /** `hints` is what a diagnosed paste revealed; it stands for the prefilled text until that is edited. */
  | {
      screen: 'compat';
      host?: string;
      image?: string;
      hints?: { host?: HostInfo; image?: ImageInfo };
      /** Where the report was scrolled to, kept while a fix opened from it is open. */
      offset?: number;
      /** Text was pasted into the image field since it was last empty: its images are the paste's, not typed. */
      imagePasted?: boolean;
    }
  /**
   * The host check: without `way` the choice of how; `host` collects here, `paste` reads collected output (`text`,
   * or the file `file` names, with what its check gave). What was found (`report`, `file`, `cursor`, `focus`) is kept
   * for coming back from a topic: a fleet file of thousands of hosts takes seconds to read again.
   */
  | { screen: 'check'; way?: 'host' | 'paste'; selected?: number; text?: string; file?: CheckedFile; focus?: 'input' | 'results'; report?: HostReport; cursor?: { selected: number; host?: number } };

/** A collected file the check screen read: its path, the field's text then, and what its check gave. */
export interface CheckedFile {
  /** The file's path; for a large paste checked like a file (`pasted`), how the screen names it. */
  path: string;
  /** A large pasted text, checked off the app's thread as a file is, not a file. */
  pasted?: true;
  /** The field's text when the file was read; editing the field leaves the file. */
  from: string;
  end: Exclude<FactsFileEnd, { kind: 'cancelled' }>;
}

export type ScreenId = Route['screen'];

/** A fix that is not in the knowledge base, with every placeholder's value; the runner plans it like a declared one. */
export interface InlineFix {
  fix: Fix;
  values: Record<string, string>;
}

/** The navigation state: a stack of routes (the last is shown), the help overlay, and quitting. */
export interface NavigationState {
  stack: [Route, ...Route[]];
  help: boolean;
  quitting: boolean;
  /** The app is ending on Ctrl+C (the CLI exits 130), not on q. */
  interrupted?: boolean;
}

export type NavigationAction =
  /** Opens a route on top; `save` first updates the route being left, so Back restores it. */
  | { type: 'open'; route: Route; save?: Partial<Route> }
  | { type: 'back' }
  /** Updates the current route in place (e.g. the language shown). */
  | { type: 'update'; patch: Partial<Route> }
  | { type: 'toggle-help' }
  /** Back to the first route (home), keeping what it saved. */
  | { type: 'home' }
  | { type: 'quit'; interrupted?: boolean };

/** The state the app starts in: the given routes, with home beneath them when it is not first. */
export function initialNavigation(routes: readonly Route[]): NavigationState {
  const stack: NavigationState['stack'] = routes[0]?.screen === 'home' ? [routes[0], ...routes.slice(1)] : [{ screen: 'home' }, ...routes];
  return { stack, help: false, quitting: false };
}

/** The route being shown. */
export const currentRoute = (s: NavigationState): Route => s.stack[s.stack.length - 1] ?? s.stack[0];

function patchTop(stack: NavigationState['stack'], patch: Partial<Route>): NavigationState['stack'] {
  const top = { ...(stack[stack.length - 1] ?? stack[0]), ...patch } as Route;
  const [first, ...rest] = stack.slice(0, -1);
  return first ? [first, ...rest, top] : [top];
}

/** Navigation as a reducer; Back on the last route does nothing (q quits). */
export function navigationReducer(state: NavigationState, action: NavigationAction): NavigationState {
  switch (action.type) {
    case 'open': {
      const stack = action.save ? patchTop(state.stack, action.save) : state.stack;
      return { ...state, help: false, stack: [...stack, action.route] };
    }
    case 'back':
      if (state.help) return { ...state, help: false };
      if (state.stack.length < 2) return state;
      return { ...state, stack: state.stack.slice(0, -1) as NavigationState['stack'] };
    case 'update':
      return { ...state, stack: patchTop(state.stack, action.patch) };
    case 'toggle-help':
      return { ...state, help: !state.help };
    case 'home':
      return { ...state, help: false, stack: [state.stack[0]] };
    case 'quit':
      return { ...state, quitting: true, ...(action.interrupted ? { interrupted: true } : {}) };
  }
}
