import { describe, expect, it, vi } from 'vitest';
import { parseKnowledgeYaml } from '../../../src/core/knowledge/parse-yaml.js';

describe('parseKnowledgeYaml', () => {
  it('parses plain data, aliases within the bound', () => {
    expect(parseKnowledgeYaml('a: &x [1, 2]\nb: *x\n')).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it('throws on a warning instead of printing it, and on an error', () => {
    const warned = vi.spyOn(process, 'emitWarning');
    try {
      expect(() => parseKnowledgeYaml('category: !<t\u001b]0;X\u0007> networking\n')).toThrow(/^Unresolved tag: t\u001b\]0;X\u0007/);
      expect(() => parseKnowledgeYaml('x: !custom 1\n')).toThrow(/Unresolved tag/);
      expect(warned).not.toHaveBeenCalled();
    } finally {
      warned.mockRestore();
    }
    expect(() => parseKnowledgeYaml('a: [unclosed')).toThrow();
    expect(() => parseKnowledgeYaml('a: 1\na: 2\n')).toThrow(/unique/);
  });

  it('refuses a "billion laughs" file quickly', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    expect(() => parseKnowledgeYaml(levels.join('\n'))).toThrow(/alias/i);
  });
});
