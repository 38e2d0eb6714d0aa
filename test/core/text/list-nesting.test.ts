import { describe, expect, it } from 'vitest';
import { Lexer } from 'marked';
import { deepestListNesting as nesting, MAX_LIST_NESTING } from '../../../src/core/text/list-nesting.js';

const deepestListNesting = (text: string, lex: Parameters<typeof nesting>[1] = (m) => new Lexer().lex(m)) => nesting(text, lex);

const nested = (levels: number, marker = '-') => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}${marker} level ${i}`).join('\n');

describe('deepestListNesting', () => {
  it.each([
    ['plain text', 'Restart the service.\nThen try again.', 0],
    ['one list', '- a\n- b', 1],
    ['two levels', '- a\n  - b', 2],
    ['ordered, indented by three', '1. a\n   1. b', 2],
    ["markers on one line (the attacker's form)", `${'- '.repeat(30)}x`, 30],
    ['lists inside quotes inside lists: each quote a level too', '- > - > - x', 5],
    ['quotes alone', Array.from({ length: 12 }, (_, i) => `${'>'.repeat(i + 1)} .`).join('\n'), 12],
    ['twenty-four levels by indentation', nested(24), 24],
    ['a thematic break is no list', '---\n\n***\n\n* * * * * * * * * *', 0],
    ['an arrow is no list', '-> foo', 0],
    ['deep YAML inside a fenced block is code, not a list', '```yaml\n                    - a: 1\n```\n- b', 1],
    ['deep indentation without a fence is code too', 'Text.\n\n                    - a\n                      - b', 0],
    // Three ways past a reading line by line, which marked still nests (found by a reviewer).
    ['a fence line marked reads as a paragraph', `\`\`\` a\`b\n\n${nested(12)}`, 12],
    ['a fence inside an HTML block', `<div>\n\`\`\`\n</div>\n\n${nested(12)}`, 12],
    ['indentation after a quote mark', Array.from({ length: 12 }, (_, i) => `>${'  '.repeat(i)} - level ${i}`).join('\n'), 13],
  ])('%s', (_, text, depth) => {
    expect(deepestListNesting(text)).toBe(depth);
  });

  it('the bound is above what the shipped knowledge uses (at most four levels) and below what cannot be drawn', () => {
    expect(MAX_LIST_NESTING).toBeGreaterThanOrEqual(4);
    expect(MAX_LIST_NESTING).toBeLessThanOrEqual(10);
  });

  it('answers a megabyte of list markers from its lines, without lexing it', () => {
    let lexed = 0;
    const lex = () => {
      lexed++;
      return [];
    };
    expect(deepestListNesting(`${'- '.repeat(500_000)}x`, lex)).toBe(500_000);
    expect(lexed).toBe(0);
    expect(deepestListNesting(`${' '.repeat(1_000_000)}x`, lex)).toBe(0);
    expect(lexed).toBe(1);
    // Runs of quote marks, tabs, separators, newlines and control characters: read line by line, never lexed when deep.
    expect(deepestListNesting('>'.repeat(1_000_000), lex)).toBe(1_000_000);
    expect(deepestListNesting(`${'\t'.repeat(200_000)}- x`, lex)).toBe(400_001);
    expect(deepestListNesting(`${'- \t'.repeat(200_000)}\u0007`, lex)).toBe(200_000);
    expect(lexed).toBe(1);
    expect(deepestListNesting('\n'.repeat(1_000_000), lex)).toBe(0);
    expect(deepestListNesting('\u001b[2J\r'.repeat(100_000), lex)).toBe(0);
  });

  it('counts a text the lexer cannot read as too deep', () => {
    expect(
      deepestListNesting('- a', () => {
        throw new RangeError('Maximum call stack size exceeded');
      }),
    ).toBe(Number.POSITIVE_INFINITY);
  });
});
