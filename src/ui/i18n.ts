import { createTranslator, type Catalog, type Translator } from '../core/i18n/translate.js';
import type { Category, Locale } from '../core/knowledge/types.js';
import type { MessageKey } from './message-keys.js';

export type { MessageKey } from './message-keys.js';

/** A translate function for UI messages. */
export type T = Translator<MessageKey>;

/** Binds the UI catalogs (from the platform) to a locale; English fills any gap. */
export const createT = (catalogs: Readonly<Record<Locale, Catalog>>, locale: Locale): T => createTranslator<MessageKey>(catalogs, locale);

/** The message key that names each category of topics. */
export const CATEGORY_NAME: Readonly<Record<Category, MessageKey>> = {
  general: 'docs.category.general',
  networking: 'docs.category.networking',
  'app-compat': 'docs.category.app-compat',
  docker: 'docs.category.docker',
  remote: 'docs.category.remote',
  identity: 'docs.category.identity',
  versions: 'docs.category.versions',
  orchestration: 'docs.category.orchestration',
};

/** The message key that names each language. */
export const LANGUAGE_NAME: Readonly<Record<Locale, MessageKey>> = {
  en: 'language.en',
  'zh-CN': 'language.zh-CN',
  'ko-KR': 'language.ko-KR',
  'sv-SE': 'language.sv-SE',
};

/** The message key that names each language in running text, in the UI language ("Finns inte på svenska"). */
export const LANGUAGE_IN_TEXT: Readonly<Record<Locale, MessageKey>> = {
  en: 'language.text.en',
  'zh-CN': 'language.text.zh-CN',
  'ko-KR': 'language.text.ko-KR',
  'sv-SE': 'language.text.sv-SE',
};
