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

/**
 * The same test as withinEdits for one pattern of at most 32 units against many texts: Myers' bit-parallel form of
 * Sellers' algorithm, each column of the table held as two 32-bit masks of its ups and downs, so that a unit of the
 * text costs a dozen word operations instead of a pass over the pattern (the spelling search runs it on a few dozen
 * words at a cold start, before anything is optimised). Longer patterns take withinEdits.
 */
export function editsWithin(pattern: string, k: number): (text: string) => boolean {
  const m = pattern.length;
  if (m <= k) return () => true;
  if (m > 32) {
    const column = new Int32Array(m + 1);
    return (text) => withinEdits(pattern, text, k, column);
  }
  const mask = m === 32 ? 0xffffffff : (1 << m) - 1;
  const high = 1 << (m - 1);
  // Per unit of the pattern, the bits of the positions holding it.
  const peq = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    peq.set(c, (peq.get(c) ?? 0) | (1 << i));
  }
  return (text) => {
    let pv = mask;
    let mv = 0;
    let score = m;
    for (let j = 0; j < text.length; j++) {
      const eq = peq.get(text.charCodeAt(j)) ?? 0;
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) ^ pv) | eq) & mask;
      let ph = (mv | ~(xh | pv)) & mask;
      let mh = pv & xh;
      if (ph & high) score++;
      else if (mh & high) score--;
      // A free start in the text: row 0 of the table is all zeros, so nothing is carried into the lowest bit.
      ph = (ph << 1) & mask;
      mh = (mh << 1) & mask;
      pv = (mh | ~(xv | ph)) & mask;
      mv = ph & xv;
      if (score <= k) return true;
    }
    return false;
  };
}
