/** One validation problem in a knowledge file: which file, which field, what is wrong. */
export interface Problem {
  file: string;
  field: string;
  message: string;
}

/** Formats a problem as `file: field: message`, the form `kb check` prints. */
export const formatProblem = (p: Problem): string => `${p.file}: ${p.field}: ${p.message}`;

/** A raw data file as read from knowledge/: its path relative to the repo and its parsed YAML. */
export interface RawFile {
  file: string;
  data: unknown;
  /** Set when the file could not be read or is not valid YAML. */
  error?: string;
}
