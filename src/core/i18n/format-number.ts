const separators = new Map<string, string>();

/** The decimal separator a locale writes, from Intl.NumberFormat: "." in en, zh-CN and ko-KR, "," in sv-SE. */
export function decimalSeparatorOf(locale: string): string {
  let sep = separators.get(locale);
  if (sep === undefined) {
    sep = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    separators.set(locale, sep);
  }
  return sep;
}

/**
 * A number as a locale writes its decimals: the digits JavaScript writes (`String(value)`, or `toFixed(digits)`)
 * with the locale's decimal separator. Nothing else changes (no grouping, the same rounding), so English reads
 * exactly as String and toFixed write it.
 * @example formatDecimal(7.68, 'sv-SE') === '7,68'
 * @example formatDecimal(0.06, 'en', 1) === '0.1'
 */
export function formatDecimal(value: number, locale: string, digits?: number): string {
  const text = digits === undefined ? String(value) : value.toFixed(digits);
  // A whole number has no separator to change, and the locale is not asked: the first Intl.NumberFormat of a process
  // reads about 4 MiB of ICU's locale data (number systems, currencies), which every count the app shows ("12 lines",
  // "3 matches") made it read and keep in memory.
  if (!text.includes('.')) return text;
  const sep = decimalSeparatorOf(locale);
  return sep === '.' ? text : text.replace('.', sep);
}

/**
 * Seconds for people: one decimal below ten seconds, none from there (`0.3 s`, `12 s`; `0,3 s` in sv-SE).
 * @example formatSeconds(340, 'sv-SE') === '0,3 s'
 */
export function formatSeconds(ms: number, locale: string): string {
  return `${formatDecimal(Number((ms / 1000).toFixed(ms < 10_000 ? 1 : 0)), locale)} s`;
}

/**
 * A size in MiB for people: one decimal below 10 MiB, none from there (`8.0 MiB`, `12 MiB`; `8,0 MiB` in sv-SE).
 * @example formatMiB(8 * 1048576, 'en') === '8.0 MiB'
 */
export function formatMiB(bytes: number, locale: string): string {
  return `${formatDecimal(bytes / 1048576, locale, bytes < 10 * 1048576 ? 1 : 0)} MiB`;
}

const grouping = new Map<string, Intl.NumberFormat>();

/**
 * A whole number with the digit grouping of a locale (Intl.NumberFormat): `15,990` in en, `15 990` in sv-SE (a no-break
 * space). Below 1,000 there is nothing to group and the locale is not asked (see formatDecimal: ICU's data is large).
 * @example formatGrouped(15990, 'sv-SE') === '15\u00a0990'
 * @example formatGrouped(999, 'en') === '999'
 */
export function formatGrouped(value: number, locale: string): string {
  if (Math.abs(value) < 1000 || !Number.isFinite(value)) return String(value);
  let format = grouping.get(locale);
  if (!format) grouping.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })));
  return format.format(value);
}
