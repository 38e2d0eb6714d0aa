// escapeJsonControls looks for excess combining marks only when the text holds five code units in a row that could be
// marks (building \p{M} was a millisecond of each `--json` cold start): it must escape exactly what the one pattern with
// \p{M} escapes, on any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeJsonControls, JSON_UNSAFE } from '../../../src/core/text/terminal-safe.js';
import { anyCodePoints } from '../../helpers/arbitraries.js';

/** The one pattern, \p{M} always built: what escapeJsonControls did before its check for a run of marks. */
const reference = (json: string) => json.replace(JSON_UNSAFE(), (c) => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));

/** Pieces of text: ASCII, Chinese and Korean, marks (BMP and astral), the characters escaped, lone and paired surrogates. */
const piece = fc.oneof(
  fc.constantFrom('a', ' ', '"', '{', '\n', 'é', '中文标题', '컨테이너', '，', '。', '（', '）'),
  fc.constantFrom('\u0301', '\u0300', '\u036f', '\u0f71', '\u302a', '\u3099', '\ufe0f', '\u{1d167}', '\u{1e94a}', '\u20dd'),
  fc.constantFrom('\u007f', '\u009d', '\u2028', '\u00ad', '\u034f', '\u200b', '\u3164', '\ufeff', '\u{1bca1}', '\u{13435}', '\u{1d175}', '\u{e0041}', '\u{e007f}', '\u0600', '\u08e2', '\u{110bd}', '\u115f', '\u1161', '\u1100', '\u11a8', '\uac00'),
  fc.constantFrom('\ud82f', '\udca0', '\udb40', '\udc41', '\ud834', '\ud800\udc00'),
  anyCodePoints({ maxLength: 6 }),
);

describe('escapeJsonControls', () => {
  it('escapes what the pattern with \\p{M} escapes, on any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(escapeJsonControls(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('escapes every code point (and every lone surrogate) alone exactly as the one pattern does: the two lists of characters agree', () => {
    const all: string[] = [];
    for (let cp = 0x20; cp <= 0x10ffff; cp++) all.push(String.fromCodePoint(cp), 'a');
    const text = all.join('');
    expect(escapeJsonControls(text)).toBe(reference(text));
  });

  it('escapes a run of marks from the fifth on, beside Chinese text', () => {
    const text = `中文${'\u0301'.repeat(7)}标题`;
    expect(escapeJsonControls(text)).toBe(reference(text));
    expect(escapeJsonControls(text)).toContain('\\u0301');
  });
});
