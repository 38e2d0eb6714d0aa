import { UserError } from '../core/errors.js';
import { LOCALES, type Locale } from '../core/knowledge/types.js';
import { matchSupportedLocale } from '../platform/locale.js';

/** Parses a --lang value (`ko`, `zh_CN.UTF-8`, `sv-SE` …) or fails naming the option and the choices. */
export function parseLangOption(value: string): Locale {
  const l = matchSupportedLocale(value);
  if (!l) throw new UserError(`--lang: "${value}" is not a language wcdoctor knows`, [`use one of: ${LOCALES.join(', ')}`]);
  return l;
}
