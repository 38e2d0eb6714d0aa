/**
 * The longest plain text that every match of a regular expression must contain, when one can be
 * read off its source safely: outside groups and character classes, not made optional by a
 * quantifier, and with no alternation at the top level. Used to skip (and not even compile) a
 * topic's pattern when the paste cannot match it. Returns undefined when no such text is known.
 * @example requiredLiteral('failed to create endpoint \\S+ on network nat') === 'failed to create endpoint '
 */
export function requiredLiteral(source: string): string | undefined {
  let depth = 0;
  let inClass = false;
  let run = '';
  let best = '';
  const end = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? '';
    const next = source[i + 1] ?? '';
    if (inClass) {
      if (c === '\\') i++;
      else if (c === ']') inClass = false;
      continue;
    }
    if (c === '\\') {
      // An escaped punctuation character is itself; a class escape (\d, \s, \b …) ends the run.
      const escaped = next;
      i++;
      if (/[\\^$.*+?()[\]{}|/:\- '"#=,;<>!@%&~`]/.test(escaped)) {
        if (depth === 0 && !isQuantifier(source, i + 1)) run += escaped;
        else end();
      } else end();
      continue;
    }
    if (c === '[') {
      inClass = true;
      end();
      continue;
    }
    if (c === '(') {
      depth++;
      end();
      continue;
    }
    if (c === ')') {
      depth = Math.max(0, depth - 1);
      end();
      continue;
    }
    if (c === '|') {
      if (depth === 0) return undefined;
      continue;
    }
    if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(i))) {
      // A counted quantifier ({0,120}): its digits are no text of the match.
      end();
      i = source.indexOf('}', i);
      continue;
    }
    if ('^$.*+?{}'.includes(c)) {
      end();
      continue;
    }
    if (depth === 0 && !isQuantifier(source, i + 1)) run += c;
    else end();
  }
  end();
  const literal = best.toLowerCase();
  return literal.trim().length >= 3 ? literal : undefined;
}

/** Whether the character at `at` makes the preceding atom optional or repeatable. */
function isQuantifier(source: string, at: number): boolean {
  const c = source[at];
  return c === '?' || c === '*' || c === '+' || c === '{';
}

/**
 * The flags a topic's signature pattern is compiled with: case-insensitive, and Unicode-aware
 * only when the source needs it (a non-ASCII character, a `\p{…}` property or a `\u{…}` escape).
 * For an ASCII pattern both read the same text the same way (Unicode mode differs only in
 * folding K/S to the Kelvin and long-s signs and in counting an astral character as one), but
 * V8 compiles an `iu` pattern with a negated class (`[^\n]{0,200}`) several times slower: on a
 * cold start that was most of the cost of the patterns a paste could not rule out by text.
 */
export const signatureFlags = (source: string): 'i' | 'iu' => (/[^\x00-\x7f]|\\[pP]\{|\\u\{/.test(source) ? 'iu' : 'i');
