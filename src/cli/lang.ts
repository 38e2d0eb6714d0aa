import { echoed } from '../core/text/terminal-safe.js';
import { UserError } from '../core/errors.js';
import { LOCALES, type Locale } from '../core/knowledge/types.js';
import { detectLocales, matchSupportedLocale, pickSupportedLocale, readIntlLocale } from '../platform/locale.js';
import { readLocaleCatalogs } from '../platform/locale-catalogs.js';
import { createT, type T } from '../ui/i18n.js';
import type { CliIO } from './io.js';

/**
 * Parses a --lang value (`ko`, `zh_CN.UTF-8`, `sv-SE` …) or fails naming the option and the choices, in the language
 * the environment names (the --lang given is no language to say it in).
 */
export function parseLangOption(value: string, env: CliIO['env']): Locale {
  const l = matchSupportedLocale(value);
  if (l) return l;
  const params = { value: echoed(value), choices: LOCALES.join(', ') };
  const t = createT(readLocaleCatalogs(), environmentLocale(env));
  throw new UserError(t('cli.lang.unknown', params), [t('cli.lang.choices', params)]);
}

/** The language the environment names (LANGUAGE, LC_ALL, LC_MESSAGES, LANG; Windows' display language), else English. */
const environmentLocale = (env: CliIO['env']): Locale => pickSupportedLocale(detectLocales({ env, platform: process.platform, intlLocale: readIntlLocale })) ?? 'en';

/** The language a headless command speaks: --lang, else the one the environment names, else English. */
export function resolveCliLocale(lang: string | undefined, env: CliIO['env']): Locale {
  if (lang !== undefined) return parseLangOption(lang, env);
  return environmentLocale(env);
}

/** The value of the last --lang on a command line (`--lang X` or `--lang=X`, before any `--`), as given. */
export function langOfArgv(argv: readonly string[]): string | undefined {
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') break;
    if (a === '--lang') {
      // A --lang at the end without its value leaves an earlier one as it was (found by a reviewer).
      const value = argv[++i];
      if (value !== undefined) lang = value;
    }
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
  }
  return lang;
}

/**
 * The language to say a command line's own mistake in (an unknown option or command, a value missing): its
 * --lang when that names a language wcdoctor knows, else the environment's, else English. It never fails:
 * the command line is wrong already, and its --lang may be what is wrong with it.
 */
export function usageLocale(lang: string | undefined, env: CliIO['env']): Locale {
  return (lang === undefined ? undefined : matchSupportedLocale(lang)) ?? resolveCliLocale(undefined, env);
}

/**
 * The UI catalogue a headless command speaks in that language, or undefined for English: the commands
 * keep their English words as they always printed them (byte for byte), so English needs no catalogue.
 */
export function translatorFor(locale: Locale): T | undefined {
  return locale === 'en' ? undefined : createT(readLocaleCatalogs(), locale);
}
