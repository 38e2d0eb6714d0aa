import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { baseKeyOf, createTranslator, interpolate, pluralCategoryOf, readSlots, translate } from '../../../src/core/i18n/translate.js';

const catalogs = {
  en: { 'r.count_one': '{{count}} match', 'r.count_other': '{{count}} matches', 'a.hello': 'Hello {{name}}', 'a.only': 'only English' },
  'sv-SE': { 'r.count_one': '{{count}} träff', 'r.count_other': '{{count}} träffar', 'a.hello': 'Hej {{name}}' },
  'ko-KR': { 'r.count_other': '{{count}}개 일치', 'a.hello': '{{name}}님 안녕하세요' },
};

describe('translate', () => {
  it.each([
    ['en', 1, '1 match'],
    ['en', 0, '0 matches'],
    ['en', 2, '2 matches'],
    ['sv-SE', 1, '1 träff'],
    ['sv-SE', 5, '5 träffar'],
    ['ko-KR', 1, '1개 일치'],
    ['ko-KR', 3, '3개 일치'],
  ])('%s, count %d → %s (Intl.PluralRules picks the form)', (locale, count, expected) => {
    expect(createTranslator(catalogs, locale)('r.count', { count })).toBe(expected);
  });

  it('interpolates {{param}} slots and leaves unknown ones visible', () => {
    expect(interpolate('Hello {{name}}, {{ other }}', { name: 'Ada' })).toBe('Hello Ada, {{ other }}');
    expect(createTranslator(catalogs, 'ko-KR')('a.hello', { name: '민수' })).toBe('민수님 안녕하세요');
  });

  it('falls back to English, then to the key itself', () => {
    const t = createTranslator(catalogs, 'sv-SE');
    expect(t('a.only')).toBe('only English');
    expect(t('a.missing')).toBe('a.missing');
  });

  it('returns undefined from one catalog when the key is absent', () => {
    expect(translate(catalogs['ko-KR'], 'a.only', undefined, 'ko-KR')).toBeUndefined();
  });

  it('knows the plural categories and base keys', () => {
    expect(pluralCategoryOf('en', 1)).toBe('one');
    expect(pluralCategoryOf('zh-CN', 1)).toBe('other');
    expect(baseKeyOf('diagnose.results.count_other')).toBe('diagnose.results.count');
    expect(baseKeyOf('settings.theme.highContrast')).toBe('settings.theme.highContrast');
  });
});

describe('readSlots (interpolate read backwards)', () => {
  it.each([
    ['stopped after {{time}}', 'stopped after 120 s', { time: '120 s' }],
    ['{{fix}} takes plain --yes; "{{given}}" is no answer it reads', 'x takes plain --yes; "no" is no answer it reads', { fix: 'x', given: 'no' }],
    ['its word is "{{word}}", not "{{given}}" (--yes={{word}})', 'its word is "WIPE", not "wipe" (--yes=WIPE)', { word: 'WIPE', given: 'wipe' }],
    ['no slots', 'no slots', {}],
    ['{{a}}', '', { a: '' }],
  ])('%s ← %s', (template, text, expected) => {
    expect(readSlots(template, text)).toEqual(expected);
  });

  it.each([
    ['stopped after {{time}}', 'started after 120 s'],
    ['no slots', 'no slots!'],
    ['{{a}}{{b}}', 'ab'],
    ['its word is "{{word}}", not "{{given}}" (--yes={{word}})', 'its word is "WIPE", not "wipe" (--yes=OTHER)'],
    ['a {{x}} b {{y}} c', 'a 1 c'],
    ['{{x}} end', 'the start'],
  ])('%s does not give %s', (template, text) => {
    expect(readSlots(template, text)).toBeUndefined();
  });

  it('gives back the values interpolate put in, when no value holds the text after its slot', () => {
    const value = fc.string({ maxLength: 8 }).filter((v) => !v.includes(';') && !v.includes('{{'));
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }).filter((v) => !v.includes('{')), value, value, (head, a, b) => {
        const template = `${head}{{a}}; {{b}}.`;
        expect(readSlots(template, interpolate(template, { a, b }))).toEqual({ a, b });
      }),
    );
  });
});
