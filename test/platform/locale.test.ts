import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLocales, matchSupportedLocale, pickSupportedLocale, toBcp47 } from '../../src/platform/locale.js';
import { preferredLocales, readLocaleCatalogs } from '../../src/platform/platform.js';

describe('toBcp47', () => {
  it.each([
    ['zh_CN.UTF-8', 'zh-CN'],
    ['ko_KR.utf8', 'ko-KR'],
    ['sv_SE@euro', 'sv-SE'],
    ['sv_SE.ISO-8859-15@euro', 'sv-SE'],
    ['en_US', 'en-US'],
    ['zh-cn', 'zh-CN'],
    ['zh_Hant_TW', 'zh-Hant-TW'],
    ['ko', 'ko'],
    ['C', undefined],
    ['C.UTF-8', undefined],
    ['POSIX', undefined],
    ['', undefined],
    ['not a locale!', undefined],
  ])('%j → %j', (name, tag) => {
    expect(toBcp47(name)).toBe(tag);
  });
});

// The language fallback table, row by row (gettext order: LANGUAGE, then LC_ALL > LC_MESSAGES > LANG; the Windows UI culture last).
describe('detectLocales', () => {
  const linux = (env: Record<string, string>) => detectLocales({ env, platform: 'linux', intlLocale: () => 'en-US' });
  it.each<[string, Record<string, string>, string[]]>([
    ['nothing set', {}, []],
    ['LANG only', { LANG: 'zh_CN.UTF-8' }, ['zh-CN']],
    ['LC_MESSAGES beats LANG', { LANG: 'en_US.UTF-8', LC_MESSAGES: 'ko_KR.UTF-8' }, ['ko-KR']],
    ['LC_ALL beats LC_MESSAGES and LANG', { LANG: 'en_US.UTF-8', LC_MESSAGES: 'ko_KR.UTF-8', LC_ALL: 'sv_SE.UTF-8' }, ['sv-SE']],
    ['LANGUAGE list comes first', { LANG: 'en_US.UTF-8', LANGUAGE: 'sv:zh_CN' }, ['sv', 'zh-CN', 'en-US']],
    ['LANGUAGE without LANG is used', { LANGUAGE: 'ko' }, ['ko']],
    ['LANGUAGE is ignored under the C locale', { LANG: 'C.UTF-8', LANGUAGE: 'ko' }, []],
    ['empty values are skipped', { LC_ALL: '', LC_MESSAGES: ' ', LANG: 'ko_KR.UTF-8' }, ['ko-KR']],
    ['duplicates are dropped', { LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN:zh_CN.UTF-8' }, ['zh-CN']],
  ])('%s', (_name, env, expected) => {
    expect(linux(env)).toEqual(expected);
  });

  it('adds the UI culture on Windows, after the environment', () => {
    expect(detectLocales({ env: {}, platform: 'win32', intlLocale: () => 'ko-KR' })).toEqual(['ko-KR']);
    expect(detectLocales({ env: { LANG: 'sv_SE.UTF-8' }, platform: 'win32', intlLocale: () => 'zh-CN' })).toEqual(['sv-SE', 'zh-CN']);
  });

  it('ignores the Intl locale on other systems', () => {
    expect(detectLocales({ env: {}, platform: 'linux', intlLocale: () => 'ko-KR' })).toEqual([]);
  });
});

describe('matchSupportedLocale / pickSupportedLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh_CN.UTF-8', 'zh-CN'],
    ['ko', 'ko-KR'],
    ['sv-FI', 'sv-SE'],
    ['en-GB', 'en'],
    ['fr-FR', undefined],
    ['de', undefined],
  ])('%s → %s', (tag, expected) => {
    expect(matchSupportedLocale(tag)).toBe(expected);
  });

  it('picks the first supported language of a preference list', () => {
    expect(pickSupportedLocale(['fr-FR', 'de', 'ko-KR', 'en'])).toBe('ko-KR');
    expect(pickSupportedLocale(['fr'])).toBeUndefined();
  });
});

describe('preferredLocales', () => {
  it('narrows the detected tags to supported languages, in order, once each', () => {
    expect(preferredLocales(['fr-FR', 'ko', 'zh-TW', 'ko-KR', 'en-US'])).toEqual(['ko-KR', 'zh-CN', 'en']);
    expect(preferredLocales([])).toEqual([]);
  });
});

describe('readLocaleCatalogs', () => {
  it('reads every catalog, and leaves a missing or damaged one empty instead of failing', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'wcdoctor-locales-'));
    try {
      mkdirSync(path.join(root, 'locales'));
      writeFileSync(path.join(root, 'locales', 'en.json'), '{"a.b":"x"}');
      writeFileSync(path.join(root, 'locales', 'ko-KR.json'), '{"a.b": ');
      writeFileSync(path.join(root, 'locales', 'sv-SE.json'), '["not", "an", "object"]');
      expect(readLocaleCatalogs(root)).toEqual({ en: { 'a.b': 'x' }, 'zh-CN': {}, 'ko-KR': {}, 'sv-SE': {} });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
