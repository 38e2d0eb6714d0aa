import { Box, Text } from 'ink';
import { useEffect, useRef } from 'react';
import { ScreenFrame, useFrame } from '../../components/ScreenFrame.js';
import { ScrollView, maxOffset } from '../../components/ScrollView.js';
import { StatusLine } from '../../components/StatusLine.js';
import { useNavigate } from '../../contexts/NavigationContext.js';
import { usePlatform } from '../../contexts/PlatformContext.js';
import { useSettings } from '../../contexts/SettingsContext.js';
import { useKeymap } from '../../hooks/use-keymap.js';
import { useScreenReducer } from '../../hooks/use-screen-reducer.js';
import { useMarkdownLines } from '../../hooks/use-markdown.js';
import { useT } from '../../hooks/use-t.js';
import { LANGUAGE_IN_TEXT, LANGUAGE_NAME } from '../../i18n.js';
import { Command, SCREEN_SCOPES } from '../../keys.js';
import type { Route } from '../../navigation.js';
import { truncateWidth, wrapAnsiText } from '../../../core/text/wrap-ansi.js';
import { safeText } from '../../text/safe-text.js';
import { findTopic, resolveTopicText, sectionsMarkdown, sectionsWithOriginals } from '../../../core/knowledge/topic-text.js';
import { buildTopicLines } from './lines.js';
import { topicLinks } from './links.js';
import { footerHints } from '../../footers.js';
import { initTopicView, topicViewReducer } from './reducer.js';

const HINTS = footerHints('topic');
/** Shown first when the topic has fixes: choose one and open it in the fix runner. */
const FIX_HINTS = footerHints('topicFixes', 'topic');

/** Whether a fix's first two lines (its title and command), from line `at`, are not all within the view from `top`. */
/** The keys a topic reads: its own and those of every part (a letter of a part the topic lacks does nothing). */
const TOPIC_KEYS = [...SCREEN_SCOPES.topic, ...SCREEN_SCOPES.topicFixesPart, ...SCREEN_SCOPES.topicOriginalPart, ...SCREEN_SCOPES.linkCompatPart, ...SCREEN_SCOPES.linkTreePart];

const outOfView = (at: number, top: number, height: number): boolean => at < top || at + 2 > top + height;

export function TopicScreen({ route }: { route: Extract<Route, { screen: 'topic' }> }) {
  const t = useT();
  const navigate = useNavigate();
  const { knowledge } = usePlatform();
  const { knowledgeLocale, preferredLocales } = useSettings();
  const topic = findTopic(knowledge, route.topicId);
  const links = topicLinks(knowledge, route.topicId, { ...(route.entities ? { entities: route.entities } : {}), ...(route.text ? { text: route.text } : {}) });
  const view = topic ? resolveTopicText(knowledge, topic, route.locale ?? knowledgeLocale, preferredLocales) : undefined;
  const hints = [...(topic?.fixes.length ? FIX_HINTS : HINTS), ...(view?.translatedFrom ? footerHints('topicOriginal') : []), ...links.hints];
  // The help names the parts this topic has: no f without fixes, no o without a translation, no v or t without the link.
  const scopes = [...SCREEN_SCOPES.topic, ...(topic?.fixes.length ? SCREEN_SCOPES.topicFixesPart : []), ...(view?.translatedFrom ? SCREEN_SCOPES.topicOriginalPart : []), ...links.scopes];
  const frame = useFrame(hints, scopes);
  const { theme, columns } = frame;
  const [view0, dispatch, getView] = useScreenReducer(topicViewReducer, () => initTopicView(route.selectedFix));
  const { offset, selectedFix, showOriginal } = view0;
  // `o` shows the source text beside our translation (each translated section followed by its original).
  const withOriginal = Boolean(showOriginal && view?.translatedFrom);
  const body = !view ? '' : withOriginal ? sectionsWithOriginals(view, (src) => t('topic.original', { language: t(LANGUAGE_IN_TEXT[src.locale]), heading: src.heading })) : sectionsMarkdown(view.sections);
  const markdown = useMarkdownLines(body, columns, theme.name !== 'no-color');
  const { lines, fixAt } = view ? buildTopicLines(view, markdown, route.entities, t, columns, selectedFix) : { lines: [], fixAt: [] };
  // The title whole (wrapped, up to three lines), never cut with an ellipsis.
  const titleLines = view ? wrapAnsiText(safeText(view.title), columns).slice(0, 3) : [];
  const fixedRows = 1 + Math.max(1, titleLines.length) + (view?.fallback ? 1 : 0);
  const height = Math.max(3, frame.bodyRows - fixedRows);
  const top = Math.min(offset, maxOffset(lines.length, height));
  // When the text reflows (the terminal's width changed), the fix with the cursor stays in view: the scroll is a line
  // number, and after 60 → 100 columns the chosen fix was off the screen (a new-user helper).
  // The check waits for the text rendered at the new width (the renderer is asynchronous: the first render after a
  // change has none, and the fix's line then was the old one's; a regression tester).
  const width = useRef(columns);
  useEffect(() => {
    if (width.current === columns || markdown === undefined) return;
    width.current = columns;
    const now = getView();
    const at = fixAt[now.selectedFix];
    if (!now.fixFocused || at === undefined) return;
    const shownTop = Math.min(now.offset, maxOffset(lines.length, height));
    if (outOfView(at, shownTop, height)) dispatch({ type: 'scroll', to: Math.max(0, at - 1), max: maxOffset(lines.length, height) });
  }, [columns, markdown, fixAt, lines.length, height, getView, dispatch]);

  useKeymap((command) => {
    const page = Math.max(1, height - 1);
    const top = Math.min(getView().offset, maxOffset(lines.length, height));
    const scrollTo = (n: number) => dispatch({ type: 'scroll', to: n, max: maxOffset(lines.length, height) });
    switch (command) {
      case Command.Up:
        scrollTo(top - 1);
        return true;
      case Command.Down:
        scrollTo(top + 1);
        return true;
      case Command.PageUp:
        scrollTo(top - page);
        return true;
      case Command.PageDown:
        scrollTo(top + page);
        return true;
      case Command.First:
        scrollTo(0);
        return true;
      case Command.Last:
        scrollTo(lines.length);
        return true;
      case Command.TopicOriginal: {
        if (!view?.translatedFrom) return false;
        dispatch({ type: 'toggle-original' });
        return true;
      }
      case Command.TopicFixes:
      case Command.FocusNext:
      case Command.FocusPrevious: {
        const count = topic?.fixes.length ?? 0;
        if (!count) return false;
        const next = dispatch({ type: 'step-fix', by: command === Command.TopicFixes ? 0 : command === Command.FocusNext ? 1 : -1, count }).selectedFix;
        // Bring the fix and its command into view.
        const at = fixAt[next] ?? 0;
        if (command === Command.TopicFixes || outOfView(at, top, height)) scrollTo(Math.max(0, at - 1));
        return true;
      }
      case Command.Confirm: {
        const fix = topic?.fixes[getView().selectedFix];
        if (!fix) return false;
        navigate({ type: 'open', route: { screen: 'fix', topicId: route.topicId, fixId: fix.id, ...(route.entities ? { entities: route.entities } : {}) }, save: { selectedFix: getView().selectedFix } });
        return true;
      }
      case Command.CycleLanguage: {
        if (!view?.available.length) return true;
        const at = view.shown ? view.available.indexOf(view.shown) : -1;
        const next = view.available[(at + 1) % view.available.length];
        if (next) navigate({ type: 'update', patch: { locale: next } });
        scrollTo(0);
        return true;
      }
      default: {
        const link = links.routeFor(command);
        if (link) navigate({ type: 'open', route: link });
        return link !== undefined;
      }
    }
  }, { scopes: TOPIC_KEYS });

  // The count waits for the rendered text, so it does not change a moment after the topic opens.
  const position = markdown !== undefined && lines.length > height ? t('topic.position', { from: top + 1, to: Math.min(lines.length, top + height), total: lines.length }) : '';
  return (
    <ScreenFrame frame={frame} title={route.topicId} status={position} hints={hints}>
      {!view ? (
        <StatusLine kind="error" text={t('topic.notFound', { id: route.topicId })} theme={theme} />
      ) : (
        <Box flexDirection="column">
          {titleLines.map((line, i) => (
            <Text key={`title-${i}`} bold={theme.bold}>
              {line}
            </Text>
          ))}
          <Text wrap="truncate-end" color={theme.text.secondary}>
            {truncateWidth(
              (view.available.length ? t('topic.languages', { languages: view.available.map((l) => t(LANGUAGE_NAME[l])).join(t('list.separator')) }) : t('topic.noSource')) +
                (view.shown && !view.fallback ? ` · ${t('topic.showing', { language: t(LANGUAGE_IN_TEXT[view.shown]) })}` : ''),
              columns,
            )}
          </Text>
          {view.fallback && view.shown && (
            <StatusLine
              kind="warning"
              wrap="truncate-end"
              text={truncateWidth(t('topic.fallback', { requested: t(LANGUAGE_IN_TEXT[view.requested]), shown: t(LANGUAGE_IN_TEXT[view.shown]) }), columns - 2)}
              theme={theme}
            />
          )}
          <ScrollView lines={lines} offset={top} height={height} theme={theme} />
        </Box>
      )}
    </ScreenFrame>
  );
}
