import { Box, Text } from 'ink';
import { LOCALES, type Locale } from '../../../core/knowledge/types.js';
import type { Settings, ThemeName } from '../../../platform/settings.js';
import { ScreenFrame, useFrame } from '../../components/ScreenFrame.js';
import { SelectList, type ListItem } from '../../components/SelectList.js';
import { StatusLine } from '../../components/StatusLine.js';
import { usePlatform } from '../../contexts/PlatformContext.js';
import { useSettings, useSettingsActions } from '../../contexts/SettingsContext.js';
import { useKeymap } from '../../hooks/use-keymap.js';
import { useEffect, useState } from 'react';
import { useSelectionList } from '../../hooks/use-selection-list.js';
import { useT } from '../../hooks/use-t.js';
import { LANGUAGE_NAME, type MessageKey } from '../../i18n.js';
import { Command, SCREEN_SCOPES } from '../../keys.js';
import type { Route } from '../../navigation.js';
import { truncateWidth } from '../../../core/text/wrap-ansi.js';
import { safeText } from '../../text/safe-text.js';
import { THEME_NAMES } from '../../theme.js';
import { footerHints } from '../../footers.js';

const HINTS = footerHints('settings');

const THEME_NAME: Readonly<Record<ThemeName, MessageKey>> = {
  default: 'settings.theme.default',
  'high-contrast': 'settings.theme.highContrast',
  'no-color': 'settings.theme.noColor',
};

/** Each setting's choices, in cycling order; undefined means "not set" (follow the environment / interface). */
const CHOICES = {
  language: [undefined, ...LOCALES],
  knowledgeLanguage: [undefined, ...LOCALES],
  theme: THEME_NAMES,
} as const satisfies { [K in keyof Settings]-?: readonly Settings[K][] };

type Row = keyof typeof CHOICES;
const ROWS: readonly Row[] = ['language', 'knowledgeLanguage', 'theme'];
const LABEL: Readonly<Record<Row, MessageKey>> = { language: 'settings.language', knowledgeLanguage: 'settings.knowledgeLanguage', theme: 'settings.theme' };

function cycle<V>(choices: readonly V[], value: V, delta: number): V {
  const at = choices.indexOf(value);
  return choices[(at + delta + choices.length) % choices.length] as V;
}

export function SettingsScreen({ route }: { route: Extract<Route, { screen: 'settings' }> }) {
  const t = useT();
  const { settings: store } = usePlatform();
  const state = useSettings();
  const { set, refresh } = useSettingsActions();
  // What another open copy saved since this one read the file shows as the screen opens.
  useEffect(() => refresh(), [refresh]);
  const frame = useFrame(HINTS, SCREEN_SCOPES.settings);
  const { selected, get, move } = useSelectionList(route.selected ?? 0);
  const [saved, setSaved] = useState(false);
  const lang = (l: Locale) => t(LANGUAGE_NAME[l]);
  const fromCommandLine = state.runLocale ? t('settings.fromCommandLine', { language: lang(state.runLocale) }) : undefined;
  const valueOf: Record<Row, string> = {
    // --lang decides both languages of the run until one is chosen here (a new-user helper saw Swedish everywhere and
    // "English (from your environment)" on this row).
    language: fromCommandLine ?? (state.settings.language ? lang(state.settings.language) : t('settings.fromEnvironment', { language: lang(state.detectedLocale) })),
    knowledgeLanguage: fromCommandLine ?? (state.settings.knowledgeLanguage ? lang(state.settings.knowledgeLanguage) : t('settings.sameAsInterface', { language: lang(state.uiLocale) })),
    theme: t(THEME_NAME[state.settings.theme]),
  };
  const change = (delta: number) => {
    // Read the store, not the rendered state: two quick presses must cycle twice.
    const now = store.get();
    const row = ROWS[get()] ?? 'language';
    if (row === 'theme') set('theme', cycle(CHOICES.theme, now.theme, delta));
    else set(row, cycle<Locale | undefined>(CHOICES[row], now[row], delta));
    setSaved(true);
  };
  useKeymap((command) => {
    switch (command) {
      case Command.Left:
        change(-1);
        return true;
      case Command.Right:
      case Command.Confirm:
        change(1);
        return true;
      default:
        return move(command, { count: ROWS.length });
    }
  }, { scopes: SCREEN_SCOPES.settings });
  const items: ListItem[] = ROWS.map((row) => ({ key: row, label: t('settings.row', { label: t(LABEL[row]), value: valueOf[row] }) }));
  const { theme } = frame;
  return (
    <ScreenFrame frame={frame} title={t('settings.title')} hints={HINTS}>
      <Box marginY={1}>
        <SelectList items={items} selected={selected} height={ROWS.length} width={frame.columns} theme={theme} />
      </Box>
      {state.noColorForced && <StatusLine kind="info" text={t('settings.noColorForced')} theme={theme} />}
      {saved && !state.problem && <StatusLine kind="success" text={t('settings.saved')} theme={theme} />}
      <Text color={theme.text.secondary} wrap="truncate-end">
        {truncateWidth(t('settings.file', { path: safeText(store.path) }), frame.columns)}
      </Text>
    </ScreenFrame>
  );
}
