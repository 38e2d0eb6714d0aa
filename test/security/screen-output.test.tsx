import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { terminalSafeStdout } from '../../src/ui/run.js';
import { renderApp } from '../helpers/render.js';
import { waitForFrame } from '../helpers/wait-for.js';

// Item 2 of issue 11, in the app: outside text is shown, never obeyed, by the terminal.

afterEach(() => cleanup());

/** Control characters in a frame once the colour sequences are taken out (the helper renders without colour anyway). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const unsafe = (frame: string | undefined): RegExpExecArray | null => CONTROL.exec((frame ?? '').replace(/\u001b\[[0-9;]*m/g, ''));

describe('the app shows outside text visibly', () => {
  it('topic screen: entities found in a paste cannot set the title, write the clipboard or send C1 controls', async () => {
    const entities = { network: 'mynet\u001b]0;pwned\u0007', vmName: 'vm\u001b]52;c;cm0gLXJmIH4=\u0007', node: 'n\u009d0;x\u009c\u009b2J', 'odd\u001b]0;key\u0007': 'v' };
    const { lastFrame } = renderApp({ initial: [{ screen: 'topic', topicId: 'processor-count-start-timeout', entities }] });
    const frame = await waitForFrame(lastFrame, 'network: mynet');
    expect(frame).toContain('network: mynet␛]0;pwned␇');
    // Known entities carry their label in the UI language; an unknown name is shown as it is, made visible.
    expect(frame).toContain('VM name: vm␛]52;c;cm0gLXJmIH4=␇');
    expect(frame).toContain('odd␛]0;key␇: v');
    expect(frame).toContain('node: n\\x9d0;x\\x9c\\x9b2J');
    expect(unsafe(lastFrame())).toBeNull();
  });

  it('diagnose screen: a pasted escape sequence shows in the paste area as text', async () => {
    const { lastFrame } = renderApp({ initial: [{ screen: 'home' }, { screen: 'diagnose', text: 'Error 0x800705B4 \u001b]0;pwned\u0007 \u009b2J' }] });
    const frame = await waitForFrame(lastFrame, '0x800705B4');
    expect(frame).toContain('␛]0;pwned␇ \\x9b2J');
    expect(unsafe(lastFrame())).toBeNull();
  });

  it("the stream the app draws to passes Ink's CSI sequences and shows OSC, DCS, BEL and C1 visibly", () => {
    const written: string[] = [];
    const fake = { isTTY: true, columns: 80, rows: 24, write: (s: string) => (written.push(s), true), on: () => fake } as unknown as NodeJS.WriteStream;
    const stdout = terminalSafeStdout(fake);
    expect(stdout.columns).toBe(80);
    stdout.write('\u001b[?2026h\u001b[2K\u001b[1A\u001b[G\u001b[?25l\u001b[?2004hframe\n\u001b[?2026l');
    stdout.write('\u001b]0;pwned\u0007\u001bP+q\u001b\\\u009d52;c;x\u009c\u001b_apc\u001b\\\u0007');
    expect(written[0]).toBe('\u001b[?2026h\u001b[2K\u001b[1A\u001b[G\u001b[?25l\u001b[?2004hframe\n\u001b[?2026l');
    expect(written[1]).toBe('␛]0;pwned␇␛P+q␛\\\\x9d52;c;x\\x9c␛_apc␛\\␇');
  });

  it("never erases the terminal's scrollback: Ink's clear before a frame as tall as the terminal keeps the user's earlier output (found in tmux at 40 x 14)", () => {
    const written: string[] = [];
    const fake = { isTTY: true, columns: 40, rows: 14, write: (s: string) => (written.push(s), true), on: () => fake } as unknown as NodeJS.WriteStream;
    const stdout = terminalSafeStdout(fake);
    stdout.write('\u001b[2J\u001b[3J\u001b[Hframe\n');
    stdout.write(Buffer.from('\u001b[3Jnext'));
    expect(written).toEqual(['\u001b[2J\u001b[Hframe\n', 'next']);
  });
});
