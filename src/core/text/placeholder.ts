/**
 * The one `{{name}}` placeholder pattern of the knowledge (tldr's token): a name of letters, digits and
 * `_` that starts with a letter or `_`, with optional spaces inside the braces. Go templates such as
 * `{{.OsVersion}}` are not placeholders. Global; a sticky copy (flag `y`, built from its source) reads a template left to right.
 */
export const PLACEHOLDER = /\{\{\s*([a-zA-Z_]\w*)\s*\}\}/g;

/**
 * Names of the placeholders in a text, in order of first use, each once.
 * @example placeholderNames('docker run {{image}} {{ x }} {{image}}') // ['image', 'x']
 */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/**
 * Replaces each placeholder with what `value` gives for its name; one it gives nothing for stays as it is.
 * @example fillPlaceholders('docker run {{image}} {{x}}', (n) => ({ image: 'a:b' })[n]) // 'docker run a:b {{x}}'
 */
export function fillPlaceholders(text: string, value: (name: string) => string | undefined): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => value(name) ?? whole);
}

const SOLE = /^\{\{\s*([a-zA-Z_]\w*)\s*\}\}$/;

/**
 * The name when the whole text is one placeholder, else undefined.
 * @example solePlaceholder('{{ name }}') === 'name'; solePlaceholder('x{{name}}') === undefined
 */
export const solePlaceholder = (text: string): string | undefined => SOLE.exec(text)?.[1];
