// The Diagnose screen says a Linux paste, or words about another program, are out of scope, in the interface language.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, it } from 'vitest';
import { diagnose } from '../../src/core/diagnosis/diagnose.js';
import { loadKnowledgeBase } from '../../src/platform/knowledge-fs.js';
import { fakePlatform } from '../helpers/fake-platform.js';
import { bracketedPaste } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';
import { waitForFrame } from '../helpers/wait-for.js';

afterEach(() => cleanup());

describe('DiagnoseScreen: out of scope', () => {
  it.each(['en', 'sv-SE'] as const)('%s', async (locale) => {
    const kb = loadKnowledgeBase();
    const { lastFrame, stdin, t } = renderApp({ locale, platform: fakePlatform({ kb, settings: { language: locale } }), diagnose, initial: [{ screen: 'diagnose', text: '' }], columns: 100 });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('runc create failed: unable to start container process: cgroup mountpoint does not exist'));
    await waitForFrame(lastFrame, t('diagnose.results.linux', { signals: 'runc, cgroup' }).slice(0, 30));
  });

  it.each(['en', 'ko-KR'] as const)('words about another program: %s', async (locale) => {
    const kb = loadKnowledgeBase();
    const { lastFrame, stdin, t } = renderApp({ locale, platform: fakePlatform({ kb, settings: { language: locale } }), diagnose, initial: [{ screen: 'diagnose', text: '' }], columns: 100 });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('When I save a long password with the Python keyring library on Windows, the call fails and says that the stub received bad data. What is the limit and how can I store it?'));
    await waitForFrame(lastFrame, t('diagnose.results.unrelated').slice(0, 30));
  });
});
