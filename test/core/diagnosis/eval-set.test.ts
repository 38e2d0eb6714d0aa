import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { realKnowledgeBase } from '../../helpers/real-kb.js';

/**
 * Our own evaluation set (test/fixtures/eval/pastes.jsonl, 361 pastes in the development set's
 * format: error lines, long tool output, prose, questions, six languages, 30 about no known issue),
 * scored the way ../shared/eval/score.mjs scores: a match is right when one of its sources has an
 * expected heading. The floors sit a little under today's figures, to catch a regression.
 */
const { kb } = realKnowledgeBase();
const norm = (h: string) =>
  h.replace(/<a name="[^"]*"><\/a>/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
const items = readFileSync(new URL('../../fixtures/eval/pastes.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; text: string; expected_sections: { heading: string }[] });

describe('the evaluation set', () => {
  it('keeps top-1, top-3 and rejection above their floors', () => {
    let pos = 0;
    let top1 = 0;
    let top3 = 0;
    let neg = 0;
    let rejected = 0;
    const misses: string[] = [];
    for (const item of items) {
      const { matches } = diagnose(kb, item.text);
      const want = new Set(item.expected_sections.map((s) => norm(s.heading)));
      if (!want.size) {
        neg++;
        if (matches.length === 0) rejected++;
        else misses.push(`${item.id}: expected none, got ${matches[0]?.id}`);
        continue;
      }
      pos++;
      const hit = (m: (typeof matches)[number]) => m.sources.some((s) => want.has(norm(s.heading)));
      if (matches[0] && hit(matches[0])) top1++;
      else misses.push(`${item.id}: got ${matches.map((m) => m.id).join(', ') || 'nothing'}`);
      if (matches.slice(0, 3).some(hit)) top3++;
    }
    expect(pos + neg).toBe(366);
    const figures = { top1: top1 / pos, top3: top3 / pos, reject: rejected / neg };
    expect(figures.top1, misses.join('\n')).toBeGreaterThanOrEqual(0.88);
    expect(figures.top3, misses.join('\n')).toBeGreaterThanOrEqual(0.92);
    expect(figures.reject, misses.join('\n')).toBeGreaterThanOrEqual(0.93);
  });
});
