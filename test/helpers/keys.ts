/** Named key sequences as a terminal sends them. */
export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  ctrlU: '\u0015',
  ctrlC: '\u0003',
  pasteStart: '\u001B[200~',
  pasteEnd: '\u001B[201~',
} as const;

/** Text wrapped in bracketed-paste markers, as a terminal sends a paste. */
export const bracketedPaste = (text: string): string => `${KEYS.pasteStart}${text}${KEYS.pasteEnd}`;

/** Types text key by key, one chunk of input per character, as a person does (a prompt ignores a burst). */
export function typeKeys(stdin: { write(s: string): void }, text: string): void {
  for (const ch of text) stdin.write(ch);
}
