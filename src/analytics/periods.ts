// Periods of whole local days (metrics.md): [first day 00:00, day after the
// last 00:00) in the shop's time zone; the previous period has the same
// length and ends the day before; last year is the same dates a year earlier
// (29 February becomes the 28th).
import type { Db } from '../db/open.js';
import { validationError } from '../shared/app-error.js';
import { addDays, daysBetween, localMidnightUtc } from '../shared/local-time.js';

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
