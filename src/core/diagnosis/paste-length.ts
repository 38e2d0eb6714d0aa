/** More non-empty lines than one error takes: a kubectl describe, a log. */
const LONG_PASTE_LINES = 6;

/** Whether a paste is a whole dump (a kubectl describe, a log), where asking for more of it is no advice. */
export const isLongPaste = (paste: string): boolean => {
  let lines = 0;
  for (const line of paste.split('\n')) if (line.trim() && ++lines > LONG_PASTE_LINES) return true;
  return false;
};
