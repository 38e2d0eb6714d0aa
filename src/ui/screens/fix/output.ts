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

/** Adds a chunk of child output to the buffer (a new buffer; the old one is untouched). */
export function appendOutput(buf: OutputBuffer, chunk: string, stream: OutputStream, max = MAX_OUTPUT_LINES): OutputBuffer {
  const lines = [...buf.lines];
  const open = { ...buf.open };
  const parts = chunk.replace(/\r\n/g, '\n').split('\n');
  parts.forEach((part, i) => {
    const at = open[stream];
    if (at !== undefined) lines[at] = addToLine(lines[at] ?? '', part);
    else if (part !== '' || i < parts.length - 1) lines.push(addToLine('', part));
    const isLast = i === parts.length - 1;
    if (isLast && part !== '') open[stream] = at ?? lines.length - 1;
    else delete open[stream];
  });
  const extra = Math.max(0, lines.length - max);
  if (extra === 0) return { lines, open, dropped: buf.dropped };
  const shifted: OutputBuffer['open'] = {};
  for (const [s, i] of Object.entries(open) as [OutputStream, number][]) if (i >= extra) shifted[s] = i - extra;
  return { lines: lines.slice(extra), open: shifted, dropped: buf.dropped + extra };
}
