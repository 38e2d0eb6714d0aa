import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Command, SCREEN_SCOPES, parseInput } from '../../src/ui/keys.js';
import { createPasteParser } from '../../src/ui/paste.js';
import { initialNavigation, navigationReducer, currentRoute } from '../../src/ui/navigation.js';
import { KEYS } from '../helpers/keys.js';
import { normaliseLineEnds } from '../../src/core/text/normalise.js';

describe('parseInput', () => {
  it.each([
    [KEYS.up, false, [Command.Up]],
    ['\u001BOB', false, [Command.Down]],
    ['j', false, [Command.Down]],
    ['k', false, [Command.Up]],
    ['q', false, [Command.Quit]],
    ['?', false, [Command.Help]],
    [KEYS.enter, true, [Command.Confirm]],
    [KEYS.esc, true, [Command.Back]],
    // Two Esc presses that arrive in one read are two keys, not one.
    [KEYS.esc + KEYS.esc, false, [Command.Back, Command.Back]],
    [KEYS.esc.repeat(3), true, [Command.Back, Command.Back, Command.Back]],
    // Alt+Backspace stays one key.
    ['\u001B\u007F', true, [Command.DeleteWord]],
    [KEYS.tab, true, [Command.FocusNext]],
    [KEYS.backspace, true, [Command.Backspace]],
    [KEYS.ctrlU, true, [Command.ClearText]],
    [KEYS.pageDown, false, [Command.PageDown]],
    ['jjq', false, [Command.Down, Command.Down, Command.Quit]],
    ['\u001B[99~', false, []],
  ])('%j (text layer: %s) → %j', (raw, text, commands) => {
    expect(parseInput(raw, text).map((e) => e.command)).toEqual(commands);
  });

  it('gives letters to a text layer as text, whole', () => {
    expect(parseInput('quit', true)).toEqual([{ command: Command.Insert, text: 'quit' }]);
    expect(parseInput('한국', true)).toEqual([{ command: Command.Insert, text: '한국' }]);
  });

  it('splits a burst into keys, in order: text, then each control key (issue 17, defect 1)', () => {
    expect(parseInput('hello\t\r', true)).toEqual([{ command: Command.Insert, text: 'hello' }, { command: Command.FocusNext }, { command: Command.Confirm }]);
    expect(parseInput('mynat\t10.0.0.0/24\r', true)).toEqual([
      { command: Command.Insert, text: 'mynat' },
      { command: Command.FocusNext },
      { command: Command.Insert, text: '10.0.0.0/24' },
      { command: Command.Confirm },
    ]);
    expect(parseInput('14393\r', true)).toEqual([{ command: Command.Insert, text: '14393' }, { command: Command.Confirm }]);
  });

  it('never lets a stray control character through as text (defect 2)', () => {
    expect(parseInput('a\u0000b\u0007\u009bc', true)).toEqual([
      { command: Command.Insert, text: 'a' },
      { command: Command.Insert, text: 'b' },
      { command: Command.Home },
      { command: Command.Insert, text: 'c' },
    ]);
  });

  it('reads letters as the commands of the scopes a layer has on', () => {
    expect(parseInput('/l', { text: false, scopes: SCREEN_SCOPES.docs }).map((e) => e.command)).toEqual([Command.Search, Command.CycleLanguage]);
    expect(parseInput('c', { text: false, scopes: SCREEN_SCOPES.fixResult }).map((e) => e.command)).toEqual([Command.Copy]);
    expect(parseInput('y', { text: false, scopes: SCREEN_SCOPES.confirm }).map((e) => e.command)).toEqual([Command.Yes]);
    expect(parseInput('y', { text: false, scopes: SCREEN_SCOPES.wizardDone })).toEqual([{ command: Command.Insert, text: 'y' }]);
  });
});

describe('createPasteParser', () => {
  it('passes ordinary input through and collects a paste between the markers', () => {
    const p = createPasteParser();
    expect(p.push('j')).toEqual([{ kind: 'input', raw: 'j' }]);
    expect(p.push(KEYS.pasteStart)).toEqual([]);
    expect(p.isPasting()).toBe(true);
    expect(p.push('line 1\r')).toEqual([]);
    expect(p.push('\u001B[31m')).toEqual([]);
    expect(p.push('line 2')).toEqual([]);
    expect(p.push(KEYS.pasteEnd)).toEqual([{ kind: 'paste', text: 'line 1\n\u001B[31mline 2' }]);
    expect(p.isPasting()).toBe(false);
  });

  it('finds markers inside a longer chunk, with input around them', () => {
    const p = createPasteParser();
    expect(p.push(`k${KEYS.pasteStart}a\r\nb${KEYS.pasteEnd}q`)).toEqual([
      { kind: 'input', raw: 'k' },
      { kind: 'paste', text: 'a\nb' },
      { kind: 'input', raw: 'q' },
    ]);
  });

  it('finds a marker cut between two reads, at any place (a tester: a 4 KB paste whose end came as ESC[201 and ~ froze the app)', () => {
    for (let cut = 1; cut < KEYS.pasteEnd.length; cut++) {
      const p = createPasteParser();
      expect(p.push(`${KEYS.pasteStart}abc${KEYS.pasteEnd.slice(0, cut)}`)).toEqual([]);
      expect(p.push(`${KEYS.pasteEnd.slice(cut)}q`)).toEqual([{ kind: 'paste', text: 'abc' }, { kind: 'input', raw: 'q' }]);
      expect(p.isPasting()).toBe(false);
    }
    for (let cut = 4; cut < KEYS.pasteStart.length; cut++) {
      const p = createPasteParser();
      expect(p.push(`k${KEYS.pasteStart.slice(0, cut)}`)).toEqual([{ kind: 'input', raw: 'k' }]);
      expect(p.push(`${KEYS.pasteStart.slice(cut)}x${KEYS.pasteEnd}`)).toEqual([{ kind: 'paste', text: 'x' }]);
    }
    // A lone Esc is the key, at once.
    expect(createPasteParser().push('\u001B')).toEqual([{ kind: 'input', raw: '\u001B' }]);
    // Inside a paste, an escape that is not the marker's start stays text.
    const p = createPasteParser();
    p.push(KEYS.pasteStart);
    expect(p.push('a\u001B[2')).toEqual([]);
    expect(p.push('J b')).toEqual([]);
    expect(p.push(KEYS.pasteEnd)).toEqual([{ kind: 'paste', text: 'a\u001B[2J b' }]);
  });

  it('makes line ends `\n` a read at a time as the whole paste would be made, a CRLF cut between two reads too', () => {
    const paste = (reads: string[]) => {
      const p = createPasteParser();
      p.push(KEYS.pasteStart);
      for (const r of reads) expect(p.push(r)).toEqual([]);
      return p.push(KEYS.pasteEnd);
    };
    expect(paste(['a\r', '\nb'])).toEqual([{ kind: 'paste', text: 'a\nb' }]);
    expect(paste(['a\r', '\r', '', 'b\r'])).toEqual([{ kind: 'paste', text: 'a\n\nb\n' }]);
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[ab\r\n]{0,6}$/), { maxLength: 8 }), (reads) => {
        expect(paste(reads)).toEqual([{ kind: 'paste', text: normaliseLineEnds(reads.join('')) }]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('navigationReducer', () => {
  it('opens routes on a stack, saves the route left, and goes back to it', () => {
    let s = initialNavigation([{ screen: 'diagnose', text: '' }]);
    expect(s.stack.map((r) => r.screen)).toEqual(['home', 'diagnose']);
    s = navigationReducer(s, { type: 'open', route: { screen: 'topic', topicId: 'x' }, save: { text: 'err', selected: 1 } });
    expect(currentRoute(s)).toEqual({ screen: 'topic', topicId: 'x' });
    s = navigationReducer(s, { type: 'update', patch: { locale: 'ko-KR' } });
    expect(currentRoute(s)).toMatchObject({ locale: 'ko-KR' });
    s = navigationReducer(s, { type: 'back' });
    expect(currentRoute(s)).toEqual({ screen: 'diagnose', text: 'err', selected: 1 });
    s = navigationReducer(navigationReducer(s, { type: 'back' }), { type: 'back' });
    expect(s.stack).toEqual([{ screen: 'home' }]);
  });

  it('closes help before going back, and marks quitting', () => {
    let s = navigationReducer(initialNavigation([{ screen: 'docs' }]), { type: 'toggle-help' });
    s = navigationReducer(s, { type: 'back' });
    expect(s.help).toBe(false);
    expect(currentRoute(s).screen).toBe('docs');
    expect(navigationReducer(s, { type: 'quit' }).quitting).toBe(true);
  });
});

describe('navigationReducer: home and Ctrl+C (issue 17, defects 6 and 11)', () => {
  it('goes home from any depth in one step and marks an interrupt for exit 130', () => {
    let s = initialNavigation([{ screen: 'network' }]);
    s = navigationReducer(s, { type: 'open', route: { screen: 'fix', topicId: 't', fixId: 'f' } });
    s = navigationReducer(s, { type: 'home' });
    expect(s.stack).toEqual([{ screen: 'home' }]);
    const q = navigationReducer(s, { type: 'quit', interrupted: true });
    expect(q).toMatchObject({ quitting: true, interrupted: true });
    expect(navigationReducer(s, { type: 'quit' }).interrupted).toBeUndefined();
  });
});
