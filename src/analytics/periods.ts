// Periods of whole local days (metrics.md): [first day 00:00, day after the
// last 00:00) in the shop's time zone; the previous period has the same
// length and ends the day before; last year is the same dates a year earlier
// (29 February becomes the 28th).
import type { Db } from '../db/open.js';
import { validationError } from '../shared/app-error.js';
import { addDays, daysBetween, localDateOf, localMidnightUtc } from '../shared/local-time.js';

export interface Period {
  from: string;
  to: string;
}

export function previousPeriod(period: Period): Period {
  const days = daysBetween(period.from, period.to) + 1;
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

export function sameDaysLastYear(period: Period): Period {
  const back = (date: string) => {
    const year = Number(date.slice(0, 4)) - 1;
    const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
    return `${year}-${monthDay}`;
  };
  return { from: back(period.from), to: back(period.to) };
}

/** The UTC instants bounding the period: [from 00:00 local, day after `to` 00:00 local). */
export function utcRange(period: Period, timeZone: string): [string, string] {
  return [localMidnightUtc(period.from, timeZone).toISOString(), localMidnightUtc(addDays(period.to, 1), timeZone).toISOString()];
}

/** Reads the shop's time zone (prepared once per connection); UTC before a shop is set up. */
export function shopTimeZone(db: Db): () => string {
  const row = db.prepare<[], { tz: string }>('SELECT time_zone AS tz FROM shop_settings WHERE id = 1');
  return () => row.get()?.tz ?? 'UTC';
}

/** A period whose last day comes before its first is refused, naming `to` (checked in handlers: grid exports derive input schemas without refinements). */
export function checkPeriodOrder(from: string, to: string): void {
  if (from > to) throw validationError(`The period ends (${to}) before it starts (${from}).`, [{ path: 'to', key: 'periodOrder', message: 'to: before from' }]);
}

/**
 * A period that reaches the current local day is only partly over: its last
 * bucket holds today so far. Comparisons stay like with like by cutting the
 * previous period and last year's days at the same point of their matching
 * day: the same number of hours after local midnight, rounded up to the hour
 * (the hourly rollup's grain), so 10:37 compares with 00:00–11:00.
 */
export interface PartialDay {
  /** The current local day, the period's partial day. */
  day: string;
  /** The instant the answer was read (UTC ISO). */
  asOf: string;
  /** Comparisons count this many hours of their matching day (0–24). */
  hours: number;
}

/** The partial day of a period at `now`, or null when the period was over before today began. */
export function partialDayOf(period: Period, timeZone: string, now: Date): PartialDay | null {
  const day = localDateOf(now, timeZone);
  if (period.to < day || period.from > day) return null;
  const elapsed = now.getTime() - localMidnightUtc(day, timeZone).getTime();
  return { day, asOf: now.toISOString(), hours: Math.min(24, Math.max(0, Math.ceil(elapsed / 3_600_000))) };
}

/** The instant a comparison period's matching day is cut at: `hours` after its local midnight. */
export function cutInstant(day: string, hours: number, timeZone: string): string {
  return new Date(localMidnightUtc(day, timeZone).getTime() + hours * 3_600_000).toISOString();
}

/** The day of `other` (a previous period or last year) that matches the partial day of `period`. */
export function matchingDay(period: Period, other: Period, partialDay: string): string {
  return addDays(other.from, daysBetween(period.from, partialDay));
}
