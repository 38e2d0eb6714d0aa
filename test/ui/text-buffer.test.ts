import { describe, expect, it } from 'vitest';
import { Command } from '../../src/ui/keys.js';
import { bufferOf, cleanInsert, editText, insertText, type TextBuffer } from '../../src/ui/text/text-buffer.js';

const at = (text: string, cursor: number): TextBuffer => ({ text, cursor });
const edit = (b: TextBuffer, command: Command, typed?: string, opts = {}) => editText(b, command, typed, opts);

describe('the text buffer', () => {
  it.each([
    ['an emoji with joiners', 'ab👩‍👩‍👧', 'ab'],
    ['a flag', 'x🇸🇪', 'x'],
    ['a rare CJK ideograph outside the BMP', '名𠀋', '名'],
    ['a Hangul syllable', '한국', '한'],
    ['a combining accent', 'cafe\u0301', 'caf'],
  ])('Backspace removes %s whole', (_, text, left) => {
    expect(edit(bufferOf(text), Command.Backspace)?.text).toBe(left);
  });

  it('moves by grapheme, word, line start and end, and deletes under the cursor', () => {
    let b = bufferOf('docker network 😀x');
    b = edit(b, Command.Left)!;
    b = edit(b, Command.Left)!;
    expect(b.cursor).toBe('docker network '.length);
    b = edit(b, Command.Delete)!;
    expect(b.text).toBe('docker network x');
    b = edit(b, Command.WordLeft)!;
    expect(b.cursor).toBe('docker '.length);
    b = edit(b, Command.DeleteWord)!;
    expect(b.text).toBe('network x');
    b = edit(b, Command.Last)!;
    expect(b.cursor).toBe(b.text.length);
    b = edit(b, Command.First)!;
    expect(b.cursor).toBe(0);
    b = edit(b, Command.WordRight)!;
    expect(b.cursor).toBe('network'.length);
    b = insertText(b, '-nat');
    expect(b).toEqual(at('network-nat x', 11));
  });

  it('keeps control characters and escape sequences out of a field', () => {
    expect(cleanInsert('a\u001B[31mred\u001B[0m\u0007\u0000b\tc\r\nd\u009b', false)).toBe('aredb c d');
    expect(cleanInsert('line 1\r\nline\t2\u0008', true)).toBe('line 1\nline  2');
    // A whole OSC goes, as a terminal shows it and the CLI reads it: a hyperlink keeps its text, never its target.
    expect(cleanInsert('failed \u001B]8;;https://aka.ms/x\u001B\\details\u001B]8;;\u001B\\ (0xc0370101)', false)).toBe('failed details (0xc0370101)');
    expect(cleanInsert('a\u001B]0;title\u0007b', false)).toBe('ab');
    // One that never ends swallows nothing.
    expect(cleanInsert('a\u001B]0;title', false)).toBe('a0;title');
  });

  it('caps the length without splitting a grapheme', () => {
    expect(insertText(bufferOf('ab'), 'c😀d', { maxLength: 4 }).text).toBe('abc');
    expect(insertText(bufferOf('ab'), 'c😀d', { maxLength: 5 }).text).toBe('abc😀');
  });

  it('leaves commands that are not edits to the screen', () => {
    expect(edit(bufferOf('x'), Command.Confirm)).toBeUndefined();
    expect(edit(bufferOf('x'), Command.Up)).toBeUndefined();
  });
});
