import { eastAsianWidth } from 'get-east-asian-width';

/*
 * The width rules are those of string-width, the measure ink lays its boxes out with, so that a line we cut to fit is
 * the width ink gives it (test/core/text/display-width.test.ts compares the two over random text of many scripts).
 * string-width splits text into graphemes with Intl.Segmenter, whose first construction costs a cold start about as
 * much as the rest of a diagnosis (20 ms here), so the few rules it takes from graphemes are applied here code point
 * by code point: what joins the character before it (a mark, a joiner, an emoji modifier, a Hangul vowel or final
 * consonant that completes a syllable) takes no cell of its own.
 */

/** What one code point is, for the width: how many cells it takes alone, and what joins it to others (bit flags). */
const NO_CELL = 0;
const NARROW = 1;
const WIDE = 2;
const CELLS = 3;
/** An Extended_Pictographic character: a zero-width joiner joins two into one emoji. */
const PICTOGRAPH = 4;
/** A character VARIATION SELECTOR-16 makes a two-cell emoji (an Emoji, not a digit, # or *: those take a keycap). */
const TAKES_VS16 = 8;
/** An Emoji_Modifier_Base: a skin-tone modifier after it makes one two-cell emoji. */
const MODIFIER_BASE = 16;

let patterns: { noCell: RegExp; pictograph: RegExp; vs16: RegExp; modifierBase: RegExp } | undefined;
/** What a code point is, asked of Unicode's properties once (compiled on the first character beyond Latin). */
function classify(cp: number): number {
  patterns ??= {
    noCell: /^[\p{Mn}\p{Me}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u,
    pictograph: /^\p{Extended_Pictographic}$/u,
    vs16: /^(?![0-9#*])\p{Emoji}$/u,
    modifierBase: /^\p{Emoji_Modifier_Base}$/u,
  };
  const ch = String.fromCodePoint(cp);
  const cells = patterns.noCell.test(ch) ? NO_CELL : eastAsianWidth(cp) === 2 ? WIDE : NARROW;
  return cells | (patterns.pictograph.test(ch) ? PICTOGRAPH : 0) | (patterns.vs16.test(ch) ? TAKES_VS16 : 0) | (patterns.modifierBase.test(ch) ? MODIFIER_BASE : 0);
}

/**
 * Each code point's class, kept once asked: a text of a script beyond Latin asks the same few hundred again and again
 * (asking Unicode's properties of every character made a megabyte of Thai or Cyrillic 4 to 5 times slower to measure).
 * The Basic Multilingual Plane in an array (64 KiB, made on first use), the rest in a map.
 */
let bmp: Uint8Array | undefined;
const astral = new Map<number, number>();
function classOf(cp: number): number {
  if (cp < 0x10000) {
    bmp ??= new Uint8Array(0x10000);
    const known = bmp[cp]!;
    if (known) return known - 1;
    const c = classify(cp);
    bmp[cp] = c + 1;
    return c;
  }
  let c = astral.get(cp);
  if (c === undefined) astral.set(cp, (c = classify(cp)));
  return c;
}

const ZWJ = 0x200d;
const ZWNJ = 0x200c;
const VS16 = 0xfe0f;
const KEYCAP = 0x20e3;
const isLeadingJamo = (cp: number): boolean => (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0xa960 && cp <= 0xa97c);
const isVowelJamo = (cp: number): boolean => (cp >= 0x1160 && cp <= 0x11a7) || (cp >= 0xd7b0 && cp <= 0xd7c6);
const isTrailingJamo = (cp: number): boolean => (cp >= 0x11a8 && cp <= 0x11ff) || (cp >= 0xd7cb && cp <= 0xd7fb);
const isSyllable = (cp: number): boolean => cp >= 0xac00 && cp <= 0xd7a3;
const isEmojiModifier = (cp: number): boolean => cp >= 0x1f3fb && cp <= 0x1f3ff;
/** Viramas that link two consonants of their script into one conjunct (Unicode's Indic_Conjunct_Break=Linker). */
const LINKERS: ReadonlySet<number> = new Set([0x094d, 0x09cd, 0x0acd, 0x0b4d, 0x0c4d, 0x0d4d]);
/**
 * A consonant of one of the linkers' scripts (Devanagari, Bengali, Gujarati, Oriya, Telugu, Malayalam: blocks of 128
 * laid out alike, from ISCII), which a linker joins to the consonant before it (Indic_Conjunct_Break=Consonant).
 */
const isIndicConsonant = (cp: number): boolean => {
  if (cp < 0x0900 || cp > 0x0d7f) return false;
  const at = cp & 0x7f;
  return (at >= 0x15 && at <= 0x39) || (at >= 0x58 && at <= 0x5f) || (at >= 0x78 && at <= 0x7f);
};
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
  /** The last character that took cells, how many it took, and its class. */
  let base = 0;
  let baseWidth = 0;
  let baseClass = 0;
  /** The code point before this one (0 at the start and after a control character: nothing to join). */
  let prev = 0;
  /** Whether the character being completed is an emoji that a zero-width joiner may extend with another pictograph. */
  let emoji = false;
  /** Whether an Indic consonant and its script's virama were seen (marks and joiners between): the next consonant joins. */
  let linked = false;
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
      baseClass = WIDE;
      emoji = false;
      linked = false;
      hangul = isSyllable(cp) ? ((cp - 0xac00) % 28 === 0 ? 'V' : 'T') : '';
      continue;
    }
    if (cp < 0x300) {
      emoji = false;
      linked = false;
      hangul = '';
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) prev = 0;
      else if (cp !== 0xad) {
        w += 1;
        base = cp;
        baseWidth = 1;
        baseClass = NARROW;
      }
      continue;
    }
    if (cp === KEYCAP && after !== 0 && (base === 0x23 || base === 0x2a || (base >= 0x30 && base <= 0x39))) {
      w += 2 - baseWidth;
      baseWidth = 2;
      continue;
    }
    if (cp === VS16) {
      if (after === base && baseWidth === 1 && !isRegionalIndicator(base) && baseClass & TAKES_VS16) {
        w += 1;
        baseWidth = 2;
      }
      continue;
    }
    // A modifier attaches to whatever precedes it, and makes the emoji it follows two cells (✌🏽); alone it is a
    // two-cell emoji.
    if (isEmojiModifier(cp) && after !== 0) {
      if (after === base && baseWidth === 1 && baseClass & MODIFIER_BASE) {
        w += 1;
        baseWidth = 2;
      }
      continue;
    }
    // Thai and Lao AM join the letter before them as a spacing mark would, but are letters, so string-width adds no cell.
    if ((cp === 0x0e33 || cp === 0x0eb3) && after !== 0) continue;
    const c = classOf(cp);
    if ((c & CELLS) === NO_CELL) {
      // A linker after a consonant of its script links it to the next; a zero-width non-joiner breaks the link.
      if (LINKERS.has(cp)) linked = isIndicConsonant(base) && base >> 7 === cp >> 7;
      else if (cp === ZWNJ) linked = false;
      continue;
    }
    // A pictograph joined to an emoji: one emoji, of two cells even when the first was a text-style one (❤‍🔥).
    if (after === ZWJ && emoji && c & PICTOGRAPH) {
      if (baseWidth === 1) {
        w += 1;
        baseWidth = 2;
      }
      continue;
    }
    if (linked && isIndicConsonant(cp) && cp >> 7 === base >> 7) {
      linked = false;
      continue;
    }
    linked = false;
    if (isVowelJamo(cp) && (hangul === 'L' || hangul === 'V')) {
      if (hangul === 'L') hangul = 'LV';
      continue;
    }
    if (isTrailingJamo(cp) && (hangul === 'LV' || hangul === 'V' || hangul === 'T')) {
      if (hangul !== 'LV') hangul = 'T';
      else hangul = '';
      continue;
    }
    const cells = c & CELLS;
    w += cells;
    base = cp;
    baseWidth = cells;
    baseClass = c;
    emoji = (c & PICTOGRAPH) !== 0;
    hangul = isLeadingJamo(cp) ? 'L' : isSyllable(cp) ? ((cp - 0xac00) % 28 === 0 ? 'V' : 'T') : '';
  }
  return w;
}
