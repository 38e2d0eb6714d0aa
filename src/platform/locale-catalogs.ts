import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../core/i18n/translate.js';
import { LOCALES, type Locale } from '../core/knowledge/types.js';
import { findPackageRoot } from './package-root.js';

/** Catalogs already parsed, by file, with the size and time of the file they came from. */
const parsed = new Map<string, { size: number; mtimeMs: number; catalog: Catalog }>();

/**
 * Reads the UI catalogs from locales/ in the package. A missing or damaged catalog is left empty,
 * so its messages fall back to English (and English ones to their keys) rather than crash.
 * A catalog whose file has not changed since it was last read is not parsed again (the test suite runs the CLI in
 * process thousands of times; a process of the product reads them once). Read-only: the objects are shared.
 */
export function readLocaleCatalogs(root = findPackageRoot()): Record<Locale, Catalog> {
  const read = (locale: Locale): Catalog => {
    const file = path.join(root, 'locales', `${locale}.json`);
    try {
      const { size, mtimeMs } = statSync(file);
      const known = parsed.get(file);
      if (known && known.size === size && known.mtimeMs === mtimeMs) return known.catalog;
      const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      const catalog = data && typeof data === 'object' && !Array.isArray(data) ? Object.freeze(data as Catalog) : {};
      parsed.set(file, { size, mtimeMs, catalog });
      return catalog;
    } catch {
      parsed.delete(file);
      return {};
    }
  };
  return Object.fromEntries(LOCALES.map((l) => [l, read(l)])) as Record<Locale, Catalog>;
}
