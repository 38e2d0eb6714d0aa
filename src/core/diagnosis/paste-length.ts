/** More non-empty lines than one error takes: a kubectl describe, a log. */
const LONG_PASTE_LINES = 6;
/** More characters than one error line takes. */
const LONG_PASTE_CHARS = 2000;

/** Whether a paste is a whole dump (a kubectl describe, a log), where asking for more of it is no advice. */
export const isLongPaste = (paste: string): boolean => {
  // A single line of kilobytes (a log joined on one line, a JSON dump) is a whole dump too.
  if (paste.length > LONG_PASTE_CHARS) return true;
  let lines = 0;
  for (const line of paste.split('\n')) if (line.trim() && ++lines > LONG_PASTE_LINES) return true;
  return false;
};
