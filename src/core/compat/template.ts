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

/**
 * A command or snippet as it is shown to be copied: a value still to give is its name in capitals (`docker run
 * --isolation=hyperv IMAGE`), as the network plan writes it; `{{image}}` pasted into PowerShell is a script block, not a
 * word to replace (found by a tester). The action keeps its placeholders for the fix runner, which asks for them.
 */
export const shownCommand = (text: string): string => text.replace(/\{\{([a-z_]{1,40})\}\}/g, (_, name: string) => name.toUpperCase());
