// Local-time buckets (days, ISO weeks from Monday, months) of a period, each
// with its UTC bounds, so SQL can group instants by the shop's calendar
// without knowing time zones.
import { addDays, localMidnightUtc, weekStartOf } from '../shared/local-time.js';
import type { Period } from './periods.js';

export type Granularity = 'day' | 'week' | 'month';

export interface Bucket {
  /** First local day of the bucket ('YYYY-MM-DD'); weeks start on Monday, months on the 1st. */
  bucket: string;
  start: string;
  end: string;
}

function nextStart(date: string, granularity: Granularity): string {
  if (granularity === 'day') return addDays(date, 1);
  if (granularity === 'week') return addDays(date, 7);
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

function startOf(date: string, granularity: Granularity): string {
  if (granularity === 'day') return date;
  if (granularity === 'week') return weekStartOf(date);
  return `${date.slice(0, 7)}-01`;
}

/** Buckets covering the period; the first and last are clipped to the period's days. */
export function bucketsOf(period: Period, granularity: Granularity, timeZone: string): Bucket[] {
  const buckets: Bucket[] = [];
  const endDay = addDays(period.to, 1);
  for (let start = startOf(period.from, granularity); start < endDay; start = nextStart(start, granularity)) {
    const from = start < period.from ? period.from : start;
    const next = nextStart(start, granularity);
    const to = next > endDay ? endDay : next;
    buckets.push({ bucket: start, start: localMidnightUtc(from, timeZone).toISOString(), end: localMidnightUtc(to, timeZone).toISOString() });
  }
  return buckets;
}
