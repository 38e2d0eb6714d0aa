import { describe, expect, it } from 'vitest';
import { decimalSeparatorOf, formatDecimal, formatGrouped, formatMiB, formatSeconds } from '../../../src/core/i18n/format-number.js';
import { createTranslator, interpolate } from '../../../src/core/i18n/translate.js';

// F10: a decimal shown in a translated interface has the language's separator (Swedish writes 7,68); English reads
// exactly as String and toFixed write it, and only the separator changes (no grouping, the same rounding).

describe('numbers in the language', () => {
  it('takes the decimal separator from Intl.NumberFormat', () => {
    expect(['en', 'zh-CN', 'ko-KR', 'sv-SE'].map(decimalSeparatorOf)).toEqual(['.', '.', '.', ',']);
  });

  it.each([
    [7.68, undefined, '7.68', '7,68'],
    [12, undefined, '12', '12'],
    [0.05, 1, '0.1', '0,1'],
    [1.5, 1, '1.5', '1,5'],
    [1234.56, 1, '1234.6', '1234,6'],
    [25000, 0, '25000', '25000'],
  ])('%d (%s digits): %s in English, %s in Swedish', (value, digits, en, sv) => {
    expect(formatDecimal(value, 'en', digits)).toBe(digits === undefined ? String(value) : value.toFixed(digits));
    expect(formatDecimal(value, 'en', digits)).toBe(en);
    expect(formatDecimal(value, 'zh-CN', digits)).toBe(en);
    expect(formatDecimal(value, 'sv-SE', digits)).toBe(sv);
  });

  it('asks Intl.NumberFormat only for a number that has decimals (its first use reads megabytes of locale data)', () => {
    const Original = Intl.NumberFormat;
    let made = 0;
    Intl.NumberFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        made++;
      }
    } as typeof Intl.NumberFormat;
    try {
      expect([formatDecimal(12, 'de-DE'), formatDecimal(-3, 'de-DE'), formatDecimal(52, 'de-DE', 0)]).toEqual(['12', '-3', '52']);
      expect(made).toBe(0);
      expect(formatDecimal(1.5, 'de-DE')).toBe('1,5');
      expect(made).toBe(1);
    } finally {
      Intl.NumberFormat = Original;
    }
  });

  it('writes seconds and sizes as before in English, with a comma in Swedish', () => {
    expect([formatSeconds(340, 'en'), formatSeconds(1000, 'en'), formatSeconds(12_400, 'en')]).toEqual(['0.3 s', '1 s', '12 s']);
    expect(formatSeconds(340, 'sv-SE')).toBe('0,3 s');
    expect([formatMiB(8 * 1048576, 'en'), formatMiB(12 * 1048576, 'en'), formatMiB(8 * 1048576, 'sv-SE')]).toEqual(['8.0 MiB', '12 MiB', '8,0 MiB']);
  });

  it('is how a catalogue fills in a number: in its language, and as JavaScript writes it when none is named', () => {
    expect(interpolate('score {{s}}, port {{p}}', { s: 7.68, p: 8080 })).toBe('score 7.68, port 8080');
    expect(interpolate('poäng {{s}}, port {{p}}', { s: 7.68, p: 8080 }, 'sv-SE')).toBe('poäng 7,68, port 8080');
    // A value given as text is left as it is.
    expect(interpolate('{{v}}', { v: '10.0.17763' }, 'sv-SE')).toBe('10.0.17763');
    const t = createTranslator({ en: { x: 'score {{s}}', y: 'only in English {{s}}' }, 'sv-SE': { x: 'poäng {{s}}' } }, 'sv-SE');
    expect(t('x', { s: 7.68 })).toBe('poäng 7,68');
    // English text that fills a gap keeps English numbers.
    expect(t('y', { s: 7.68 })).toBe('only in English 7.68');
  });

  it('fills in a number with its count of decimals (a size in GB) in the language, a whole one too', () => {
    expect(interpolate('{{free}} GB', { free: { decimal: 52, digits: 1 } }, 'sv-SE')).toBe('52,0 GB');
    expect(interpolate('{{free}} GB', { free: { decimal: 9.8, digits: 1 } }, 'sv-SE')).toBe('9,8 GB');
    expect(interpolate('{{free}} GB', { free: { decimal: 52, digits: 1 } }, 'en')).toBe('52.0 GB');
    expect(interpolate('{{free}} GB', { free: { decimal: 52, digits: 1 } })).toBe('52.0 GB');
  });

  it('groups a count as the language writes it, and leaves a plain number (a build) as it is', () => {
    expect(formatGrouped(15990, 'en')).toBe('15,990');
    expect(formatGrouped(15990, 'sv-SE')).toBe('15\u00a0990');
    expect(formatGrouped(7997990, 'ko-KR')).toBe('7,997,990');
    expect(formatGrouped(999, 'sv-SE')).toBe('999');
    expect(interpolate('and {{count}} more', { count: { grouped: 15990 } }, 'en')).toBe('and 15,990 more');
    expect(interpolate('build {{b}}', { b: 17763 }, 'en')).toBe('build 17763');
    // A grouped count still chooses the plural form.
    expect(createTranslator({ en: { n_one: '{{count}} host', n_other: '{{count}} hosts' } }, 'en')('n', { count: { grouped: 1 } })).toBe('1 host');
  });
});
