import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { LOCALES, type Locale } from '../../core/knowledge/types.js';
import type { KeyHint } from '../components/KeyHints.js';
import { ScreenFrame, useFrame } from '../components/ScreenFrame.js';
import { SelectList, firstSelectable, stepSelectable, type ListItem } from '../components/SelectList.js';
import { StatusLine } from '../components/StatusLine.js';
import { useNavigate } from '../contexts/NavigationContext.js';
import { usePlatform } from '../contexts/PlatformContext.js';
import { useSettings } from '../contexts/SettingsContext.js';
import { createTopicSearch } from '../docs/topic-search.js';
import { useKeymap } from '../hooks/use-keymap.js';
import { useT } from '../hooks/use-t.js';
import { LANGUAGE_NAME } from '../i18n.js';
import { Command, KEY_LABELS } from '../keys.js';
import type { Route } from '../navigation.js';
import { wrapAnsiText } from '../text/wrap-ansi.js';
import { browseItems, topicItem } from './docs-items.js';

const BROWSE_HINTS: readonly KeyHint[] = [
  { keys: KEY_LABELS.move, label: 'keys.move' },
  { keys: KEY_LABELS.enter, label: 'keys.open' },
  { keys: KEY_LABELS.search, label: 'keys.search' },
  { keys: KEY_LABELS.language, label: 'keys.language' },
  { keys: KEY_LABELS.esc, label: 'keys.back' },
  { keys: KEY_LABELS.quit, label: 'keys.quit' },
  { keys: KEY_LABELS.help, label: 'keys.help' },
];
const SEARCH_HINTS: readonly KeyHint[] = [
  { keys: '↑↓', label: 'keys.move' },
  { keys: KEY_LABELS.enter, label: 'keys.open' },
  { keys: KEY_LABELS.esc, label: 'keys.closeSearch' },
  { keys: KEY_LABELS.ctrlC, label: 'keys.exit' },
];
const PREVIEW_ROWS = 3;

export function DocsScreen({ route }: { route: Extract<Route, { screen: 'docs' }> }) {
  const t = useT();
  const navigate = useNavigate();
  const { knowledge: kb } = usePlatform();
  const { knowledgeLocale } = useSettings();
  const [locale, setLocale] = useState<Locale>(route.locale ?? knowledgeLocale);
  const [query, setQuery] = useState(route.query ?? '');
  const [searching, setSearching] = useState(false);
  const search = useMemo(() => createTopicSearch(kb), [kb]);
  const found = useMemo(() => (query.trim() ? search.search(query) : undefined), [search, query]);
  const items: ListItem[] = useMemo(
    () => (found ? found.map((topic) => topicItem(kb, topic, locale, t)) : browseItems(kb, locale, t)),
    [found, kb, locale, t],
  );
  const [selected, setSelected] = useState(() => route.selected ?? firstSelectable(items));
  const current = items[selected]?.header || selected >= items.length ? firstSelectable(items) : selected;
  const hints = searching ? SEARCH_HINTS : BROWSE_HINTS;
  const frame = useFrame(hints);

  const open = () => {
    const item = items[current];
    if (item && !item.header) navigate({ type: 'open', route: { screen: 'topic', topicId: item.key, locale }, save: { selected: current, query, locale } });
  };
  const move = (delta: number) => setSelected(stepSelectable(items, current, delta));
  const setSearch = (q: string) => {
    setQuery(q);
    setSelected(0);
  };
  useKeymap(
    (command, typed) => {
      if (searching) {
        if (command === Command.Insert || command === Command.Paste) setSearch(query + (typed ?? '').replace(/\s+/g, ' '));
        else if (command === Command.Backspace) setSearch(query.slice(0, -1));
        else if (command === Command.ClearText) setSearch('');
        else if (command === Command.Back) {
          setSearching(false);
          setSearch('');
        } else if (command === Command.Confirm) {
          setSearching(false);
          open();
        } else if (command === Command.Up || command === Command.Down) move(command === Command.Up ? -1 : 1);
        else return false;
        return true;
      }
      switch (command) {
        case Command.Up:
        case Command.Down:
          move(command === Command.Up ? -1 : 1);
          return true;
        case Command.PageUp:
        case Command.PageDown:
          move(command === Command.PageUp ? -10 : 10);
          return true;
        case Command.First:
        case Command.Last:
          move(command === Command.First ? -items.length : items.length);
          return true;
        case Command.Confirm:
          open();
          return true;
        case Command.Search:
          setSearching(true);
          return true;
        case Command.CycleLanguage:
          setLocale((l) => LOCALES[(LOCALES.indexOf(l) + 1) % LOCALES.length] ?? 'en');
          return true;
        case Command.Back:
          if (!query) return false;
          setSearch('');
          return true;
        default:
          return false;
      }
    },
    { text: searching },
  );

  const { theme } = frame;
  const topic = kb.topics.find((x) => x.id === items[current]?.key);
  const preview = topic ? wrapAnsiText(topic.summary[locale] ?? topic.summary.en, frame.columns).slice(0, PREVIEW_ROWS) : [];
  const showSearch = searching || query !== '';
  const listRows = Math.max(3, frame.bodyRows - 1 - (showSearch ? 1 : 0) - 1 - PREVIEW_ROWS);
  return (
    <ScreenFrame frame={frame} title={t('docs.title')} status={t('docs.language', { language: t(LANGUAGE_NAME[locale]) })} hints={hints}>
      {showSearch && (
        <Text wrap="truncate-end">
          <Text bold={theme.bold} color={theme.text.accent}>
            {t('docs.search.prompt')}
          </Text>{' '}
          {query || (searching ? '' : ' ')}
          {searching ? '█' : ''}
          <Text color={theme.text.secondary}>
            {'  '}
            {query ? t('docs.search.count', { count: items.length }) : t('docs.search.placeholder')}
          </Text>
        </Text>
      )}
      <Box flexDirection="column" marginTop={1}>
        {kb.topics.length === 0 && <StatusLine kind="info" text={t('docs.empty')} theme={theme} />}
        {found && found.length === 0 && <StatusLine kind="info" text={t('docs.search.none', { query })} theme={theme} />}
        <SelectList items={items} selected={current} height={listRows} theme={theme} />
      </Box>
      <Box flexDirection="column" marginTop={1}>
        {preview.map((line, i) => (
          <Text key={i} color={theme.text.secondary} wrap="truncate-end">
            {line}
          </Text>
        ))}
      </Box>
    </ScreenFrame>
  );
}
