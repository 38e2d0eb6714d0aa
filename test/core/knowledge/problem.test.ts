import { describe, expect, it } from 'vitest';
import { formatProblem, MAX_PROBLEM_CHARS } from '../../../src/core/knowledge/problem.js';

describe('formatProblem', () => {
  it('prints file, field and message on one line', () => {
    expect(formatProblem({ file: 'knowledge/topics/x.yaml', field: 'related[0]', message: 'a\nb' })).toBe('knowledge/topics/x.yaml: related[0]: a␊b');
  });

  it('cuts a line longer than MAX_PROBLEM_CHARS and says how much is left (15,000 unknown keys were one line of 139 KB: an attacker helper)', () => {
    const keys = Array.from({ length: 15_000 }, (_, i) => `"k${i}"`).join(', ');
    const line = formatProblem({ file: 'f.yaml', field: '(root)', message: `Unrecognized keys: ${keys}` });
    expect(line.length).toBeLessThan(MAX_PROBLEM_CHARS + 40);
    expect(line).toMatch(/^f\.yaml: \(root\): Unrecognized keys: "k0", "k1".*… \(\d+ more characters\)$/);
    // Never between the halves of an astral character.
    const astral = formatProblem({ file: 'f', field: 'x', message: `${'a'.repeat(MAX_PROBLEM_CHARS - 7)}${'😀'.repeat(10)}` });
    expect(astral).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
