import { Lexer } from 'marked';
import { deepestListNesting, MAX_LIST_NESTING } from '../text/list-nesting.js';

/**
 * Why a text of the knowledge cannot be drawn as Markdown (its lists and quotes nest deeper than MAX_LIST_NESTING), or
 * undefined. For kb check only: it reads the text with marked's lexer, which the CLI's bundles load only when they draw.
 * @example nestingProblem('- a') // undefined
 */
export function nestingProblem(markdown: string): string | undefined {
  const depth = deepestListNesting(markdown, (m) => new Lexer().lex(m));
  return depth > MAX_LIST_NESTING ? `lists and quotes nested ${depth} deep: at most ${MAX_LIST_NESTING} can be drawn` : undefined;
}
