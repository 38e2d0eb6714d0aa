import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEYS } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';
import { waitForFrame, waitForFrameWithout } from '../helpers/wait-for.js';
import { fakePlatform } from '../helpers/fake-platform.js';

afterEach(() => cleanup());

describe('TopicScreen', () => {
  it('marks a topic shown in another language, keeps our English summary, and l switches the language in place', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'topic', topicId: 'processor-count-start-timeout' }] });
    const first = await waitForFrame(lastFrame, '处理器计数为 1 或 2');
    expect(first).toContain(t('topic.fallback', { requested: t('language.text.en'), shown: t('language.text.zh-CN') }));
    expect(first).toContain(t('topic.languages', { languages: [t('language.zh-CN'), t('language.ko-KR')].join(t('list.separator')) }));
    expect(first).toContain(t('topic.summary'));
    expect(first).toContain('ERROR_TIMEOUT');
    expect(first).toContain('Set-ContainerProcessor -ContainerName {{container}} -Maximum {{count}}');
    stdin.write('l');
    const korean = await waitForFrame(lastFrame, '프로세서 수가 4코어 VM에서');
    expect(korean).toContain(t('topic.showing', { language: t('language.text.ko-KR') }));
    expect(korean).not.toContain(t('topic.fallback', { requested: t('language.text.en'), shown: t('language.text.zh-CN') }));
    expect(korean).toContain('프로세서가 1~2개이면 컨테이너 시작 시간 초과');
    expect(korean).toContain('ERROR_TIMEOUT');
    stdin.write('l');
    await waitForFrame(lastFrame, t('topic.showing', { language: t('language.text.zh-CN') }));
  });

  it('shows our translation as such, and o puts the source text beside it and takes it away again', async () => {
    const { lastFrame, stdin, t } = renderApp({ columns: 100, initial: [{ screen: 'topic', topicId: 'hns-requires-ipv6' }] });
    const first = await waitForFrame(lastFrame, 'HNS fails when IPv6 is disabled');
    expect(first).toContain(t('topic.translated', { language: t('language.text.en'), from: t('language.text.zh-CN') }));
    expect(first).toContain(t('topic.translatedNote', { from: t('language.text.zh-CN'), key: 'o' }));
    expect(first).not.toContain(t('topic.fallback', { requested: t('language.text.en'), shown: t('language.text.zh-CN') }));
    expect(first).not.toContain('禁用 IPv6 时 HNS 失败');
    stdin.write('o');
    const both = await waitForFrame(lastFrame, t('topic.original', { language: t('language.text.zh-CN'), heading: '禁用 IPv6 时 HNS 失败' }));
    expect(both).toContain('请重新启用 IPv6');
    expect(both).toContain('Turn IPv6 back on.');
    stdin.write('o');
    await waitForFrameWithout(lastFrame, '请重新启用 IPv6');
    const back = await waitForFrame(lastFrame, 'Turn IPv6 back on.');
    expect(back).not.toContain('禁用 IPv6 时 HNS 失败');
  });

  it('opens in the topic language from the settings when the topic has it', async () => {
    const platform = fakePlatform({ settings: { language: 'en', knowledgeLanguage: 'ko-KR' } });
    const { lastFrame, t } = renderApp({ platform, initial: [{ screen: 'topic', topicId: 'processor-count-start-timeout' }] });
    const frame = await waitForFrame(lastFrame, '프로세서 수가 4코어 VM에서');
    expect(frame).not.toContain(t('topic.fallback', { requested: t('language.text.ko-KR'), shown: t('language.text.zh-CN') }));
  });

  it('scrolls long text with the keys and shows where it is', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'topic', topicId: 'version-tags' }] });
    const top = await waitForFrame(lastFrame, 'Rad 1 om versioner');
    expect(top).toMatch(/lines 1–\d+ of \d+/);
    stdin.write(KEYS.pageDown);
    const down = await waitForFrame(lastFrame, /lines (?!1–)\d+–\d+ of/);
    expect(down).not.toContain(t('topic.summary'));
    stdin.write('G');
    await waitForFrame(lastFrame, 'Rad 40 om versioner');
    stdin.write('g');
    await waitForFrame(lastFrame, t('topic.summary'));
  });

  it('says when a topic has no source text at all', async () => {
    const { lastFrame, t } = renderApp({ initial: [{ screen: 'topic', topicId: 'summary-only' }] });
    const frame = await waitForFrame(lastFrame, t('topic.noSource'));
    expect(frame).toContain('our summary is all there is');
  });

  it('reports an unknown topic and goes back with Esc', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'topic', topicId: 'no-such-topic' }] });
    await waitForFrame(lastFrame, t('topic.notFound', { id: 'no-such-topic' }));
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, t('home.prompt'));
  });
});

describe('TopicScreen: the line count (issue 17, defect 4)', () => {
  it('shows one total from the first frame that counts lines: it waits for the rendered text', async () => {
    const { lastFrame, frames, stdin } = renderApp({ initial: [{ screen: 'topic', topicId: 'version-tags' }], rows: 9 });
    // The last line of the rendered section can be reached only once the Markdown is there (a loading line stands before).
    await vi.waitFor(
      () => {
        stdin.write('G');
        expect(lastFrame()).toContain('Rad 40 om versioner');
      },
      { timeout: 5000, interval: 20 },
    );
    const totals = new Set(frames.flatMap((f) => [...f.matchAll(/lines \d+–\d+ of (\d+)/g)].map((m) => m[1])));
    expect(totals.size).toBe(1);
  });
});
