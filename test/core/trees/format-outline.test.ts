import { describe, expect, it } from 'vitest';
import { formatTreeOutline } from '../../../src/core/trees/format-outline.js';
import { parseTrees } from '../../../src/core/trees/parse-trees.js';
import { chainTreeData, file, TOPICS, validTreeData } from './tree-fixtures.js';

const tree = parseTrees([file(validTreeData())], { topics: TOPICS }).trees[0]!;

describe('formatTreeOutline', () => {
  it('prints an indented outline with questions, answers, topics, fixes and collect leaves', () => {
    const out = formatTreeOutline(tree, { locale: 'en', topics: TOPICS });
    expect(out.split('\n')).toEqual([
      'sample: Sample tree',
      '  A tree for tests',
      '',
      '? What happens? [code]',
      '  - It is slow',
      '    ✔ [slow-start] Title of slow-start (fix: check-av)',
      '  - It fails',
      '    ? Which build? [build]',
      '      - 2016',
      '        ✔ [ws2016-rule] Title of ws2016-rule',
      '      - Later',
      '        ✔ [memory-low] Title of memory-low',
      '          Raise the limit',
      '  - Something else',
      '    ✖ Collect the error; paste it into `wcdoctor diagnose`',
      '      $ docker version',
    ]);
  });

  it('uses the chosen language, falling back to the English topic title', () => {
    const out = formatTreeOutline(tree, { locale: 'ko-KR', topics: TOPICS });
    expect(out).toContain('? Which build? (ko) [build]');
    expect(out).toContain('[slow-start] slow-start 제목');
    expect(formatTreeOutline(tree, { locale: 'zh-CN', topics: TOPICS })).toContain('[memory-low] Title of memory-low');
  });

  it('shows a question that several answers lead to once, and names it after that (a chain of such diamonds doubled the outline at each step)', () => {
    const chain = parseTrees([file(chainTreeData(16, 2))], { topics: [TOPICS[0]!] });
    expect(chain.problems).toEqual([]);
    const lines = formatTreeOutline(chain.trees[0]!, { locale: 'en', topics: TOPICS }).split('\n');
    // Each question once, its two answers, and the second answer's reference: linear in the depth, not 2^16.
    expect(lines.length).toBeLessThan(16 * 6);
    expect(lines.filter((l) => l.trim() === '? Question 15?')).toHaveLength(1);
    expect(lines.filter((l) => l.trim() === '↑ Question 2? (as above)')).toHaveLength(1);
    expect(lines.filter((l) => l.includes('[slow-start]'))).toHaveLength(2);
    const sv = formatTreeOutline(chain.trees[0]!, { locale: 'sv-SE', topics: TOPICS, words: { missing: '(nod saknas)', fix: (f) => f, above: '(som ovan)' } });
    expect(sv).toContain('↑ Question 2? (sv) (som ovan)');
  });
});
