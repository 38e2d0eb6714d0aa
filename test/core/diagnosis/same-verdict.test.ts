// The same failure gets the same verdict whatever the language Windows printed its message in: the
// message of a code (any language in the catalogue) is the code's evidence, counted once, neither as
// a phrase nor as words.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/core/diagnosis/diagnose.js';
import { loadKnowledgeBase } from '../../../src/platform/knowledge-fs.js';

const kb = loadKnowledgeBase();
const verdict = (text: string) => {
  const m = diagnose(kb, text).matches[0];
  return m ? `${m.id} ${m.confidence}` : 'none';
};

const MESSAGES = { en: 'Element not found.', de: 'Element nicht gefunden.', 'zh-CN': '找不到元素。', ru: 'Элемент не найден.' };

describe('one verdict in every language', () => {
  it.each([
    ['PrepareLayer (another cause)', (msg: string) => `hcsshim::PrepareLayer - failed failed in Win32: ${msg} (0x490)`],
    ['CreateContainer (the IPv6 issue)', (msg: string) => `Error response from daemon: container 3f2a encountered an error during CreateContainer: failure in a Windows system call: ${msg} (0x490)`],
  ])('%s', (_name, paste) => {
    const verdicts = Object.values(MESSAGES).map((m) => verdict(paste(m)));
    expect(new Set(verdicts).size, verdicts.join(' / ')).toBe(1);
  });

  it('the message words are not counted beside the code', () => {
    const ev = diagnose(kb, `encountered an error during CreateContainer: failure in a Windows system call: ${MESSAGES.en} (0x490)`).matches[0]?.evidence ?? [];
    expect(ev.filter((e) => e.kind === 'keyword' && /element|found/.test(e.matched))).toEqual([]);
    expect(ev.filter((e) => e.kind === 'phrase' && /element not found/.test(e.matched))).toEqual([]);
  });
});
