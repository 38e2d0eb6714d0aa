import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text/display-width.js';
import type { Locale } from '../../src/core/knowledge/types.js';
import type { Route } from '../../src/ui/navigation.js';
import { bracketedPaste } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';
import { waitForFrame } from '../helpers/wait-for.js';

afterEach(() => cleanup());

const PASTE = Array.from({ length: 30 }, (_, i) => `line ${i}: 'web' failed to start: This operation returned because the timeout period expired. (0x800705B4)`).join('\r');

const SCREENS: { name: string; initial: Route[]; ready: RegExp; keys?: string }[] = [
  { name: 'home', initial: [{ screen: 'home' }], ready: /wcdoctor ›/ },
  { name: 'help', initial: [{ screen: 'home' }], ready: /\?/, keys: '?' },
  { name: 'diagnose', initial: [{ screen: 'diagnose', text: '' }], ready: /0x800705B4/, keys: bracketedPaste(PASTE) },
  { name: 'topic', initial: [{ screen: 'topic', topicId: 'processor-count-start-timeout', locale: 'ko-KR' }], ready: /프로세서 수가/ },
  { name: 'docs', initial: [{ screen: 'docs' }], ready: /wcdoctor ›/ },
  { name: 'settings', initial: [{ screen: 'settings' }], ready: /wcdoctor ›/ },
];

const CASES = SCREENS.flatMap((s) =>
  ([
    [80, 24, 'en'],
    [60, 24, 'zh-CN'],
    [60, 20, 'ko-KR'],
    [80, 24, 'sv-SE'],
  ] as [number, number, Locale][]).map(([columns, rows, locale]) => ({ ...s, columns, rows, locale })),
);

describe('layout', () => {
  it.each(CASES)('$name fits $columns x $rows in $locale (display width, not string length)', async ({ initial, ready, keys, columns, rows, locale }) => {
    const { lastFrame, stdin } = renderApp({ initial, columns, rows, locale });
    await waitForFrame(lastFrame, /wcdoctor ›/);
    if (keys) stdin.write(keys);
    const frame = await waitForFrame(lastFrame, ready);
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(rows - 1);
    for (const line of lines) expect(displayWidth(line.trimEnd()), line).toBeLessThanOrEqual(columns);
  });
});
