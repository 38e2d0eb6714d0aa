import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { DiagnoseResult } from '../../core/diagnosis/types.js';
import { ErrorPanel } from '../components/ErrorPanel.js';
import type { KeyHint } from '../components/KeyHints.js';
import { ScreenFrame, useFrame } from '../components/ScreenFrame.js';
import { SelectList } from '../components/SelectList.js';
import { StatusLine } from '../components/StatusLine.js';
import { TextArea, tailLines } from '../components/TextArea.js';
import { useNavigate } from '../contexts/NavigationContext.js';
import { useDiagnose, usePlatform } from '../contexts/PlatformContext.js';
import { useSettings } from '../contexts/SettingsContext.js';
import { useDebouncedValue } from '../hooks/use-debounced-value.js';
import { useKeymap } from '../hooks/use-keymap.js';
import { useSyncedState } from '../hooks/use-synced-state.js';
import { useT } from '../hooks/use-t.js';
import { Command, KEY_LABELS } from '../keys.js';
import type { Route } from '../navigation.js';
import { truncateWidth } from '../text/wrap-ansi.js';
import { reduceLargePaste } from '../../core/diagnosis/normalise.js';
import { matchItem } from './diagnose-format.js';
import { diagnosisEntities, topicLinks } from './topic-links.js';

/** The most the paste field holds, in characters. */
const MAX_FIELD_CHARS = 2 * 1024 * 1024;

/** How long typing must pause before the paste is diagnosed again. */
export const DIAGNOSE_DEBOUNCE_MS = 150;

const INPUT_HINTS: readonly KeyHint[] = [
  { keys: KEY_LABELS.tab, label: 'keys.focus' },
  { keys: KEY_LABELS.enter, label: 'keys.newline' },
  { keys: KEY_LABELS.clear, label: 'keys.clear' },
  { keys: KEY_LABELS.esc, label: 'keys.back' },
  { keys: KEY_LABELS.ctrlC, label: 'keys.exit' },
];
const RESULT_HINTS: readonly KeyHint[] = [
  { keys: KEY_LABELS.move, label: 'keys.move' },
  { keys: KEY_LABELS.enter, label: 'keys.open' },
  { keys: KEY_LABELS.tab, label: 'keys.focus' },
  { keys: KEY_LABELS.esc, label: 'keys.back' },
  { keys: KEY_LABELS.quit, label: 'keys.quit' },
  { keys: KEY_LABELS.help, label: 'keys.help' },
];

type Outcome = { ok: true; result: DiagnoseResult } | { ok: false; error: unknown } | undefined;

const dropLastChar = (s: string): string => s.slice(0, s.length - (Array.from(s.slice(-2)).at(-1)?.length ?? 0));

export function DiagnoseScreen({ route }: { route: Extract<Route, { screen: 'diagnose' }> }) {
  const t = useT();
  const navigate = useNavigate();
  const { knowledge } = usePlatform();
  const diagnose = useDiagnose();
  const { knowledgeLocale } = useSettings();
  const [text, setText, textRef] = useSyncedState(route.text);
  const [focus, setFocus, focusRef] = useSyncedState<'input' | 'results'>(route.focus ?? 'input');
  const [selected, setSelected, selectedRef] = useSyncedState(route.selected ?? 0);
  const settled = useDebouncedValue(text, DIAGNOSE_DEBOUNCE_MS);
  const outcome = useMemo<Outcome>(() => {
    if (!settled.trim()) return undefined;
    try {
      return { ok: true, result: diagnose(knowledge, settled, { locale: knowledgeLocale }) };
    } catch (error) {
      return { ok: false, error };
    }
  }, [settled, diagnose, knowledge, knowledgeLocale]);
  const matches = outcome?.ok ? outcome.result.matches : [];
  const clamp = (i: number) => Math.min(i, Math.max(0, matches.length - 1));
  const current = clamp(selected);
  const inResults = focus === 'results' && matches.length > 0;
  const linksAt = (i: number) =>
    topicLinks(knowledge, matches[i]?.id, outcome?.ok ? { entities: diagnosisEntities(outcome.result), text: settled } : {});
  const hints = inResults ? [...RESULT_HINTS, ...linksAt(current).hints] : INPUT_HINTS;
  const frame = useFrame(hints);

  const append = (more: string) => {
    // A paste past 2 MiB keeps its head, tail and evidence lines, as diagnosis would read it, so
    // neither the field nor a diagnosis ever holds more than that.
    setText((s) => reduceLargePaste(s + more, MAX_FIELD_CHARS));
    setFocus('input');
  };
  useKeymap(
    (command, typed) => {
      const link = focusRef.current === 'results' ? linksAt(clamp(selectedRef.current)).routeFor(command, typed) : undefined;
      if (link) {
        navigate({ type: 'open', route: link, save: { text: textRef.current, selected: clamp(selectedRef.current), focus: 'results' } });
        return true;
      }
      if (command === Command.Paste || command === Command.Insert) {
        append(typed ?? '');
        return true;
      }
      if (command === Command.ClearText) {
        setText('');
        setSelected(0);
        setFocus('input');
        return true;
      }
      if (command === Command.Back) {
        navigate({ type: 'back' });
        return true;
      }
      if (focusRef.current === 'input' || !matches.length) {
        if (command === Command.Backspace) setText(dropLastChar);
        else if (command === Command.Confirm) append('\n');
        else if ((command === Command.FocusNext || command === Command.Down) && matches.length) setFocus('results');
        else return false;
        return true;
      }
      const at = clamp(selectedRef.current);
      switch (command) {
        case Command.Up:
          if (at === 0) setFocus('input');
          else setSelected(at - 1);
          return true;
        case Command.Down:
          setSelected(clamp(at + 1));
          return true;
        case Command.FocusNext:
        case Command.FocusPrevious:
          setFocus('input');
          return true;
        case Command.Confirm: {
          const m = matches[at];
          if (m && outcome?.ok)
            navigate({ type: 'open', route: { screen: 'topic', topicId: m.id, entities: outcome.result.entities, text: settled }, save: { text: textRef.current, selected: at, focus: 'results' } });
          return true;
        }
        default:
          return false;
      }
    },
    { text: !inResults },
  );

  const { theme } = frame;
  const inputRows = Math.max(3, Math.min(8, frame.bodyRows - 12));
  const listRows = Math.max(2, frame.bodyRows - inputRows - 2 - 2);
  const lineCount = text ? tailLines(text, 0).total : 0;
  const status = [text ? t('diagnose.input.lines', { count: lineCount }) : '', outcome?.ok ? t('diagnose.results.count', { count: matches.length }) : '']
    .filter(Boolean)
    .join(' · ');
  const codes = outcome?.ok ? outcome.result.codes.map((c) => c.canonical) : [];
  return (
    <ScreenFrame frame={frame} title={t('diagnose.title')} status={status} hints={hints}>
      <TextArea text={text} focused={!inResults} height={inputRows} width={frame.columns} placeholder={t('diagnose.input.placeholder')} theme={theme} />
      <Text bold={theme.bold} color={theme.text.heading}>
        {t('diagnose.results.title')}
      </Text>
      <Box flexDirection="column">
        {outcome === undefined && <Text color={theme.text.secondary}>{t('diagnose.results.empty')}</Text>}
        {outcome?.ok === false && <ErrorPanel error={outcome.error} theme={theme} />}
        {outcome?.ok && matches.length === 0 && (
          <StatusLine
            kind="info"
            text={outcome.result.scope?.kind === 'linux' ? t('diagnose.results.linux', { signals: outcome.result.scope.signals.join(', ') }) : t('diagnose.results.none')}
            theme={theme}
          />
        )}
        {matches.length > 0 && <SelectList items={matches.map((m) => matchItem(m, t))} selected={current} height={listRows} width={frame.columns} theme={theme} focused={inResults} />}
        {codes.length > 0 && (
          <Text color={theme.text.secondary} wrap="truncate-end">
            {truncateWidth(t('diagnose.results.codes', { codes: [...new Set(codes)].join(', ') }), frame.columns)}
          </Text>
        )}
      </Box>
    </ScreenFrame>
  );
}
