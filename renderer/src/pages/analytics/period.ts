// Period presets on the shop's calendar (today is the shop's local date), the
// custom range's checks, and local dates written the reader's way.
import type { AnalyticsPeriod as Period } from '../../../../src/analytics/contract.js';

export const presets = ['last7', 'last30', 'thisMonth', 'lastMonth', 'last365'] as const;
export type Preset = (typeof presets)[number];

export function isPreset(value: string): value is Preset {
  return (presets as readonly string[]).includes(value);
}

export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function presetPeriod(preset: Preset, today: string): Period {
  switch (preset) {
    case 'last7':
      return { from: shift(today, -6), to: today };
    case 'last30':
      return { from: shift(today, -29), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'lastMonth': {
      const firstThis = `${today.slice(0, 7)}-01`;
      const lastPrev = shift(firstThis, -1);
      return { from: `${lastPrev.slice(0, 7)}-01`, to: lastPrev };
    }
    case 'last365':
      return { from: shift(today, -364), to: today };
  }
}

/** Days from `from` to `to`, inclusive. */
export function periodDays(period: Period): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && shift(value, 0) === value;
}

export type RangeProblem = 'missing' | 'order' | 'future';

/** Why a custom range cannot be used (null when it can): both days given, to ≥ from, neither after today. */
export function rangeProblem(from: string, to: string, today: string): RangeProblem | null {
  if (!isLocalDate(from) || !isLocalDate(to)) return 'missing';
  if (to < from) return 'order';
  if (to > today) return 'future';
  return null;
}

/** Why an as-of date cannot be used (null when it can). */
export function asOfProblem(asOf: string, today: string): 'missing' | 'future' | null {
  if (!isLocalDate(asOf)) return 'missing';
  return asOf > today ? 'future' : null;
}

/** A local calendar date (YYYY-MM-DD) in the reader's locale, e.g. "Oct 31, 2026" / "2026年10月31日". */
export function formatLocalDate(date: string, locale: string): string {
  if (!isLocalDate(date)) return date;
  // Formatted at UTC midnight in UTC: the calendar date never shifts with the viewer's zone.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
