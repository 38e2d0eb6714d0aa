import { isMap, isScalar, parseDocument, visit } from 'yaml';

/**
 * Parses a knowledge file's YAML (a topic, a tree, translations' front matter) into plain data, and throws an Error on
 * its first error or warning. The `yaml` package prints a warning (an unresolved tag) through process.emitWarning,
 * which reaches the terminal as it is: a tag holding escape sequences set the terminal's title and wrote its clipboard
 * while `kb check` said "ok" (found by an attacker helper). Here nothing is printed: a warning is a problem of the file,
 * which the caller words on one line with its control characters shown. Aliases are expanded at most 100 times, the
 * package's default (a "billion laughs" file is an error, not a hang). A key twice in one map is an error, found here
 * (duplicateKey) rather than by the package, whose check compares each key with every earlier one of its map: a
 * contributed topic with a map of 80,000 keys (1.3 MB) held `kb check` for 153 s (a second attacker helper).
 * @example parseKnowledgeYaml('a: 1') // {a: 1}
 */
export function parseKnowledgeYaml(text: string): unknown {
  const doc = parseDocument(text, { logLevel: 'silent', uniqueKeys: false });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new Error(problem.message);
  const twice = duplicateKey(doc, text);
  if (twice) throw new Error(twice);
  return doc.toJS({ maxAliasCount: 100 }) as unknown;
}

/** The first key found twice in one map, as the package words it, or undefined: each map's keys in a set, once. */
function duplicateKey(doc: ReturnType<typeof parseDocument>, text: string): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Map(_key, map) {
      if (!isMap(map)) return undefined;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // Scalar keys compare by value (as the package's own check does); a collection as a key is never the same as another.
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          const line = pair.key && typeof pair.key === 'object' && 'range' in pair.key && Array.isArray(pair.key.range) ? lineOf(text, pair.key.range[0] as number) : undefined;
          found = `Map keys must be unique${line ? ` (line ${line})` : ''}`;
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

/** The 1-based line of an offset in the text. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
