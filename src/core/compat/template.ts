const PLACEHOLDER = /\{\{\s*([a-zA-Z_]\w*)\s*\}\}/g;

/** Names of the `{{name}}` placeholders in a text (Go templates such as `{{.OsVersion}}` are not placeholders). */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/**
 * Fills the placeholders that have a value; the others stay as they are, for the fix runner to ask.
 * @example fillTemplate('docker run {{image}} {{x}}', { image: 'a:b' }) // 'docker run a:b {{x}}'
 */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}
