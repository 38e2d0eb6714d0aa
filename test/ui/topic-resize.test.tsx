import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakePlatform } from '../helpers/fake-platform.js';
import { KEYS } from '../helpers/keys.js';
import { realKb } from '../helpers/real-kb.js';
import { renderApp } from '../helpers/render.js';
import { plain, waitForFrame } from '../helpers/wait-for.js';

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
    let before = 60;
    for (const [columns, rows] of [[100, 30], [40, 20], [120, 20], [60, 30], [140, 24]] as const) {
      r.resize(columns, rows);
      await cursorInViewAt(r.lastFrame, before, columns, rows);
      before = columns;
    }
  });

  it('… also when the terminal grows past any width it had (a regression tester: 60 × 30, two Tabs, 40 × 20, then 120 × 20)', async () => {
    const kb = realKb();
    const r = renderApp({ platform: fakePlatform({ kb, settings: { language: 'en' } }), initial: [{ screen: 'topic', topicId: 'processor-count-start-timeout' }], columns: 60, rows: 30 });
    await waitForFrame(r.lastFrame, /lines 1/);
    r.stdin.write(KEYS.tab);
    r.stdin.write(KEYS.tab);
    await waitForFrame(r.lastFrame, /❯ /);
    let before = 60;
    for (const [columns, rows] of [[40, 20], [120, 20], [60, 30]] as const) {
      r.resize(columns, rows);
      await cursorInViewAt(r.lastFrame, before, columns, rows);
      before = columns;
    }
  });
});

/**
 * Waits until the view is drawn at the new size (no row wider than a narrower terminal; a row wider than the old one in
 * a wider terminal) with the selected fix's cursor in it. A frame that stayed unchanged for a quarter of a second was
 * taken as the last one: on a loaded machine (a load of 7) the reflow's second render came later than that, and the test
 * read the frame before it.
 */
async function cursorInViewAt(lastFrame: () => string | undefined, before: number, columns: number, rows: number): Promise<void> {
  let frame = '';
  const drawnAtNewSize = (f: string) => {
    const widest = Math.max(...f.split('\n').map((l) => l.length));
    return columns < before ? widest <= columns : widest > before;
  };
  try {
    await vi.waitFor(
      () => {
        frame = plain(lastFrame());
        expect(drawnAtNewSize(frame)).toBe(true);
        expect(frame).toMatch(/❯ /);
      },
      { timeout: 10000, interval: 20 },
    );
  } catch {
    expect(drawnAtNewSize(frame), `${columns} x ${rows}: drawn at the new width`).toBe(true);
    expect(frame, `${columns} x ${rows}`).toMatch(/❯ /);
  }
}
