import { oneLine } from '../text/terminal-safe.js';

/** One validation problem in a knowledge file: which file, which field, what is wrong. */
export interface Problem {
  file: string;
  field: string;
  message: string;
}

/** How much of a problem's line is printed: a file, a field and what is wrong with it, with room for the values it quotes. */
export const MAX_PROBLEM_CHARS = 1000;

/**
 * Formats a problem as `file: field: message`, the form `kb check` prints, on one line: a file's name and the values a
 * message quotes come from the folder being checked, and a line feed in them printed a line of its own (a contributed
 * topic's `related: ["x\n…kb check: ok…"]` showed a verdict kb check never gave: an attacker helper), and at most
 * MAX_PROBLEM_CHARS long.
 */
export const formatProblem = (p: Problem): string => {
  const line = oneLine(`${p.file}: ${p.field}: ${p.message}`);
  // A message that lists what it found (15,000 unknown keys) was one line of 139 KB (an attacker helper).
  if (line.length <= MAX_PROBLEM_CHARS) return line;
  // Not between the two halves of a character outside the BMP.
  const cut = /[\ud800-\udbff]/.test(line[MAX_PROBLEM_CHARS - 1] ?? '') ? MAX_PROBLEM_CHARS - 1 : MAX_PROBLEM_CHARS;
  return `${line.slice(0, cut)}… (${line.length - cut} more characters)`;
};

/** A raw data file as read from knowledge/: its path relative to the repo and its parsed YAML. */
export interface RawFile {
  file: string;
  data: unknown;
  /** Set when the file could not be read or is not valid YAML. */
  error?: string;
}
