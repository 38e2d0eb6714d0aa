import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEYS, bracketedPaste } from '../helpers/keys.js';
import { renderApp } from '../helpers/render.js';
import { waitForFrame, waitForFrameWithout } from '../helpers/wait-for.js';

afterEach(() => cleanup());

describe('HomeScreen', () => {
  it('lists only the screens that exist, with the keys of the screen', async () => {
    const { lastFrame, t } = renderApp();
    const frame = await waitForFrame(lastFrame, t('home.menu.diagnose'));
    expect(frame).toContain(t('home.menu.docs'));
    expect(frame).toContain(t('home.menu.settings'));
    for (const key of ['tree.menu', 'wizard.menu', 'compat.menu'] as const) expect(frame).toContain(t(key));
    expect(frame).toContain(`q ${t('keys.quit')}`);
    expect(frame).toContain(`?/F1 ${t('keys.help')}`);
  });

  it('moves with j/k and arrows and opens the selected screen with Enter; Esc comes back', async () => {
    const { lastFrame, stdin, t } = renderApp();
    await waitForFrame(lastFrame, `❯ ${t('home.menu.diagnose')}`);
    stdin.write('G');
    await waitForFrame(lastFrame, `❯ ${t('home.menu.settings')}`);
    stdin.write('k');
    await waitForFrame(lastFrame, `❯ ${t('history.menu')}`);
    stdin.write(`${KEYS.up}${KEYS.up}`);
    await waitForFrame(lastFrame, `❯ ${t('check.menu')}`);
    stdin.write('j');
    await waitForFrame(lastFrame, `❯ ${t('home.menu.docs')}`);
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, `› ${t('docs.title')}`);
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, `❯ ${t('home.menu.docs')}`);
  });

  it('shows the help overlay with ? and closes it with Esc', async () => {
    const { lastFrame, stdin, t } = renderApp();
    await waitForFrame(lastFrame, t('home.prompt'));
    stdin.write('?');
    const help = await waitForFrame(lastFrame, t('help.title'));
    expect(help).toContain(t('keys.exit'));
    expect(help).not.toContain(t('home.prompt'));
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, t('home.prompt'));
  });

  it('lists in its help only the keys Home uses: no ←, →, Tab or Shift+Tab (a new-user helper saw them do nothing)', async () => {
    const { lastFrame, stdin, t } = renderApp({ rows: 40 });
    await waitForFrame(lastFrame, t('home.prompt'));
    stdin.write('?');
    const help = await waitForFrame(lastFrame, t('help.global'));
    for (const key of ['keys.up', 'keys.down', 'keys.open', 'keys.pageDown', 'keys.first'] as const) expect(help).toContain(t(key));
    for (const key of ['keys.left', 'keys.right', 'keys.focus', 'keys.focusBack'] as const) expect(help).not.toContain(t(key));
    expect(help).not.toContain('Shift+Tab');
  });

  it('F1 opens the help on a screen that opens in a text field, where ? is text (a new-user helper could not reach it)', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'diagnose', text: '' }] });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write('?');
    await waitForFrame(lastFrame, /│ \?█/);
    expect(lastFrame()).not.toContain(t('help.title'));
    for (const f1 of ['\u001bOP', '\u001b[11~']) {
      stdin.write(f1);
      await waitForFrame(lastFrame, t('help.title'));
      stdin.write(KEYS.esc);
      // Esc closes the help and stays on the screen, the text kept.
      await waitForFrame(lastFrame, /│ \?█/);
    }
    // The help says what Enter does here, as the key hints do (a new line in the field), not "open".
    stdin.write('\u001bOP');
    const help = await waitForFrame(lastFrame, t('help.title'));
    // (Its row is the key padded to the column of the help's descriptions; the hints below say "Enter new line" with one space.)
    expect(help).toMatch(new RegExp(`^Enter {2,}${t('keys.newline')}$`, 'm'));
  });

  it('on a short terminal, the help says how many of its lines are below, and ↓ scrolls to them (found by a new-user helper: at 80×24 "go home" was hidden without a word)', async () => {
    const { lastFrame, stdin, t } = renderApp({ rows: 14, columns: 80 });
    await waitForFrame(lastFrame, t('home.prompt'));
    stdin.write('?');
    const help = await waitForFrame(lastFrame, t('help.title'));
    const hidden = Number(/↓ (\d+)/.exec(help)?.[1]);
    expect(hidden).toBeGreaterThan(0);
    expect(help).toContain(t('help.moreBelow', { count: hidden }));
    // In one burst: each key moves it (a burst moved it once).
    for (let i = 0; i < hidden; i++) stdin.write(KEYS.down);
    await vi.waitFor(() => expect(lastFrame()).not.toMatch(/↓ \d+/));
    expect(lastFrame()).toContain(t('help.close'));
  });

  it('quits with q', async () => {
    const onQuit = vi.fn();
    const { lastFrame, stdin, t } = renderApp({ onQuit });
    await waitForFrame(lastFrame, t('home.prompt'));
    stdin.write('q');
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1));
  });

  it('opens the diagnose screen with the text when an error is pasted on it', async () => {
    const { lastFrame, stdin, t } = renderApp();
    await waitForFrame(lastFrame, t('home.prompt'));
    stdin.write(bracketedPaste("'web' failed to start\r(0x800705B4)\r"));
    const frame = await waitForFrame(lastFrame, '(0x800705B4)');
    expect(frame).toContain(`› ${t('diagnose.title')}`);
  });

  it('reports a damaged settings file once, and drops the notice after moving on', async () => {
    const { fakePlatform } = await import('../helpers/fake-platform.js');
    const platform = fakePlatform({ problem: { kind: 'corrupt', file: '/cfg/config.json', backup: '/cfg/config.json.bad-1', detail: 'Unexpected token' } });
    const { lastFrame, stdin, t } = renderApp({ platform });
    await waitForFrame(lastFrame, '/cfg/config.json.bad-1');
    expect(platform.settings.takeProblem()).toBeUndefined();
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, `› ${t('diagnose.title')}`);
    expect(lastFrame()).not.toContain('config.json.bad-1');
  });
});
