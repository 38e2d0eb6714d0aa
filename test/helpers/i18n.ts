import type { Locale } from '../../src/core/knowledge/types.js';
import { readLocaleCatalogs } from '../../src/platform/platform.js';
import { createT, type T } from '../../src/ui/i18n.js';

/** The real UI catalogs from locales/, read once. */
export const CATALOGS = readLocaleCatalogs();

/** t() for a language, over the real catalogs: tests assert on the words the user sees. */
export const tFor = (locale: Locale): T => createT(CATALOGS, locale);
