// The confirmation prompt of the CLI (askKeys): answers are taken key by key, so that text typed before the
// question was shown, or pasted, never answers it (found by trying: "y⏎" typed while wcdoctor started, and a
// two-line paste of a command and its high-risk word, ran the fix before its plan was on the screen).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askKeys, exitCodeOfSignal, keysOf, type Answer } from '../../src/platform/terminal.js';

/** A terminal's input that records its raw mode, and an output that records what was written. */
function fakeTerminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true, raw: [] as boolean[] });
  (input as unknown as { setRawMode: (r: boolean) => void }).setRawMode = (r: boolean) => void input.raw.push(r);
  let written = '';
  const output = new PassThrough();
  output.on('data', (b: Buffer) => (written += b.toString('utf8')));
  return { input, output, written: () => written };
}

/** Asks, then sends each read in turn (each one arrives on its own), and returns the answer with what was shown. */
async function ask(reads: string[], note = 'NOTE', { quietMs = 0, gapMs = 0 } = {}): Promise<{ answer: Answer; shown: string; raw: boolean[] }> {
  const t = fakeTerminal();
  const pending = askKeys('Q? ', note, t.input, t.output, quietMs);
  for (const r of reads) {
    t.input.write(r);
    await new Promise((res) => (gapMs ? setTimeout(res, gapMs) : setImmediate(res)));
  }
  const answer = await pending;
  await new Promise((res) => setImmediate(res));
  return { answer, shown: t.written(), raw: t.input.raw };
}

describe('askKeys: the answer is typed key by key', () => {
  it('takes keys pressed one at a time, and leaves raw mode when done', async () => {
    const r = await ask(['y', 'e', 's', '\r']);
    expect(r.answer).toEqual({ kind: 'answer', text: 'yes' });
    expect(r.raw).toEqual([true, false]);
    expect(r.shown).toBe('Q? yes\n');
  });

  it('does not take keys typed ahead with their Enter (one read): the note, the question again, then the typed answer', async () => {
    const r = await ask(['y\r', 'n', '\r']);
    expect(r.answer).toEqual({ kind: 'answer', text: 'n' });
    expect(r.shown).toBe('Q? \nNOTE\nQ? n\n');
  });

  it('does not take a pasted confirmation word, marked as a paste or not', async () => {
    for (const paste of ['force-remove-container\r', 'force-remove-container', '\x1b[200~force-remove-container\x1b[201~']) {
      const r = await ask([paste, '\r']);
      expect(r.answer, JSON.stringify(paste)).toEqual({ kind: 'answer', text: '' });
      expect(r.shown).toContain('NOTE');
    }
  });

  it('clears what was typed before a paste, so that a paste cannot finish a word', async () => {
    const r = await ask(['f', 'o', 'rce\r', '\r']);
    expect(r.answer).toEqual({ kind: 'answer', text: '' });
  });

  it('edits with Backspace and Ctrl+U, ignores arrows, Alt+key and characters outside ASCII', async () => {
    const r = await ask(['y', 'x', '\x7f', '\x1b[D', '\x1bq', 'é', '\r']);
    expect(r.answer).toEqual({ kind: 'answer', text: 'y' });
    const cleared = await ask(['a', 'b', '\x15', 'y', '\r']);
    expect(cleared.answer).toEqual({ kind: 'answer', text: 'y' });
  });

  it('takes no first key right after the question or right after another key: a console typing a paste key by key (an attacker helper)', async () => {
    // Keys 15 ms apart from the moment the question appears: none starts an answer, and the note is shown once.
    const typed = fakeTerminal();
    const asked = askKeys('Q? ', 'NOTE', typed.input, typed.output, 300);
    for (const ch of 'restart-container\r') {
      typed.input.write(ch);
      await new Promise((res) => setTimeout(res, 15));
    }
    // Its Enter answered nothing either; a lone Enter after a quiet moment does (an empty answer: no).
    await new Promise((res) => setTimeout(res, 350));
    typed.input.write('\r');
    expect(await asked).toEqual({ kind: 'answer', text: '' });
    expect(typed.written()).toBe('Q? \nNOTE\nQ? \n');
    // A person: a quiet moment, then the word typed quickly.
    const t = fakeTerminal();
    const pending = askKeys('Q? ', 'NOTE', t.input, t.output, 300);
    await new Promise((res) => setTimeout(res, 350));
    for (const ch of 'yes\r') {
      t.input.write(ch);
      await new Promise((res) => setTimeout(res, 20));
    }
    expect(await pending).toEqual({ kind: 'answer', text: 'yes' });
  });

  it('takes back an answer whose Enter more keys follow at once: a typed paste whose first line is the answer (found by an attacker helper)', async () => {
    const t = fakeTerminal();
    const pending = askKeys('Q? ', 'NOTE', t.input, t.output, 300);
    await new Promise((res) => setTimeout(res, 350));
    // One read a key, each right after the last (a console types faster than the quiet moment; timed gaps made the test
    // depend on the machine's load: a stall of 300 ms between two keys under a loaded CI run read as a person's pause).
    for (const ch of 'yes\rthen the rest of the paste') {
      t.input.write(ch);
      await new Promise((res) => setImmediate(res));
    }
    let settled = false;
    void pending.then(() => (settled = true));
    await new Promise((res) => setTimeout(res, 400));
    expect(settled).toBe(false);
    expect(t.written()).toContain('NOTE');
    // A lone Enter after a quiet moment: the answer starts over, empty (no).
    t.input.write('\r');
    expect(await pending).toEqual({ kind: 'answer', text: '' });
    // Enter pressed twice is the same answer said again (a tester).
    const twice = fakeTerminal();
    const again = askKeys('Q? ', 'NOTE', twice.input, twice.output, 300);
    await new Promise((res) => setTimeout(res, 350));
    for (const ch of 'yes\r\r') {
      twice.input.write(ch);
      await new Promise((res) => setImmediate(res));
    }
    expect(await again).toEqual({ kind: 'answer', text: 'yes' });
    expect(twice.written()).not.toContain('NOTE');
  });

  it('takes a correction at typing speed once the answer has begun (found by a tester: the y after n and Backspace was refused)', async () => {
    const t = fakeTerminal();
    const pending = askKeys('Q? ', 'NOTE', t.input, t.output, 300);
    await new Promise((res) => setTimeout(res, 350));
    for (const ch of ['n', '\x7f', 'y', '\r']) {
      t.input.write(ch);
      await new Promise((res) => setTimeout(res, 150));
    }
    expect(await pending).toEqual({ kind: 'answer', text: 'y' });
    expect(t.written()).not.toContain('NOTE');
  });

  it('reads Enter sent as CR LF as one key', async () => {
    expect((await ask(['y', '\r\n'])).answer).toEqual({ kind: 'answer', text: 'y' });
  });

  it('ends with Ctrl+C as interrupted and Ctrl+D as ended, on a line of their own', async () => {
    const c = await ask(['y', '\x03']);
    expect(c.answer).toEqual({ kind: 'interrupted' });
    expect(c.shown.endsWith('\n')).toBe(true);
    expect((await ask(['\x04'])).answer).toEqual({ kind: 'ended' });
    // Ctrl+C inside a burst still cancels.
    expect((await ask(['yes\x03'])).answer).toEqual({ kind: 'interrupted' });
  });

  it('ends (raw mode off) on a read error, a closed input or a raw mode that cannot be set, never hanging or throwing', async () => {
    for (const how of ['error', 'close'] as const) {
      const t = fakeTerminal();
      const pending = askKeys('Q? ', 'NOTE', t.input, t.output);
      if (how === 'error') t.input.emit('error', new Error('EIO'));
      else t.input.emit('close');
      expect(await pending, how).toEqual({ kind: 'ended' });
      expect(t.input.raw, how).toEqual([true, false]);
    }
    const t = fakeTerminal();
    (t.input as unknown as { setRawMode: (r: boolean) => void }).setRawMode = (r: boolean) => {
      if (r) throw new Error('setRawMode EIO');
    };
    expect(await askKeys('Q? ', 'NOTE', t.input, t.output)).toEqual({ kind: 'ended' });
  });

  it('says the note once for a paste that arrives in several reads', async () => {
    const r = await ask(['force-rem', 'ove-cont', 'ainer', '\r']);
    expect(r.shown.split('NOTE')).toHaveLength(2);
    expect(r.answer).toEqual({ kind: 'answer', text: '' });
  });

  it('splits a read into keys: escape sequences and CR LF are one key each', () => {
    expect(keysOf('a\x1b[Ab\r\n\x1bOP\x1bx')).toEqual(['a', '\x1b[A', 'b', '\r\n', '\x1bOP', '\x1bx']);
    expect(keysOf('\x1b[200~y\x1b[201~')).toHaveLength(3);
  });

  it('gives the exit code a shell gives a program ended by a signal', () => {
    expect(exitCodeOfSignal('SIGINT')).toBe(130);
    expect(exitCodeOfSignal('SIGTERM')).toBe(143);
    expect(exitCodeOfSignal('SIGHUP')).toBe(129);
  });
});
