import { LOCALES, type Locale } from '../core/knowledge/types.js';

/**
 * Turns a POSIX locale name (`zh_CN.UTF-8`, `sv_SE@euro`) or a BCP 47 tag (`ko-kr`) into a
 * canonical BCP 47 tag (`zh-CN`). Returns undefined for `C`, `POSIX`, empty or malformed names.
 * This is the one place that maps POSIX names to BCP 47.
 * @example toBcp47('zh_CN.UTF-8') === 'zh-CN'
 */
export function toBcp47(name: string | undefined): string | undefined {
  const base = (name ?? '').trim().split('.')[0]?.split('@')[0] ?? '';
  if (!base || /^(?:c|posix)$/i.test(base)) return undefined;
  try {
    return Intl.getCanonicalLocales(base.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/** What locale detection reads: the environment, the OS, and the OS UI culture (through Intl). */
export interface LocaleSources {
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  /** The UI culture as Intl resolves it; only consulted on Windows. */
  intlLocale?: () => string | undefined;
}

const nonEmpty = (v: string | undefined): string | undefined => (v && v.trim() ? v.trim() : undefined);

/**
 * The user's preferred languages, most preferred first, as BCP 47 tags, following gettext:
 * 1. `LANGUAGE` (a colon-separated list), unless the locale below is `C`/`POSIX`;
 * 2. the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`;
 * 3. on Windows, the UI culture (Intl), which is where Windows keeps the display language.
 * Duplicates and unparsable entries are dropped; the list may be empty.
 */
export function detectLocales(src: LocaleSources): string[] {
  const posixName = nonEmpty(src.env.LC_ALL) ?? nonEmpty(src.env.LC_MESSAGES) ?? nonEmpty(src.env.LANG);
  const posix = toBcp47(posixName);
  const isCLocale = posixName !== undefined && posix === undefined;
  const tags: (string | undefined)[] = [];
  if (!isCLocale) tags.push(...(nonEmpty(src.env.LANGUAGE)?.split(':') ?? []).map(toBcp47));
  tags.push(posix);
  if (src.platform === 'win32') tags.push(toBcp47(src.intlLocale?.()));
  return [...new Set(tags.filter((t): t is string => t !== undefined))];
}

/**
 * The supported locale a tag stands for: an exact match, else the one with the same language
 * (`zh-TW` → `zh-CN`, `sv` → `sv-SE`, `en-GB` → `en`). Undefined when the language is not supported.
 */
export function matchSupportedLocale(tag: string | undefined): Locale | undefined {
  const canonical = toBcp47(tag);
  if (!canonical) return undefined;
  const exact = LOCALES.find((l) => l.toLowerCase() === canonical.toLowerCase());
  if (exact) return exact;
  const lang = canonical.split('-')[0]?.toLowerCase();
  return LOCALES.find((l) => l.split('-')[0] === lang);
}

/** The first supported locale in a preference list, or undefined when none is supported. */
export function pickSupportedLocale(tags: readonly string[]): Locale | undefined {
  for (const tag of tags) {
    const l = matchSupportedLocale(tag);
    if (l) return l;
  }
  return undefined;
}

/** The Intl UI culture of this process (Windows keeps the display language there). */
export function readIntlLocale(): string | undefined {
  try {
    // A Collator needs no time-zone data, so this is the cheapest way to read the default locale.
    return new Intl.Collator().resolvedOptions().locale;
  } catch {
    return undefined;
  }
}
