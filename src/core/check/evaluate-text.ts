import { decodeText } from '../text/decode-text.js';
import { evaluateInput, type CheckResults, type HostReport } from './evaluate.js';
import { readCheckInput, type InputProblem } from './read-input.js';

/** What a text or a file gave: the findings, or why the input could not be used (readCheckInput's problem). */
export type CheckOutcome = { kind: 'results'; results: CheckResults } | { kind: 'problem'; problem: InputProblem };

/**
 * Hears the work on a large input as it goes: a fleet file of thousands of hosts takes seconds, and the app shows where
 * it is. Every member is optional; each is called on the thread that does the work, between its steps.
 */
export interface CheckObserver {
  /** The text is about to be decoded and parsed as JSON: one call to the parser, with no count to report. */
  parsing?(): void;
  /** One more item of a JSON input has been read as a document. */
  document?(done: number, total: number): void;
  /** One more host of a fleet has been evaluated, with its report. */
  host?(report: HostReport, done: number, total: number): void;
}

/**
 * Reads and evaluates pasted or collected text as `check --from` does (readCheckInput, then evaluateInput): the app's
 * paste and its files, read here or in a worker thread, share this one path.
 * @example evaluateText('').kind === 'problem'
 */
export function evaluateText(text: string, observer: CheckObserver = {}): CheckOutcome {
  const input = readCheckInput(text, observer.document && ((done, total) => observer.document?.(done, total)));
  if (!input.ok) return { kind: 'problem', problem: input.error };
  return { kind: 'results', results: evaluateInput(input.value, observer.host && ((report, done, total) => observer.host?.(report, done, total))) };
}

/** Decodes a file's bytes as wcdoctor reads files (decodeText: UTF-8, or UTF-16 as PowerShell writes it), then evaluateText. */
export function evaluateBytes(bytes: Uint8Array, observer: CheckObserver = {}): CheckOutcome {
  observer.parsing?.();
  return evaluateText(decodeText(bytes), observer);
}
