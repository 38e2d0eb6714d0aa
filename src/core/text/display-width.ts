import { eastAsianWidth } from 'get-east-asian-width';

/*
 * The width rules are those of string-width, the measure ink lays its boxes out with, so that a line we cut to fit is
 * the width ink gives it (test/core/text/display-width.test.ts compares the two over random text of many scripts).
 * string-width splits text into graphemes with Intl.Segmenter, whose first construction costs a cold start about as
 * much as the rest of a diagnosis (20 ms here), so the few rules it takes from graphemes are applied here code point
 * by code point: what joins the character before it (a mark, a joiner, an emoji modifier, a Hangul vowel or final
 * consonant that completes a syllable) takes no cell of its own.
 */

/** Marks, format and default-ignorable characters: no cell. Compiled on the first character beyond Latin. */
let noCellPattern: RegExp | undefined;
const takesNoCell = (ch: string): boolean => (noCellPattern ??= /^[\p{Mn}\p{Me}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u).test(ch);
/** Pictographs that a zero-width joiner joins into one emoji. */
let pictographPattern: RegExp | undefined;
const isPictograph = (ch: string): boolean => (pictographPattern ??= /^\p{Extended_Pictographic}$/u).test(ch);
/** Characters that VARIATION SELECTOR-16 turns into a two-cell emoji (digits, # and * only with a keycap). */
let emojiPattern: RegExp | undefined;
const becomesEmoji = (ch: string): boolean => (emojiPattern ??= /^(?![0-9#*])\p{Emoji}$/u).test(ch);

const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const KEYCAP = 0x20e3;
const isLeadingJamo = (cp: number): boolean => (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0xa960 && cp <= 0xa97c);
const isVowelJamo = (cp: number): boolean => (cp >= 0x1160 && cp <= 0x11a7) || (cp >= 0xd7b0 && cp <= 0xd7c6);
const isTrailingJamo = (cp: number): boolean => (cp >= 0x11a8 && cp <= 0x11ff) || (cp >= 0xd7cb && cp <= 0xd7fb);
const isSyllable = (cp: number): boolean => cp >= 0xac00 && cp <= 0xd7a3;
const isEmojiModifier = (cp: number): boolean => cp >= 0x1f3fb && cp <= 0x1f3ff;
/** Viramas that link two consonants of their script into one conjunct (Unicode's Indic_Conjunct_Break=Linker). */
const LINKERS: ReadonlySet<number> = new Set([0x094d, 0x09cd, 0x0acd, 0x0b4d, 0x0c4d, 0x0d4d]);
/** Whether a letter after a virama joins the conjunct: the same script's block (128 code points each). */
const joinsConjunct = (cp: number, after: number, base: number): boolean => LINKERS.has(after) && cp >> 7 === after >> 7 && base >> 7 === after >> 7;
const isRegionalIndicator = (cp: number): boolean => cp >= 0x1f1e6 && cp <= 0x1f1ff;

/**
 * Terminal display width of a string: East Asian wide and fullwidth characters (CJK, Hangul, fullwidth forms, most
 * emoji) take two columns; control characters, combining marks, joiners and what completes the character before
 * (an emoji's modifier or joined pictograph, a decomposed Hangul syllable's vowel and final consonant) none.
 * @example displayWidth('한국') === 4
 * @example displayWidth('ก่') === 1
 */
export function displayWidth(text: string): number {
  let w = 0;
  /** The last character that took cells, and how many it took. */
  let base = 0;
  let baseWidth = 0;
  /** The code point before this one (0 at the start and after a control character: nothing to join). */
  let prev = 0;
  /** Whether the character being completed is an emoji that a zero-width joiner may extend with another pictograph. */
  let emoji = false;
  /**
   * A Hangul syllable being completed by jamo, as string-width reads it: after a leading consonant one vowel and then
   * one final consonant join it ('L', 'LV'); after a precomposed syllable every vowel and final consonant that Unicode's
   * grapheme rules attach does ('V' takes vowels and finals, 'T' finals).
   */
  let hangul: '' | 'L' | 'LV' | 'V' | 'T' = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const after = prev;
    prev = cp;
    // CJK ideographs, kana and Hangul syllables, most of a Chinese, Japanese or Korean text: two cells, no pattern asked.
    if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30a1 && cp <= 0x30fa) || (cp >= 0x3400 && cp <= 0x4dbf)) {
      w += 2;
      base = cp;
      baseWidth = 2;
      emoji = false;
      hangul = isSyllable(cp) ? ((cp - 0xac00) % 28 === 0 ? 'V' : 'T') : '';
      continue;
    }
    if (cp < 0x300) {
      emoji = false;
      hangul = '';
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) prev = 0;
      else if (cp !== 0xad) {
        w += 1;
        base = cp;
        baseWidth = 1;
      }
      continue;
    }
    if (cp === KEYCAP && after !== 0 && (base === 0x23 || base === 0x2a || (base >= 0x30 && base <= 0x39))) {
      w += 2 - baseWidth;
      baseWidth = 2;
      continue;
    }
    if (cp === VS16) {
      if (after === base && baseWidth === 1 && !isRegionalIndicator(base) && becomesEmoji(String.fromCodePoint(base))) {
        w += 1;
        baseWidth = 2;
      }
      continue;
    }
    // A modifier attaches to whatever precedes it; alone it is a two-cell emoji.
    if (isEmojiModifier(cp) && after !== 0) continue;
    // Thai and Lao AM join the letter before them as a spacing mark would, but are letters, so string-width adds no cell.
    if ((cp === 0x0e33 || cp === 0x0eb3) && after !== 0) continue;
    if (takesNoCell(ch)) continue;
    if (after === ZWJ && emoji && isPictograph(ch)) continue;
    if (joinsConjunct(cp, after, base)) continue;
    if (isVowelJamo(cp) && (hangul === 'L' || hangul === 'V')) {
      if (hangul === 'L') hangul = 'LV';
      continue;
    }
    if (isTrailingJamo(cp) && (hangul === 'LV' || hangul === 'V' || hangul === 'T')) {
      if (hangul !== 'LV') hangul = 'T';
      else hangul = '';
      continue;
    }
    const cells = eastAsianWidth(cp);
    w += cells;
    base = cp;
    baseWidth = cells;
    emoji = isPictograph(ch);
    hangul = isLeadingJamo(cp) ? 'L' : isSyllable(cp) ? ((cp - 0xac00) % 28 === 0 ? 'V' : 'T') : '';
  }
  return w;
}
