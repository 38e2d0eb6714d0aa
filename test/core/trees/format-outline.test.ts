import { describe, expect, it } from 'vitest';
import { formatTreeOutline } from '../../../src/core/trees/format-outline.js';
import { parseTrees } from '../../../src/core/trees/parse-trees.js';
import { file, TOPICS, validTreeData } from './tree-fixtures.js';

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
});
