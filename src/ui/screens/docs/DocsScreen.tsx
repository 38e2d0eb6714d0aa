import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { LOCALES, type Locale } from '../../../core/knowledge/types.js';
import { ScreenFrame, useFrame } from '../../components/ScreenFrame.js';
import { SelectList, firstSelectable, type ListItem } from '../../components/SelectList.js';
import { StatusLine } from '../../components/StatusLine.js';
import { useNavigate } from '../../contexts/NavigationContext.js';
import { usePlatform } from '../../contexts/PlatformContext.js';
import { useSettings } from '../../contexts/SettingsContext.js';
import { createTopicSearch, MAX_SEARCH_QUERY } from '../../../core/knowledge/topic-search.js';
import { useKeymap } from '../../hooks/use-keymap.js';
import { useScreenReducer } from '../../hooks/use-screen-reducer.js';
import { moveSelection } from '../../hooks/use-selection-list.js';
import { bufferOf, editText, type TextBuffer } from '../../text/text-buffer.js';
import { FieldText } from '../../components/FieldText.js';
import { useFullText } from '../../components/FullText.js';
import { useT } from '../../hooks/use-t.js';
import { LANGUAGE_NAME } from '../../i18n.js';
import { Command, SCREEN_SCOPES } from '../../keys.js';
import type { Route } from '../../navigation.js';
import { displayWidth } from '../../../core/text/display-width.js';
import { truncateWidth, wrapAnsiText } from '../../../core/text/wrap-ansi.js';
import { browseItems, topicItem } from './items.js';
import { footerHints } from '../../footers.js';

const BROWSE_HINTS = footerHints('docs');
const SEARCH_HINTS = footerHints('docsSearch');
const PREVIEW_ROWS = 3;

interface DocsState {
  locale: Locale;
  query: TextBuffer;
  searching: boolean;
  selected: number | undefined;
}
type DocsAction = { type: 'query'; query: TextBuffer } | { type: 'search'; on: boolean } | { type: 'select'; selected: number } | { type: 'locale' };

function docsReducer(s: DocsState, a: DocsAction): DocsState {
  switch (a.type) {
    case 'query':
      return { ...s, query: a.query, selected: undefined };
    case 'search':
      // `/` starts a new search; leaving it clears the query.
      return { ...s, searching: a.on, query: bufferOf(''), selected: a.on ? undefined : s.selected };
    case 'select':
      return { ...s, selected: a.selected };
    case 'locale':
      return { ...s, locale: LOCALES[(LOCALES.indexOf(s.locale) + 1) % LOCALES.length] ?? 'en' };
  }
}

export function DocsScreen({ route }: { route: Extract<Route, { screen: 'docs' }> }) {
  const t = useT();
  const navigate = useNavigate();
  const { knowledge: kb } = usePlatform();
  const { knowledgeLocale } = useSettings();
  const search = useMemo(() => createTopicSearch(kb), [kb]);
  const listFor = (q: string, l: Locale): { items: ListItem[]; found: boolean } =>
    q.trim() ? { items: search.search(q).map((topic) => topicItem(kb, topic, l, t)), found: true } : { items: browseItems(kb, l, t), found: false };
  const [state, dispatch, get] = useScreenReducer(docsReducer, () => ({ locale: route.locale ?? knowledgeLocale, query: bufferOf(route.query ?? ''), searching: false, selected: route.selected }));
  const { locale, searching } = state;
  const query = state.query.text;
  const list = useMemo(() => listFor(query, locale), [search, kb, query, locale, t]);
  const { items } = list;
  const fix = (its: readonly ListItem[], i: number | undefined) => (i === undefined || its[i]?.header || i >= its.length ? firstSelectable(its) : i);
  const current = fix(items, state.selected);
  const hints = searching ? SEARCH_HINTS : BROWSE_HINTS;
  const frame = useFrame(hints, searching ? SCREEN_SCOPES.docsSearch : SCREEN_SCOPES.docs);

  const full = useFullText();
  useKeymap(
    (command, typed) => {
      if (!get().searching && full.handle(command, items.length > 0)) return true;
      // The list of the state the last key left (a burst may have typed a query a moment ago).
      const now = get();
      const its = now.query.text === query && now.locale === locale ? items : listFor(now.query.text, now.locale).items;
      const at = fix(its, now.selected);
      const move = (c: Command) => {
        const next = moveSelection(at, c, { count: its.length, skip: (i) => Boolean(its[i]?.header) });
        if (next === undefined) return false;
        dispatch({ type: 'select', selected: next });
        return true;
      };
      const open = () => {
        const item = its[at];
        // Back from the topic lands on it in the whole list: the search is over.
        const whole = browseItems(kb, now.locale, t).findIndex((i) => i.key === item?.key);
        if (item && !item.header)
          navigate({ type: 'open', route: { screen: 'topic', topicId: item.key, locale: now.locale }, save: { selected: whole >= 0 ? whole : 0, query: '', locale: now.locale } });
      };
      if (now.searching) {
        // A paste longer than a search holds, or of several lines, is an error to diagnose, as on every other screen
        // (found by a new-user helper: it was cut to 64 characters of boilerplate and searched); the search is left.
        if (command === Command.Paste && typed && (typed.trim().length > MAX_SEARCH_QUERY || typed.trim().includes('\n'))) {
          dispatch({ type: 'search', on: false });
          return false;
        }
        // The field holds what is searched and no more, so a long paste costs one bounded search.
        const edited = editText(now.query, command, typed, { maxLength: MAX_SEARCH_QUERY });
        if (edited) dispatch({ type: 'query', query: edited });
        else if (command === Command.Back) dispatch({ type: 'search', on: false });
        else if (command === Command.Confirm) {
          dispatch({ type: 'search', on: false });
          open();
        } else if (command === Command.Up || command === Command.Down) move(command);
        else return false;
        return true;
      }
      switch (command) {
        case Command.Confirm:
          open();
          return true;
        case Command.Search:
          dispatch({ type: 'search', on: true });
          return true;
        case Command.CycleLanguage:
          dispatch({ type: 'locale' });
          return true;
        case Command.Back:
          if (!now.query.text) return false;
          dispatch({ type: 'query', query: bufferOf('') });
          return true;
        default:
          return move(command);
      }
    },
    { text: () => get().searching, scopes: () => (get().searching ? SCREEN_SCOPES.docsSearch : SCREEN_SCOPES.docs) },
  );

  const { theme } = frame;
  const topic = kb.topics.find((x) => x.id === items[current]?.key);
  const previewRows = full.open ? Math.max(PREVIEW_ROWS, frame.bodyRows - 8) : PREVIEW_ROWS;
  const wholeTitle = full.open && topic ? wrapAnsiText(topic.title[locale] ?? topic.title.en, frame.columns) : [];
  const preview = topic ? [...wholeTitle, ...wrapAnsiText(topic.summary[locale] ?? topic.summary.en, frame.columns)].slice(0, previewRows) : [];
  const showSearch = searching || query !== '';
  const listRows = Math.max(3, frame.bodyRows - 1 - (showSearch ? 1 : 0) - 1 - previewRows);
  const prompt = t('docs.search.prompt');
  const note = truncateWidth(query ? t('docs.search.count', { count: items.length }) : t('docs.search.placeholder'), Math.floor(frame.columns / 2));
  return (
    <ScreenFrame frame={frame} title={t('docs.title')} status={t('docs.language', { language: t(LANGUAGE_NAME[locale]) })} hints={hints}>
      {showSearch && (
        <Text wrap="truncate-end">
          <Text bold={theme.bold} color={theme.text.accent}>
            {prompt}
          </Text>{' '}
          <FieldText buffer={state.query} focused={searching} width={Math.max(4, frame.columns - displayWidth(prompt) - displayWidth(note) - 5)} theme={theme} />
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
