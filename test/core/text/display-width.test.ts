import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/core/text/display-width.js';

/*
 * Ink lays its boxes out with string-width; a line we measured narrower than ink does wraps inside its box and breaks
 * the border. displayWidth applies string-width's rules without its grapheme segmenter (see the head of
 * display-width.ts), so the two are compared here over text built from the pieces real pastes and our four locales are
 * made of, every script with marks included.
 */

/** Letters and symbols of many scripts, alone or with their marks, CJK, decomposed Hangul. */
const LETTERS = [
  // Latin, with and without combining marks, and Latin-1
  'a', 'Z', ' ', '-', 'é', 'e\u0301', 'å', 'ß', '\u00ad', '\u00a0',
  // Thai, Lao, Khmer with their marks (above, below, and SARA AM, which joins the letter before it)
  'ก', 'ก\u0e48', 'ก\u0e34\u0e49', 'น\u0e33', 'ກ\u0ec8', 'ក\u17b6', 'ក\u17c6',
  // Arabic and Hebrew with vowel marks, Arabic's number sign (a format character before digits)
  'ب', 'ب\u064e', 'ش\u0651\u064e', '\u0600١٢', 'ש', 'ש\u05b8', 'ש\u05c1\u05b8',
  // Devanagari, Bengali, Tamil: vowel signs that take a cell (spacing marks) and those that do not, a conjunct
  'क', 'कि', 'क्ष', 'कं', 'ক', 'কো', 'க', 'கொ',
  // a joiner inside a conjunct (Marathi eyelash ra), and a virama before a vowel, which joins nothing (a regression tester)
  'क्\u200dष', 'र्\u200dय', 'क्अ', 'क्\u200cष',
  // CJK, Hangul, kana, fullwidth and halfwidth forms, ideographic tone marks
  '中', '器', '한', '국', 'カ', 'ｶ', 'ｶﾞ', 'Ａ', '中〪', '\u3000',
  // decomposed Hangul (as macOS copies it): leading + vowel (+ final), and a precomposed syllable + final
  '\u1112\u1161\u11ab', '\u1100\u1161', '\u1100\u1100\u1161', '\uac00\u11a8', '\u1100\u1161\u11a8\u11a8',
  // box drawing, arrows, ellipsis: what our own frames print
  '─', '│', '→', '…', '•', '✓', '✗',
];
/** What may follow a letter and join it: marks, joiners, selectors, direction marks. */
const JOINING = ['\u0301', '\u0e48', '\u064e', '\u05b8', '\u093f', '\u200b', '\u200c', '\u200d', '\u200e', '\u2060', '\ufe0f', '\ufe0e', 'ﾞ', '〪'];
/**
 * Emoji: wide by default, text-default with and without VS16, a modifier, ZWJ sequences, flags, keycaps, tags. Nothing
 * joins them here: string-width measures an emoji followed by a mark as its first code point alone (a keycap and a
 * joiner as one cell, a flag and a mark as one), which no paste has and no terminal shows.
 */
const EMOJI = [
  '🚀', '😀', '⌚', '❤', '❤\ufe0f', '☺', '↔\ufe0f', '👍🏽',
  // a skin tone on a text-style base, and a text-style heart joined to a fire (a regression tester)
  '✌🏽', '☝🏻', '🕵🏾', '❤\u200d🔥', '⛹\u200d♀', '👨\u200d👩\u200d👧', '🏳\ufe0f\u200d🌈', '🇸🇪', '🇸', '1\ufe0f\u20e3', '#\u20e3',
  '🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}',
];
const piece = fc.oneof(fc.constantFrom(...LETTERS), fc.tuple(fc.constantFrom(...LETTERS), fc.constantFrom(...JOINING)).map(([l, j]) => l + j), fc.constantFrom(...EMOJI));

describe('displayWidth', () => {
  it('measures text of every script as string-width does (ink lays boxes out with it)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['ASCII', 'hello', 5],
    ['CJK two cells each', '容器启动', 8],
    ['Hangul', '한국', 4],
    ['a Thai tone mark takes no cell', 'ก่', 1],
    ['Arabic vowel marks take none', 'شَّ', 1],
    ['a Devanagari vowel sign that spaces takes one', 'कि', 2],
    ['an emoji outside the old wide ranges', '🚀', 2],
    ['a ZWJ family is one emoji', '👨\u200d👩\u200d👧', 2],
    ['a skin tone joins its hand', '👍🏽', 2],
    ['a skin tone makes a text-style hand an emoji', '✌🏽', 2],
    ['a joiner inside a conjunct', 'क्\u200dष', 1],
    ['VS16 makes a text heart an emoji', '❤\ufe0f', 2],
    ['decomposed Hangul is one syllable', '\u1112\u1161\u11ab', 2],
    ['control characters take none', 'a\tb\u0007', 2],
    // (A modifier after a flag is where the two part: string-width measures the flag's first letter only. No paste has it.)
    ['a skin tone alone is an emoji', '🏽', 2],
  ])('%s', (_name, text, width) => {
    expect(displayWidth(text)).toBe(width);
    expect(stringWidth(text)).toBe(width);
  });
});
