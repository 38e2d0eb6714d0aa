import { Lexer } from 'marked';
import { deepestListNesting, MAX_LIST_NESTING } from '../text/list-nesting.js';

/**
 * The verdicts already reached, by text: a process that assembles the knowledge more than once (the tests, dozens of
 * times a run; `kb check` on a changed copy) lexes each unchanged body once. Only texts up to MEMO_CHARS are kept, and
 * at most MEMO_TEXTS of them (then it starts over): the knowledge's own bodies are under 6,000 characters.
 */
const verdicts = new Map<string, string | undefined>();
const MEMO_CHARS = 16_384;
const MEMO_TEXTS = 8_192;

/**
 * Why a text of the knowledge cannot be drawn as Markdown (its lists and quotes nest deeper than MAX_LIST_NESTING), or
 * undefined. For kb check only: it reads the text with marked's lexer, which the CLI's bundles load only when they draw.
 * @example nestingProblem('- a') // undefined
 */
export function nestingProblem(markdown: string): string | undefined {
  if (verdicts.has(markdown)) return verdicts.get(markdown);
  const depth = deepestListNesting(markdown, (m) => new Lexer().lex(m));
  const verdict = depth > MAX_LIST_NESTING ? `lists and quotes nested ${depth} deep: at most ${MAX_LIST_NESTING} can be drawn` : undefined;
  if (markdown.length <= MEMO_CHARS) {
    if (verdicts.size >= MEMO_TEXTS) verdicts.clear();
    verdicts.set(markdown, verdict);
  }
  return verdict;
}
