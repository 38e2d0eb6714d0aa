/**
 * The longest plain text that every match of a regular expression must contain, when one can be
 * read off its source safely: outside groups and character classes, not made optional by a
 * quantifier, and with no alternation at the top level. Used to skip (and not even compile) a
 * topic's pattern when the paste cannot match it. Returns undefined when no such text is known.
 * @example requiredLiteral('failed to create endpoint \\S+ on network nat') === 'failed to create endpoint '
 */
export function requiredLiteral(source: string): string | undefined {
  const runs = requiredRuns(source);
  if (!runs) return undefined;
  const best = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
  return best.trim().length >= 3 ? best : undefined;
}

/**
 * Every plain run of text (lower-cased) that each match of the pattern contains, as requiredLiteral
 * reads them (the longest of them is requiredLiteral's answer); undefined with a top-level alternation.
 */
function requiredRuns(source: string): string[] | undefined {
  let depth = 0;
  let inClass = false;
  let run = '';
  const runs: string[] = [];
  const end = () => {
    if (run) runs.push(run.toLowerCase());
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
      // An escaped punctuation character is itself; a class escape (\d, \s, \b …) ends the run, and so does one that
      // names a character or a class by number or name (\u03c9, \x41, \p{Script=Cyrillic}, \k<name>), read whole: its
      // digits and name are no text of the paste (a pattern with \p{…} needed "script=cyrillic" in the paste and never
      // matched; found by an attacker helper).
      const escaped = next;
      i++;
      if (/[\\^$.*+?()[\]{}|/:\- '"#=,;<>!@%&~`]/.test(escaped)) {
        if (depth === 0 && !isQuantifier(source, i + 1)) run += escaped;
        else end();
      } else {
        end();
        i += escapeTail(source, i);
      }
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
  return runs;
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

/**
 * Texts of which every match of a regular expression contains at least one (lower-cased), when
 * they can be read off its source safely; undefined otherwise. Generalises requiredLiteral to
 * alternation: each top-level alternative gives its own required text, and a group that is not
 * optional, repeated or a lookaround, and whose alternatives each give one, counts as "one of
 * these". Each alternative's best candidate is the one whose shortest text is longest (3 at least).
 * Used to skip (and not even compile) a pattern a text cannot match: compiling is most of what a
 * pattern costs on a cold start.
 * @example requiredAnyOf('(?:servercore|nanoserver)(?::latest)?\\s*not found') // ['servercore', 'nanoserver']
 * @example requiredAnyOf('hyper-?v.{0,80}docker exec|docker exec.{0,80}hyper-?v') // ['docker exec']
 */
export function requiredAnyOf(source: string): string[] | undefined {
  const alternatives = splitTopLevel(source);
  if (!alternatives) return undefined;
  const out = new Set<string>();
  for (const alt of alternatives) {
    const best = bestRequired(alt);
    if (!best) return undefined;
    for (const l of best) out.add(l);
  }
  return [...out];
}

/**
 * How many characters after the letter of an escape at `at` (the `u` of `\u03c9`) belong to it: the hex digits of
 * `\uXXXX`, `\u{…}` and `\xHH`, the braces of `\p{…}` and `\P{…}`, the letter of `\cX`, the name of `\k<…>`; 0 for any
 * other escape.
 */
function escapeTail(source: string, at: number): number {
  const rest = source.slice(at, at + 64);
  const m = /^(?:u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{1,6}\}|x[0-9a-fA-F]{2}|[pP]\{[\w=]{1,60}\}|c[A-Za-z]|k<[A-Za-z_]\w{0,60}>)/.exec(rest);
  return m ? m[0].length - 1 : 0;
}

/**
 * Walks a pattern's source outside escapes and character classes, calling `visit` with each
 * character and the group depth after it (an opening parenthesis counts in, a closing one out);
 * `visit` returning true stops the walk there. Returns where it stopped (the length if it did not),
 * the depth and whether a class was left open.
 */
export function walk(source: string, from: number, visit: (c: string, i: number, depth: number) => boolean | void): { at: number; depth: number; inClass: boolean } {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < source.length; i++) {
    const c = source[i] ?? '';
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (visit(c, i, depth)) return { at: i, depth, inClass };
  }
  return { at: source.length, depth, inClass };
}

/** The source's top-level alternatives (`|` outside groups and classes); undefined if it is malformed. */
function splitTopLevel(source: string): string[] | undefined {
  const parts: string[] = [];
  let start = 0;
  const end = walk(source, 0, (c, i, depth) => {
    if (depth < 0) return true;
    if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  });
  if (end.at < source.length || end.depth !== 0 || end.inClass) return undefined;
  parts.push(source.slice(start));
  return parts;
}

/** The index just past the group that opens at `open` (its closing parenthesis + 1), or -1. */
export function groupEnd(source: string, open: number): number {
  const end = walk(source, open, (c, _i, depth) => c === ')' && depth === 0);
  return end.at < source.length ? end.at + 1 : -1;
}

/** One alternative's best required text(s): a plain run of it, or a required group's any-of. */
const bestRequired = (alt: string): string[] | undefined => requiredTexts(alt)[0];

/**
 * Every "one of these texts" that each match of one alternative (no top-level `|`) needs: each plain
 * run of it and each required group's any-of, the most telling first (see `score`), none shorter than 3.
 */
function requiredTexts(alt: string): string[][] {
  const candidates: string[][] = [];
  for (const run of new Set(requiredRuns(alt) ?? [])) candidates.push([run]);
  // Each group at the top of the alternative (the walk's depth is 1 just after its parenthesis).
  walk(alt, 0, (c, i, depth) => {
    if (c !== '(' || depth !== 1) return;
    const end = groupEnd(alt, i);
    if (end < 0) return true;
    const q = alt[end];
    const optional = q === '?' || q === '*' || (q === '{' && /^\{0[,}]/.test(alt.slice(end)));
    const head = alt.slice(i + 1, i + 4);
    const lookaround = head.startsWith('?=') || head.startsWith('?!') || head.startsWith('?<=') || head.startsWith('?<!');
    if (optional || lookaround) return;
    let inner = alt.slice(i + 1, end - 1);
    if (inner.startsWith('?:')) inner = inner.slice(2);
    else if (/^\?<[A-Za-z_]\w*>/.test(inner)) inner = inner.slice(inner.indexOf('>') + 1);
    // Another group syntax (a modifier group such as `(?i:…)`): its text is not read.
    const any = inner.startsWith('?') ? undefined : requiredAnyOf(inner);
    if (any?.length) candidates.push(any);
  });
  return candidates.filter((ls) => score(ls) >= 3).sort((a, b) => score(b) - score(a));
}

/**
 * How telling a text is: its length, a character outside Latin script counting three (a Chinese or Korean word of
 * four characters says as much as a dozen Latin letters), so that the group of a message's wordings in every
 * language is preferred to a short command name found in many pastes. A clause is as telling as its least telling text.
 */
const score = (ls: readonly string[]) => Math.min(...ls.map((l) => [...l.trim()].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x24f ? 3 : 1), 0)));

/**
 * The clauses requiredAllOf keeps: each is a scan of the paste before a pattern is compiled. Three left out the option
 * of a command line whose words are common (`docker network create … --ipv4 false`): a line saying "failed to create
 * endpoint … on network nat" holds all three words, and compiled four such patterns it could not match at a cold start.
 */
const MAX_CLAUSES = 5;
/** The most texts a clause other than the most telling may hold. */
const SHORT_CLAUSE = 6;
/** How many of an alternative's required texts requiredAllOf combines (the clauses grow as their product). */
const PER_ALTERNATIVE = 5;
/** Alternations wider than this give requiredAnyOf's single clause. */
const MAX_PRODUCT = 27;

/**
 * Clauses of which every match of a regular expression satisfies each: a match contains at least one
 * text (lower-cased) of every clause. undefined when nothing is known. Stronger than requiredAnyOf,
 * whose answer is one such clause: `docker logs[\s\S]{0,99}(?:empty|blank)` needs "docker logs" and
 * one of "empty" or "blank". With top-level alternatives A1|A2 it is the product of their clauses
 * (each alternative's five most telling), each a union: (a ∧ b) ∨ (c ∧ d) = (a ∨ c) ∧ (a ∨ d) ∧ (b ∨ c) ∧ (b ∨ d),
 * so a window written both ways round, `x[…]{0,N}y|y[…]{0,N}x`, needs both x and y.
 * @example requiredAllOf('hyper-?v[^\n]{0,80}docker exec|docker exec[^\n]{0,80}hyper-?v') // [['docker exec'], ['docker exec', 'hyper'], ['hyper'], …] reduced to [['docker exec'], ['hyper']]
 */
export function requiredAllOf(source: string): string[][] | undefined {
  const alternatives = splitTopLevel(source);
  if (!alternatives) return undefined;
  const each = alternatives.map((alt) => requiredTexts(alt).slice(0, PER_ALTERNATIVE));
  if (each.some((c) => c.length === 0)) return undefined;
  const product = each.reduce((n, c) => n * c.length, 1);
  // Too wide to multiply out: requiredAnyOf's one clause (each alternative's most telling texts).
  if (product > MAX_PRODUCT) return [requiredAnyOf(source)!];
  const clauses = each.reduce<string[][]>((acc, c) => acc.flatMap((clause) => c.map((texts) => [...new Set([...clause, ...texts])])), [[]]);
  // A clause holding every text of another says nothing more: keep the smaller. Then the most telling few.
  const sets = clauses.map((c) => new Set(c));
  const kept = clauses.filter((c, i) => !sets.some((other, j) => j !== i && other.size <= c.length && [...other].every((t) => sets[i]!.has(t)) && (other.size < c.length || j < i)));
  // Past the most telling clause, a long list (a message in every language Windows ships) is left out: it weighs on
  // the stored index more than it rules out.
  const sorted = kept.sort((a, b) => score(b) - score(a) || a.length - b.length);
  return sorted.filter((c, i) => i === 0 || c.length <= SHORT_CLAUSE).slice(0, MAX_CLAUSES);
}

/**
 * Which of a fixed set of texts a text contains, found in one pass over the text: each text is filed under its first
 * four UTF-16 units (two for a shorter one), and at each position of the text only those filed under the units there
 * are compared. For the
 * texts the patterns' clauses need (about a thousand): testing each with `includes` scanned a long paste once per
 * text, a quarter of a warm diagnosis; one pass costs about as much as one of those scans.
 * @example literalScanner(['docker logs', 'empty'])('docker logs is empty') // Set {'docker logs', 'empty'}
 */
export function literalScanner(texts: Iterable<string>): (text: string) => Set<string> {
  // Keys stay small integers (a pair's 15 low bits each, which two pairs may share: every candidate is compared), so
  // that no lookup boxes a number: keys past 2^30 (any pair from the CJK blocks) allocated one per position.
  const pairKey = (a: number, b: number) => ((a & 0x7fff) << 15) | (b & 0x7fff);
  // A text of four units or more is filed under its first four (seven low bits of each): filed under two, the texts
  // that start with a common pair ("fa", "co", "er": up to 49 of them) were each compared at every such pair of a paste.
  const quadKey = (a: number, b: number, c: number, d: number) => ((a & 0x7f) << 21) | ((b & 0x7f) << 14) | ((c & 0x7f) << 7) | (d & 0x7f);
  const byPair = new Map<number, string[]>();
  const byQuad = new Map<number, string[]>();
  const bySingle = new Map<number, string[]>();
  const always: string[] = [];
  const file = (map: Map<number, string[]>, key: number, t: string) => (map.get(key) ?? map.set(key, []).get(key)!).push(t);
  for (const t of new Set(texts)) {
    if (t.length === 0) always.push(t);
    else if (t.length === 1) file(bySingle, t.charCodeAt(0), t);
    else if (t.length < 4) file(byPair, pairKey(t.charCodeAt(0), t.charCodeAt(1)), t);
    else file(byQuad, quadKey(t.charCodeAt(0), t.charCodeAt(1), t.charCodeAt(2), t.charCodeAt(3)), t);
  }
  // A key no text starts with is ruled out by one byte (at most positions of a paste), before the map is asked.
  const bitOf = (key: number) => (key ^ (key >>> 14) ^ (key >>> 28)) & 0xffff;
  const pairSeen = new Uint8Array(1 << 16);
  for (const key of byPair.keys()) pairSeen[bitOf(key)] = 1;
  const quadSeen = new Uint8Array(1 << 16);
  for (const key of byQuad.keys()) quadSeen[bitOf(key)] = 1;
  // Plain indexed loops, no closure or iterator per position: in a megabyte paste those were megabytes of garbage,
  // and the young generation the collector grew for them stayed in the app's memory.
  const checkAt = (found: Set<string>, text: string, list: string[] | undefined, at: number) => {
    if (list === undefined) return;
    for (let k = 0; k < list.length; k++) {
      const t = list[k]!;
      if (!found.has(t) && text.startsWith(t, at)) found.add(t);
    }
  };
  const singles = bySingle.size > 0;
  const pairs = byPair.size > 0;
  const quads = byQuad.size > 0;
  return (text) => {
    const found = new Set<string>(always);
    const n = text.length;
    // The units at i, i + 1, i + 2 and i + 3 (0 past the end).
    let c0 = n > 0 ? text.charCodeAt(0) : 0;
    let c1 = n > 1 ? text.charCodeAt(1) : 0;
    let c2 = n > 2 ? text.charCodeAt(2) : 0;
    let c3 = n > 3 ? text.charCodeAt(3) : 0;
    for (let i = 0; i < n; i++) {
      if (singles) checkAt(found, text, bySingle.get(c0), i);
      if (i + 1 >= n) break;
      if (pairs) {
        const key = pairKey(c0, c1);
        if (pairSeen[bitOf(key)] === 1) checkAt(found, text, byPair.get(key), i);
      }
      if (quads && i + 3 < n) {
        const key = quadKey(c0, c1, c2, c3);
        if (quadSeen[bitOf(key)] === 1) checkAt(found, text, byQuad.get(key), i);
      }
      c0 = c1;
      c1 = c2;
      c2 = c3;
      c3 = i + 4 < n ? text.charCodeAt(i + 4) : 0;
    }
    return found;
  };
}
