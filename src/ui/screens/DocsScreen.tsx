import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { LOCALES, type Locale } from '../../core/knowledge/types.js';
import type { KeyHint } from '../components/KeyHints.js';
import { ScreenFrame, useFrame } from '../components/ScreenFrame.js';
import { SelectList, firstSelectable, stepSelectable, type ListItem } from '../components/SelectList.js';
import { StatusLine } from '../components/StatusLine.js';
import { useNavigate } from '../contexts/NavigationContext.js';
import { usePlatform } from '../contexts/PlatformContext.js';
import { useSettings } from '../contexts/SettingsContext.js';
import { createTopicSearch, MAX_SEARCH_QUERY } from '../docs/topic-search.js';
import { useKeymap } from '../hooks/use-keymap.js';
import { useSyncedState } from '../hooks/use-synced-state.js';
import { useT } from '../hooks/use-t.js';
import { LANGUAGE_NAME } from '../i18n.js';
import { Command, KEY_LABELS } from '../keys.js';
import type { Route } from '../navigation.js';
import { displayWidth } from '../../core/text/display-width.js';
import { truncateWidth, wrapAnsiText } from '../text/wrap-ansi.js';
import { browseItems, topicItem } from './docs-items.js';
import { safeText } from '../text/safe-text.js';

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
  const [locale, setLocale, localeRef] = useSyncedState<Locale>(route.locale ?? knowledgeLocale);
  const [query, setQuery, queryRef] = useSyncedState(route.query ?? '');
  const [searching, setSearching, searchingRef] = useSyncedState(false);
  const search = useMemo(() => createTopicSearch(kb), [kb]);
  const listFor = (q: string, l: Locale): { items: ListItem[]; found: boolean } =>
    q.trim() ? { items: search.search(q).map((topic) => topicItem(kb, topic, l, t)), found: true } : { items: browseItems(kb, l, t), found: false };
  const list = useMemo(() => listFor(query, locale), [search, kb, query, locale, t]);
  const { items } = list;
  const [selected, setSelected, selectedRef] = useSyncedState(() => route.selected ?? firstSelectable(items));
  const fix = (its: readonly ListItem[], i: number) => (its[i]?.header || i >= its.length ? firstSelectable(its) : i);
  const current = fix(items, selected);
  const hints = searching ? SEARCH_HINTS : BROWSE_HINTS;
  const frame = useFrame(hints);

  useKeymap(
    (command, typed) => {
      // Keys can outrun rendering; work on the latest query, language and selection.
      const q = queryRef.current;
      const its = q === query && localeRef.current === locale ? items : listFor(q, localeRef.current).items;
      const at = fix(its, selectedRef.current);
      const move = (delta: number) => setSelected(stepSelectable(its, at, delta));
      const setSearch = (next: string) => {
        setQuery(next);
        setSelected(0);
      };
      const open = () => {
        const item = its[at];
        if (item && !item.header)
          navigate({ type: 'open', route: { screen: 'topic', topicId: item.key, locale: localeRef.current }, save: { selected: at, query: q, locale: localeRef.current } });
      };
      if (searchingRef.current) {
        // The field holds what is searched and no more, so a long paste costs one bounded search.
        if (command === Command.Insert || command === Command.Paste) setSearch(Array.from(q + (typed ?? '').replace(/\s+/g, ' ')).slice(0, MAX_SEARCH_QUERY).join(''));
        else if (command === Command.Backspace) setSearch(q.slice(0, -1));
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
          move(command === Command.First ? -its.length : its.length);
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
          if (!q) return false;
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
  const prompt = t('docs.search.prompt');
  const note = truncateWidth(query ? t('docs.search.count', { count: items.length }) : t('docs.search.placeholder'), Math.floor(frame.columns / 2));
  const shownQuery = truncateWidth(safeText(query), frame.columns - displayWidth(prompt) - displayWidth(note) - 5);
  return (
    <ScreenFrame frame={frame} title={t('docs.title')} status={t('docs.language', { language: t(LANGUAGE_NAME[locale]) })} hints={hints}>
      {showSearch && (
        <Text wrap="truncate-end">
          <Text bold={theme.bold} color={theme.text.accent}>
            {prompt}
          </Text>{' '}
          {shownQuery}
          {searching ? '█' : ' '}
          <Text color={theme.text.secondary}>
            {'  '}
            {note}
          </Text>
        </Text>
      )}
      <Box flexDirection="column" marginTop={1}>
        {kb.topics.length === 0 && <StatusLine kind="info" text={t('docs.empty')} theme={theme} />}
        {list.found && items.length === 0 && <StatusLine kind="info" text={t('docs.search.none', { query })} theme={theme} />}
        <SelectList items={items} selected={current} height={listRows} width={frame.columns} theme={theme} />
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
