// showJsonControls: `--json` values, once decoded, carry no control character a consumer's `jq -r` would send to a
// terminal, and no lone surrogate a strict parser refuses (found by an attacker helper: `fix --json | jq -r .stdout`
// set the title and wrote the clipboard; jq refused a history with one broken character).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeJsonControls, showControls, showJsonControls } from '../../../src/core/text/terminal-safe.js';

const out = (value: unknown, indent?: number) => showJsonControls(escapeJsonControls(JSON.stringify(value, null, indent)));
/** What the text output shows for the same string (a lone surrogate is a broken character: U+FFFD). */
const expected = (s: string) => showControls(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

describe('showJsonControls', () => {
  it.each([
    ['an OSC that sets the title', 'x\u001b]0;PWNED\u0007y', 'x␛]0;PWNED␇y'],
    ['the 8-bit CSI', 'a\u009b31mb', 'a\\x9b31mb'],
    ['a right-to-left override', 'abc\u202edef', 'abc\\u202edef'],
    ['a backspace and a form feed', 'a\bb\fc', 'a␈b␌c'],
    ['a carriage return alone, and one before a line feed', 'a\rb\r\nc', 'a␍b\r\nc'],
    ['a lone high surrogate', 'a\ud800b', 'a\ufffdb'],
    ['a lone low surrogate', 'a\udc00b', 'a\ufffdb'],
    ['an emoji, a tab and a line feed', 'ok 😀\tnext\n', 'ok 😀\tnext\n'],
    ['a tag character (an escaped pair)', 'a\u{e0041}b', 'a\\u{e0041}b'],
    ['a backslash before u001b, as text', 'C:\\u001b\\x', 'C:\\u001b\\x'],
    // A regression tester: the text `\ud800` (its backslash escaped) before a lone low surrogate kept the surrogate.
    ['the text \\ud800 before a lone low surrogate', 'x\\ud800\udc00y', 'x\\ud800\ufffdy'],
    // Found by the property below in a CI run: a lone high, a backslash, a lone low (the low's escape follows the
    // escaped backslash, not the high's escape).
    ['a lone high, a backslash, a lone low', '\ud800\\\udc00', '\ufffd\\\ufffd'],
  ])('%s', (_name, value, shown) => {
    const json = out({ value });
    expect((JSON.parse(json) as { value: string }).value).toBe(shown);
    expect(shown).toBe(expected(value));
  });

  it('gives every string the value the text output shows, at any indentation and in keys too', () => {
    const piece = fc.oneof(
      fc.constantFrom('\u001b', '\u0007', '\r', '\r\n', '\n', '\t', '\b', '\f', '\u009b', '\u009d', '\u202e', '\u200b', '\ud800', '\udc00', '\ud83d\ude00', '\u{e0041}', '\\', '\\u001b', '"', 'u001b', 'a', '中'),
      fc.string({ maxLength: 4 }),
    );
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.dictionary(text, text, { maxKeys: 3 }), fc.constantFrom(undefined, 2), (obj, indent) => {
        const parsed = JSON.parse(out(obj, indent)) as Record<string, string>;
        const want = Object.fromEntries(Object.entries(obj).map(([k, v]) => [expected(k), expected(v)]));
        expect(parsed).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });
});
