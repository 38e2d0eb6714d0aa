import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { BugError } from '../../core/errors.js';
import type { Locale } from '../../core/knowledge/types.js';
import { createT, type T } from '../i18n.js';
import { usePlatform } from './PlatformContext.js';
import { useSettings } from './SettingsContext.js';

export interface I18n {
  locale: Locale;
  t: T;
}

const I18nContext = createContext<I18n | undefined>(undefined);

/** Provides t() in the interface language from the settings. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { uiLocale } = useSettings();
  const { catalogs } = usePlatform();
  const value = useMemo(() => ({ locale: uiLocale, t: createT(catalogs, uiLocale) }), [catalogs, uiLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new BugError('useI18n() used outside <I18nProvider>');
  return v;
}
