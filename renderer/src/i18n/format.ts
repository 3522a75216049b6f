// Numbers, money and dates through Intl for the chosen locale. Money arrives
// in integer minor units; the currency's fraction digits come from Intl itself
// (JPY 0, USD 2, KWD 3) so there is no hand-kept table.
import type { Locale } from '../../../src/settings/contract.js';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(id, format);
  }
  return format;
}

export function currencyFractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function formatMoney(minor: number | null, currency: string, locale: Locale): string {
  if (minor === null) return '';
  const digits = currencyFractionDigits(currency);
  return numberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
}

/** What the user types in a money filter (major units, e.g. 19.99) → integer minor units. */
export function majorToMinor(major: number, currency: string): number {
  return Math.round(major * 10 ** currencyFractionDigits(currency));
}

/** Integer minor units → major units for editing (1999 USD → 19.99). */
export function minorToMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyFractionDigits(currency);
}

export function formatNumber(value: number | null, locale: Locale): string {
  return value === null ? '' : numberFormat(locale, {}).format(value);
}

export function formatDateTime(iso: string, locale: Locale, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

export function formatDuration(seconds: number, locale: Locale): string {
  const unit = seconds < 90 ? 'second' : 'minute';
  const value = unit === 'second' ? Math.max(1, Math.round(seconds)) : Math.round(seconds / 60);
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

export function currencyName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}
