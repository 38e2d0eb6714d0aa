import { Box, Text } from 'ink';
import { answerFromEntities, breadcrumbsOf, currentNodeOf, type TreeAction } from '../../../core/trees/step-tree.js';
import { isLeaf, isQuestion } from '../../../core/trees/tree-nodes.js';
import type { Tree } from '../../../core/trees/types.js';
import { ScreenFrame, useFrame } from '../../components/ScreenFrame.js';
import { ScrollView, maxOffset } from '../../components/ScrollView.js';
import { SelectList, type ListItem } from '../../components/SelectList.js';
import { StatusLine } from '../../components/StatusLine.js';
import { useI18n } from '../../contexts/I18nContext.js';
import { useNavigate } from '../../contexts/NavigationContext.js';
import { usePlatform } from '../../contexts/PlatformContext.js';
import { useKeymap } from '../../hooks/use-keymap.js';
import { useSelectionList, moveSelection } from '../../hooks/use-selection-list.js';
import { useScreenReducer } from '../../hooks/use-screen-reducer.js';
import { FullText, fullTextLines, useFullText } from '../../components/FullText.js';
import { Command, SCREEN_SCOPES } from '../../keys.js';
import type { Route } from '../../navigation.js';
import { wrapAnsiText } from '../../../core/text/wrap-ansi.js';
import { GLYPH } from '../../theme.js';
import { crumbLines, leafLines } from './lines.js';
import { initWalkView, walkViewReducer } from './reducer.js';
import { footerHints } from '../../footers.js';

type TreeRoute = Extract<Route, { screen: 'tree' }>;


const LIST_HINTS = footerHints('treeList');
const QUESTION_HINTS = footerHints('treeQuestion');
const TOPIC_HINTS = footerHints('treeTopic');
const UNKNOWN_HINTS = footerHints('treeUnknown');

/** Guided troubleshooting: the list of trees, or a walk through one. */
export function TreeScreen({ route }: { route: TreeRoute }) {
  const { knowledge } = usePlatform();
  const tree = route.treeId === undefined ? undefined : knowledge.trees.find((x) => x.id === route.treeId);
  if (route.treeId === undefined) return <TreeList route={route} trees={knowledge.trees} />;
  return <TreeWalk route={route} tree={tree} />;
}

function TreeList({ route, trees }: { route: TreeRoute; trees: readonly Tree[] }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const frame = useFrame(LIST_HINTS, SCREEN_SCOPES.treeList);
  const { selected, get, move } = useSelectionList(route.selected ?? 0);
  const fullText = useFullText();
  const full = fullText.open;
  const items: ListItem[] = trees.map((tree) => ({ key: tree.id, label: tree.title[locale], detail: tree.summary[locale] }));
  useKeymap((command) => {
    const at = get();
    if (fullText.handle(command, items.length > 0)) return true;
    if (command === Command.Confirm) {
      const tree = trees[at];
      if (tree) navigate({ type: 'open', route: { screen: 'tree', treeId: tree.id, ...(route.entities ? { entities: route.entities } : {}) }, save: { selected: at } });
    } else return move(command, { count: items.length });
    return true;
  }, { scopes: SCREEN_SCOPES.treeList });
  const { theme } = frame;
  const chosen = items[Math.min(selected, items.length - 1)];
  const fullRows = full && chosen ? fullTextLines(chosen, frame.columns, Math.max(2, frame.bodyRows - 5)) : [];
  return (
    <ScreenFrame frame={frame} title={t('tree.title')} hints={LIST_HINTS}>
      <Text bold={theme.bold}>{t('tree.pick')}</Text>
      {trees.length === 0 ? (
        <StatusLine kind="info" text={t('tree.none')} theme={theme} />
      ) : (
        <SelectList items={items} selected={Math.min(selected, items.length - 1)} height={frame.bodyRows - 1 - (full ? fullRows.length + 1 : 0)} width={frame.columns} theme={theme} />
      )}
      {full && <FullText lines={fullRows} theme={theme} />}
    </ScreenFrame>
  );
}

function TreeWalk({ route, tree }: { route: TreeRoute; tree: Tree | undefined }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const { knowledge } = usePlatform();
  const [view, dispatch, getView] = useScreenReducer(walkViewReducer, () => initWalkView(tree, route.walk, route.entities ?? {}));
  const { walk, selected, offset } = view;
  const node = tree && walk ? currentNodeOf(tree, walk) : undefined;
  const question = isQuestion(node) ? node : undefined;
  const leaf = isLeaf(node) ? node : undefined;
  const hints = question || !leaf ? QUESTION_HINTS : leaf.kind === 'topic' ? TOPIC_HINTS : UNKNOWN_HINTS;
  const frame = useFrame(hints, question ? SCREEN_SCOPES.tree : SCREEN_SCOPES.treeLeaf);
  const { theme, columns } = frame;

  const crumbs = tree && walk ? breadcrumbsOf(tree, walk, locale) : [];
  const crumbRows = Math.min(crumbs.length, Math.max(1, Math.floor(frame.bodyRows / 4)));
  const shownCrumbs = crumbLines(crumbs, t, columns, crumbRows);
  const body = leaf && tree && walk ? leafLines(knowledge, leaf, walk.entities, locale, t, columns) : [];
  const bodyRows = Math.max(3, frame.bodyRows - 1 - shownCrumbs.length - (shownCrumbs.length ? 2 : 0));
  const suggested = question && walk ? answerFromEntities(question, walk.entities) : undefined;

  const step = (action: TreeAction) => dispatch({ type: 'walk', action });

  const full = useFullText();
  useKeymap((command, typed) => {
    const latest = getView();
    const now = tree && latest.walk ? currentNodeOf(tree, latest.walk) : undefined;
    if (isQuestion(now) && full.handle(command)) return true;
    if (command === Command.Back || command === Command.Left) {
      if (latest.walk?.path.length) step({ type: 'back' });
      else navigate({ type: 'back' });
      return true;
    }
    if (command === Command.Paste && typed && latest.walk) {
      // A paste anywhere goes to Diagnose (as the app's global key does), keeping the walk.
      navigate({ type: 'open', route: { screen: 'diagnose', text: typed }, save: { walk: latest.walk } });
      return true;
    }
    if (command === Command.Restart) {
      step({ type: 'restart' });
      return true;
    }
    if (isQuestion(now)) {
      const at = latest.selected;
      if (command === Command.Confirm || command === Command.Right) {
        const answer = now.answers[at];
        if (answer) step({ type: 'answer', choice: answer.id });
      } else {
        const next = moveSelection(at, command, { count: now.answers.length });
        if (next === undefined) return false;
        dispatch({ type: 'select', index: next });
      }
      return true;
    }
    if (!isLeaf(now) || !latest.walk) return false;
    const scroll = (n: number) => dispatch({ type: 'scroll', to: n, max: maxOffset(body.length, bodyRows) });
    if (command === Command.Up || command === Command.Down) scroll(latest.offset + (command === Command.Up ? -1 : 1));
    else if (command === Command.PageUp || command === Command.PageDown) scroll(latest.offset + (command === Command.PageUp ? -1 : 1) * (bodyRows - 1));
    else if (command === Command.First || command === Command.Last) scroll(command === Command.First ? 0 : body.length);
    else if (command === Command.Confirm || command === Command.Right) {
      const save: Partial<Route> = { walk: latest.walk };
      if (now.kind === 'topic') navigate({ type: 'open', route: { screen: 'topic', topicId: now.topic, entities: latest.walk.entities }, save });
      else navigate({ type: 'open', route: { screen: 'diagnose', text: '' }, save });
    } else return false;
    return true;
  }, { scopes: () => (isQuestion(tree && getView().walk ? currentNodeOf(tree, getView().walk!) : undefined) ? SCREEN_SCOPES.tree : SCREEN_SCOPES.treeLeaf) });

  if (!tree || !walk) {
    return (
      <ScreenFrame frame={frame} title={t('tree.title')} hints={hints}>
        <StatusLine kind="error" text={t('tree.notFound', { id: route.treeId ?? '' })} theme={theme} />
      </ScreenFrame>
    );
  }
  const items: ListItem[] = (question?.answers ?? []).map((a) => ({
    key: a.id,
    label: a.label[locale],
    ...(a.id === suggested ? { badge: { text: `${GLYPH.info} ${t('tree.fromPaste')}`, role: 'info' as const } } : {}),
  }));
  const status = t('tree.steps', { count: walk.path.length });
  const chosenAnswer = items[Math.min(selected, items.length - 1)];
  const answerRows = full.open && chosenAnswer ? fullTextLines(chosenAnswer, columns, Math.max(2, bodyRows - 4)) : [];
  return (
    <ScreenFrame frame={frame} title={tree.title[locale]} status={status} hints={hints}>
      {shownCrumbs.length > 0 && (
        <Box flexDirection="column" marginBottom={1}>
          <Text bold={theme.bold} color={theme.text.heading}>
            {t('tree.path')}
          </Text>
          <ScrollView lines={shownCrumbs} offset={0} height={shownCrumbs.length} theme={theme} />
        </Box>
      )}
      {question && (
        <Box flexDirection="column">
          {wrapAnsiText(question.text[locale], columns).map((line, i) => (
            <Text key={i} bold={theme.bold}>
              {line}
            </Text>
          ))}
          {question.help &&
            wrapAnsiText(question.help[locale], columns).map((line, i) => (
              <Text key={`help-${i}`} color={theme.text.secondary}>
                {line}
              </Text>
            ))}
          <SelectList items={items} selected={Math.min(selected, items.length - 1)} height={Math.max(2, bodyRows - 2 - (full.open ? answerRows.length + 1 : 0))} width={columns} theme={theme} />
          {full.open && <FullText lines={answerRows} theme={theme} />}
        </Box>
      )}
      {leaf && <ScrollView lines={body} offset={Math.min(offset, maxOffset(body.length, bodyRows))} height={bodyRows} theme={theme} />}
    </ScreenFrame>
  );
}
