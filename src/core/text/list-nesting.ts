/**
 * How deeply a Markdown text nests its lists, read line by line without a Markdown parser (fenced code left out): each
 * line's indentation in steps of two columns (a tab is four) plus the list markers that open it (`- - - x` opens three,
 * and so does `- > - > - x`).
 * An upper bound of what a parser finds (ordered lists indent by three), cheap enough for every text shown.
 *
 * marked-terminal wraps every nested item in colour codes that each level doubles: 24 levels took 34 s and 5 GB and
 * ended the process, and a one-line `- - - … x` of 30 dashes in a topic's first lines did so at every diagnosis that
 * showed the topic (found by an attacker helper). `kb check` refuses a body nested deeper than MAX_LIST_NESTING, and the
 * renderer shows such a text as it is written.
 * @example deepestListNesting('- a\n  - b') // 2
 */
export function deepestListNesting(markdown: string): number {
  let deepest = 0;
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const opener = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length) fence = undefined;
      continue;
    }
    if (opener !== undefined) {
      fence = opener;
      continue;
    }
    // Quote marks between the list markers are read past (`- > - > - x` nests three lists).
    const m = /^([ \t]*)((?:(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]+|$|(?<=>)))*)/.exec(line);
    if (!m || !m[2]) continue;
    const indent = [...m[1]!].reduce((w, c) => w + (c === '\t' ? 4 : 1), 0);
    const markers = m[2].match(/[-*+]|\d{1,9}[.)]/g)?.length ?? 0;
    deepest = Math.max(deepest, Math.floor(indent / 2) + markers);
  }
  return deepest;
}

/** The deepest list nesting a text may have to be drawn as Markdown (the shipped knowledge goes to three). */
export const MAX_LIST_NESTING = 8;
