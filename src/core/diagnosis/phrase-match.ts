const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** A letter, digit or underscore; ASCII without the Unicode pattern, which is costly to compile at start-up. */
function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return WORD_CHAR.test(c);
}

/**
 * Whether a normalised phrase stands in the text as a whole: "net use" is not in "net user".
 * The ends are checked only where the phrase itself starts or ends with a letter or digit.
 * @example hasPhrase('run net user appsvc /add', 'net use') // false
 */
export function hasPhrase(text: string, phrase: string): boolean {
  let at = text.indexOf(phrase);
  if (at < 0) return false;
  const wordStart = isWordChar(phrase[0]);
  const wordEnd = isWordChar(phrase[phrase.length - 1]);
  for (; at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (wordStart && isWordChar(text[at - 1])) continue;
    if (wordEnd && isWordChar(text[at + phrase.length])) continue;
    return true;
  }
  return false;
}
