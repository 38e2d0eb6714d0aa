import { useI18n } from '../contexts/I18nContext.js';
import type { T } from '../i18n.js';

/** The translate function for the interface language. */
export const useT = (): T => useI18n().t;
