// The current UI language as React context. Before a shop exists the choice is
// local (remembered in localStorage); afterwards it follows settings.locale.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { Locale } from '../../../src/settings/contract.js';
import type { MessageKey } from './en.js';
import { translate, translateDynamic, type Params } from './translate.js';

export interface I18n {
  locale: Locale;
  t(key: MessageKey, params?: Params): string;
  /** Runtime keys from the core; `fallback` when this build does not know the key. */
  tKey(key: string, fallback: MessageKey, params?: Params): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }): ReactNode {
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (key, params) => translate(locale, key, params),
      tKey: (key, fallback, params) => translateDynamic(locale, key, fallback, params),
    }),
    [locale],
  );
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
