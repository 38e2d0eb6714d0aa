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

const MESSAGES = { en: 'Element not found.', de: 'Element nicht gefunden.', 'zh-CN': '找不到元素。', ru: 'Элемент не найден.', 'ko-KR': '요소가 없습니다.' };

describe('one verdict in every language', () => {
  it.each([
    ['PrepareLayer (another cause)', (msg: string) => `hcsshim::PrepareLayer - failed failed in Win32: ${msg} (0x490)`],
    ['CreateContainer (the IPv6 issue)', (msg: string) => `Error response from daemon: container 3f2a encountered an error during CreateContainer: failure in a Windows system call: ${msg} (0x490)`],
  ])('%s', (_name, paste) => {
    const verdicts = Object.values(MESSAGES).map((m) => verdict(paste(m)));
    expect(new Set(verdicts).size, verdicts.join(' / ')).toBe(1);
  });

  it("a topic's pattern that quotes the English message matches the message in another language, and shows it as written", () => {
    const paste = (msg: string) => `Error response from daemon: unable to remove filesystem for 7ab1: CreateFile C:\\ProgramData\\docker\\containers\\7ab1\\7ab1-json.log.4: ${msg}`;
    const langs = { en: 'Access is denied.', de: 'Zugriff verweigert.', fr: 'Accès refusé.', ru: 'Отказано в доступе.' };
    const verdicts = Object.values(langs).map((m) => verdict(paste(m)));
    expect(new Set(verdicts).size, verdicts.join(' / ')).toBe(1);
    expect(verdicts[0]).toMatch(/^container-remove-file-in-use /);
    const ev = diagnose(kb, paste(langs.de)).matches[0]?.evidence.find((e) => e.kind === 'regex');
    expect(ev?.matched).toContain('Zugriff');
    expect(ev?.matched).not.toContain('Access is denied');
  });

  it("a topic's pattern reads the message in English also when the code is written beside it in hex", () => {
    const paste = (msg: string) => `Error response from daemon: failed to create endpoint web on network nat: hnsCall failed in Win32: ${msg} (0x20)`;
    const langs = {
      en: 'The process cannot access the file because it is being used by another process.',
      'ko-KR': '다른 프로세스가 파일을 사용 중이기 때문에 프로세스가 액세스 할 수 없습니다.',
      ja: 'プロセスはファイルにアクセスできません。別のプロセスが使用中です。',
    };
    const verdicts = Object.values(langs).map((m) => verdict(paste(m)));
    expect(new Set(verdicts).size, verdicts.join(' / ')).toBe(1);
    expect(verdicts[0]).toMatch(/^host-port-reserved-or-in-use /);
  });

  it('the message words are not counted beside the code', () => {
    const ev = diagnose(kb, `encountered an error during CreateContainer: failure in a Windows system call: ${MESSAGES.en} (0x490)`).matches[0]?.evidence ?? [];
    expect(ev.filter((e) => e.kind === 'keyword' && /element|found/.test(e.matched))).toEqual([]);
    // A phrase that is only the message says nothing the code did not; one that says more (the
    // system-call form of the topic's own error) is evidence of its own.
    expect(ev.filter((e) => e.kind === 'phrase' && e.matched === 'element not found')).toEqual([]);
  });
});

describe('a code of many causes', () => {
  it('does not name a known issue by itself in a failure elsewhere, in any language', () => {
    for (const msg of Object.values(MESSAGES)) {
      expect(verdict(`hcnOpenNamespace failed in Win32: ${msg} (0x490) {"Success":false}`)).toBe('none');
    }
  });

  it('still lists every topic that names it when the paste is only the code', () => {
    const ids = diagnose(kb, '0x490').matches.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['hns-requires-ipv6', 'hns-store-corrupted-cleanup']));
  });

  it('is evidence with the words of the topic\'s own error, whatever the language of the message', () => {
    const verdicts = Object.values(MESSAGES).map((m) => verdict(`failure in a Windows system call: ${m}`));
    expect(verdicts.every((v) => v.startsWith('hns-requires-ipv6 ')), verdicts.join(' / ')).toBe(true);
  });

  it('alone, as a message, gets one verdict in every language: a lead, not a diagnosis (a regression tester: the Korean and Swedish wordings, phrases of one topic, got "medium" where English got nothing)', () => {
    const alone = [...Object.values(MESSAGES), '요소를 찾을 수 없습니다', 'Elementet hittades inte.'];
    const verdicts = alone.map((m) => verdict(m));
    expect(verdicts, alone.join(' / ')).toEqual(alone.map(() => 'none'));
  });

  it('does not count against a topic that names no code, but does against one whose codes differ', () => {
    const pipe = diagnose(kb, 'panic: open \\\\.\\pipe\\csi-proxy-filesystem-v1: The system cannot find the file specified.').matches[0]?.id;
    expect(pipe).toBe('csi-proxy-pipe-missing');
    const engine = diagnose(kb, 'error during connect: Get http://%2F%2F.%2Fpipe%2Fdocker_engine/_ping: open //./pipe/docker_engine: The system cannot find the file specified.').matches.map((m) => m.id);
    expect(engine).not.toContain('docker-pipe-access-denied');
  });
});
