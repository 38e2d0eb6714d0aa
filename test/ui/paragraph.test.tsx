import { Box, Text } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Paragraph } from '../../src/ui/components/Paragraph.js';
import { tFor } from '../helpers/i18n.js';

afterEach(() => cleanup());

const LOCALES = ['en', 'zh-CN', 'ko-KR', 'sv-SE'] as const;
const linesOf = (node: ReactElement): string[] => {
  const { lastFrame, unmount } = render(node);
  const frame = lastFrame() ?? '';
  unmount();
  return frame.split('\n');
};

describe('Paragraph', () => {
  it("starts no wrapped line with a space at any width, where ink's own wrapping does at some (found by a tester under a refusal)", () => {
    const inkLeads: number[] = [];
    for (const locale of LOCALES) {
      const text = tFor(locale)('fix.refused.copyHint');
      for (let width = 12; width <= 90; width++) {
        const lines = linesOf(<Paragraph text={text} width={width} />);
        expect(lines.filter((l) => l.startsWith(' ')), `${locale} at ${width}`).toEqual([]);
        // Nothing lost: every character is there, in order (Chinese and Korean lines break between characters, too).
        expect(lines.join('').replace(/\s+/g, ''), `${locale} at ${width}`).toBe(text.replace(/\s+/g, ''));
        if (locale === 'en' && linesOf(<Box width={width}><Text wrap="wrap">{text}</Text></Box>).some((l) => l.startsWith(' '))) inkLeads.push(width);
      }
    }
    // What Paragraph is for: ink's wrapping of the same text starts a line with a space at some widths.
    expect(inkLeads.length).toBeGreaterThan(0);
  });

  it('shows the control characters of outside text instead of sending them', () => {
    const frame = linesOf(<Paragraph text={'reason \u001b]0;pwned\u0007 here'} width={40} />).join('\n');
    expect(frame).not.toContain('\u001b]');
    expect(frame).toContain('␛');
  });
});
