// What the Welcome screen proposes for a new shop's currency and time zone when
// the language is chosen: 简体中文 → CNY and Asia/Shanghai; English → the
// browser's own time zone and the currency of its region (USD when unknown).
// Only a proposal: values the person chose themselves are kept (WelcomePage).
import type { Locale } from '../../../src/settings/contract.js';

export interface BrowserFacts {
  /** IANA zone of this computer, e.g. Europe/Berlin ('' when unknown). */
  timeZone: string;
  /** BCP 47 language of the browser, e.g. en-GB. */
  language: string;
}

export interface ShopProposal {
  currency: string;
  timeZone: string;
}

const euro = ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'];

/** Currency by region for the regions most shops write from; others fall back to USD. */
const currencyOfRegion: Readonly<Record<string, string>> = {
  ...Object.fromEntries(euro.map((region) => [region, 'EUR'])),
  US: 'USD', GB: 'GBP', CA: 'CAD', AU: 'AUD', NZ: 'NZD', JP: 'JPY', CN: 'CNY', HK: 'HKD', TW: 'TWD', SG: 'SGD',
  MY: 'MYR', IN: 'INR', CH: 'CHF', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN', CZ: 'CZK', HU: 'HUF', MX: 'MXN',
  BR: 'BRL', KR: 'KRW', ZA: 'ZAR', AE: 'AED', IL: 'ILS', TR: 'TRY', TH: 'THB', PH: 'PHP', ID: 'IDR', VN: 'VND',
};

function regionOf(language: string): string | undefined {
  try {
    return new Intl.Locale(language).maximize().region;
  } catch {
    return undefined;
  }
}

export function browserFacts(): BrowserFacts {
  return {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || '',
    language: typeof navigator === 'undefined' ? 'en-US' : navigator.language || 'en-US',
  };
}

export function proposeShopDefaults(locale: Locale, browser: BrowserFacts): ShopProposal {
  if (locale === 'zh-CN') return { currency: 'CNY', timeZone: 'Asia/Shanghai' };
  const region = regionOf(browser.language);
  return { currency: (region && currencyOfRegion[region]) || 'USD', timeZone: browser.timeZone || 'UTC' };
}
