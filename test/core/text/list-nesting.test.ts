import { describe, expect, it } from 'vitest';
import { deepestListNesting, MAX_LIST_NESTING } from '../../../src/core/text/list-nesting.js';

const nested = (levels: number, marker = '-') => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}${marker} level ${i}`).join('\n');

describe('deepestListNesting', () => {
  it.each([
    ['plain text', 'Restart the service.\nThen try again.', 0],
    ['one list', '- a\n- b', 1],
    ['two levels', '- a\n  - b', 2],
    ['ordered, indented by three', '1. a\n   1. b', 2],
    ['markers on one line (the attacker\'s form)', `${'- '.repeat(30)}x`, 30],
    ['lists inside quotes inside lists', '- > - > - x', 3],
    ['twenty-four levels by indentation', nested(24), 24],
    ['a tab is four columns', '\t\t- x', 5],
    ['a thematic break or front matter line is no list', '---\n***', 0],
    ['an arrow is no list', '-> foo', 0],
    ['deep YAML inside a fenced block is code, not a list', '```yaml\n                    - a: 1\n```\n- b', 1],
    ['a tilde fence closes only with its own kind', '~~~\n```\n                    - a\n~~~\n- b', 1],
    ['an unclosed fence hides the rest', '```\n                    - a', 0],
  ])('%s', (_, text, depth) => {
    expect(deepestListNesting(text)).toBe(depth);
  });

  it('the bound is above what the shipped knowledge uses (at most four levels) and below what cannot be drawn', () => {
    expect(MAX_LIST_NESTING).toBeGreaterThanOrEqual(4);
    expect(MAX_LIST_NESTING).toBeLessThanOrEqual(10);
  });

  it('reads a megabyte of list markers in linear time', () => {
    expect(deepestListNesting(`${'- '.repeat(500_000)}x`)).toBe(500_000);
    expect(deepestListNesting(`${' '.repeat(1_000_000)}x`)).toBe(0);
  });
});
