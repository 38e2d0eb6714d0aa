import { displayWidth } from '../core/text/display-width.js';
import { showControls } from '../core/text/terminal-safe.js';

/** Pads a cell to a display width (CJK and Hangul count as two columns). */
export function padCell(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Formats rows as a plain aligned text table with a header rule. */
export function formatTable(header: string[], rows: string[][]): string {
  // Cells as the terminal will show them (a control character as its symbol or escape), measured as shown: measured
  // before, a cell of an audit entry with an escape in it pushed its row out of line.
  header = header.map(showControls);
  rows = rows.map((r) => r.map(showControls));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => padCell(c, widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
