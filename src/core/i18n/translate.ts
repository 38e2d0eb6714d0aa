import { formatDecimal, formatGrouped } from './format-number.js';

/** A flat message catalog: dotted keys to text with `{{param}}` slots; plural forms end in `_one`, `_other`, … */
export type Catalog = Readonly<Record<string, string>>;

/**
 * A number to write with a fixed count of decimals, in the way of the message's locale: `{ decimal: 9.8, digits: 1 }`
 * reads `9.8` in English and `9,8` in Swedish, and `{ decimal: 21, digits: 1 }` reads `21.0` (a plain number would read `21`).
 */
export interface DecimalParam {
  readonly decimal: number;
  readonly digits: number;
}

/**
 * A whole number to write with the digit grouping of the message's locale: `{ grouped: 15990 }` reads `15,990` in English
 * and `15 990` in Swedish. For counts of things only: a build or a code stays as JavaScript writes it (a plain number).
 */
export interface GroupedParam {
  readonly grouped: number;
}

/** Values a message can interpolate; `count` (a number, or a GroupedParam) also selects the plural form. */
export type MessageParams = Readonly<Record<string, string | number | DecimalParam | GroupedParam>>;

/** The CLDR plural categories, in the order Intl.PluralRules knows them. */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
/** One CLDR plural category. */
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** A catalog key with its plural suffix removed: `results.count_one` → `results.count`. */
export type BaseKeyOf<K extends string> = K extends `${infer B}_${PluralCategory}` ? B : K;

const SLOT = /\{\{\s*([\w.-]+)\s*\}\}/g;
export const PLURAL_SUFFIX = new RegExp(`_(?:${PLURAL_CATEGORIES.join('|')})$`);

/**
 * Fills `{{name}}` slots from params; a slot without a value stays as written, so a missing
 * parameter is visible instead of silently empty. A number is written with the decimal separator of
 * `locale` (see formatDecimal), as JavaScript writes it when no locale is named; a DecimalParam with its
 * count of decimals too.
 * @example interpolate('{{n}} lines', { n: 3 }) === '3 lines'
 * @example interpolate('score {{s}}', { s: 7.68 }, 'sv-SE') === 'score 7,68'
 * @example interpolate('{{free}} GB', { free: { decimal: 52, digits: 1 } }, 'sv-SE') === '52,0 GB'
 * @example interpolate('and {{count}} more', { count: { grouped: 15990 } }, 'en') === 'and 15,990 more'
 */
export function interpolate(template: string, params: MessageParams = {}, locale?: string): string {
  return template.replace(SLOT, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (typeof v === 'object') return 'grouped' in v ? formatGrouped(v.grouped, locale ?? 'en') : formatDecimal(v.decimal, locale ?? 'en', v.digits);
    return typeof v === 'number' && locale !== undefined ? formatDecimal(v, locale) : String(v);
  });
}

/**
 * The values of the `{{name}}` slots of `template` that give `text`, the reverse of interpolate for text params; undefined
 * when `text` is not that template filled in. Each slot takes the text up to the first place its following literal
 * text appears (the last one, up to the final literal text at the end); a slot named twice must take the same value
 * twice; two slots with no text between them cannot be told apart, and give undefined.
 * @example readSlots('stopped after {{time}}', 'stopped after 120 s') // { time: '120 s' }
 */
export function readSlots(template: string, text: string): Record<string, string> | undefined {
  // split with the slot's capture: literal texts at even indexes, slot names at odd ones.
  const parts = template.split(SLOT);
  const head = parts[0]!;
  if (!text.startsWith(head)) return undefined;
  const values: Record<string, string> = {};
  let at = head.length;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const after = parts[i + 1]!;
    const last = i + 2 >= parts.length;
    let end: number;
    if (last) {
      if (!text.endsWith(after) || text.length - after.length < at) return undefined;
      end = text.length - after.length;
    } else {
      if (after === '') return undefined;
      end = text.indexOf(after, at);
      if (end < 0) return undefined;
    }
    const value = text.slice(at, end);
    if (Object.hasOwn(values, name) && values[name] !== value) return undefined;
    values[name] = value;
    at = end + after.length;
  }
  return parts.length === 1 ? (text === head ? values : undefined) : values;
}

/** The key without its plural suffix, so `a.b_other` and `a.b` name the same message. */
export function baseKeyOf(key: string): string {
  return key.replace(PLURAL_SUFFIX, '');
}

const rulesCache = new Map<string, Intl.PluralRules>();

/** The plural category of a count in a locale (Intl.PluralRules, cached per locale). */
export function pluralCategoryOf(locale: string, count: number): PluralCategory {
  let rules = rulesCache.get(locale);
  if (!rules) rulesCache.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count) as PluralCategory;
}

/** The plural categories a locale uses for cardinal numbers (always including `other`). */
export function pluralCategoriesOf(locale: string): PluralCategory[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories as PluralCategory[];
}

/**
 * Looks a message up in one catalog and fills it in. A numeric `count` selects `key_<category>`
 * (falling back to `key_other`, then `key`). Returns undefined when the catalog lacks the key.
 * @example translate({ 'x.n_one': '{{count}} hit', 'x.n_other': '{{count}} hits' }, 'x.n', { count: 2 }, 'en') === '2 hits'
 */
export function translate(catalog: Catalog, key: string, params: MessageParams | undefined, locale: string): string | undefined {
  const given = params?.count;
  const count = typeof given === 'object' && 'grouped' in given ? given.grouped : given;
  let template: string | undefined;
  if (typeof count === 'number') {
    template = catalog[`${key}_${pluralCategoryOf(locale, count)}`] ?? catalog[`${key}_other`];
  }
  template ??= catalog[key];
  return template === undefined ? undefined : interpolate(template, params, locale);
}

/** A translate function bound to one locale. */
export type Translator<K extends string = string> = (key: K, params?: MessageParams) => string;

/**
 * Binds catalogs to a locale: looks in the locale's catalog, then the fallback's (English),
 * and as a last resort returns the key itself so a gap shows up on screen rather than crashing.
 */
export function createTranslator<K extends string>(
  catalogs: Readonly<Record<string, Catalog>>,
  locale: string,
  fallback = 'en',
): Translator<K> {
  const primary = catalogs[locale];
  const backup = catalogs[fallback];
  return (key, params) =>
    (primary && translate(primary, key, params, locale)) ?? (backup && translate(backup, key, params, fallback)) ?? key;
}
