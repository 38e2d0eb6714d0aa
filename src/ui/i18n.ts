import en from '../../locales/en.json' with { type: 'json' };
import ko from '../../locales/ko-KR.json' with { type: 'json' };
import sv from '../../locales/sv-SE.json' with { type: 'json' };
import zh from '../../locales/zh-CN.json' with { type: 'json' };
import { createTranslator, type BaseKeyOf, type Catalog, type Translator } from '../core/i18n/translate.js';
import type { Locale } from '../core/knowledge/types.js';

/** Every UI message key; en.json is the baseline, and plural forms share one key. */
export type MessageKey = BaseKeyOf<keyof typeof en & string>;

/** The UI catalogs, bundled with the code (they are small) so start-up reads no files. */
export const CATALOGS: Readonly<Record<Locale, Catalog>> = { en, 'zh-CN': zh, 'ko-KR': ko, 'sv-SE': sv };

/** A translate function for UI messages. */
export type T = Translator<MessageKey>;

/** Binds the UI catalogs to a locale (English fills any gap). */
export const createT = (locale: Locale): T => createTranslator<MessageKey>(CATALOGS, locale);

/** The message key that names each language. */
export const LANGUAGE_NAME: Readonly<Record<Locale, MessageKey>> = {
  en: 'language.en',
  'zh-CN': 'language.zh-CN',
  'ko-KR': 'language.ko-KR',
  'sv-SE': 'language.sv-SE',
};
