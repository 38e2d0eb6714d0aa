import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/core/text/display-width.js';
import { wrapAnsiLine, wrapListingLine } from '../../../src/core/text/wrap-ansi.js';

describe('wrapListingLine', () => {
  it('goes on under the text after a first column (an id, a label and two or more spaces)', () => {
    expect(wrapListingLine('  nat-static-mapping-conflict  A static NAT mapping conflicts with a Docker port mapping (hnsCall 0x6be)', 80)).toEqual([
      '  nat-static-mapping-conflict  A static NAT mapping conflicts with a Docker port',
      '                               mapping (hnsCall 0x6be)',
    ]);
    expect(wrapListingLine('Image:  mcr.microsoft.com/windows/servercore:ltsc2019 · build 17763 · Windows Server 2019 / Windows 10 1809', 60)[1]).toMatch(/^ {8}\S/);
  });

  it('goes on under the text after a list mark', () => {
    const lines = wrapListingLine('  - Hyper-V isolation gives the container its own kernel, so it runs any image whose build is not newer', 50);
    expect(lines.slice(1).every((l) => /^ {4}\S/.test(l))).toBe(true);
    expect(wrapListingLine('  12. A title that is rather long and goes on past the edge of a narrow terminal', 40)[1]).toMatch(/^ {6}\S/);
  });

  it('keeps a line that fits, goes on under a column that leaves twenty columns of text, else under the indent', () => {
    expect(wrapListingLine('short line', 80)).toEqual(['short line']);
    const under = wrapListingLine(`  ${'x'.repeat(43)}  words that go on and on past the edge of the terminal`, 80);
    expect(under.slice(1).every((l) => /^ {47}\S/.test(l))).toBe(true);
    const wide = wrapListingLine(`  ${'x'.repeat(50)}  words that go on and on past the edge`, 60);
    expect(wide.slice(1).every((l) => /^ {2}\S/.test(l))).toBe(true);
  });

  it('never makes a line wider than the width when it breaks at words, Han text included', () => {
    for (const line of ['  id-of-a-topic  容器无法启动，因为主机上的虚拟机监控程序没有运行，请检查 Hyper-V 是否已安装并启用', 'Why: a reason with many words in it that wraps several times at a width of thirty']) {
      for (const width of [30, 40, 55]) for (const l of wrapListingLine(line, width)) expect(displayWidth(l), `${width}: ${l}`).toBeLessThanOrEqual(width);
    }
  });

  it('wrapAnsiLine takes an explicit hanging column, keeping ten columns of text at least', () => {
    const lines = wrapAnsiLine('ab cd ef gh ij kl mn op qr st', 16, 4);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => /^ {4}\S/.test(l) && l.length <= 16)).toBe(true);
    // Past that, no hang: the text would be too narrow to read.
    expect(wrapAnsiLine('ab cd ef gh ij kl mn', 12, 6).slice(1).every((l) => /^\S/.test(l))).toBe(true);
  });
});
