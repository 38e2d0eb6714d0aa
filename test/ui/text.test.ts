import chalk from 'chalk';
import { describe, expect, it, vi } from 'vitest';
import { displayWidth } from '../../src/core/text/display-width.js';
import { createMarkdownRenderer } from '../../src/ui/markdown/create-markdown-renderer.js';
import { stripEscapeSequences } from '../../src/core/text/normalise.js';
import { wrapAnsiLine } from '../../src/core/text/wrap-ansi.js';
import { tailLines } from '../../src/ui/components/TextArea.js';
import { safeText } from '../../src/ui/text/safe-text.js';
import stringWidth from 'string-width';

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

  // Where a line may break: at spaces, and between Han characters, but never inside a Latin or Hangul
  // word that fits on a line, never before closing punctuation, never with a space at a line start.
  it.each([
    ['a Latin word inside Chinese text stays whole', '以管理员身份运行 administrator 账户中的命令', 20, ['以管理员身份运行', 'administrator 账户中', '的命令']],
    ['Chinese breaks between characters, not before a full stop', '容器主机上的所有容器。', 10, ['容器主机上', '的所有容', '器。']],
    ['Korean breaks at spaces only', '컨테이너 호스트에서 실행합니다', 12, ['컨테이너', '호스트에서', '실행합니다']],
    ['Swedish breaks at spaces', 'Kör som administratör på containervärden', 16, ['Kör som', 'administratör på', 'containervärden']],
    ['no line starts with a space', 'one  two   three', 5, ['one', 'two', 'three']],
    ['a word wider than the line is cut, as nothing else fits', 'abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['an indented code line keeps its indent when it wraps', '  Get-NetNatStaticMapping | Remove-NetNatStaticMapping', 30, ['  Get-NetNatStaticMapping |', '  Remove-NetNatStaticMapping']],
  ])('%s', (_name, text, width, expected) => {
    const lines = wrapAnsiLine(text, width);
    expect(lines).toEqual(expected);
    for (const l of lines) {
      expect(displayWidth(l)).toBeLessThanOrEqual(width);
      expect(l.startsWith(' ') && !text.startsWith(' ')).toBe(false);
    }
  });

  it('re-opens and closes styles on each line so any slice renders on its own', () => {
    const lines = wrapAnsiLine('\u001B[1mbold words that wrap\u001B[22m plain', 10);
    expect(lines[0]).toBe('\u001B[1mbold words\u001B[0m');
    expect(lines[1]).toBe('\u001B[1mthat wrap\u001B[22m');
    expect(stripEscapeSequences(lines.join(' '))).toBe('bold words that wrap plain');
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
    expect(out).toBe(stripEscapeSequences(out));
    expect(await createMarkdownRenderer({ width: 60, color: false })).toBe(r);
  });

  it('keeps a paragraph after a block of HTML on a line of its own (it was joined to the last tag: an attacker helper)', async () => {
    for (const color of [true, false]) {
      const out = stripEscapeSequences((await createMarkdownRenderer({ width: 60, color })).render('<div>block</div>\n\nNext.\n\nInline <i>x</i> here.'));
      expect(out).toBe('<div>block</div>\n\nNext.\n\nInline <i>x</i> here.');
    }
  });

  it('draws text at the allowed depth without multiplying its colour codes (2,000 short paragraphs 8 lists deep were 12 MB; a regression tester got 124 MB)', async () => {
    const deep = `${Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n\n${Array.from({ length: 2000 }, () => `${'  '.repeat(8)}.`).join('\n\n')}`;
    const out = (await createMarkdownRenderer({ width: 80, color: true })).render(deep);
    expect(out.length).toBeLessThan(200_000);
    expect(stripEscapeSequences(out)).toContain('level 7');
  });

  it('shows lists nested deeper than it can draw as they are written (24 levels took 34 s and 5 GB in colour; an attacker helper)', async () => {
    const deep = Array.from({ length: 24 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    for (const color of [true, false]) {
      const r = await createMarkdownRenderer({ width: 60, color });
      expect(r.render(`${deep}\n`)).toBe(deep);
      expect(r.render(`Intro\n\n${'- '.repeat(30)}x`)).toBe(`Intro\n\n${'- '.repeat(30)}x`);
      // Within the bound, a list is drawn as before.
      expect(r.render('- a\n  - b')).not.toContain('- a');
    }
  });

  it('draws a table that fits as a table, and one wider than the terminal as its rows, each cell under its column (found by a helper)', async () => {
    const table = '| Container base image OS version | Supports Hyper-V isolation | Supports process isolation |\n|---|---|---|\n| Windows Server 2025 | yes | yes |\n| Windows Server 2019 | yes | no |';
    const wide = (await createMarkdownRenderer({ width: 200, color: false })).render(table);
    expect(wide).toContain('┌');
    const narrow = (await createMarkdownRenderer({ width: 60, color: false })).render(table);
    expect(narrow).not.toContain('┌');
    expect(narrow).toContain('Container base image OS version: Windows Server 2025\nSupports Hyper-V isolation: yes\nSupports process isolation: yes');
    expect(narrow).toContain('Supports process isolation: no');
    for (const line of narrow.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  });

  it("joins a paragraph's own line breaks, so that text written in lines of 100 columns wraps at the terminal's width only (found by a tester)", async () => {
    const r = await createMarkdownRenderer({ width: 80, color: false });
    const out = r.render(
      '**Cause.** HNS keeps one owner per protocol and external port. A second port mapping on the same\nhost port, a load balancer whose frontend port overlaps.\n\n- an item that\n  goes on\n- a hard break  \n  here\n\n原因。第二个端口\n映射、前端端口与已有\n负载均衡器重叠 Windows\n容器\n\n```\nline1\nline2\n```',
    );
    expect(out).toContain('A second port mapping on the same host port, a load balancer');
    expect(out).toContain('an item that goes on');
    // A hard break stays, Chinese joins without a space (a space stays beside a Latin word), code keeps its lines.
    expect(out).toMatch(/a hard break\n\s*here/);
    expect(out).toContain('原因。第二个端口映射、前端端口与已有负载均衡器重叠 Windows 容器');
    expect(out).toMatch(/line1\n\s*line2/);
  });

  it('writes nothing to stderr for fenced code in a language the highlighter does not know (found by a helper)', async () => {
    const r = await createMarkdownRenderer({ width: 60, color: true });
    // marked-terminal highlights only where chalk has colours (a terminal): as in one here.
    const level = chalk.level;
    chalk.level = 1;
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const out = r.render('```kubectl\nkubectl get nodes\n```\n\n```reg\n[HKEY_LOCAL_MACHINE\\X]\n```\n\n```net\nnet start docker\n```\n\n```nosuchlanguage\nplain\n```');
      expect(stripEscapeSequences(out)).toContain('kubectl get nodes');
      expect(stripEscapeSequences(out)).toContain('net start docker');
      expect(stripEscapeSequences(out)).toContain('plain');
      expect(error).not.toHaveBeenCalled();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      error.mockRestore();
      warn.mockRestore();
      chalk.level = level;
    }
  });
});

describe('safeText: emoji sequences drawn as wide as measured', () => {
  it.each([
    ['a family joined by ZERO WIDTH JOINER', '👨\u200d👩\u200d👧', '👨👩👧', 6],
    ['a skin tone', '👍\u{1f3fd}', '👍', 2],
    ['an emoji-presentation selector', '❤\ufe0f', '❤', 1],
    ['a flag with a selector and a joiner', '🏳\ufe0f\u200d🌈', '🏳🌈', undefined],
    ['a flag of two regional indicators', '🇸🇪', '🇸🇪', 2],
  ])('%s', (_, raw, shown, width) => {
    const s = safeText(raw);
    expect(s).toBe(shown);
    // Ink lays a row out by string-width; fields and lists are cut by displayWidth: they agree on the text shown.
    if (width !== undefined) {
      expect(displayWidth(s)).toBe(width);
      expect(stringWidth(s)).toBe(width);
    }
  });

  it('keeps a joiner that joins no emoji (a script that needs it)', () => {
    expect(safeText('क्\u200dष')).toBe('क्\u200dष');
  });
});
