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

  it('finds a key twice in any map, nested and in flow style, and keeps one of each kind (1 and "1" are two keys)', () => {
    expect(() => parseKnowledgeYaml('x:\n  k: 1\n  k: 2\n')).toThrow(/^Map keys must be unique \(line 3\)$/);
    expect(() => parseKnowledgeYaml('a: {b: 1}\nc: [1, {d: 1, d: 2}]\n')).toThrow(/unique \(line 2\)/);
    expect(parseKnowledgeYaml('1: a\n"1": b\n')).toEqual({ 1: 'b' });
    expect(parseKnowledgeYaml('a: {b: 1}\nc: {b: 2}\n')).toEqual({ a: { b: 1 }, c: { b: 2 } });
  });

  it('reads a map of 40,000 keys in linear time (the package compared each key with every earlier one: 153 s in kb check, found by an attacker helper)', () => {
    const big = `x:\n${Array.from({ length: 40000 }, (_, i) => `  k${i}: ${i}`).join('\n')}\n`;
    expect(Object.keys((parseKnowledgeYaml(big) as { x: object }).x)).toHaveLength(40000);
    expect(() => parseKnowledgeYaml(`${big}  k5: again\n`)).toThrow(/unique \(line 40002\)/);
  });
});
