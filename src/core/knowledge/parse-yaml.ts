import { parseDocument } from 'yaml';

/**
 * Parses a knowledge file's YAML (a topic, a tree, translations' front matter) into plain data, and throws an Error on
 * its first error or warning. The `yaml` package prints a warning (an unresolved tag) through process.emitWarning,
 * which reaches the terminal as it is: a tag holding escape sequences set the terminal's title and wrote its clipboard
 * while `kb check` said "ok" (found by an attacker helper). Here nothing is printed: a warning is a problem of the file,
 * which the caller words on one line with its control characters shown. Aliases are expanded at most 100 times, the
 * package's default (a "billion laughs" file is an error, not a hang).
 * @example parseKnowledgeYaml('a: 1') // {a: 1}
 */
export function parseKnowledgeYaml(text: string): unknown {
  const doc = parseDocument(text, { logLevel: 'silent' });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new Error(problem.message);
  return doc.toJS({ maxAliasCount: 100 }) as unknown;
}
