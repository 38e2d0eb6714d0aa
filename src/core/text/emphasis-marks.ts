/**
 * The most emphasis marks (`_`, `*`) a text may hold to be drawn as Markdown. marked pairs them up in time that grows
 * with the square of their number or faster: a paragraph of 15,900 characters of `_*a` took 8 s to draw, of `__a` 1.2 s;
 * 4,000 marks of `_*a` 1.1 s, 1,000 about 0.1 s (measured 2026-12-07). The knowledge's own texts hold at most 34, a
 * vendored document 104. The renderer shows a text past it as written; `kb check` refuses a body past it.
 */
export const MAX_EMPHASIS_MARKS = 1_000;

/** How many emphasis marks (`_`, `*`) a text holds, counting no further than `stopAfter`. */
export function countEmphasisMarks(text: string, stopAfter = Infinity): number {
  let marks = 0;
  for (let i = 0; i < text.length && marks <= stopAfter; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5f || c === 0x2a) marks++;
  }
  return marks;
}
