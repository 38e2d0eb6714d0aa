import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text/display-width.js';
import { createMarkdownRenderer } from '../../src/ui/markdown/create-markdown-renderer.js';
import { stripAnsi, wrapAnsiLine } from '../../src/core/text/wrap-ansi.js';
import { tailLines } from '../../src/ui/components/TextArea.js';

describe('wrapAnsiLine', () => {
  it('wraps at spaces by display width', () => {
    expect(wrapAnsiLine('the quick brown fox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
  });

  it.each([
    ['프로세서 수가 4코어 VM에서 1 또는 2인 경우 컨테이너 시작에 실패합니다.', 20],
    ['当 4 核 VM 上的处理器计数为 1 或 2 时，启动容器会失败并显示超时错误', 16],
  ])('keeps CJK and Hangul lines within the width: %s', (text, width) => {
    const lines = wrapAnsiLine(text, width);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });

  it('re-opens and closes styles on each line so any slice renders on its own', () => {
    const lines = wrapAnsiLine('\u001B[1mbold words that wrap\u001B[22m plain', 10);
    expect(lines[0]).toBe('\u001B[1mbold words\u001B[0m');
    expect(lines[1]).toBe('\u001B[1mthat wrap\u001B[22m');
    expect(stripAnsi(lines.join(' '))).toBe('bold words that wrap plain');
  });
});

describe('tailLines', () => {
  it('returns the last lines and the total without splitting everything', () => {
    expect(tailLines('a\nb\nc\nd', 2)).toEqual({ lines: ['c', 'd'], total: 4 });
    expect(tailLines('only', 3)).toEqual({ lines: ['only'], total: 1 });
  });
});

describe('createMarkdownRenderer', () => {
  it('renders Markdown without raw markup in tight lists, and strips colour when asked', async () => {
    const r = await createMarkdownRenderer({ width: 60, color: false });
    const out = r.render('### Heading\n\n- item **bold**\n- item `code`\n\n```powershell\nGet-Thing\n```');
    expect(out).not.toContain('**');
    expect(out).not.toContain('###');
    expect(out).toContain('Heading');
    expect(out).toContain('Get-Thing');
    expect(out).toBe(stripAnsi(out));
    expect(await createMarkdownRenderer({ width: 60, color: false })).toBe(r);
  });
});
