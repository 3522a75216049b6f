// Number formats shared by the report's PDF and XLSX: money from minor units
// in the shop currency, rates as percentages, changes against a baseline.
import type { Locale } from '../settings/contract.js';

export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

export function formatters(locale: Locale, currency: string, notAvailable: string) {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const compactMoney = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const signedPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const ratio = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const signedPoints = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const pointsUnit = locale === 'zh-CN' ? ' 个百分点' : ' pp';
  return {
    money: (minor: number | null) => (minor === null ? notAvailable : money.format(toMajor(minor, currency))),
    compactMoney: (minor: number) => compactMoney.format(toMajor(minor, currency)),
    rate: (value: number | null) => (value === null ? notAvailable : percent.format(value)),
    change: (value: number | null) => (value === null ? notAvailable : signedPercent.format(value)),
    /** A rate's change as the difference in percentage points (0.52 → 0.48 is "−4 pp", not "−7.7 %"). */
    pointsChange: (value: number | null) => (value === null ? notAvailable : `${signedPoints.format(value * 100)}${pointsUnit}`),
    number: (value: number | null) => (value === null ? notAvailable : number.format(value)),
    /** Small multiples such as inventory turnover in a week. */
    ratio: (value: number | null) => (value === null ? notAvailable : ratio.format(value)),
  };
}

/** Relative change (current − base) ÷ |base|; null when there is no base to compare with. */
export function relativeChange(current: number | null, base: number | null): number | null {
  if (current === null || base === null || base === 0) return null;
  return (current - base) / Math.abs(base);
}
