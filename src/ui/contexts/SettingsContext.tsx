import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { BugError } from '../../core/errors.js';
import type { Locale } from '../../core/knowledge/types.js';
import type { Settings, SettingsProblem } from '../../platform/settings.js';
import { resolveTheme, type Theme } from '../theme.js';
import { usePlatform } from './PlatformContext.js';

/** Settings as stored, plus what follows from them and the environment. */
export interface SettingsState {
  settings: Settings;
  /** The interface language: the setting, else the environment's, else English. */
  uiLocale: Locale;
  /** The language topics are shown in: its own setting, else the interface language. */
  knowledgeLocale: Locale;
  /** What the environment asks for (shown when the user has not chosen). */
  detectedLocale: Locale;
  /** --lang of the command line, while no language was chosen in Settings: both languages of this run. */
  runLocale?: Locale;
  /** Supported languages the environment prefers, in order (for topic fallback). */
  preferredLocales: Locale[];
  theme: Theme;
  /** NO_COLOR or --no-color overrides the theme setting. */
  noColorForced: boolean;
  /** A problem with the settings file, to report once. */
  problem?: SettingsProblem;
}

export interface SettingsActions {
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
  dismissProblem(): void;
  /** Takes what another open copy saved (the Settings screen asks when it opens). */
  refresh(): void;
}

const StateContext = createContext<SettingsState | undefined>(undefined);
const ActionsContext = createContext<SettingsActions | undefined>(undefined);

/**
 * `lang`: --lang of the command line, the language of the interface and of the knowledge for this run (not saved);
 * choosing a language in Settings replaces it.
 */
export function SettingsProvider({ noColor = false, lang, children }: { noColor?: boolean; lang?: Locale; children: ReactNode }) {
  const platform = usePlatform();
  const [settings, setSettings] = useState(() => platform.settings.get());
  const [runLocale, setRunLocale] = useState<Locale | undefined>(lang);
  const [problem, setProblem] = useState(() => platform.settings.takeProblem());
  const preferred = useMemo(() => platform.preferredLocales(), [platform]);
  const state = useMemo<SettingsState>(() => {
    const detectedLocale = preferred[0] ?? 'en';
    const uiLocale = runLocale ?? settings.language ?? detectedLocale;
    const theme = resolveTheme(settings.theme, platform.env, noColor);
    return {
      settings,
      uiLocale,
      knowledgeLocale: runLocale ?? settings.knowledgeLanguage ?? uiLocale,
      detectedLocale,
      ...(runLocale ? { runLocale } : {}),
      preferredLocales: preferred,
      theme,
      noColorForced: theme.name === 'no-color' && settings.theme !== 'no-color',
      ...(problem ? { problem } : {}),
    };
  }, [settings, preferred, platform, noColor, problem, runLocale]);
  const set = useCallback<SettingsActions['set']>(
    (key, value) => {
      if (key === 'language' || key === 'knowledgeLanguage') setRunLocale(undefined);
      platform.settings.set(key, value);
      setSettings(platform.settings.get());
      // The file is written in the background; a failure shows up as a notice.
      void platform.settings.flush().then(() => {
        const p = platform.settings.takeProblem();
        if (p) setProblem(p);
        // A save takes what another copy saved meanwhile: shown here too (found by a tester: the screen kept the old value).
        setSettings(platform.settings.get());
      });
    },
    [platform],
  );
  const refresh = useCallback(() => {
    platform.settings.reload?.();
    setSettings(platform.settings.get());
  }, [platform]);
  const actions = useMemo<SettingsActions>(() => ({ set, dismissProblem: () => setProblem(undefined), refresh }), [set, refresh]);
  return (
    <ActionsContext.Provider value={actions}>
      <StateContext.Provider value={state}>{children}</StateContext.Provider>
    </ActionsContext.Provider>
  );
}

export function useSettings(): SettingsState {
  const s = useContext(StateContext);
  if (!s) throw new BugError('useSettings() used outside <SettingsProvider>');
  return s;
}

export function useSettingsActions(): SettingsActions {
  const a = useContext(ActionsContext);
  if (!a) throw new BugError('useSettingsActions() used outside <SettingsProvider>');
  return a;
}
