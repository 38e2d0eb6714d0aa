// Issue 11, item 4: a prompt is answered only by a deliberate key. A paste that arrives as keystrokes
// (a terminal or a tool without bracketed paste) is one chunk of input with many characters; none of
// them may answer a Yes/No prompt, fill the typed word of a high-risk fix, or press the wizard's run key.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initWizardState, wizardReducer, type WizardAction } from '../../src/core/network/wizard-reducer.js';
import { AFTER_BULK_MS, QUIET_MS } from '../../src/ui/contexts/InputContext.js';
import { Command, isDeliberate, isSingleKey } from '../../src/ui/keys.js';
import { makeKb } from '../core/fixes/fix-fixtures.js';
import { fakePlatform } from '../helpers/fake-platform.js';
import { KEYS, bracketedPaste, typeKeys } from '../helpers/keys.js';
import { Text } from 'ink';
import { useKeymap } from '../../src/ui/hooks/use-keymap.js';
import { renderApp, renderWithProviders } from '../helpers/render.js';
import { plain, waitForFrame, waitForFrameWithout } from '../helpers/wait-for.js';
import { networkKb } from '../ui/network-kb.js';
import { ConfirmPrompt } from '../../src/ui/components/ConfirmPrompt.js';
import { THEME_TABLE } from '../../src/ui/theme.js';

afterEach(() => cleanup());

/** Opens the fix runner on a fix of the demo topic (test/core/fixes/fix-fixtures.ts); the fake shell runs nothing. */
function openFix(fixId: string, entities?: Record<string, string>, quietMs?: number) {
  const platform = fakePlatform({ kb: makeKb() });
  const r = renderApp({ platform, ...(quietMs !== undefined ? { quietMs } : {}), initial: [{ screen: 'topic', topicId: 'demo-topic' }, { screen: 'fix', topicId: 'demo-topic', fixId, ...(entities ? { entities } : {}) }] });
  return { ...r, shell: platform.shell, audit: platform.audit.entries };
}

/** Waits until either the fix started or the frame shows the text: whichever the code does, the test then checks which. */
async function ranOrShows(shell: { runs: unknown[] }, lastFrame: () => string | undefined, text: string): Promise<void> {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  await vi.waitFor(() => expect(shell.runs.length > 0 || flat(plain(lastFrame())).includes(flat(text)), `waiting for a run or ${text}; the frame:\n${plain(lastFrame())}`).toBe(true), { timeout: 5000, interval: 10 });
}

async function started(shell: { runs: unknown[] }): Promise<void> {
  await vi.waitFor(() => expect(shell.runs).toHaveLength(1), { timeout: 5000, interval: 10 });
}

describe('isSingleKey: one chunk of input (as ink splits it) is one key press', () => {
  it.each([['y'], ['Y'], ['\r'], ['\t'], ['\u007F'], ['\u0003'], ['\u001B'], [KEYS.right], ['\u001BOC'], ['한'], ['😀']])('%j is a key', (raw) => {
    expect(isSingleKey([raw])).toBe(true);
  });
  it.each([[['System']], [['yes']], [['y\r']], [['Ysystem\r']], [['\r\n']], [[KEYS.right, '\r']], [['y', 'y']], [[]], [['']]])('%j is not', (raws) => {
    expect(isSingleKey(raws)).toBe(false);
  });
  it('never counts a paste as deliberate, even a one-character one', () => {
    expect(isDeliberate({ command: Command.Paste, text: 'y', alone: true })).toBe(false);
    expect(isDeliberate({ command: Command.Insert, text: 'y', alone: false })).toBe(false);
    expect(isDeliberate({ command: Command.Insert, text: 'y', alone: true })).toBe(true);
  });
});

describe('the Yes/No prompt answers only a key pressed alone', () => {
  // Each is one chunk of input, as a paste without bracketed paste (or a tool typing) delivers it.
  const bursts: Record<string, string> = {
    'the y in "System"': 'System',
    '"yes"': 'yes',
    '"Ysystem" and Enter': 'Ysystem\r',
    'y with its Enter': 'y\r',
    'Y with its Enter': 'Y\r',
    'Tab to Yes and Enter': `${KEYS.tab}${KEYS.enter}`,
    'Right to Yes and Enter': `${KEYS.right}${KEYS.enter}`,
    'a bracketed paste of y': bracketedPaste('y'),
  };
  for (const [name, burst] of Object.entries(bursts)) {
    it(`runs nothing on ${name} in one chunk, and then runs on a lone y`, async () => {
      const { lastFrame, stdin, t, shell, audit } = openFix('list-networks');
      await waitForFrame(lastFrame, t('fix.confirm.question'));
      stdin.write(burst);
      await ranOrShows(shell, lastFrame, t('fix.confirm.burst'));
      expect(shell.runs).toEqual([]);
      expect(audit).toEqual([]);
      const frame = plain(lastFrame());
      expect(frame).toContain(t('fix.confirm.question'));
      expect(frame).toContain(`❯ ${t('fix.confirm.no')}`);
      expect(frame).not.toContain(t('fix.declined'));

      // The prompt is still there and a deliberate key answers it.
      stdin.write('y');
      await started(shell);
      expect(shell.runs).toMatchObject([{ file: 'docker', args: ['network', 'ls'] }]);
    });
  }

  it('runs nothing on the last character of a paste the terminal split into reads, but on a y pressed later (an attacker helper: 4,095 characters and a y ran the fix)', async () => {
    const platform = fakePlatform({ kb: makeKb() });
    // The app's own window (AFTER_BULK_MS), not the tests' 0.
    const { lastFrame, stdin, t } = renderApp({ platform, afterBulkMs: AFTER_BULK_MS, initial: [{ screen: 'topic', topicId: 'demo-topic' }, { screen: 'fix', topicId: 'demo-topic', fixId: 'list-networks' }] });
    await waitForFrame(lastFrame, t('fix.confirm.question'));
    // An unmarked paste: a read of 4,095 characters (letters, or digits and spaces, which read as keys), then one of the y.
    for (const text of ['A'.repeat(4095), '1 '.repeat(2047) + '1', 'denied by policy '.repeat(240)]) {
      stdin.write(text);
      stdin.write('y');
      stdin.write('\r');
      await new Promise((r) => setTimeout(r, 50));
      expect(platform.shell.runs).toEqual([]);
      expect(plain(lastFrame())).toContain(t('fix.confirm.question'));
    }
    expect(platform.audit.entries).toEqual([]);
    // A person answers after reading the question: a y well after the paste runs the fix.
    await new Promise((r) => setTimeout(r, AFTER_BULK_MS + 50));
    stdin.write('y');
    await started(platform.shell);
  });

  it('moves no screen on keys read soon after a paste, in the next read too; a text field takes them (an attacker helper: an end marker at a read boundary, or keys after a read of 4,095 characters, went from Home to a Run prompt)', async () => {
    const seen: string[] = [];
    function Recorder({ text }: { text: boolean }) {
      useKeymap(
        (command, typed) => {
          seen.push(command === Command.Paste ? 'paste' : command === Command.Insert ? `insert:${typed}` : command);
          return true;
        },
        { text },
      );
      return <Text>ready</Text>;
    }
    for (const text of [false, true]) {
      seen.length = 0;
      const { lastFrame, stdin, unmount } = renderWithProviders(<Recorder text={text} />, { afterBulkMs: AFTER_BULK_MS });
      await waitForFrame(lastFrame, 'ready');
      stdin.write(bracketedPaste('x'.repeat(4095)));
      stdin.write(`${KEYS.down}\r`);
      stdin.write('\t');
      await new Promise((r) => setTimeout(r, 50));
      expect(seen, `text field: ${text}`).toEqual(text ? ['paste', Command.Down, Command.Confirm, Command.FocusNext] : ['paste']);
      await new Promise((r) => setTimeout(r, AFTER_BULK_MS + 50));
      stdin.write(KEYS.down);
      await vi.waitFor(() => expect(seen.at(-1)).toBe(Command.Down), { timeout: 5000, interval: 10 });
      unmount();
    }
  });

  it('counts the window after a paste from when the paste was handled: a screen slow to take it does not let the next read through', async () => {
    const seen: string[] = [];
    const WINDOW_MS = 150;
    function SlowRecorder() {
      useKeymap((command) => {
        seen.push(command === Command.Paste ? 'paste' : command);
        // A busy machine: taking the paste lasts three windows.
        if (command === Command.Paste) for (const end = performance.now() + 3 * WINDOW_MS; performance.now() < end; );
        return true;
      });
      return <Text>ready</Text>;
    }
    const { lastFrame, stdin } = renderWithProviders(<SlowRecorder />, { afterBulkMs: WINDOW_MS });
    await waitForFrame(lastFrame, 'ready');
    stdin.write('A'.repeat(4095));
    stdin.write(KEYS.down);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(['paste']);
    await new Promise((r) => setTimeout(r, WINDOW_MS + 50));
    stdin.write(KEYS.down);
    await vi.waitFor(() => expect(seen).toEqual(['paste', Command.Down]), { timeout: 5000, interval: 10 });
  });

  it('counts the window after a paste ended for want of its end marker from when that paste was handled too', async () => {
    const seen: string[] = [];
    const WINDOW_MS = 150;
    function SlowRecorder() {
      useKeymap((command, _text, event) => {
        seen.push(command === Command.Paste ? 'paste' : `${command}:${event.soon === true ? 'soon' : 'later'}`);
        // A busy machine: taking the paste lasts three windows.
        if (command === Command.Paste) for (const end = performance.now() + 3 * WINDOW_MS; performance.now() < end; );
        return true;
      });
      return <Text>ready</Text>;
    }
    const { lastFrame, stdin } = renderWithProviders(<SlowRecorder />, { afterBulkMs: WINDOW_MS, pasteIdleMs: 50 });
    await waitForFrame(lastFrame, 'ready');
    // A paste whose end marker never came: ended after pasteIdleMs without input, then handled slowly.
    stdin.write('\u001B[200~' + 'A'.repeat(100));
    await vi.waitFor(() => expect(seen).toEqual(['paste']), { timeout: 5000, interval: 10 });
    stdin.write(KEYS.down);
    await vi.waitFor(() => expect(seen).toHaveLength(2), { timeout: 5000, interval: 10 });
    expect(seen[1]).toBe(`${Command.Down}:soon`);
  });

  it('counts the quiet moment before a key from when the key before was handled: a key a console typed right after one slow to take is still hurried (a regression tester: an Enter whose screen took longer than the moment let the next typed y answer)', async () => {
    const seen: string[] = [];
    const QUIET = 150;
    function SlowOnEnter() {
      useKeymap((command, _text, event) => {
        seen.push(`${command}:${event.hurried === true ? 'hurried' : 'quiet'}`);
        // A busy machine: the screen an Enter opens takes three quiet moments to draw.
        if (command === Command.Confirm) for (const end = performance.now() + 3 * QUIET; performance.now() < end; );
        return true;
      });
      return <Text>ready</Text>;
    }
    const { lastFrame, stdin } = renderWithProviders(<SlowOnEnter />, { quietMs: QUIET });
    await waitForFrame(lastFrame, 'ready');
    await new Promise((r) => setTimeout(r, QUIET + 50));
    // A console typing the clipboard: Enter, then y a few milliseconds later (read while the Enter was being taken).
    stdin.write('\r');
    stdin.write('y');
    await vi.waitFor(() => expect(seen).toHaveLength(2), { timeout: 5000, interval: 10 });
    expect(seen).toEqual([`${Command.Confirm}:quiet`, `${Command.Insert}:hurried`]);
    // A key pressed a quiet moment after the slow one was taken is not hurried.
    await new Promise((r) => setTimeout(r, QUIET + 50));
    stdin.write('y');
    await vi.waitFor(() => expect(seen).toHaveLength(3), { timeout: 5000, interval: 10 });
    expect(seen[2]).toBe(`${Command.Insert}:quiet`);
  });

  it('drops the keys that follow a paste\'s end marker in the same read (an attacker helper: a pasted ESC[201~ then arrows and Enter drove the screen)', async () => {
    const seen: string[] = [];
    function Recorder() {
      useKeymap((command, text) => {
        seen.push(command === Command.Paste ? `paste:${text}` : command);
        return true;
      });
      return <Text>ready</Text>;
    }
    const { lastFrame, stdin } = renderWithProviders(<Recorder />);
    await waitForFrame(lastFrame, 'ready');
    stdin.write(`${bracketedPaste('x')}${KEYS.down}${KEYS.down}${KEYS.enter}`);
    await vi.waitFor(() => expect(seen).toContain('paste:x'), { timeout: 5000, interval: 10 });
    stdin.write(KEYS.down);
    await vi.waitFor(() => expect(seen).toEqual(['paste:x', Command.Down]), { timeout: 5000, interval: 10 });
  });

  it('takes Yes from a lone arrow and a lone Enter, each its own chunk', async () => {
    const { lastFrame, stdin, t, shell } = openFix('list-networks');
    await waitForFrame(lastFrame, t('fix.confirm.question'));
    stdin.write(KEYS.right);
    await waitForFrame(lastFrame, `❯ ${t('fix.confirm.yes')}`);
    stdin.write(KEYS.enter);
    await started(shell);
  });

  it('does not pass a burst on to the screen beneath (no copy, no quit, no decline)', async () => {
    const { lastFrame, stdin, t, shell, audit } = openFix('list-networks');
    await waitForFrame(lastFrame, t('fix.confirm.question'));
    stdin.write(`cq${KEYS.esc}n`);
    await ranOrShows(shell, lastFrame, t('fix.confirm.burst'));
    const frame = plain(lastFrame());
    expect(frame).toContain(t('fix.confirm.question'));
    expect(frame).not.toContain(t('fix.declined'));
    expect(shell.runs).toEqual([]);
    expect(audit).toEqual([]);
  });
});

describe('the typed word of a high-risk fix must be typed, not pasted', () => {
  /** The typed-word prompt of restart-hns (its value prefilled). */
  async function typedPrompt() {
    const r = openFix('restart-hns', { service: 'hns' });
    await waitForFrame(r.lastFrame, r.t('fix.form.prompt'));
    r.stdin.write(KEYS.enter);
    await waitForFrame(r.lastFrame, r.t('fix.typed.prompt'));
    return r;
  }

  const pastes: Record<string, string> = {
    'the word as one chunk, then a lone Enter': 'restart-hns',
    'the word and Enter as one chunk': 'restart-hns\r',
    'a bracketed paste of the word, then a lone Enter': bracketedPaste('restart-hns'),
    'the word typed up to its last two letters, then those two as one chunk': 'restart-h|ns',
  };
  for (const [name, paste] of Object.entries(pastes)) {
    it(`rejects ${name}: the field is cleared, a note says why, nothing runs`, async () => {
      const { lastFrame, stdin, t, shell } = await typedPrompt();
      const [typed, chunk] = paste.includes('|') ? (paste.split('|') as [string, string]) : ['', paste];
      typeKeys(stdin, typed);
      stdin.write(chunk);
      await ranOrShows(shell, lastFrame, t('fix.typed.pasted'));
      expect(shell.runs).toEqual([]);
      expect(plain(lastFrame())).toMatch(/❯ █/);
      if (!chunk.endsWith('\r')) {
        stdin.write(KEYS.enter);
        await waitForFrame(lastFrame, t('fix.typed.mismatch', { word: 'restart-hns' }));
      }
      expect(shell.runs).toEqual([]);
    });
  }

  it('accepts the word typed key by key and a lone Enter, also after a rejected paste', async () => {
    const { lastFrame, stdin, t, shell } = await typedPrompt();
    stdin.write('restart-hns');
    await ranOrShows(shell, lastFrame, t('fix.typed.pasted'));
    typeKeys(stdin, 'restart-hns');
    const frame = await waitForFrame(lastFrame, /❯ restart-hns█/);
    expect(frame.replace(/\s+/g, ' ')).not.toContain(t('fix.typed.pasted'));
    stdin.write(KEYS.enter);
    await started(shell);
  });
});

describe('a paste a console types key by key (an attacker helper: Hyper-V\'s "Type clipboard text" answered Yes and typed the word)', () => {
  /** Types `text` one key a read, `gapMs` apart, as such a console does. */
  async function typeSlowly(stdin: { write(s: string): void }, text: string | string[], gapMs = 15): Promise<void> {
    for (const ch of typeof text === 'string' ? [...text] : text) {
      stdin.write(ch);
      await new Promise((r) => setTimeout(r, gapMs));
    }
  }

  it('answers no Yes/No with a y inside the text; a y after a quiet moment does', async () => {
    const { lastFrame, stdin, t, shell } = openFix('list-networks', undefined, QUIET_MS);
    await waitForFrame(lastFrame, t('fix.confirm.question'));
    await new Promise((r) => setTimeout(r, QUIET_MS + 50));
    // The first key came after a quiet moment, but it is no answer; every key after it is hurried, the y of "key" too.
    await typeSlowly(stdin, 'Error: key not found\r');
    await ranOrShows(shell, lastFrame, t('fix.confirm.burst'));
    expect(shell.runs).toEqual([]);
    await new Promise((r) => setTimeout(r, QUIET_MS + 50));
    stdin.write('y');
    await started(shell);
  });

  it('takes back a y that more keys follow at once: a paste a console types that begins with y runs nothing and moves nothing (found by an attacker helper)', async () => {
    const { lastFrame, stdin, t, shell, audit } = openFix('list-networks', undefined, QUIET_MS);
    const prompt = await waitForFrame(lastFrame, t('fix.confirm.question'));
    await new Promise((r) => setTimeout(r, QUIET_MS + 50));
    // "yaml: …" typed one key per read, 15 ms apart: its y came after a quiet moment.
    await typeSlowly(stdin, 'yaml: line 3: mapping values are not allowed hq', 15);
    await ranOrShows(shell, lastFrame, t('fix.confirm.burst'));
    await new Promise((r) => setTimeout(r, QUIET_MS + 50));
    expect(shell.runs).toEqual([]);
    expect(audit).toEqual([]);
    // Still the same question on the same screen: no letter of the paste (h is Home, q quits) acted beneath it.
    expect(plain(lastFrame())).toContain(t('fix.confirm.question'));
    expect(plain(lastFrame()).split('\n')[0]).toBe(plain(prompt).split('\n')[0]);
    // A y on its own, then nothing: runs once the quiet moment has passed.
    stdin.write('y');
    await new Promise((r) => setTimeout(r, QUIET_MS / 3));
    expect(shell.runs).toEqual([]);
    await started(shell);
  });

  it('takes y then Enter 150 ms later as one yes, as the CLI question is answered (a tester: the Enter took the yes back)', async () => {
    const { lastFrame, stdin, t, shell } = openFix('list-networks', undefined, QUIET_MS);
    await waitForFrame(lastFrame, t('fix.confirm.question'));
    await new Promise((r) => setTimeout(r, QUIET_MS + 50));
    await typeSlowly(stdin, 'y\r', 150);
    await started(shell);
    await new Promise((r) => setTimeout(r, QUIET_MS + 50));
    expect(shell.runs).toHaveLength(1);
    expect(plain(lastFrame())).not.toContain(t('fix.confirm.burst'));
  });

  it('takes back the typed word and its Enter when more keys follow at once, and clears the field', async () => {
    const word = openFix('restart-hns', { service: 'hns' }, QUIET_MS);
    await waitForFrame(word.lastFrame, word.t('fix.form.prompt'));
    word.stdin.write(KEYS.enter);
    await waitForFrame(word.lastFrame, word.t('fix.typed.prompt'));
    await new Promise((r) => setTimeout(r, QUIET_MS + 50));
    await typeSlowly(word.stdin, 'restart-hns\rthen more text', 15);
    await ranOrShows(word.shell, word.lastFrame, word.t('fix.typed.pasted'));
    await new Promise((r) => setTimeout(r, QUIET_MS + 50));
    expect(word.shell.runs).toEqual([]);
    // The field was cleared: the word is typed again from the start.
    expect(plain(word.lastFrame())).toMatch(/❯ █/);
  });

  it('takes a correction at typing speed once the answer has begun, an arrow then Enter, and Esc at once (found by a tester)', async () => {
    // The typed word: x, Backspace, then the word, 150 ms apart, after a quiet moment.
    const word = openFix('restart-hns', { service: 'hns' }, QUIET_MS);
    await waitForFrame(word.lastFrame, word.t('fix.form.prompt'));
    word.stdin.write(KEYS.enter);
    await waitForFrame(word.lastFrame, word.t('fix.typed.prompt'));
    await new Promise((r) => setTimeout(r, QUIET_MS + 50));
    await typeSlowly(word.stdin, `x${KEYS.backspace}restart-hns\r`, 150);
    await started(word.shell);
    cleanup();
    // Yes/No: → to Yes, then Enter 150 ms later.
    const yesNo = openFix('list-networks', undefined, QUIET_MS);
    await waitForFrame(yesNo.lastFrame, yesNo.t('fix.confirm.question'));
    await new Promise((r) => setTimeout(r, QUIET_MS + 50));
    await typeSlowly(yesNo.stdin, [KEYS.right, '\r'], 150);
    await started(yesNo.shell);
    cleanup();
    // Esc right after the prompt opened: cancelled, no note.
    const esc = openFix('restart-hns', { service: 'hns' }, QUIET_MS);
    await waitForFrame(esc.lastFrame, esc.t('fix.form.prompt'));
    await new Promise((r) => setTimeout(r, QUIET_MS + 50));
    await typeSlowly(esc.stdin, ['\r', KEYS.esc], 100);
    await waitForFrameWithout(esc.lastFrame, esc.t('fix.typed.prompt'));
    expect(esc.shell.runs).toEqual([]);
  });

  it('lets the screen beneath the Yes/No prompt take its own keys at any speed: ↓ held down scrolls (a reviewer)', async () => {
    const seen: string[] = [];
    function Screen() {
      useKeymap((command) => {
        if (command !== Command.Down) return false;
        seen.push(command);
        return true;
      });
      return (
        <>
          <Text>ready</Text>
          <ConfirmPrompt question="Run?" onAnswer={(yes) => seen.push(`answer:${yes}`)} theme={THEME_TABLE.default} />
        </>
      );
    }
    const { lastFrame, stdin } = renderWithProviders(<Screen />, { quietMs: QUIET_MS });
    await waitForFrame(lastFrame, 'ready');
    await new Promise((r) => setTimeout(r, QUIET_MS + 50));
    await typeSlowly(stdin, [KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down, 'y'], 40);
    await new Promise((r) => setTimeout(r, 50));
    // Every ↓ scrolled; the y right after them answered nothing.
    expect(seen).toEqual([Command.Down, Command.Down, Command.Down, Command.Down, Command.Down]);
  });

  it('types no word of a high-risk fix on the prompt its own Enter opened; typed after a quiet moment, quickly, it runs', async () => {
    const { lastFrame, stdin, t, shell } = openFix('restart-hns', { service: 'hns' }, QUIET_MS);
    await waitForFrame(lastFrame, t('fix.form.prompt'));
    await new Promise((r) => setTimeout(r, QUIET_MS + 50));
    // The Enter that opens the prompt and the word with its Enter, one stream of keys.
    await typeSlowly(stdin, '\rrestart-hns\r');
    await ranOrShows(shell, lastFrame, t('fix.typed.pasted'));
    expect(plain(lastFrame())).toMatch(/❯ █/);
    expect(shell.runs).toEqual([]);
    // A person: a pause to read, then the word typed fast (30 ms a key) and Enter.
    await new Promise((r) => setTimeout(r, QUIET_MS + 50));
    await typeSlowly(stdin, 'restart-hns\r', 30);
    await started(shell);
  });
});

describe("the network wizard's run key acts only when pressed alone", () => {
  it('opens nothing on an x inside a burst; a lone x opens the fix runner, which still asks', async () => {
    const actions: WizardAction[] = [
      { type: 'answer', question: 'scope', value: 'single-host' },
      { type: 'answer', question: 'addressing', value: 'host-subnet' },
      { type: 'answer', question: 'assignment', value: 'dhcp' },
      { type: 'answer', question: 'vlan', value: false },
      { type: 'answer', question: 'teaming', value: false },
      { type: 'answer', question: 'dns', value: false },
      { type: 'answer', question: 'hostIsVm', value: false },
      { type: 'answer', question: 'hostBuild', value: '' },
      { type: 'choose-driver', driver: 'transparent' },
      { type: 'set-value', field: 'name', value: 'tnet' },
      { type: 'set-value', field: 'interfaces', value: 'Ethernet' },
      { type: 'submit' },
    ];
    const wizard = actions.reduce(wizardReducer, initWizardState());
    expect(wizard.step.kind).toBe('done');
    const platform = fakePlatform({ kb: networkKb(), clipboard: { ok: true, tool: 'clip.exe' } });
    const { lastFrame, stdin, t } = renderApp({ initial: [{ screen: 'network', wizard }], platform, columns: 100, rows: 40 });
    await waitForFrame(lastFrame, t('wizard.keys.run'));
    stdin.write('xy');
    stdin.write(`ex${KEYS.enter}`);
    // A lone c (copy) after the bursts: once its note shows, the bursts have been handled.
    stdin.write('c');
    await vi.waitFor(() => expect(plain(lastFrame())).toMatch(new RegExp(`clip\\.exe|${t('fix.confirm.question').replace('?', '\\?')}`)), { timeout: 5000, interval: 10 });
    expect(plain(lastFrame())).not.toContain(t('fix.confirm.question'));
    expect(platform.shell.runs).toEqual([]);
    stdin.write('x');
    await waitForFrame(lastFrame, t('fix.confirm.question'));
    expect(platform.shell.runs).toEqual([]);
  });
});
