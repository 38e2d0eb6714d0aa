import { oneLine } from '../text/terminal-safe.js';

/** One validation problem in a knowledge file: which file, which field, what is wrong. */
export interface Problem {
  file: string;
  field: string;
  message: string;
}

/**
 * Formats a problem as `file: field: message`, the form `kb check` prints, on one line: a file's name and the values a
 * message quotes come from the folder being checked, and a line feed in them printed a line of its own (a contributed
 * topic's `related: ["x\n…kb check: ok…"]` showed a verdict kb check never gave: an attacker helper).
 */
export const formatProblem = (p: Problem): string => oneLine(`${p.file}: ${p.field}: ${p.message}`);

/** A raw data file as read from knowledge/: its path relative to the repo and its parsed YAML. */
export interface RawFile {
  file: string;
  data: unknown;
  /** Set when the file could not be read or is not valid YAML. */
  error?: string;
}
