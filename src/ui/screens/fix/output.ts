import type { OutputStream } from '../../../core/fixes/types.js';
import { safeText } from '../../text/safe-text.js';

/** A child's output as lines; each stream keeps its own unfinished last line, so interleaved chunks stay readable. */
export interface OutputBuffer {
  lines: string[];
  /** Index in `lines` of each stream's line still being written (no newline yet). */
  open: Partial<Record<OutputStream, number>>;
  /** Lines dropped from the top to keep the buffer small. */
  dropped: number;
}

/** Most lines kept on screen; the full output stays in the result and the child's own log. */
export const MAX_OUTPUT_LINES = 2000;

export const emptyOutput = (): OutputBuffer => ({ lines: [], open: {}, dropped: 0 });

/** The most characters of one line kept on screen: a line without end (a progress bar of dots, 50 MB with no newline) is cut. */
export const MAX_LINE_CHARS = 4000;

/**
 * A line with a piece of output added: a carriage return (progress bars) rewrites the line from there; every control
 * character and escape sequence is shown (␛, ␇), as the CLI shows them, so that the screen neither moves nor hides
 * that the program sent one; a tab is two spaces. Only the new piece is read (a line longer than MAX_LINE_CHARS ends in
 * …): adding to a long line made a chunk cost as much as the whole line, quadratic in its length (8 MB on one line
 * took 9 s to show; found by an attacker helper).
 */
function addToLine(line: string, piece: string): string {
  const cr = piece.lastIndexOf('\r');
  const [base, rest] = cr >= 0 ? ['', piece.slice(cr + 1)] : [line, piece];
  if (base.length >= MAX_LINE_CHARS) return base;
  const shown = `${base}${safeText(rest.slice(0, MAX_LINE_CHARS + 1).replace(/\t/g, '  '))}`;
  return shown.length > MAX_LINE_CHARS ? `${shown.slice(0, MAX_LINE_CHARS)}…` : shown;
}

/** One piece of a child's output, as it arrived. */
export interface OutputPiece {
  chunk: string;
  stream: OutputStream;
}

/** Adds a chunk of child output to the buffer (a new buffer; the old one is untouched). */
export function appendOutput(buf: OutputBuffer, chunk: string, stream: OutputStream, max = MAX_OUTPUT_LINES): OutputBuffer {
  return appendOutputs(buf, [{ chunk, stream }], max);
}

/**
 * Adds chunks of child output, in the order they arrived, with one copy of the buffer for all of them: a copy per chunk
 * made a program that prints line by line eight times slower in the app than in the CLI (an attacker helper: 300,000
 * lines took 14 s against 1.7 s), enough for a long output to reach the run's time limit only in the app.
 */
export function appendOutputs(buf: OutputBuffer, pieces: readonly OutputPiece[], max = MAX_OUTPUT_LINES): OutputBuffer {
  let lines = [...buf.lines];
  let open = { ...buf.open };
  let dropped = buf.dropped;
  /** Drops lines from the top down to `keep`, moving the open lines' places with them. */
  const trim = (keep: number) => {
    const extra = Math.max(0, lines.length - keep);
    if (extra === 0) return;
    const shifted: OutputBuffer['open'] = {};
    for (const [s, i] of Object.entries(open) as [OutputStream, number][]) if (i >= extra) shifted[s] = i - extra;
    lines = lines.slice(extra);
    open = shifted;
    dropped += extra;
  };
  for (const { chunk, stream } of pieces) {
    const parts = chunk.replace(/\r\n/g, '\n').split('\n');
    parts.forEach((part, i) => {
      const at = open[stream];
      if (at !== undefined) lines[at] = addToLine(lines[at] ?? '', part);
      else if (part !== '' || i < parts.length - 1) lines.push(addToLine('', part));
      const isLast = i === parts.length - 1;
      if (isLast && part !== '') open[stream] = at ?? lines.length - 1;
      else delete open[stream];
    });
    // Many chunks at once stay within twice the bound while they are added.
    if (lines.length > 2 * max) trim(max);
  }
  trim(max);
  return { lines, open, dropped };
}
