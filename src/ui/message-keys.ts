// The UI message keys, derived from the baseline catalog's type, so t() is typed without a second
// list to keep in step. A type-only import: nothing is read from locales/ at build or run time.
import type EN from '../../locales/en.json';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type BaseKey<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K;

/** A key of locales/en.json; plural forms (`key_one`, `key_other`) share their base key. */
export type MessageKey = BaseKey<Extract<keyof typeof EN, string>>;
