import { displayWidth } from '../core/text/display-width.js';
import { oneLine, showControls } from '../core/text/terminal-safe.js';
import { wrapAnsiLine } from '../core/text/wrap-ansi.js';

/** Pads a cell to a display width (CJK and Hangul count as two columns). */
export function padCell(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Formats rows as a plain aligned text table with a header rule. */
export function formatTable(header: string[], rows: string[][], maxWidth?: number): string {
  // Cells as the terminal will show them (a control character as its symbol or escape), measured as shown: measured
  // before, a cell of an audit entry with an escape in it pushed its row out of line.
  // A cell is one line: a line feed or tab in a value from outside (an audit log's fields) is shown, not laid out, or a
  // crafted entry could print a row of its own (found by a regression tester).
  header = header.map((c) => oneLine(showControls(c)));
  rows = rows.map((r) => r.map((c) => oneLine(showControls(c))));
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  // For a terminal (`maxWidth`), the last column wraps at words under itself when the table is wider, and the rule under
  // the header stops at the edge: a long command made every row and a 230-column rule wrap anywhere (found by a tester).
  const lastAt = widths.slice(0, -1).reduce((n, w) => n + w + 2, 0);
  if (maxWidth !== undefined && lastAt + (widths.at(-1) ?? 0) > maxWidth) {
    if (maxWidth - lastAt >= 20) {
      widths[widths.length - 1] = Math.max(displayWidth(header.at(-1) ?? ''), maxWidth - lastAt);
      const wrapped = (r: string[]) => wrapAnsiLine(r.map((c, i) => padCell(c, widths[i] ?? 0)).join('  ').trimEnd(), maxWidth, lastAt).join('\n');
      return [wrapped(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(wrapped)].join('\n');
    }
    // Too narrow for the last column beside the others: each row's cells on a line of their own (not padded: the
    // columns would not line up anyway), its last cell under them, indented.
    const stacked = (r: string[]) => [
      ...wrapAnsiLine(r.slice(0, -1).filter(Boolean).join('  '), maxWidth, 2),
      ...wrapAnsiLine(`    ${r.at(-1) ?? ''}`, maxWidth, 4),
    ].join('\n');
    return [stacked(header), '-'.repeat(Math.min(maxWidth, lastAt + (widths.at(-1) ?? 0))), ...rows.map(stacked)].join('\n');
  }
  const line = (r: string[]) => r.map((c, i) => padCell(c, widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
