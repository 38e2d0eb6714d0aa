import { Box } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import { StatusLine } from '../../src/ui/components/StatusLine.js';
import { THEME_TABLE } from '../../src/ui/theme.js';
import { afterEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text/display-width.js';
import type { Locale } from '../../src/core/knowledge/types.js';
import type { Route } from '../../src/ui/navigation.js';
import { bracketedPaste } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';
import { listLayout } from '../../src/ui/components/SelectList.js';
import { plain, waitForFrame } from '../helpers/wait-for.js';

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

describe('a short terminal', () => {
  it.each([10, 9])('Diagnose with two results, each of two lines, fits 80 x %i: the list drops its detail lines before it overflows', async (rows) => {
    const { lastFrame, stdin } = renderApp({ initial: [{ screen: 'diagnose', text: '' }], columns: 80, rows });
    await waitForFrame(lastFrame, /wcdoctor ›/);
    // Two matches from the fake engine, each with its evidence as a detail line.
    stdin.write(bracketedPaste('0x800705B4\rElement not found'));
    const frame = await waitForFrame(lastFrame, /2 matches/);
    expect(frame.split('\n').length).toBeLessThanOrEqual(rows - 1);
    expect(frame).toContain('wcdoctor ›');
  });
});

describe('listLayout', () => {
  const items = (n: number, detail: boolean) => Array.from({ length: n }, (_, i) => ({ key: String(i), label: `item ${i}`, ...(detail ? { detail: 'why' } : {}) }));
  it.each([
    // [items, with details, selected, height] → what is drawn
    [2, true, 0, 4, { perItem: 2, start: 0, end: 2, markers: true }],
    [5, true, 0, 7, { perItem: 2, start: 0, end: 2, markers: true }],
    [2, true, 0, 2, { perItem: 1, start: 0, end: 2, markers: true }],
    [3, true, 2, 2, { perItem: 1, start: 2, end: 3, markers: true }],
    [3, false, 1, 1, { perItem: 1, start: 1, end: 2, markers: false }],
    [9, false, 4, 5, { perItem: 1, start: 3, end: 6, markers: true }],
  ] as const)('%i items (details: %s), selected %i, in %i lines', (n, detail, selected, height, expected) => {
    const layout = listLayout(items(n, detail), selected, height);
    expect(layout).toEqual(expected);
    const drawn = (layout.end - layout.start) * layout.perItem + (layout.markers ? Number(layout.start > 0) + Number(layout.end < n) : 0);
    expect(drawn).toBeLessThanOrEqual(height);
  });

  it('gives a detail longer than its line a second line when the whole list fits so, and only then (found by a tester)', () => {
    const list = [{ key: 'a', label: 'a', detail: 'x'.repeat(50) }, { key: 'b', label: 'b', detail: 'short' }];
    // Two items of two lines and one more for the long detail: 5 lines.
    expect(listLayout(list, 0, 5, 40)).toEqual({ perItem: 3, start: 0, end: 2, markers: false });
    expect(listLayout(list, 0, 4, 40).perItem).toBe(2);
    expect(listLayout(list, 0, 5, 80).perItem).toBe(2);
    expect(listLayout(list, 0, 5).perItem).toBe(2);
  });
});

describe('a terminal smaller than any screen was laid out for (found by a helper at 40x10 and 50x12)', () => {
  const screens: { name: string; initial: Route[]; keys?: string }[] = [
    { name: 'home', initial: [{ screen: 'home' }] },
    { name: 'host check', initial: [{ screen: 'check' }] },
    { name: 'check collected output', initial: [{ screen: 'check', way: 'paste' }] },
    { name: 'compat', initial: [{ screen: 'compat' }] },
    { name: 'docs', initial: [{ screen: 'docs' }] },
    { name: 'topic', initial: [{ screen: 'topic', topicId: 'processor-count-start-timeout' }] },
    { name: 'diagnose, no match', initial: [{ screen: 'diagnose', text: '' }], keys: bracketedPaste('nothing of the kind is known here at all') },
    { name: 'settings', initial: [{ screen: 'settings' }] },
  ];
  const cases = screens.flatMap((s) => ([[40, 10], [50, 12], [40, 14]] as const).map(([columns, rows]) => ({ ...s, columns, rows })));
  it.each(cases)('$name at $columns x $rows keeps its breadcrumb and its key hints, and no frame, the first included, is taller than the terminal', async ({ initial, keys, columns, rows }) => {
    const { lastFrame, stdin, frames } = renderApp({ initial, columns, rows });
    await waitForFrame(lastFrame, /wcdoctor ›/);
    if (keys) stdin.write(keys);
    await new Promise((r) => setTimeout(r, 150));
    const lines = (lastFrame() ?? '').split('\n');
    // The first frame is drawn before the body is measured: in a short terminal it starts held to its rows (the version
    // check's was 15 lines at 40 x 14, found by a fuzzer helper).
    for (const f of frames) expect(f.split('\n').length).toBeLessThanOrEqual(rows - 1);
    expect(lines.length).toBeLessThanOrEqual(rows - 1);
    expect(lines[0]).toContain('wcdoctor ›');
    expect(lines.at(-1)).toMatch(/help|quit|back|exit/);
  });
});

describe('StatusLine given its width (found by a helper: wrapped lines started with a space)', () => {
  it.each([
    // A first line that fills its width exactly, then the rest: ink's wrap began the next line with the space.
    ['x'.repeat(20) + ' changes apply until you quit.', 22],
    ['...och det här är ingen. Kontrollera insamlade utdata i stället:', 40],
    ['"x" 은(는) 네트워크 이름으로 쓸 수 없습니다. 다른 이름을 쓰십시오.', 30],
  ])('%j at %i columns: no line starts with a space, none is wider', (text, width) => {
    const { lastFrame } = render(
      <Box width={width}>
        <StatusLine kind="error" text={text} theme={THEME_TABLE['no-color']} width={width} />
      </Box>,
    );
    // Measured as shown: without the bold and colour sequences (a CI run has colours).
    const lines = plain(lastFrame() ?? '').split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line, line).not.toMatch(/^ /);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
  });
});
