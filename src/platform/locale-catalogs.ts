import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../core/i18n/translate.js';
import { LOCALES, type Locale } from '../core/knowledge/types.js';
import { findPackageRoot } from './package-root.js';

/**
 * Reads the UI catalogs from locales/ in the package. A missing or damaged catalog is left empty,
 * so its messages fall back to English (and English ones to their keys) rather than crash.
 */
export function readLocaleCatalogs(root = findPackageRoot()): Record<Locale, Catalog> {
  const read = (locale: Locale): Catalog => {
    try {
      const data = JSON.parse(readFileSync(path.join(root, 'locales', `${locale}.json`), 'utf8')) as unknown;
      return data && typeof data === 'object' && !Array.isArray(data) ? (data as Catalog) : {};
    } catch {
      return {};
    }
  };
  return Object.fromEntries(LOCALES.map((l) => [l, read(l)])) as Record<Locale, Catalog>;
}
