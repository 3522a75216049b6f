// The language of this window when the person here may not change the shop's
// (the sign-in page and lock screen, or a role without `settings.manage`): a
// choice remembered in this browser, which lapses when the shop's own language
// changes afterwards, so the owner's later choice is seen again.
import { z } from 'zod';
import { localeSchema, type Locale } from '../../../../src/settings/contract.js';

const storageKey = 'shopdesk.windowLocale';
const storedSchema = z.object({ locale: localeSchema, over: localeSchema });

export interface WindowLocale {
  locale: Locale;
  /** The shop's language when the choice was made. */
  over: Locale;
}

export function readWindowLocale(): WindowLocale | null {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(localStorage.getItem(storageKey) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeWindowLocale(value: WindowLocale | null): void {
  if (value === null) localStorage.removeItem(storageKey);
  else localStorage.setItem(storageKey, JSON.stringify(value));
}

/** The language to show: the window's own choice while the shop's is still the one it was made over. */
export function effectiveLocale(shopLocale: Locale, own: WindowLocale | null): Locale {
  return own !== null && own.over === shopLocale ? own.locale : shopLocale;
}
