import { useFullText } from '../../components/FullText.js';
import { Box, Text } from 'ink';
import { useEffect, useMemo } from 'react';
import { LARGE_CHECK_TEXT } from '../../../core/check/read-input.js';
import { findTopic } from '../../../core/knowledge/topic-text.js';
import { truncateWidth } from '../../../core/text/wrap-ansi.js';
import { ScreenFrame, useFrame } from '../../components/ScreenFrame.js';
import { StatusLine } from '../../components/StatusLine.js';
import { TextArea, moveInTextArea } from '../../components/TextArea.js';
import { useNavigate } from '../../contexts/NavigationContext.js';
import { usePlatform } from '../../contexts/PlatformContext.js';
import { useDebouncedValue } from '../../hooks/use-debounced-value.js';
import { useFileCheck } from '../../hooks/use-file-check.js';
import { useKeymap } from '../../hooks/use-keymap.js';
import { useScreenReducer } from '../../hooks/use-screen-reducer.js';
import { useT } from '../../hooks/use-t.js';
import { Command, SCREEN_SCOPES } from '../../keys.js';
import { bufferOf, editText, insertText, type TextBuffer } from '../../text/text-buffer.js';
import { safeText } from '../../text/safe-text.js';
import type { CheckRoute } from './CheckScreen.js';
import { FindingsPane, resultsCommand } from './FindingsPane.js';
import { footerHints } from '../../footers.js';
import { FileProgress } from './FileProgress.js';
import { fileOutcome, pasteReducer, read, type Outcome, type PasteState } from './paste-state.js';

/** How long typing must pause before the paste is read again (as in Diagnose). */
export const CHECK_DEBOUNCE_MS = 150;

/** The most the field holds, in UTF-16 units: a fleet of a few hundred hosts; larger files are given by path. */
export const MAX_CHECK_PASTE = 16 * 1024 * 1024;

const INPUT_HINTS = footerHints('checkInput');
const LARGE_INPUT_HINTS = footerHints('checkInputLarge');
const RESULT_HINTS = footerHints('checkResults');
const READING_HINTS = footerHints('checkReading');
const READING_PASTE_HINTS = footerHints('checkReadingPaste');

/** A path as typed or copied ("Copy as path" on Windows quotes it). */
const pathOf = (text: string): string => text.trim().replace(/^(["'])(.*)\1$/, '$2');

/**
 * One line that reads as a file's path (`/tmp/host.json`, `C:\\facts\\h.json`, `.\\h.json`, `~/h.json`, quoted or not):
 * while it is being typed it is not "not recognised", it is a file Enter will read.
 */
export const looksLikePath = (text: string): boolean => !text.includes('\n') && /^(?:[A-Za-z]:[\\/]|\\\\|\.{1,2}[\\/]|~[\\/]|\/)[^\n]*$|^[^\s{[]+\.(?:json|txt|log)$/i.test(pathOf(text));

/**
 * "Check collected output": the collector's JSON (one host, or a fleet as hosts × checks), one command's output or a
 * terminal session, pasted as in Diagnose; or the path of such a file, read on Enter. The findings list below opens
 * each finding's known issue.
 */
export function PasteCheck({ route }: { route: CheckRoute }) {
  const t = useT();
  const navigate = useNavigate();
  const { knowledge } = usePlatform();
  const [state, dispatch, get] = useScreenReducer(pasteReducer, (): PasteState => ({
    buffer: bufferOf(route.text ?? ''),
    focus: route.focus ?? 'input',
    cursor: route.cursor ?? { selected: 0 },
    ...(route.file ? { file: route.file } : {}),
  }));
  // A file is read as check --from reads it (UTF-16LE with a BOM as PowerShell 5.1 writes, or UTF-8); a large one in a
  // worker thread, so that the screen shows its progress and Esc stops it (a tester: 24 s of a screen that took no key).
  const fileCheck = useFileCheck(
    (progress) => dispatch({ type: 'progress', progress }),
    (end) => {
      const reading = get().reading;
      if (reading && end.kind !== 'cancelled') dispatch({ type: 'file', file: { path: reading.path, from: reading.from, end, ...(reading.pasted ? { pasted: true as const } : {}) } });
    },
  );
  const text = state.buffer.text;
  const settled = useDebouncedValue(text, CHECK_DEBOUNCE_MS);
  // A large paste is checked as a file is, off this thread (a 16 MiB paste held the screen for 2.1 s); a short one here.
  const large = (s: string) => s.length >= LARGE_CHECK_TEXT;
  const typed = useMemo<Outcome | undefined>(() => (settled.trim() && !large(settled) ? read(settled, t) : undefined), [settled, t]);
  const file = state.file && state.file.from === text ? state.file : undefined;
  const checkPaste = (from: string) => {
    dispatch({ type: 'reading', reading: { path: t('check.app.pastedText'), from, pasted: true, startedAt: Date.now() } });
    fileCheck.start({ text: from });
  };
  // Once a large paste has settled: checked unless it was (its findings are `file`), is being, or Esc stopped it. Also
  // looked at when the text comes back to the settled one (a key typed and taken back, each in a read of its own, left
  // a check stopped and none started: a regression tester).
  const stopped = state.cancelled?.pasted === true;
  useEffect(() => {
    const now = get();
    if (settled !== now.buffer.text || !large(settled) || !settled.trim() || now.reading || now.file?.from === settled || stopped) return;
    checkPaste(settled);
    // checkPaste reads only what it is given; the state it needs is read through get().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled, stopped, state.reading, state.file, state.buffer.text]);
  /** A new state of the field; a change of its text stops a large paste's check under way (only a change: a key that
   * changes nothing, Delete at the end, left a check stopped that never started again; found by a reviewer). */
  const editTo = (buffer: TextBuffer) => {
    const now = get();
    if (now.reading?.pasted && buffer.text !== now.buffer.text) fileCheck.cancel();
    dispatch({ type: 'edit', buffer });
  };
  const outcome = file ? fileOutcome(file, t) : settled === text || typed?.ok ? typed : undefined;
  const results = outcome?.ok ? outcome.results : undefined;
  const reading = state.reading;
  const inResults = state.focus === 'results' && results !== undefined && !reading;
  const hints = reading ? (reading.pasted ? READING_PASTE_HINTS : READING_HINTS) : inResults ? RESULT_HINTS : large(text) ? LARGE_INPUT_HINTS : INPUT_HINTS;
  const frame = useFrame(hints, reading && !reading.pasted ? SCREEN_SCOPES.checkReading : inResults ? SCREEN_SCOPES.checkResults : SCREEN_SCOPES.checkInput);
  const hasTopic = (id: string) => findTopic(knowledge, id) !== undefined;
  const resultsFocused = () => get().focus === 'results' && results !== undefined;
  const fullText = useFullText();

  useKeymap(
    (command, typedText, event) => {
      const now = get();
      if (now.reading) {
        // While a file is read only Esc acts here (it stops the read); q, h, ? and Ctrl+C go on to the app.
        if (command === Command.Back) {
          fileCheck.cancel();
          dispatch({ type: 'cancelled' });
          return true;
        }
        // While a large paste is checked the field takes keys as always (a paste added to it was lost, found by a
        // regression tester): a change of its text stops the check (editTo), which starts again once the text settles.
        if (!now.reading.pasted) return !(command === Command.Quit || command === Command.Home || command === Command.Help || command === Command.Interrupt);
      }
      if (command === Command.ClearText) {
        if (now.reading?.pasted && now.buffer.text !== '') fileCheck.cancel();
        dispatch({ type: 'clear' });
        return true;
      }
      if (command === Command.Paste) {
        editTo(insertText(now.buffer, typedText ?? '', { multiline: true, maxLength: MAX_CHECK_PASTE }));
        return true;
      }
      if (!resultsFocused()) {
        if (command === Command.Back) {
          navigate({ type: 'back' });
          return true;
        }
        if ((command === Command.FocusNext || command === Command.Down) && results) {
          dispatch({ type: 'focus', focus: 'results' });
          return true;
        }
        if (command === Command.Confirm) {
          const current = now.buffer.text;
          // A recognised input: Enter goes to the findings. One line that is not: it is a file's path. Else a new line.
          // Only an Enter pressed on its own does more than a new line: in a paste without bracketed paste every line
          // ends with one, and the first line is no path.
          // A key alone in its read (not isDeliberate: an Enter pressed moments after pasting a path reads it; a tester got
          // a line break instead; reading a file runs nothing).
          const alone = event.alone && event.command !== Command.Paste;
          if (large(current)) {
            // A large paste is checked as it settles: Enter asks for its findings, or checks it again after Esc; it is no path.
            if (!alone) return true;
            if (outcome?.ok) dispatch({ type: 'focus', focus: 'results' });
            else if (now.cancelled?.pasted && current === settled) checkPaste(current);
            return true;
          }
          const recognised = alone && current.trim() !== '' && (current === settled ? typed?.ok === true : !current.includes('\n') && read(current, t).ok);
          if (recognised) dispatch({ type: 'focus', focus: 'results' });
          else if (alone && current.trim() && !current.includes('\n')) {
            // Said first, then read once the note is drawn: a large fleet file held the screen still for seconds with
            // nothing on it to say why (a tester).
            const path = pathOf(current);
            dispatch({ type: 'reading', reading: { path, from: current, startedAt: Date.now() } });
            fileCheck.start({ file: path });
          }
          else editTo(insertText(now.buffer, '\n', { multiline: true, maxLength: MAX_CHECK_PASTE }));
          return true;
        }
        const edited =
          command === Command.Up || command === Command.Down ? moveInTextArea(now.buffer, command === Command.Up, columns) : editText(now.buffer, command, typedText, { multiline: true, maxLength: MAX_CHECK_PASTE });
        if (!edited) return false;
        editTo(edited);
        return true;
      }
      if (command === Command.Insert) {
        // Typing while the findings have the focus goes on with the input.
        editTo(insertText(now.buffer, typedText ?? '', { multiline: true, maxLength: MAX_CHECK_PASTE }));
        return true;
      }
      // The selected row in full (i, or Enter on a finding with no known issue): any key closes it.
      if (fullText.handle(command)) return true;
      if (command === Command.FocusNext || command === Command.FocusPrevious || (command === Command.Up && now.cursor.selected === 0 && now.cursor.host === undefined)) {
        dispatch({ type: 'focus', focus: 'input' });
        return true;
      }
      const step = resultsCommand(results!, now.cursor, command, hasTopic);
      if (step.kind === 'topic') {
        const f = file ?? undefined;
        navigate({ type: 'open', route: { screen: 'topic', topicId: step.topic }, save: { text: now.buffer.text, focus: 'results', cursor: now.cursor, ...(f ? { file: f } : {}) } });
      } else if (step.kind === 'cursor') dispatch({ type: 'cursor', cursor: step.cursor });
      else if (step.kind === 'full') fullText.show();
      else if (command === Command.Back) navigate({ type: 'back' });
      else return false;
      return true;
    },
    { text: () => (!get().reading || get().reading?.pasted === true) && !resultsFocused(), scopes: () => (get().reading && !get().reading?.pasted ? SCREEN_SCOPES.checkReading : resultsFocused() ? SCREEN_SCOPES.checkResults : SCREEN_SCOPES.checkInput) },
  );

  const { theme, columns } = frame;
  const inputRows = results ? Math.max(2, Math.min(4, frame.bodyRows - 14)) : Math.max(3, Math.min(8, frame.bodyRows - 8));
  const full = text.length >= MAX_CHECK_PASTE;
  const failed = Boolean(outcome && !outcome.ok && !reading);
  // "Read from FILE" only of a file that was read: above "could not read FILE" it said the opposite (a new-user helper).
  const readFrom = Boolean(file && !file.pasted && !failed);
  const notes = (readFrom ? 1 : 0) + (full ? 1 : 0) + (failed ? 1 : 0) + (reading || state.cancelled !== undefined ? 1 : 0);
  const resultRows = Math.max(3, frame.bodyRows - inputRows - 2 - notes);
  return (
    <ScreenFrame frame={frame} title={t('check.app.paste')} hints={hints}>
      <TextArea buffer={state.buffer} focused={!inResults && (!reading || reading.pasted === true)} height={inputRows} width={columns} placeholder={t('check.app.pastePlaceholder')} theme={theme} />
      {reading && <FileProgress reading={reading} theme={theme} />}
      {!reading && state.cancelled !== undefined && <StatusLine kind="warning" wrap="truncate-end" text={state.cancelled.pasted ? t('check.app.pasteCheckCancelled') : t('check.app.readCancelled', { file: safeText(state.cancelled.path) })} theme={theme} />}
      {file && readFrom && (
        <Text color={theme.text.secondary} wrap="truncate-end">
          {truncateWidth(safeText(t('check.app.fromFile', { file: file.path })), columns)}
        </Text>
      )}
      {full && <StatusLine kind="warning" wrap="truncate-end" text={t('check.app.tooLarge', { size: MAX_CHECK_PASTE / 1024 / 1024 })} theme={theme} />}
      {outcome && !outcome.ok && !reading && (!file && looksLikePath(text) ? <StatusLine kind="info" text={t('check.app.pathHint')} theme={theme} /> : <StatusLine kind="error" text={file && !file.pasted ? outcome.message : t('check.app.inputError', { message: outcome.message })} theme={theme} />)}
      {results ? (
        <FindingsPane results={results} cursor={state.cursor} height={resultRows} width={columns} theme={theme} focused={inResults} hasTopic={hasTopic} full={inResults && fullText.open} />
      ) : (
        !outcome && (
          <Box>
            <Text color={theme.text.secondary}>{t('check.app.waiting')}</Text>
          </Box>
        )
      )}
    </ScreenFrame>
  );
}
