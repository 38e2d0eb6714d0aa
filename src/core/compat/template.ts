import { fillPlaceholders, placeholderNames } from '../text/placeholder.js';

/** Names of the `{{name}}` placeholders in a text (Go templates such as `{{.OsVersion}}` are not placeholders). */
export { placeholderNames };

/**
 * Fills the placeholders that have a value; the others stay as they are, for the fix runner to ask.
 * @example fillTemplate('docker run {{image}} {{x}}', { image: 'a:b' }) // 'docker run a:b {{x}}'
 */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return fillPlaceholders(text, (name) => values[name]);
}
