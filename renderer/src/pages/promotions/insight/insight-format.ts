// How the insight panels write their figures: money through the shop's currency, fractions as
// percentages, lifts with their sign, ROI as a ratio, and the core's notes (keys + params) with
// their numbers written for the reader (a WAPE fraction as a percentage, an instant as a date).
import type { KeyedText } from '../../../../../src/alerts/contract.js';
import type { Locale } from '../../../../../src/settings/contract.js';
import type { I18n } from '../../../i18n/context.js';
import type { MessageKey } from '../../../i18n/en.js';
import { formatDateTime, formatMoney, formatNumber } from '../../../i18n/format.js';

export interface Figures {
  money: (minor: number | null) => string;
  /** +¥1,234.00 / −¥56.00 */
  signedMoney: (minor: number) => string;
  /** 0.253 → "25.3%" */
  percent: (fraction: number | null) => string;
  /** 0.253 → "+25.3%" */
  signedPercent: (fraction: number | null) => string;
  /** Units (fractional baselines to one decimal). */
  units: (value: number) => string;
  signedUnits: (value: number) => string;
  /** 1.524 → "1.52" (incremental gross profit per unit of promotion cost). */
  ratio: (value: number | null) => string;
}

const minus = '−';

export function figuresFor(locale: Locale, currency: string): Figures {
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const money = (minor: number | null) => (minor === null ? '—' : formatMoney(Math.round(minor), currency, locale));
  const units = (value: number) => formatNumber(Math.round(value * 10) / 10, locale);
  const sign = (value: number, text: string) => (value > 0 ? `+${text}` : value < 0 ? `${minus}${text}` : text);
  return {
    money,
    signedMoney: (minor) => sign(Math.round(minor), money(Math.abs(minor))),
    percent: (fraction) => (fraction === null ? '—' : percentFormat.format(fraction)),
    signedPercent: (fraction) => (fraction === null ? '—' : sign(fraction, percentFormat.format(Math.abs(fraction)))),
    units,
    signedUnits: (value) => sign(Math.round(value * 10) / 10, units(Math.abs(value))),
    ratio: (value) => (value === null ? '—' : formatNumber(Math.round(value * 100) / 100, locale)),
  };
}

/** Params of the core's notes that are not shown as they come. */
function readableParams(params: KeyedText['params'], locale: Locale, timeZone: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number') {
      // wape is a fraction; percent is already in percent; days and the like as numbers.
      out[name] = name === 'wape' ? `${formatNumber(Math.round(value * 1000) / 10, locale)}%` : formatNumber(Math.round(value * 10) / 10, locale);
    } else if (typeof value === 'string') {
      out[name] = /^\d{4}-\d{2}-\d{2}T/.test(value) ? formatDateTime(value, locale, timeZone) : value;
    }
  }
  return out;
}

/** A note from the simulation or evaluation in the UI language. */
export function noteText(note: KeyedText, i18n: Pick<I18n, 'tKey' | 'locale'>, timeZone: string): string {
  return i18n.tKey(note.key, 'promotions.insight.noteUnknown' satisfies MessageKey, readableParams(note.params, i18n.locale, timeZone));
}
