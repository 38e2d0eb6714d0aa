import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { fakePlatform } from '../helpers/fake-platform.js';
import { KEYS } from '../helpers/keys.js';
import { realKb } from '../helpers/real-kb.js';
import { renderApp } from '../helpers/render.js';
import { waitForFrame, waitForSettledFrame } from '../helpers/wait-for.js';

afterEach(() => cleanup());

describe('the topic view when the terminal is resized', () => {
  it('keeps the fix with the cursor in view as the text reflows (a new-user helper: 60 × 20 → 100 × 30 lost it)', async () => {
    const kb = realKb();
    const topic = kb.topics.filter((x) => x.fixes.length >= 3).sort((a, b) => b.fixes.length - a.fixes.length)[0]!;
    const r = renderApp({ platform: fakePlatform({ kb, settings: { language: 'en' } }), initial: [{ screen: 'topic', topicId: topic.id }], columns: 60, rows: 20 });
    await waitForFrame(r.lastFrame, /lines 1/);
    const last = topic.fixes.length - 1;
    // To the last fix (the first Tab goes to the fixes), which the screen scrolls into view.
    for (let i = 0; i <= last; i++) r.stdin.write(KEYS.tab);
    await waitForFrame(r.lastFrame, /❯ /);
    // Narrower, then wider than ever (the text rendered at a new width arrives a render later: a regression tester's
    // 40 → 120 columns lost it), then back.
    for (const [columns, rows] of [[100, 30], [40, 20], [120, 20], [60, 30], [140, 24]] as const) {
      r.resize(columns, rows);
      expect(await waitForSettledFrame(r.lastFrame), `${columns} x ${rows}`).toMatch(/❯ /);
    }
  });

  it('… also when the terminal grows past any width it had (a regression tester: 60 × 30, two Tabs, 40 × 20, then 120 × 20)', async () => {
    const kb = realKb();
    const r = renderApp({ platform: fakePlatform({ kb, settings: { language: 'en' } }), initial: [{ screen: 'topic', topicId: 'processor-count-start-timeout' }], columns: 60, rows: 30 });
    await waitForFrame(r.lastFrame, /lines 1/);
    r.stdin.write(KEYS.tab);
    r.stdin.write(KEYS.tab);
    await waitForFrame(r.lastFrame, /❯ /);
    for (const [columns, rows] of [[40, 20], [120, 20], [60, 30]] as const) {
      r.resize(columns, rows);
      expect(await waitForSettledFrame(r.lastFrame), `${columns} x ${rows}`).toMatch(/❯ /);
    }
  });
});
