import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanup } from 'ink-testing-library';
import { openSettings } from '../../src/platform/settings.js';
import { afterEach, describe, expect, it } from 'vitest';
import { tFor } from '../helpers/i18n.js';
import { fakePlatform } from '../helpers/fake-platform.js';
import { KEYS } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';
import { waitForFrame } from '../helpers/wait-for.js';

afterEach(() => cleanup());

describe('SettingsScreen', () => {
  it('shows the language detected from the environment until one is chosen, then saves the choice and switches the UI', async () => {
    const platform = fakePlatform({ locales: ['sv-SE', 'en-US'] });
    const sv = tFor('sv-SE');
    const zh = tFor('zh-CN');
    const { lastFrame, stdin } = renderApp({ platform, initial: [{ screen: 'settings' }] });
    await waitForFrame(lastFrame, sv('settings.fromEnvironment', { language: sv('language.sv-SE') }));
    stdin.write(KEYS.right);
    await waitForFrame(lastFrame, `${tFor('en')('settings.language')}: English`);
    expect(platform.settings.get().language).toBe('en');
    stdin.write(KEYS.right);
    const chinese = await waitForFrame(lastFrame, zh('settings.title'));
    expect(chinese).toContain(zh('settings.saved'));
    expect(platform.settings.get().language).toBe('zh-CN');
    stdin.write(KEYS.left);
    await waitForFrame(lastFrame, `${tFor('en')('settings.language')}: English`);
  });

  it('takes --lang as the language of the run, interface and topics, without saving it; a language chosen in Settings replaces it (found by a helper: the app ignored --lang)', async () => {
    const platform = fakePlatform({ settings: { language: 'sv-SE' } });
    const ko = tFor('ko-KR');
    const { lastFrame, stdin } = renderApp({ platform, initial: [{ screen: 'settings' }], lang: 'ko-KR' });
    await waitForFrame(lastFrame, ko('settings.title'));
    // The interface in Korean, the topics in Korean, both rows saying so (a new-user helper saw Swedish everywhere and
    // "English (from your environment)" on the language row); the saved setting (Swedish) is kept.
    expect(lastFrame()).toContain(`${ko('settings.language')}: ${ko('settings.fromCommandLine', { language: ko('language.ko-KR') })}`);
    expect(lastFrame()).toContain(`${ko('settings.knowledgeLanguage')}: ${ko('settings.fromCommandLine', { language: ko('language.ko-KR') })}`);
    expect(platform.settings.get().language).toBe('sv-SE');
    // The next choice after Swedish is "from the environment" (English here): chosen, it replaces --lang.
    stdin.write(KEYS.right);
    await waitForFrame(lastFrame, `${tFor('en')('settings.language')}: English`);
    expect(platform.settings.get().language).toBeUndefined();
  });

  it('shows what another open copy saved when the screen opens (found by a tester: the screen kept the old value)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wcd-settings-ui-'));
    try {
      const store = openSettings({ cwd: dir });
      const platform = { ...fakePlatform({}), settings: store };
      const t = tFor('en');
      // The other copy saves High contrast after this one read the file.
      writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ language: 'en', theme: 'high-contrast' }));
      const { lastFrame } = renderApp({ platform, initial: [{ screen: 'settings' }] });
      await waitForFrame(lastFrame, `${t('settings.theme')}: ${t('settings.theme.highContrast')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("shows the settings file's path with its control characters made visible (an attacker coloured text through WCDOCTOR_CONFIG_DIR)", async () => {
    const platform = fakePlatform({ settings: { language: 'en' } });
    (platform.settings as { path: string }).path = '/tmp/nx\u001b[41mALL CHECKS PASS\u001b[0m/config.json';
    const { lastFrame, t } = renderApp({ platform, initial: [{ screen: 'settings' }], columns: 100 });
    const frame = await waitForFrame(lastFrame, t('settings.theme'));
    expect(frame).toContain('/tmp/nx␛[41mALL CHECKS PASS␛[0m/config.json');
    expect(frame).not.toContain('\u001b[41m');
  });

  it('cycles the topic language and the theme', async () => {
    const platform = fakePlatform({ settings: { language: 'en' } });
    const { lastFrame, stdin, t } = renderApp({ platform, initial: [{ screen: 'settings' }] });
    await waitForFrame(lastFrame, t('settings.sameAsInterface', { language: 'English' }));
    stdin.write('j');
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, `${t('settings.knowledgeLanguage')}: English`);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, `${t('settings.knowledgeLanguage')}: ${t('language.zh-CN')}`);
    stdin.write('j');
    stdin.write(KEYS.right);
    await waitForFrame(lastFrame, `${t('settings.theme')}: ${t('settings.theme.highContrast')}`);
    expect(platform.settings.get()).toMatchObject({ knowledgeLanguage: 'zh-CN', theme: 'high-contrast' });
    expect(lastFrame()).toContain(t('settings.file', { path: platform.settings.path }));
  });

  /**
   * Settings with a store that cannot write, opened first or reached from Home: the colours changed, the frame that
   * reports it (the problem shows where it came up, and "saved" does not).
   */
  async function changeColoursOnAReadOnlyStore(fromHome: boolean) {
    const platform = fakePlatform({ settings: { language: 'en' }, writeProblem: { kind: 'unwritable', file: '/ro/config.json', detail: 'EROFS: read-only file system' } });
    const app = renderApp(fromHome ? { platform } : { platform, initial: [{ screen: 'settings' }] });
    const { lastFrame, stdin, t } = app;
    if (fromHome) {
      await waitForFrame(lastFrame, t('home.title'));
      stdin.write('G');
      stdin.write(KEYS.enter);
    }
    await waitForFrame(lastFrame, t('settings.title'));
    stdin.write('jj');
    stdin.write(KEYS.enter);
    const frame = await waitForFrame(lastFrame, 'EROFS');
    expect(frame).toContain(`${t('settings.theme')}: ${t('settings.theme.highContrast')}`);
    expect(frame).not.toContain(t('settings.saved'));
    return app;
  }

  it('reports a settings file that cannot be written, and keeps the change for this run', async () => {
    await changeColoursOnAReadOnlyStore(false);
  });

  it('reports it too when Settings is reached from Home (a problem found after the first screen is shown where it came up)', async () => {
    const { lastFrame, stdin, t } = await changeColoursOnAReadOnlyStore(true);
    // Moving on dismisses it, as a problem found at start is.
    stdin.write(KEYS.esc);
    const home = await waitForFrame(lastFrame, t('home.title'));
    expect(home).not.toContain('EROFS');
  });

  it('says that NO_COLOR keeps colours off whatever the theme', async () => {
    const platform = fakePlatform({ settings: { language: 'en' }, env: { NO_COLOR: '1' } });
    const { lastFrame, t } = renderApp({ platform, initial: [{ screen: 'settings' }], noColor: false });
    await waitForFrame(lastFrame, t('settings.noColorForced'));
  });
});
