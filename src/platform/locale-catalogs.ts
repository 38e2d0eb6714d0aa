import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../core/i18n/translate.js';
import { LOCALES, type Locale } from '../core/knowledge/types.js';
import { findPackageRoot, launcherCopy } from './package-root.js';

/** Catalogs already parsed, by file, with the size and time of the file they came from. */
const parsed = new Map<string, { stamp: string; catalog: Catalog }>();

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
      // The executable's own copy (not the unpacked folder, which may change while it runs): parsed once.
      const own = launcherCopy(root, `locales/${locale}.json`);
      if (own) {
        const known = parsed.get(file);
        if (known?.stamp === 'launcher') return known.catalog;
        const catalog = toCatalog(JSON.parse(own.toString('utf8')));
        parsed.set(file, { stamp: 'launcher', catalog });
        return catalog;
      }
      // The file's identity, size and both times: a rewrite within the clock's step of a coarse file system (FAT, older
      // kernels) changes its ctime or inode, if not its mtime (a reviewer).
      const { size, mtimeMs, ctimeMs, ino, dev } = statSync(file);
      const stamp = `${dev}:${ino}:${size}:${mtimeMs}:${ctimeMs}`;
      const known = parsed.get(file);
      if (known?.stamp === stamp) return known.catalog;
      const catalog = toCatalog(JSON.parse(readFileSync(file, 'utf8')));
      parsed.set(file, { stamp, catalog });
      return catalog;
    } catch {
      parsed.delete(file);
      return {};
    }
  };
  return Object.fromEntries(LOCALES.map((l) => [l, read(l)])) as Record<Locale, Catalog>;
}

/** A parsed catalogue file as a catalogue: an object, frozen (shared); anything else is empty. */
function toCatalog(data: unknown): Catalog {
  return data && typeof data === 'object' && !Array.isArray(data) ? Object.freeze(data as Catalog) : {};
}
