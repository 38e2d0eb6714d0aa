import { evaluateText } from '../../../core/check/evaluate-text.js';
import { inputProblemText } from '../../check-text.js';
import { MAX_FACTS_FILE_BYTES } from '../../../core/check/read-input.js';
import type { T } from '../../i18n.js';
import type { MessageKey } from '../../message-keys.js';
import type { CheckedFile } from '../../navigation.js';
import { bufferOf, type TextBuffer } from '../../text/text-buffer.js';
import type { Reading } from './FileProgress.js';
import type { ResultsCursor } from './FindingsPane.js';
import type { CheckResults } from './findings.js';

/** What was read: the findings, or why the input could not be used. */
export type Outcome = { ok: true; results: CheckResults } | { ok: false; message: string };

/** The screen's state: the field, where the focus is, the results' cursor, a file read, being read, or whose read was stopped. */
export interface PasteState {
  buffer: TextBuffer;
  focus: 'input' | 'results';
  cursor: ResultsCursor;
  /** A file the user named and what its check gave (kept in the route, so coming back from a topic reads nothing again). */
  file?: CheckedFile;
  /** A file being read (drawn before the read, which can take seconds for a fleet of thousands of hosts), and how far it is. */
  reading?: ReadingOf;
  /** The file (or large paste) whose read Esc stopped, said until the field changes or a file is read. */
  cancelled?: { path: string; pasted?: true };
}

/** A read under way: the file (or a large paste, `pasted`), and the field's text it was started from. */
export type ReadingOf = Reading & { from: string; pasted?: true };

/** What changes the screen: typing, focus, the results' cursor, and a file's read (started, progressing, stopped, done). */
export type PasteAction =
  | { type: 'edit'; buffer: TextBuffer }
  | { type: 'focus'; focus: PasteState['focus'] }
  | { type: 'cursor'; cursor: ResultsCursor }
  | { type: 'reading'; reading: ReadingOf }
  | { type: 'progress'; progress: NonNullable<Reading['progress']> }
  | { type: 'cancelled' }
  | { type: 'file'; file: CheckedFile }
  | { type: 'clear' };

/** The screen's state after an action; a read that ends or is stopped leaves the field as it was. */
export function pasteReducer(s: PasteState, a: PasteAction): PasteState {
  switch (a.type) {
    case 'edit': {
      // The cursor moved, the text is the same: what was read of it stays.
      if (a.buffer.text === s.buffer.text) return { ...s, buffer: a.buffer, focus: 'input' };
      // A large paste's check stops when its text changes (the screen stops the worker); a file's read goes on. What
      // was read stays, shown again if the text comes back to what it was read from (`file.from`; found by a reviewer:
      // a key typed and taken back lost a large paste's findings for good).
      const { cancelled: _said, reading, ...rest } = s;
      return { ...rest, ...(reading && !reading.pasted ? { reading } : {}), buffer: a.buffer, focus: 'input', cursor: { selected: 0 } };
    }
    case 'focus':
      return { ...s, focus: a.focus };
    case 'cursor':
      return { ...s, cursor: a.cursor };
    case 'reading': {
      const { cancelled: _said, ...rest } = s;
      return { ...rest, reading: a.reading };
    }
    case 'progress':
      return s.reading ? { ...s, reading: { ...s.reading, progress: a.progress } } : s;
    case 'cancelled': {
      // Back to where the screen was before Enter, saying that the file was not read.
      const { reading, ...rest } = s;
      return reading ? { ...rest, cancelled: { path: reading.path, ...(reading.pasted ? { pasted: true as const } : {}) } } : s;
    }
    case 'file': {
      const { reading: _done, ...rest } = s;
      // A file is read on Enter, which asks for its findings; a large paste is checked as it settles, and the focus stays.
      return { ...rest, file: a.file, cursor: { selected: 0 }, focus: a.file.end.kind === 'results' && !a.file.pasted ? 'results' : 'input' };
    }
    case 'clear':
      return { buffer: bufferOf(''), focus: 'input', cursor: { selected: 0 } };
  }
}

/** Reads and evaluates a paste as check --from does, its problem in the interface language. */
export function read(text: string, t: T): Outcome {
  const outcome = evaluateText(text);
  return outcome.kind === 'results' ? { ok: true, results: outcome.results } : { ok: false, message: inputProblemText(outcome.problem, t) };
}

/** Why a file could not be read, by the code its error carries (found by a tester: zh-CN showed English). */
const FILE_ERROR_KEYS: Readonly<Record<string, MessageKey>> = {
  ENOENT: 'check.app.noSuchFile',
  ENOTREG: 'check.app.notRegularFile',
  EISDIR: 'check.app.notRegularFile',
  EFBIG: 'check.app.fileTooLarge',
  EACCES: 'check.app.noAccess',
  EPERM: 'check.app.noAccess',
  EWORKEREXIT: 'check.app.workerStopped',
};

/** What a file gave, in the interface language: its findings, why its text is no input, or why it could not be read. */
export function fileOutcome(file: CheckedFile, t: T): Outcome {
  const { end } = file;
  if (end.kind === 'results') return { ok: true, results: end.results };
  if (end.kind === 'problem') return { ok: false, message: inputProblemText(end.problem, t) };
  // A reason known by its code in the interface language (the message is English, and names the file again).
  const key = end.code === undefined ? undefined : FILE_ERROR_KEYS[end.code];
  const reason = key ? t(key, { max: MAX_FACTS_FILE_BYTES / 1048576 }) : end.message;
  return { ok: false, message: t('check.app.fileError', { file: file.path, reason }) };
}
