// Issue 17, defects 1, 2 and 6: keys that arrive together are read one by one, in order.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { displayWidth } from '../../src/core/text/display-width.js';
import { KEYS, bracketedPaste } from '../helpers/keys.js';
import { fakePlatform } from '../helpers/fake-platform.js';
import { realKb } from '../helpers/real-kb.js';
import { renderApp } from '../helpers/render.js';
import { looksPasted } from '../../src/ui/contexts/InputContext.js';
import { plain, waitForFrame, waitForFrameWithout } from '../helpers/wait-for.js';

afterEach(() => cleanup());

describe('bursts of keys in one write', () => {
  it('Diagnose: hello then Tab and Enter in one write types no tab or carriage return into the field', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'diagnose', text: '' }] });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(`hello${KEYS.tab}${KEYS.enter}`);
    const frame = await waitForFrame(lastFrame, 'hello');
    expect(lastFrame()).not.toMatch(/[\t\r]/);
    // The box keeps its borders: every row inside it still ends with │.
    for (const row of frame.split('\n').filter((l) => l.startsWith('│'))) expect(row.trimEnd().endsWith('│'), row).toBe(true);
  });

  it('Diagnose: invisible characters (a run of zero-width spaces, a bidi override, a pile of accents) are shown, and the box keeps its borders', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'diagnose', text: '' }] });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    // Short enough that every line is in view once wrapped (a longer run wraps over more rows: tested in wrap-rows).
    stdin.write(bracketedPaste(`abc${'\u200b'.repeat(30)}def\rname\u202egnp.exe\rz${'\u0301'.repeat(20)} end\rlast`));
    const frame = await waitForFrame(lastFrame, 'last');
    expect(frame).toContain('abc\\u200b\\u200b');
    expect(frame).toContain('\\u200bdef');
    expect(frame).toContain('name\\u202egnp.exe');
    expect(frame).toMatch(/z\u0301{4}\\u0301/);
    expect(plain(frame)).not.toMatch(/[\u200b\u202e]|\p{M}{5}/u);
    for (const row of frame.split('\n').filter((l) => l.startsWith('│'))) expect(row.trimEnd().endsWith('│'), row).toBe(true);
  });

  it('Diagnose: a Thai message is drawn as it is measured (the vowel AM decomposed), so its row keeps the border in the terminal', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'diagnose', text: '' }] });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste(`${'การดำเนินการหมดเวลา '.repeat(8)}\rlast`));
    const frame = await waitForFrame(lastFrame, 'last');
    expect(frame).toContain('การด\u0e4d\u0e32เนินการ');
    expect(frame).not.toContain('\u0e33');
  });

  it('Diagnose: emoji sequences (a family, skin tones, a selector) keep every row inside the box, at the edge of the field too', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'diagnose', text: '' }] });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    const row = 'ok 👨\u200d👩\u200d👧 👍\u{1f3fd} ❤\ufe0f ';
    stdin.write(bracketedPaste(`${row.repeat(12)}\r${'x'.repeat(70)}👍\u{1f3fd}👨\u200d👩\u200d👧\rlast`));
    const frame = await waitForFrame(lastFrame, 'last');
    expect(frame).toContain('👨👩👧');
    const rows = frame.split('\n').filter((l) => l.startsWith('│'));
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(r.trimEnd().endsWith('│'), r).toBe(true);
    // Every row of the box is as wide in a terminal that draws each emoji of a sequence (tmux, the console host), as
    // displayWidth measures; ink lays rows out by string-width, so rows it measured equal came out wider there.
    const widths = new Set(frame.split('\n').filter((l) => /^[│╭╰]/.test(l)).map((l) => displayWidth(l.trimEnd())));
    expect(widths.size).toBe(1);
  });

  it('Diagnose: Tab and Enter in one write open the first result', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'diagnose', text: '' }] });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('0x800705B4'));
    await waitForFrame(lastFrame, t('diagnose.results.count', { count: 1 }));
    stdin.write(`${KEYS.tab}${KEYS.enter}`);
    await waitForFrame(lastFrame, 'processor-count-start-timeout');
  });

  it('Diagnose: pasted binary junk shows no control characters, and Ctrl+U clears it all', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'diagnose', text: '' }] });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('ab\u0000\u0001\u001B]0;title\u0007\u009b2Jcd\u001B[31mef'));
    const frame = await waitForFrame(lastFrame, 'ab');
    expect(plain(lastFrame())).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    expect(frame).toContain('ab2Jcdef');
    stdin.write(KEYS.ctrlU);
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
  });

  it('Home: a paste that arrives over several reads (its markers cut in two) is one paste: Diagnose opens with it whole', async () => {
    const { lastFrame, stdin, t } = renderApp();
    await waitForFrame(lastFrame, t('home.prompt'));
    // The input model (ui/paste.ts) holds a paste until its end marker arrives, whichever reads its markers and text
    // come in: typed as keys, "j" would move the selection and the carriage return would open the first entry.
    stdin.write('\u001B[20');
    stdin.write('0~jj 0x8007');
    stdin.write('05B4\r\nhcsshim::CreateComputeSystem\u001B[2');
    stdin.write('01~');
    const frame = await waitForFrame(lastFrame, 'hcsshim::CreateComputeSystem');
    expect(frame).toContain(`› ${t('diagnose.title')}`);
    expect(plain(frame)).toContain('jj 0x800705B4');
    expect(frame).not.toMatch(/\[20[01]~|\r/);
    await waitForFrame(lastFrame, t('diagnose.results.count', { count: 1 }));
  });

  // Found in the app: the keys after one that changed the screen reached the screen it left.
  it('keys after one that opens a screen go to the new screen: g Enter hello q on Home types "hello q" into Diagnose', async () => {
    const onQuit = vi.fn();
    const { lastFrame, stdin, t } = renderApp({ onQuit });
    await waitForFrame(lastFrame, t('home.prompt'));
    stdin.write(`g${KEYS.enter}hello q`);
    const frame = await waitForFrame(lastFrame, 'hello q█');
    expect(frame).toContain(`› ${t('diagnose.title')}`);
    expect(onQuit).not.toHaveBeenCalled();
  });

  it('a burst goes down two screens: g j Enter j Enter opens the second tree, and Esc Esc comes back to Home', async () => {
    const { lastFrame, stdin, t } = renderApp({ platform: fakePlatform({ kb: realKb() }), rows: 30 });
    await waitForFrame(lastFrame, t('home.prompt'));
    stdin.write(`gj${KEYS.enter}j${KEYS.enter}`);
    // The second tree (in the list's order) is open at its first question.
    const walk = await waitForFrame(lastFrame, /› A container will not start/);
    expect(walk).not.toContain(t('home.prompt'));
    stdin.write(KEYS.esc);
    // Back on the list of trees, the second one is selected: the j after Enter moved this list, not Home's.
    const list = await waitForFrame(lastFrame, /❯ A container will not start/);
    expect(list).toContain(`› ${t('tree.title')}`);
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, t('home.prompt'));
  });

  it('two Esc in one write go back two screens, as two presses do', async () => {
    const { lastFrame, stdin, t } = renderApp({ platform: fakePlatform({ kb: realKb() }), rows: 30 });
    await waitForFrame(lastFrame, t('home.prompt'));
    stdin.write(`gj${KEYS.enter}j${KEYS.enter}`);
    await waitForFrame(lastFrame, /› A container will not start/);
    stdin.write(`${KEYS.esc}${KEYS.esc}`);
    await waitForFrame(lastFrame, t('home.prompt'));
  });

  it('a line of text pasted without paste markers (a console that marks none) is a paste: Diagnose opens with it, its q quits nothing', async () => {
    // Found by a helper: read as keys, its letters moved Home's list and its q quit the app.
    const onQuit = vi.fn();
    const { lastFrame, stdin, t } = renderApp({ onQuit });
    await waitForFrame(lastFrame, t('home.prompt'));
    stdin.write('Error: the quota was exceeded (0x80070070) q and more');
    const frame = await waitForFrame(lastFrame, `› ${t('diagnose.title')}`);
    expect(frame).toContain('Error: the quota was exceeded (0x80070070) q and more');
    expect(onQuit).not.toHaveBeenCalled();
    expect(looksPasted('gj\rj\r')).toBe(false);
    expect(looksPasted('\u001B[200~Error response from daemon: something long')).toBe(false);
    expect(looksPasted('docker: Error response from daemon: failed\r\nnext line')).toBe(true);
  });

  it.each([
    ['Down', KEYS.down],
    ['Down Up', `${KEYS.down}`, KEYS.up],
    ['Esc', KEYS.esc],
  ])('a line pasted without paste markers after %s is still a paste (found by a new-user helper: after any arrow key its letters ran as keys)', async (_, ...keys) => {
    const onQuit = vi.fn();
    const { lastFrame, stdin, t } = renderApp({ onQuit });
    await waitForFrame(lastFrame, t('home.prompt'));
    for (const k of keys) {
      stdin.write(k);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    stdin.write('docker: Error response from daemon: failed to create endpoint sharp_hopper on network nat: HNS failed with error : The object already exists.');
    const frame = await waitForFrame(lastFrame, `› ${t('diagnose.title')}`);
    expect(frame).toContain('HNS failed with error');
    expect(onQuit).not.toHaveBeenCalled();
  });

  it.each([
    '2024-05-01T10:00:00Z Error response from daemon: hcsshim::CreateComputeSystem failed',
    '[ERROR] hcsshim::CreateComputeSystem failed: The container operating system does not match',
    '0x80070005 access denied while starting the container web',
  ])('after Esc, a paste without markers that starts with a digit or [ is a paste, not the rest of a sequence (found by a tester): %s', async (text) => {
    const { lastFrame, stdin, t } = renderApp();
    await waitForFrame(lastFrame, t('home.prompt'));
    stdin.write(KEYS.down);
    stdin.write(KEYS.esc);
    await new Promise((resolve) => setTimeout(resolve, 20));
    stdin.write(text);
    const frame = await waitForFrame(lastFrame, `› ${t('diagnose.title')}`);
    expect(frame).toContain(text.slice(0, 30));
  });

  it('Docs: a paste without markers of several lines into the search goes to Diagnose whole (found by a tester: its line break opened a topic and its letters ran as keys)', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'docs' }] });
    await waitForFrame(lastFrame, t('docs.category.general'));
    stdin.write('/');
    await waitForFrame(lastFrame, t('docs.search.placeholder'));
    stdin.write('hcsshim failed\rline two of the error\r');
    const frame = await waitForFrame(lastFrame, `› ${t('diagnose.title')}`);
    expect(frame).toContain('hcsshim failed');
    expect(frame).toContain('line two of the error');
  });

  it.each(['request quota exceeded', 'access denied quota', 'error: unique constraint failed', 'mcr.microsoft.com/windows/servercore:ltsc2022-amd64@sha256:aq'])(
    'a short line pasted without paste markers is a paste too, and its q quits nothing: %j',
    async (line) => {
      // Found by a helper: under 32 characters (or without a space) it was read as keys, and its q ended the session.
      const onQuit = vi.fn();
      const { lastFrame, stdin, t } = renderApp({ onQuit });
      await waitForFrame(lastFrame, t('home.prompt'));
      stdin.write(line);
      const frame = await waitForFrame(lastFrame, `› ${t('diagnose.title')}`);
      expect(frame).toContain(line.slice(0, 40));
      expect(onQuit).not.toHaveBeenCalled();
    },
  );

  it('a q among other keys of one read quits nothing; a q pressed alone does', async () => {
    const onQuit = vi.fn();
    const { lastFrame, stdin, t } = renderApp({ onQuit });
    await waitForFrame(lastFrame, t('home.prompt'));
    stdin.write('jjq');
    await new Promise((r) => setTimeout(r, 100));
    expect(onQuit).not.toHaveBeenCalled();
    expect(looksPasted('jjq')).toBe(false);
    expect(looksPasted('abc def')).toBe(false);
    expect(looksPasted('request quota exceeded')).toBe(true);
    stdin.write('q');
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalledTimes(1));
  });

  it('h goes home from deep inside, in one key', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'docs' }, { screen: 'topic', topicId: 'hns-requires-ipv6' }] });
    await waitForFrame(lastFrame, 'hns-requires-ipv6');
    stdin.write('h');
    await waitForFrame(lastFrame, t('home.prompt'));
  });

  it('Docs: / and its text typed at once all go into the search field, read key by key (found by a tester: the i of ipv6 and the space were lost)', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'docs' }] });
    await waitForFrame(lastFrame, t('docs.title'));
    stdin.write('/ipv6');
    await waitForFrame(lastFrame, `${t('docs.search.prompt')} ipv6█`);
    stdin.write(KEYS.esc);
    await waitForFrameWithout(lastFrame, 'ipv6█');
    // Long enough to look pasted, but it starts with the search key: a search typed at once, not a paste to diagnose.
    stdin.write('/compat matrix');
    const frame = await waitForFrame(lastFrame, 'compat matrix█');
    expect(frame).toContain(t('docs.title'));
  });

  it('Docs: / starts a new search after coming back from a topic', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'docs' }] });
    await waitForFrame(lastFrame, t('docs.title'));
    stdin.write('/');
    await waitForFrame(lastFrame, t('docs.search.prompt'));
    for (const ch of 'ipv6') stdin.write(ch);
    await waitForFrame(lastFrame, 'ipv6█');
    stdin.write(KEYS.enter);
    await waitForFrame(lastFrame, 'hns-requires-ipv6');
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, t('docs.title'));
    expect(plain(lastFrame())).not.toContain('ipv6█');
    stdin.write('/');
    stdin.write('x');
    const frame = await waitForFrame(lastFrame, 'x█');
    expect(frame).not.toContain('ipv6x');
  });
});

describe('text cut in a list can be read in full (issue 17, defect 10)', () => {
  it('i shows a diagnosis result whole, and any key closes it', async () => {
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'diagnose', text: '' }], columns: 60 });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write(bracketedPaste('Element not found'));
    await waitForFrame(lastFrame, t('diagnose.results.count', { count: 1 }));
    stdin.write(KEYS.tab);
    await waitForFrame(lastFrame, `i ${t('keys.showFull')}`);
    expect(plain(lastFrame())).not.toContain('when IPv6 is');
    stdin.write('i');
    await waitForFrame(lastFrame, 'when IPv6 is');
    stdin.write(KEYS.esc);
    // The list's title shows beside the full text too: wait for the full text to go, then for the list.
    await waitForFrameWithout(lastFrame, 'when IPv6 is');
    expect(await waitForFrame(lastFrame, t('diagnose.results.title'))).not.toContain('when IPv6 is');
  });
});

// Found by a key-sequence fuzzer helper: a paste's start marker whose end never came took every later key into the
// paste, Esc and Ctrl+C too; only killing the process got the terminal back.
describe('a paste whose end marker never comes', () => {
  it('is ended as it is after a quiet moment, and the keys after it act again: Esc goes back, Ctrl+C quits', async () => {
    const onQuit = vi.fn();
    const { lastFrame, stdin, t } = renderApp({ onQuit, pasteIdleMs: 100, initial: [{ screen: 'home' }, { screen: 'diagnose', text: '' }] });
    await waitForFrame(lastFrame, t('diagnose.input.placeholder'));
    stdin.write('\u001B[200~0x800705B4 the rest never came');
    stdin.write(KEYS.esc);
    // The text so far arrives as a paste (the Esc typed during the wait is part of it, shown, never acted on).
    await waitForFrame(lastFrame, '0x800705B4 the rest never came');
    expect(lastFrame()).toContain(`› ${t('diagnose.title')}`);
    stdin.write(KEYS.esc);
    await waitForFrame(lastFrame, t('home.prompt'));
    stdin.write('\u0003');
    await vi.waitFor(() => expect(onQuit).toHaveBeenCalled());
  });

  it('the parser ends an open paste with what it has, and nothing when none is open', async () => {
    const { createPasteParser } = await import('../../src/ui/paste.js');
    const parser = createPasteParser();
    expect(parser.end()).toEqual([]);
    expect(parser.push('\u001B[200~line one\r\nline two\r')).toEqual([]);
    expect(parser.isPasting()).toBe(true);
    expect(parser.end()).toEqual([{ kind: 'paste', text: 'line one\nline two\n' }]);
    expect(parser.isPasting()).toBe(false);
    expect(parser.push('q')).toEqual([{ kind: 'input', raw: 'q' }]);
  });
});
