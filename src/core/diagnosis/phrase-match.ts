import { lowerCaseOf } from '../text/normalise.js';
/** Made on first use: V8 reads a pattern of Unicode properties when it is created, a sixth of a millisecond of every start. */
let wordChar: RegExp | undefined;
/** A letter, digit or underscore; ASCII without the Unicode pattern, which is costly to compile at start-up. */
export function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return (wordChar ??= /[\p{L}\p{N}_]/u).test(c);
}

/** Whether `phrase` at `at` in `text` is not glued to a word before it (checked where the phrase starts with a word character). */
const startsWhole = (text: string, at: number, phrase: string): boolean => !(isWordChar(phrase[0]) && isWordChar(text[at - 1]));
/** Whether the text at `end` does not glue a word onto a phrase that ends with a word character. */
const endsWhole = (text: string, end: number, phrase: string): boolean => !(isWordChar(phrase[phrase.length - 1]) && isWordChar(text[end]));

/** Whether a phrase's last word is made of ASCII lower-case letters only (normalised text has no upper case). */
function endsInLatinWord(phrase: string): boolean {
  let i = phrase.length - 1;
  while (i >= 0 && phrase[i]! >= 'a' && phrase[i]! <= 'z') i--;
  return i < phrase.length - 1 && !isWordChar(phrase[i]);
}

/**
 * The endings a word of the user's own vocabulary may carry in a paste beyond its keyword form: the
 * English plural ("leftover endpoints" for the keyword "leftover endpoint"). Longest first.
 */
export const LOOSE_ENDINGS = ['es', 's'] as const;

/**
 * Where a normalised phrase stands in the text as a whole, and the text it covers: "net use" is not
 * in "net user". The ends are checked only where the phrase itself starts or ends with a letter or
 * digit. With `loose`, a phrase whose last word is plain Latin letters (not a code such as 0x6be,
 * not "värden") may also end in one of LOOSE_ENDINGS: for keywords, the words people use, never for
 * literal error text.
 * @example findPhrase('run net user appsvc /add', 'net use') // undefined
 * @example findPhrase('two stale endpoints left', 'stale endpoint', { loose: true }) // 'stale endpoints'
 */
export function findPhrase(text: string, phrase: string, opts: { loose?: boolean } = {}): string | undefined {
  let at = text.indexOf(phrase);
  if (at < 0) return undefined;
  const loose = opts.loose === true && endsInLatinWord(phrase);
  for (; at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (!startsWhole(text, at, phrase)) continue;
    const end = at + phrase.length;
    if (endsWhole(text, end, phrase)) return phrase;
    if (!loose) continue;
    const ending = LOOSE_ENDINGS.find((e) => text.startsWith(e, end) && !isWordChar(text[end + e.length]));
    if (ending) return phrase + ending;
  }
  return undefined;
}

/**
 * Whether a normalised phrase stands in the text as a whole (see findPhrase).
 * @example hasPhrase('run net user appsvc /add', 'net use') // false
 */
export function hasPhrase(text: string, phrase: string, opts: { loose?: boolean } = {}): boolean {
  return findPhrase(text, phrase, opts) !== undefined;
}

/**
 * A word of the comparison form (lower case) as the text writes it, where it stands whole: "hnsCall"
 * for "hnscall", and "nat" never out of "signature". The word itself when the text has it nowhere so
 * (a Han or Hangul word, a text whose lower case changes its length).
 * @example wordAsWritten('hnsCall failed on network NAT', 'nat') === 'NAT'
 */
export function wordAsWritten(text: string, word: string): string {
  const lower = lowerCaseOf(text);
  if (!word || lower.length !== text.length) return word;
  for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1))
    if (startsWhole(text, at, word) && endsWhole(text, at + word.length, word)) return text.slice(at, at + word.length);
  return word;
}
