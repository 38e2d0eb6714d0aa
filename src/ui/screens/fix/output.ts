import type { OutputStream } from '../../../core/fixes/types.js';
import { removeControls, stripEscapeSequences } from '../../../core/text/normalise.js';

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

/** Removes what would move the cursor or restyle the screen; a carriage return (progress bars) rewrites the line. */
function cleanLine(line: string): string {
  const last = line.slice(line.lastIndexOf('\r') + 1);
  return removeControls(stripEscapeSequences(last).replace(/\t/g, '  '));
}

/** Adds a chunk of child output to the buffer (a new buffer; the old one is untouched). */
export function appendOutput(buf: OutputBuffer, chunk: string, stream: OutputStream, max = MAX_OUTPUT_LINES): OutputBuffer {
  const lines = [...buf.lines];
  const open = { ...buf.open };
  const parts = chunk.replace(/\r\n/g, '\n').split('\n');
  parts.forEach((part, i) => {
    const at = open[stream];
    if (at !== undefined) lines[at] = cleanLine((lines[at] ?? '') + part);
    else if (part !== '' || i < parts.length - 1) lines.push(cleanLine(part));
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
