import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text/display-width.js';
import { resolveTopicText } from '../../src/core/knowledge/topic-text.js';
import { buildTopicLines } from '../../src/ui/screens/topic/lines.js';
import { tFor } from '../helpers/i18n.js';
import { realKb } from '../helpers/real-kb.js';

// A fix's line in the topic view, wrapped: its second line under the title, not under the mark (found by a tester:
// "❯ Give the container three or more processors (low / risk, run as administrator)" went on at the first column).
describe('the topic view: list items that wrap', () => {
  const kb = realKb();
  const text = (l: string | { text: string }) => (typeof l === 'string' ? l : l.text);

  it.each(['en', 'zh-CN'] as const)('goes on under the title of a fix and of a source, at 50 columns (%s)', (locale) => {
    const topic = kb.topics.find((t) => t.fixes.length > 0 && (t.sources?.length ?? 0) > 0)!;
    const t = tFor(locale);
    for (const selected of [undefined, 0]) {
      const { lines, fixAt } = buildTopicLines(resolveTopicText(kb, topic, locale), [], undefined, t, 50, selected);
      const all = lines.map(text);
      for (const l of all) expect(displayWidth(l), l).toBeLessThanOrEqual(50);
      const first = all[fixAt[0]!]!;
      expect(first).toMatch(/^[•❯] /);
      // The lines of the first fix up to its command (indented by two, as the command is) go on under its title.
      const next = all[fixAt[0]! + 1]!;
      expect(next.startsWith('  '), `${first}\n${next}`).toBe(true);
    }
  });
});

describe('the topic view: the summary', () => {
  it("shows inline code without its Markdown backticks, as the rendered text does (a new-user helper saw `--isolation=hyperv`)", () => {
    const kb = realKb();
    const topic = kb.topics.find((x) => x.id === 'hyperv-container-default-memory')!;
    const view = resolveTopicText(kb, topic, 'en');
    expect(view.summary).toContain('`--isolation=hyperv`');
    const { lines } = buildTopicLines(view, [], undefined, tFor('en'), 200);
    const summary = lines.map((l) => (typeof l === 'string' ? l : l.text)).join('\n');
    expect(summary).toContain('what --isolation=hyperv asks for');
    expect(summary).not.toContain('`');
  });
});
