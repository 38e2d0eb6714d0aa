// Issue 11, item 1, in the app: a 149-byte docker run line typed or pasted into Diagnose used to pin
// the CPU (the image pattern backtracked exponentially), so neither Ctrl+C nor q got through. With
// the real engine and knowledge, the paste is answered and Ctrl+C still quits.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { loadKnowledgeBase } from '../../src/platform/knowledge-fs.js';
import { fakePlatform } from '../helpers/fake-platform.js';
import { KEYS, bracketedPaste } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';
import { waitForFrame } from '../helpers/wait-for.js';

afterEach(() => cleanup());

const LINE = `docker run${' --a'.repeat(34)} !`;

describe('the app stays responsive on a hostile paste', () => {
  it.each([
    ['as keystrokes', (s: string) => s],
    ['as a bracketed paste', bracketedPaste],
  ])('answers a 149-byte docker run line %s, then Ctrl+C quits', async (_how, wrap) => {
    expect(LINE.length).toBeGreaterThanOrEqual(140);
    const onQuit = vi.fn();
    const kb = loadKnowledgeBase();
    const { lastFrame, stdin, t } = renderApp({ platform: fakePlatform({ kb }), diagnose, initial: [{ screen: 'diagnose', text: '' }], onQuit });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(wrap(LINE));
    await waitForFrame(lastFrame, t('diagnose.results.none').split('.')[0]!);
    stdin.write(KEYS.ctrlC);
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1));
  }, 15_000);
});
