/**
 * Whether some part of `text` (of its units from `start` to `end`) is within `k` edits (a unit changed, dropped or
 * added) of the whole `pattern`: Sellers' algorithm, the edit distance with a free start and end in the text, one
 * column of the table at a time in `column` (at least pattern.length + 1 long). UTF-16 units, as fuse.js counts.
 */
export function withinEdits(pattern: string, text: string, k: number, column: Int32Array, start = 0, end = text.length): boolean {
  const m = pattern.length;
  if (m <= k) return true;
  for (let i = 0; i <= m; i++) column[i] = i;
  for (let j = start; j < end; j++) {
    const c = text.charCodeAt(j);
    // column holds the distances up to text[j - 1]; each step makes it the distances up to text[j].
    let diagonal = column[0]!;
    column[0] = 0;
    for (let i = 1; i <= m; i++) {
      const left = column[i]!;
      column[i] = Math.min(diagonal + (pattern.charCodeAt(i - 1) === c ? 0 : 1), left + 1, column[i - 1]! + 1);
      diagonal = left;
    }
    if (column[m]! <= k) return true;
  }
  return false;
}
