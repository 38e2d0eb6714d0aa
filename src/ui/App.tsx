import type { Locale } from '../core/knowledge/types.js';
import { Box, useApp } from 'ink';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Platform } from '../platform/platform.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { ErrorPanel } from './components/ErrorPanel.js';
import { SettingsNoticeScope } from './components/ScreenFrame.js';
import { InputProvider } from './contexts/InputContext.js';
import { I18nProvider } from './contexts/I18nContext.js';
import { NavigationProvider, useNavigate, useNavigationState } from './contexts/NavigationContext.js';
import { PlatformProvider, type DiagnoseFn } from './contexts/PlatformContext.js';
import { SettingsProvider, useSettings, useSettingsActions } from './contexts/SettingsContext.js';
import { useKeymap } from './hooks/use-keymap.js';
import { useRedrawOnResize } from './hooks/use-redraw-on-resize.js';
import { TerminalSizeOverride, type TerminalSize } from './hooks/use-terminal-size.js';
import { Command, isDeliberate } from './keys.js';
import { currentRoute, type Route } from './navigation.js';
import { DiagnoseScreen } from './screens/diagnose/DiagnoseScreen.js';
import { DocsScreen } from './screens/docs/DocsScreen.js';
import { FixRunnerScreen } from './screens/fix/FixRunnerScreen.js';
import { HomeScreen } from './screens/home/HomeScreen.js';
import { SettingsScreen } from './screens/settings/SettingsScreen.js';
import { TreeScreen } from './screens/tree/TreeScreen.js';
import { NetworkWizardScreen } from './screens/network/NetworkWizardScreen.js';
import { CompatScreen } from './screens/compat/CompatScreen.js';
import { TopicScreen } from './screens/topic/TopicScreen.js';
import { HistoryScreen } from './screens/history/HistoryScreen.js';
import { CheckScreen } from './screens/check/CheckScreen.js';
import { EndingContext } from './contexts/EndingContext.js';
import type { InterruptSignal } from '../core/signals.js';

export interface ProvidersProps {
  platform: Platform;
  diagnose: DiagnoseFn;
  /** Routes to start with, bottom first; home is put under them when missing. */
  initial?: readonly Route[];
  /** --no-color: the no-color theme whatever the setting. */
  noColor?: boolean;
  /** --lang: the language of this run, until one is chosen in Settings. */
  lang?: Locale;
  /** Fixes the terminal size (tests); otherwise it is read from stdout. */
  size?: Partial<TerminalSize>;
  /** How long a lone key after a paste or burst still belongs to it (InputProvider); tests that type faster than a person set 0. */
  afterBulkMs?: number;
  quietMs?: number;
  /** How long a paste without its end marker waits for more of itself (InputProvider's PASTE_IDLE_MS). */
  pasteIdleMs?: number;
  children: ReactNode;
}

/** Every context the screens need, in dependency order. */
export function Providers({ platform, diagnose, initial = [{ screen: 'home' }], noColor, lang, size, afterBulkMs, quietMs, pasteIdleMs, children }: ProvidersProps) {
  return (
    <TerminalSizeOverride.Provider value={size}>
      <PlatformProvider platform={platform} diagnose={diagnose}>
        <SettingsProvider noColor={noColor ?? false} {...(lang ? { lang } : {})}>
          <I18nProvider>
            <NavigationProvider initial={initial}>
              <InputProvider {...(afterBulkMs !== undefined ? { afterBulkMs } : {})} {...(quietMs !== undefined ? { quietMs } : {})} {...(pasteIdleMs !== undefined ? { pasteIdleMs } : {})}>{children}</InputProvider>
            </NavigationProvider>
          </I18nProvider>
        </SettingsProvider>
      </PlatformProvider>
    </TerminalSizeOverride.Provider>
  );
}

/** Keys that work on every screen unless the screen used them: quit, help, back, and paste-to-diagnose. */
function GlobalKeys() {
  const navigate = useNavigate();
  const state = useNavigationState();
  useKeymap(
    (command, text, event) => {
      // Quitting takes a q pressed on its own: a q among other characters of one read (text pasted where the terminal
      // marks no pastes, a burst typed by a tool) is never a request to end the session.
      if (command === Command.Quit) {
        if (!event || isDeliberate(event)) navigate({ type: 'quit' });
      } else if (command === Command.Interrupt) navigate({ type: 'quit', interrupted: true });
      else if (command === Command.Home) navigate({ type: 'home' });
      else if (command === Command.Help) navigate({ type: 'toggle-help' });
      else if (command === Command.Back) navigate({ type: 'back' });
      else if (command === Command.Paste && text && currentRoute(state).screen !== 'diagnose') navigate({ type: 'open', route: { screen: 'diagnose', text } });
      else return false;
      return true;
    },
    { priority: -10 },
  );
  return null;
}

/** Clears and redraws the whole app when the terminal is resized. */
function RedrawOnResize() {
  useRedrawOnResize();
  return null;
}

/** The one place that ends the app: once quitting is set and the last frame is drawn. */
function ExitWhenQuitting({ onQuit }: { onQuit?: QuitHandler | undefined }) {
  const { quitting, interrupted } = useNavigationState();
  const { exit } = useApp();
  useEffect(() => {
    if (!quitting) return;
    onQuit?.({ interrupted: interrupted === true });
    exit();
  }, [quitting, interrupted, exit, onQuit]);
  return null;
}

/** Shows the screen for the current route. */
function Router() {
  const state = useNavigationState();
  const { problem } = useSettings();
  const { dismissProblem } = useSettingsActions();
  // The settings notice belongs to the screen where its problem came up (the first screen for a problem found at
  // start, the Settings screen for a change that could not be saved) and is shown until the user moves on.
  const [shownAt, setShownAt] = useState(state.stack);
  const seen = useRef(problem);
  useEffect(() => {
    if (problem !== seen.current) {
      seen.current = problem;
      if (problem) {
        setShownAt(state.stack);
        return;
      }
    }
    if (problem && state.stack !== shownAt) dismissProblem();
  }, [state.stack, problem, shownAt, dismissProblem]);
  const route = currentRoute(state);
  return <SettingsNoticeScope.Provider value={state.stack === shownAt}>{screenFor(route, `${state.stack.length}:${route.screen}`)}</SettingsNoticeScope.Provider>;
}

/** The screen component for a route. */
function screenFor(route: Route, key: string): ReactNode {
  switch (route.screen) {
    case 'home':
      return <HomeScreen key={key} route={route} />;
    case 'diagnose':
      return <DiagnoseScreen key={key} route={route} />;
    case 'topic':
      return <TopicScreen key={key} route={route} />;
    case 'docs':
      return <DocsScreen key={key} route={route} />;
    case 'settings':
      return <SettingsScreen key={key} route={route} />;
    case 'fix':
      return <FixRunnerScreen key={key} route={route} />;
    case 'tree':
      return <TreeScreen key={key} route={route} />;
    case 'network':
      return <NetworkWizardScreen key={key} route={route} />;
    case 'compat':
      return <CompatScreen key={key} route={route} />;
    case 'history':
      return <HistoryScreen key={key} route={route} />;
    case 'check':
      return <CheckScreen key={key} route={route} />;
  }
}

function CrashPanel({ error }: { error: unknown }) {
  const { theme } = useSettings();
  return <ErrorPanel error={error} theme={theme} />;
}

/** The app inside its providers: global keys, the exit, and the current screen. */
export function AppBody({ onQuit }: { onQuit?: QuitHandler }) {
  return (
    <Box flexDirection="column">
      <GlobalKeys />
      <RedrawOnResize />
      <ExitWhenQuitting onQuit={onQuit} />
      <ErrorBoundary fallback={(error) => <CrashPanel error={error} />}>
        <Router />
      </ErrorBoundary>
    </Box>
  );
}

/** Hears how the app ended: `interrupted` on Ctrl+C. */
export type QuitHandler = (how: { interrupted: boolean }) => void;

/** `endingBy`: the signal the app is closing on, for its last frame (EndingContext). */
export type AppProps = Omit<ProvidersProps, 'children'> & { onQuit?: QuitHandler; endingBy?: InterruptSignal | undefined };

/** The interactive app. */
export function App({ onQuit, endingBy, ...props }: AppProps) {
  return (
    <Providers {...props}>
      <EndingContext.Provider value={endingBy}>
        <AppBody {...(onQuit ? { onQuit } : {})} />
      </EndingContext.Provider>
    </Providers>
  );
}
