import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, bracketedPaste } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';
import { waitForFrame, waitForFrameWithout } from '../helpers/wait-for.js';

afterEach(() => cleanup());

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const openDocs = (opts: Parameters<typeof renderApp>[0] = {}) => renderApp({ initial: [{ screen: 'docs' }], ...opts });

describe('DocsScreen', () => {
  it('lists topics under their categories and skips the headers when moving', async () => {
    const { lastFrame, stdin, t } = openDocs();
    const frame = await waitForFrame(lastFrame, t('docs.category.general'));
    expect(frame).toContain(t('docs.category.networking'));
    expect(frame).toContain(t('docs.category.versions'));
    expect(frame).toMatch(/❯ A topic we only summarise/);
    stdin.write('j');
    await waitForFrame(lastFrame, /❯ Container start times out/);
    stdin.write('j');
    await waitForFrame(lastFrame, /❯ CreateContainer fails/);
    stdin.write(KEYS.up);
    await waitForFrame(lastFrame, /❯ Container start times out/);
    expect(lastFrame()).toContain('ERROR_TIMEOUT');
  });

  it('opens a topic with Enter and returns to the same row with Esc', async () => {
    const { lastFrame, stdin, t } = openDocs();
    await waitForFrame(lastFrame, /❯ A topic we only summarise/);
    stdin.write(KEYS.down);
    await waitForFrame(lastFrame, /❯ Container start times out/);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('topic.summary'));
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, /❯ Container start times out/);
  });

  it('searches every language with /, and Esc closes the search', async () => {
    const { lastFrame, stdin, t } = openDocs();
    await waitForFrame(lastFrame, t('docs.category.general'));
    stdin.write('/');
    await waitForFrame(lastFrame, t('docs.search.placeholder'));
    stdin.write('프로세서');
    const korean = await waitForFrame(lastFrame, t('docs.search.count', { count: 1 }));
    expect(korean).toMatch(/❯ Container start times out/);
    stdin.write(KEYS.ctrlU);
    stdin.write('ltsc2019');
    await waitForFrame(lastFrame, /❯ Which image tag matches/);
    stdin.write(KEYS.esc);
    const closed = await waitForFrameWithout(lastFrame, t('docs.search.prompt'));
    expect(closed).toContain(t('docs.category.general'));
    stdin.write('/');
    await waitForFrame(lastFrame, t('docs.search.placeholder'));
    stdin.write('zzqqxx');
    await waitForFrame(lastFrame, t('docs.search.none', { query: 'zzqqxx' }));
  });

  it('a pasted error in the search goes to Diagnose; a short paste is searched (found by a new-user helper: the error was cut to 64 characters and searched)', async () => {
    const { lastFrame, stdin, t } = openDocs();
    await waitForFrame(lastFrame, t('docs.category.general'));
    stdin.write('/');
    await waitForFrame(lastFrame, t('docs.search.placeholder'));
    stdin.write(bracketedPaste('ltsc2019'));
    await waitForFrame(lastFrame, /❯ Which image tag matches/);
    stdin.write(KEYS.ctrlU);
    const error = 'docker: Error response from daemon: failed to create endpoint sharp_hopper on network nat: HNS failed with error : The object already exists.';
    stdin.write(bracketedPaste(error));
    const frame = await waitForFrame(lastFrame, `› ${t('diagnose.title')}`);
    expect(frame).toContain('failed to create endpoint sharp_hopper');
    // Back on the docs, the search is over.
    stdin.write(KEYS.esc);
    const back = await waitForFrame(lastFrame, t('docs.category.general'));
    expect(back).not.toContain(t('docs.search.placeholder'));
  });

  it('cycles the language with l and marks topics that have no text in it', async () => {
    const { lastFrame, stdin, t } = openDocs();
    const en = await waitForFrame(lastFrame, t('docs.language', { language: t('language.en') }));
    // The Swedish-only topic has no English text (no translation in this small base): marked.
    expect(en).toMatch(new RegExp(`Which image tag matches which Windows Server\\s+✖ ${escapeRegExp(t('docs.missing', { language: t('language.text.en') }))}`));
    expect(en).not.toMatch(/HNS[^\n]*✖/);
    stdin.write('l');
    const zh = await waitForFrame(lastFrame, t('docs.language', { language: t('language.zh-CN') }));
    expect(zh).toMatch(new RegExp(`Which image tag matches which Windows Server\\s+✖ ${escapeRegExp(t('docs.missing', { language: t('language.text.zh-CN') }))}`));
    stdin.write('l');
    const ko = await waitForFrame(lastFrame, t('docs.language', { language: t('language.ko-KR') }));
    expect(ko).toContain('프로세서가 1~2개이면 컨테이너 시작 시간 초과');
    stdin.write(KEYS.down);
    await waitForFrame(lastFrame, /❯ 프로세서가/);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, t('topic.showing', { language: t('language.text.ko-KR') }));
  });
});
