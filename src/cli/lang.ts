import { echoed } from '../core/text/terminal-safe.js';
import { UserError } from '../core/errors.js';
import { LOCALES, type Locale } from '../core/knowledge/types.js';
import { detectLocales, matchSupportedLocale, pickSupportedLocale, readIntlLocale } from '../platform/locale.js';
import { readLocaleCatalogs } from '../platform/locale-catalogs.js';
import { createT, type T } from '../ui/i18n.js';
import type { CliIO } from './io.js';

/** Parses a --lang value (`ko`, `zh_CN.UTF-8`, `sv-SE` …) or fails naming the option and the choices. */
export function parseLangOption(value: string): Locale {
  const l = matchSupportedLocale(value);
  if (!l) throw new UserError(`--lang: "${echoed(value)}" is not a language wcdoctor knows`, [`use one of: ${LOCALES.join(', ')}`]);
  return l;
}

/** The language a headless command speaks: --lang, else the one the environment names, else English. */
export function resolveCliLocale(lang: string | undefined, env: CliIO['env']): Locale {
  if (lang !== undefined) return parseLangOption(lang);
  return pickSupportedLocale(detectLocales({ env, platform: process.platform, intlLocale: readIntlLocale })) ?? 'en';
}

/**
 * The UI catalogue a headless command speaks in that language, or undefined for English: the commands
 * keep their English words as they always printed them (byte for byte), so English needs no catalogue.
 */
export function translatorFor(locale: Locale): T | undefined {
  return locale === 'en' ? undefined : createT(readLocaleCatalogs(), locale);
}
