import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { DiagnoseResult } from '../../../core/diagnosis/types.js';
import { codeLeads, failureTreeLeads, shownCodes } from '../../../core/diagnosis/code-topics.js';
import { ErrorPanel } from '../../components/ErrorPanel.js';
import { ScreenFrame, useFrame } from '../../components/ScreenFrame.js';
import { SelectList, type ListItem } from '../../components/SelectList.js';
import { StatusLine, statusLines } from '../../components/StatusLine.js';
import { TextArea, moveInTextArea, tailLines } from '../../components/TextArea.js';
import { useKeptRoute, useNavigate } from '../../contexts/NavigationContext.js';
import { useDiagnose, usePlatform } from '../../contexts/PlatformContext.js';
import { useSettings } from '../../contexts/SettingsContext.js';
import { useDebouncedValue } from '../../hooks/use-debounced-value.js';
import { useKeymap } from '../../hooks/use-keymap.js';
import { useScreenReducer } from '../../hooks/use-screen-reducer.js';
import { FullText, fullTextLines, useFullText } from '../../components/FullText.js';
import { moveSelection } from '../../hooks/use-selection-list.js';
import { bufferOf, editText, insertText, type TextBuffer } from '../../text/text-buffer.js';
import { useI18n } from '../../contexts/I18nContext.js';
import { Command, SCREEN_SCOPES } from '../../keys.js';
import type { Route } from '../../navigation.js';
import { truncateWidth, wrapAnsiText } from '../../../core/text/wrap-ansi.js';
import { reduceLargePaste } from '../../../core/diagnosis/normalise.js';
import { matchItem } from './format.js';
import { isLongPaste } from '../../../core/diagnosis/paste-length.js';
import { diagnosisEntities, topicLinks } from '../topic/links.js';
import { footerHints } from '../../footers.js';

/** The most the paste field holds, in characters. */
const MAX_FIELD_CHARS = 2 * 1024 * 1024;

/** How long typing must pause before the paste is diagnosed again. */
export const DIAGNOSE_DEBOUNCE_MS = 150;

const INPUT_HINTS = footerHints('diagnoseInput');
const RESULT_HINTS = footerHints('diagnoseResults');
const LEAD_HINTS = footerHints('diagnoseLeads');
/** The keys the results read: their own and both links' (a link letter where the match has no such link does nothing). */
const RESULT_KEYS = [...SCREEN_SCOPES.diagnoseResults, ...SCREEN_SCOPES.linkCompatPart, ...SCREEN_SCOPES.linkTreePart];

type Outcome = { ok: true; result: DiagnoseResult } | { ok: false; error: unknown } | undefined;

/** The Diagnose screen's state: the paste being edited, where the focus is, and the result chosen. */
export interface DiagnoseState {
  buffer: TextBuffer;
  focus: 'input' | 'results';
  selected: number;
  /** Set when a paste was too long to keep whole: its lines, and the lines kept (reduceLargePaste). */
  reduced?: { lines: number; kept: number };
}

export type DiagnoseAction =
  | { type: 'edit'; buffer: TextBuffer }
  | { type: 'focus'; focus: DiagnoseState['focus'] }
  | { type: 'select'; selected: number }
  | { type: 'clear' };

export function diagnoseReducer(state: DiagnoseState, action: DiagnoseAction): DiagnoseState {
  switch (action.type) {
    case 'edit': {
      // A paste past 2 MiB keeps its head, tail and evidence lines, as diagnosis would read it, so
      // neither the field nor a diagnosis ever holds more than that.
      // The screen says so: the field no longer holds what was pasted.
      const b = action.buffer;
      if (b.text.length <= MAX_FIELD_CHARS) return { ...state, buffer: b, focus: 'input' };
      const buffer = bufferOf(reduceLargePaste(b.text, MAX_FIELD_CHARS));
      return { ...state, buffer, focus: 'input', reduced: { lines: tailLines(b.text, 0).total, kept: tailLines(buffer.text, 0).total } };
    }
    case 'focus':
      return { ...state, focus: action.focus };
    case 'select':
      return { ...state, selected: action.selected };
    case 'clear':
      return { buffer: bufferOf(''), focus: 'input', selected: 0 };
  }
}

export function DiagnoseScreen({ route }: { route: Extract<Route, { screen: 'diagnose' }> }) {
  const { t, locale: uiLocale } = useI18n();
  const navigate = useNavigate();
  const { knowledge } = usePlatform();
  const diagnose = useDiagnose();
  const { knowledgeLocale } = useSettings();
  // Opened without a paste (from Home, or a tree's "none of these"): the paste and the place left last time, if any.
  const kept = useKeptRoute('diagnose', () => ({ screen: 'diagnose', text: get().buffer.text, selected: get().selected, focus: get().focus }));
  const start = route.text ? route : (kept ?? route);
  const [state, dispatch, get] = useScreenReducer(diagnoseReducer, (): DiagnoseState => ({ buffer: bufferOf(start.text), focus: start.focus ?? 'input', selected: start.selected ?? 0 }));
  const text = state.buffer.text;
  const settled = useDebouncedValue(text, DIAGNOSE_DEBOUNCE_MS);
  const outcome = useMemo<Outcome>(() => {
    if (!settled.trim()) return undefined;
    try {
      return { ok: true, result: diagnose(knowledge, settled, { locale: knowledgeLocale }) };
    } catch (error) {
      return { ok: false, error };
    }
  }, [settled, diagnose, knowledge, knowledgeLocale]);
  // Nothing matched the whole paste: the known issues that print one of its codes, as leads (not answers).
  const leads = useMemo(() => (outcome?.ok ? codeLeads(knowledge, outcome.result) : []), [outcome, knowledge]);
  // … and the troubleshooting trees whose questions quote a failure the paste shows.
  const treeLeadsFound = useMemo(() => (outcome?.ok ? failureTreeLeads(knowledge, outcome.result, settled) : []), [outcome, knowledge, settled]);
  const matches = outcome?.ok ? outcome.result.matches : [];
  // The leads as places to go (found by a new-user helper: they were text only, and Tab did nothing): each known issue
  // a code names, then each tree, in the order the lines name them.
  const leadTargets = useMemo(
    () => [
      ...[...new Map(leads.flatMap((lead) => lead.topics.map((id) => [id, lead.code] as const))).entries()].map(([id, code]) => ({ kind: 'topic' as const, id, code })),
      ...treeLeadsFound.map((lead) => ({ kind: 'tree' as const, id: lead.tree, quoted: lead.quoted })),
    ],
    [leads, treeLeadsFound],
  );
  const listCount = matches.length || leadTargets.length;
  const clamp = (i: number) => Math.min(i, Math.max(0, listCount - 1));
  const current = clamp(state.selected);
  const inResults = state.focus === 'results' && matches.length > 0;
  const inLeads = state.focus === 'results' && matches.length === 0 && leadTargets.length > 0;
  const linksAt = (i: number) =>
    topicLinks(knowledge, matches[i]?.id, outcome?.ok ? { entities: diagnosisEntities(outcome.result), text: settled } : {});
  const shownLinks = inResults ? linksAt(current) : undefined;
  const hints = shownLinks ? [...RESULT_HINTS, ...shownLinks.hints] : inLeads ? LEAD_HINTS : INPUT_HINTS;
  const frame = useFrame(hints, shownLinks ? [...SCREEN_SCOPES.diagnoseResults, ...shownLinks.scopes] : inLeads ? SCREEN_SCOPES.diagnoseLeads : SCREEN_SCOPES.diagnoseInput);
  const resultsFocused = () => get().focus === 'results' && matches.length > 0;
  const leadsFocused = () => get().focus === 'results' && matches.length === 0 && leadTargets.length > 0;

  const full = useFullText();
  useKeymap(
    (command, typed) => {
      const now = get();
      if (resultsFocused() && full.handle(command)) return true;
      const save = () => ({ text: get().buffer.text, selected: clamp(get().selected), focus: 'results' as const });
      const link = resultsFocused() ? linksAt(clamp(now.selected)).routeFor(command) : undefined;
      if (link) {
        navigate({ type: 'open', route: link, save: save() });
        return true;
      }
      if (command === Command.ClearText) {
        dispatch({ type: 'clear' });
        return true;
      }
      if (command === Command.Back) {
        navigate({ type: 'back' });
        return true;
      }
      if (command === Command.Paste) {
        dispatch({ type: 'edit', buffer: insertText(now.buffer, typed ?? '', { multiline: true }) });
        return true;
      }
      if (leadsFocused()) {
        const at = clamp(now.selected);
        if ((command === Command.Up && at === 0) || command === Command.FocusNext || command === Command.FocusPrevious) dispatch({ type: 'focus', focus: 'input' });
        else if (command === Command.Confirm) {
          const lead = leadTargets[at];
          const entities = outcome?.ok ? outcome.result.entities : undefined;
          const saved = { text: get().buffer.text, selected: at, focus: 'results' as const };
          if (lead?.kind === 'topic') navigate({ type: 'open', route: { screen: 'topic', topicId: lead.id, ...(entities ? { entities } : {}), text: settled }, save: saved });
          else if (lead) navigate({ type: 'open', route: { screen: 'tree', treeId: lead.id, ...(entities ? { entities } : {}) }, save: saved });
        } else if (command === Command.Insert) dispatch({ type: 'edit', buffer: insertText(now.buffer, typed ?? '', { multiline: true }) });
        else {
          const next = moveSelection(at, command, { count: leadTargets.length });
          if (next === undefined) return false;
          dispatch({ type: 'select', selected: next });
        }
        return true;
      }
      if (!resultsFocused()) {
        // ↑ and ↓ move between the lines of the paste; ↓ on its last line (or Tab) goes to the results.
        // By the rows the field draws (a long line is wrapped): undefined on its first or last row.
        const moved = command === Command.Up || command === Command.Down ? moveInTextArea(now.buffer, command === Command.Up, frame.columns) : undefined;
        if (moved) {
          dispatch({ type: 'edit', buffer: moved });
          return true;
        }
        if ((command === Command.FocusNext || command === Command.Down) && (matches.length || leadTargets.length)) {
          if (!matches.length) dispatch({ type: 'select', selected: 0 });
          dispatch({ type: 'focus', focus: 'results' });
          return true;
        }
        const edited = command === Command.Confirm ? insertText(now.buffer, '\n', { multiline: true }) : editText(now.buffer, command, typed, { multiline: true });
        if (!edited) return false;
        dispatch({ type: 'edit', buffer: edited });
        return true;
      }
      const at = clamp(now.selected);
      if (command === Command.Insert) {
        // Typing while the results have the focus goes on with the paste.
        dispatch({ type: 'edit', buffer: insertText(now.buffer, typed ?? '', { multiline: true }) });
        return true;
      }
      if (command === Command.Up && at === 0) dispatch({ type: 'focus', focus: 'input' });
      else if (command === Command.FocusNext || command === Command.FocusPrevious) dispatch({ type: 'focus', focus: 'input' });
      else if (command === Command.Confirm) {
        const m = matches[at];
        if (m && outcome?.ok) navigate({ type: 'open', route: { screen: 'topic', topicId: m.id, entities: outcome.result.entities, text: settled }, save: save() });
      } else {
        const next = moveSelection(at, command, { count: matches.length });
        if (next === undefined) return false;
        dispatch({ type: 'select', selected: next });
      }
      return true;
    },
    { text: () => !resultsFocused() && !leadsFocused(), scopes: () => (resultsFocused() ? RESULT_KEYS : leadsFocused() ? SCREEN_SCOPES.diagnoseLeads : SCREEN_SCOPES.diagnoseInput) },
  );

  const { theme } = frame;
  const codes = outcome?.ok ? shownCodes(outcome.result.codes).map((c) => c.canonical) : [];
  // Nothing matched: why (out of scope, or no known issue), the codes found, and the leads, each code's known issues on a
  // line of its own. Wrapped here, to be measured: every id of every lead must be on screen.
  const noMatchText =
    !outcome?.ok || matches.length
      ? undefined
      : outcome.result.scope?.kind === 'linux'
        ? t('diagnose.results.linux', { signals: outcome.result.scope.signals.join(', ') })
        : outcome.result.scope?.kind === 'unrelated'
          ? outcome.result.scope.program
            ? t('diagnose.results.otherProgram', { program: outcome.result.scope.program })
            : t('diagnose.results.unrelated')
          : isLongPaste(settled)
            ? t('diagnose.results.noneLong')
            : t('diagnose.results.none');
  // A code's ids that wrap go on indented further, under the ids, so that each code still starts its own line.
  const allLeadLines = [
    ...(leads.length
      ? [
          ...wrapAnsiText(t('diagnose.results.leadsTitle', { count: leads.length }), frame.columns),
          ...leads.flatMap((lead) => wrapAnsiText(t('diagnose.results.lead', { code: lead.code, topics: lead.topics.join(', ') }), Math.max(1, frame.columns - 4)).map((line, i) => `${i ? '    ' : '  '}${line}`)),
        ]
      : []),
    ...treeLeadsFound.flatMap((lead) => {
      const tree = knowledge.trees.find((x) => x.id === lead.tree);
      return tree ? wrapAnsiText(t('diagnose.results.treeLead', { quoted: lead.quoted, title: tree.title[uiLocale], menu: t('tree.menu') }), frame.columns) : [];
    }),
  ];
  const statusRows = noMatchText === undefined ? 0 : statusLines('info', noMatchText, frame.columns).length + (codes.length ? 1 : 0);
  // The rows the leads can have beside a one-line field (with its border), the notice, the results' title and the line
  // that says why nothing matched: on a terminal too short for all of them, the last line says how many are not shown
  // (found by a reviewer: at 60x20 the last leads were dropped without a word).
  const reducedText = state.reduced ? t('diagnose.input.reduced', { lines: t('diagnose.input.lines', { count: state.reduced.lines }), kept: t('diagnose.input.lines', { count: state.reduced.kept }) }) : undefined;
  const noticeRows = reducedText ? wrapAnsiText(`! ${reducedText}`, frame.columns).length : 0;
  const leadRoom = Math.max(1, frame.bodyRows - noticeRows - 2 - 1 - 1 - statusRows);
  const leadLines =
    allLeadLines.length <= leadRoom
      ? allLeadLines
      : [...allLeadLines.slice(0, leadRoom - 1), truncateWidth(t('diagnose.results.leadsMore', { count: allLeadLines.length - (leadRoom - 1) }), frame.columns)];
  const noMatchRows = statusRows + leadLines.length;
  // The body's rows: the field (with its border), the notice of a shortened paste, the results' title, their list and
  // the codes line, or all that says why nothing matched. On a short terminal the field shrinks first, to one line, so
  // that the frame's title stays on screen (at 15 rows the full text of a result pushed it off).
  const inputRows = Math.max(1, Math.min(8, frame.bodyRows - 12, frame.bodyRows - noticeRows - 2 - 1 - 1 - 2, frame.bodyRows - noticeRows - 2 - 1 - noMatchRows));
  const listRows = Math.max(1, frame.bodyRows - inputRows - 2 - noticeRows - 1 - 1);
  const lineCount = text ? tailLines(text, 0).total : 0;
  const status = [text ? t('diagnose.input.lines', { count: lineCount }) : '', outcome?.ok ? t('diagnose.results.count', { count: matches.length }) : '']
    .filter(Boolean)
    .join(' · ');
  const matchItems = matches.map((m) => matchItem(m, t));
  const leadItems: ListItem[] = leadTargets.map((lead) => {
    if (lead.kind === 'topic') {
      const topic = knowledge.topics.find((x) => x.id === lead.id);
      return { key: `topic:${lead.id}`, label: topic ? (topic.title[knowledgeLocale] ?? topic.title.en) : lead.id, detail: t('diagnose.leads.topicDetail', { id: lead.id, code: lead.code }) };
    }
    const tree = knowledge.trees.find((x) => x.id === lead.id);
    return { key: `tree:${lead.id}`, label: tree ? tree.title[uiLocale] : lead.id, detail: t('diagnose.leads.treeDetail', { quoted: lead.quoted }) };
  });
  const showFull = full.open && inResults && matchItems[current] !== undefined;
  const fullRows = showFull && matchItems[current] ? fullTextLines(matchItems[current], frame.columns, Math.max(1, listRows - 2)) : [];
  return (
    <ScreenFrame frame={frame} title={t('diagnose.title')} status={status} hints={hints}>
      <TextArea buffer={state.buffer} focused={!inResults && !inLeads} height={inputRows} width={frame.columns} placeholder={t('diagnose.input.placeholder')} theme={theme} />
      {reducedText && <StatusLine kind="warning" text={reducedText} theme={theme} />}
      <Text bold={theme.bold} color={theme.text.heading}>
        {t('diagnose.results.title')}
      </Text>
      <Box flexDirection="column">
        {outcome === undefined && <Text color={theme.text.secondary}>{t('diagnose.results.empty')}</Text>}
        {outcome?.ok === false && <ErrorPanel error={outcome.error} theme={theme} />}
        {noMatchText !== undefined && <StatusLine kind="info" text={noMatchText} theme={theme} width={frame.columns} />}
        {matches.length > 0 && <SelectList items={matchItems} selected={current} height={Math.max(1, listRows - (showFull ? fullRows.length : 0))} width={frame.columns} theme={theme} focused={inResults} />}
        {showFull && <FullText lines={fullRows} theme={theme} />}
        {codes.length > 0 && (
          <Text color={theme.text.secondary} wrap="truncate-end">
            {truncateWidth(t('diagnose.results.codes', { codes: codes.join(', ') }), frame.columns)}
          </Text>
        )}
        {/* With the focus, the leads as a list to open; without it, wrapped, not cut, and counted in the rows above: the ids are what the lines are for. */}
        {inLeads && <SelectList items={leadItems} selected={current} height={Math.max(2, leadRoom)} width={frame.columns} theme={theme} focused />}
        {!inLeads && leadLines.map((line, i) => (
          <Text key={i} color={theme.text.secondary} wrap="truncate-end">
            {line}
          </Text>
        ))}
      </Box>
    </ScreenFrame>
  );
}
