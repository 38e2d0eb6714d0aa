import type { Token, Tokens } from 'marked';

/**
 * How deeply a Markdown text nests its lists and quotes, as marked reads it (its token tree), with a line-by-line
 * reading first: each line's indentation in steps of two columns (a tab is four) plus the list markers and quote marks
 * that open it (`- - - x` opens three, `- > - > - x` five), fenced code left out. When that reading is far past the bound it is the answer,
 * without lexing text whose nesting makes marked's own work grow with its square; else the token tree decides (the
 * line reading missed lists marked still nests: a fence line marked takes for a paragraph, a fence inside an HTML
 * block, indentation after `>`; found by a reviewer). A text marked cannot read (its recursion) counts as too deep.
 *
 * marked-terminal wraps every nested item in colour codes that each level doubles: 24 levels took 34 s and 5 GB and
 * ended the process, and a one-line `- - - … x` of 30 dashes in a topic's first lines did so at every diagnosis that
 * showed the topic (found by an attacker helper). `kb check` refuses a body nested deeper than MAX_LIST_NESTING, and the
 * renderer shows such a text as it is written. `lex` is marked's lexer (the renderer passes its own instance's, kb check
 * a new one): given, not imported, because the CLI's bundles load marked only when they draw Markdown.
 * @example deepestListNesting('- a\n  - b', (m) => new Lexer().lex(m)) // 2
 */
export function deepestListNesting(markdown: string, lex: (markdown: string) => Token[]): number {
  const byLines = nestingByLines(markdown);
  if (byLines > LEX_NO_DEEPER) return byLines;
  let tokens: Token[];
  try {
    tokens = lex(markdown);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
  let deepest = 0;
  const pending: [readonly Token[], number][] = [[tokens, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [list, depth] = next;
    for (const t of list) {
      if (t.type === 'list') {
        deepest = Math.max(deepest, depth + 1);
        for (const item of (t as Tokens.List).items) pending.push([item.tokens, depth + 1]);
      } else if (t.type === 'blockquote') {
        // A quote's style is re-opened after every styled piece inside it, level by level: 199 levels of `>` in a body
        // of 20 KB took 20 s and printed 24 MB (a regression tester).
        deepest = Math.max(deepest, depth + 1);
        pending.push([(t as Tokens.Blockquote).tokens, depth + 1]);
      } else if ('tokens' in t && Array.isArray(t.tokens)) pending.push([t.tokens, depth]);
    }
  }
  return deepest;
}

/** The line-by-line reading of deepestListNesting: an upper bound for plain lists, cheap and linear. */
function nestingByLines(markdown: string): number {
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
    // Quote marks count as levels too (`- > - > - x` nests five).
    const m = /^([ \t]*)((?:(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]+|$|(?<=>)))*)/.exec(line);
    if (!m || !m[2]) continue;
    const indent = [...m[1]!].reduce((w, c) => w + (c === '\t' ? 4 : 1), 0);
    const markers = m[2].match(/[-*+>]|\d{1,9}[.)]/g)?.length ?? 0;
    deepest = Math.max(deepest, Math.floor(indent / 2) + markers);
  }
  return deepest;
}

/** The deepest list nesting a text may have to be drawn as Markdown (the shipped knowledge goes to three). */
export const MAX_LIST_NESTING = 8;

/** A text the line reading finds nested deeper than this is not lexed: it is far past the bound either way. */
const LEX_NO_DEEPER = 64;
