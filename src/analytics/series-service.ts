// Sales over time on the shop's calendar: net sales per bucket follow the
// net-sales rule (refunds in the bucket they happened in). A bucket holding
// today is named as partial, and last year's matching bucket is cut at the
// same hour, so the trend compares like with like instead of showing a drop.
import type { Db } from '../db/open.js';
import { bucketsOf, type Granularity } from './buckets.js';
import type { SeriesPoint } from './contract.js';
import { cutInstant, partialDayOf, type Period, sameDaysLastYear, shopTimeZone } from './periods.js';
import { createSalesRollup } from './sales-rollup.js';
import { createSeriesStore } from './series-store.js';

export function createSeriesService(db: Db) {
  const store = createSeriesStore(db);
  const rollup = createSalesRollup(db);
  const timeZone = shopTimeZone(db);

  function series(period: Period, granularity: Granularity, tz: string, cutAt?: string): SeriesPoint[] {
    const buckets = bucketsOf(period, granularity, tz).map((b) => (cutAt !== undefined && b.start < cutAt && cutAt < b.end ? { ...b, end: cutAt } : b));
    const rolled = rollup.byBucket(buckets);
    const customers = store.customers(buckets, rolled === undefined);
    if (rolled) {
      return rolled.map((row, i) => ({
        bucket: row.bucket,
        gmv: row.gmv,
        netSales: row.gmv - row.discounts - row.refunds,
        orders: row.orders,
        units: row.units,
        customers: customers[i]?.customers ?? 0,
        newCustomers: row.newCustomers,
      }));
    }
    const refunds = new Map(store.refunds(buckets).map((row) => [row.bucket, row.refunds]));
    return store.sales(buckets).map((row, i) => ({
      bucket: row.bucket,
      gmv: row.gmv,
      netSales: row.gmv - row.discounts - (refunds.get(row.bucket) ?? 0),
      orders: row.orders,
      units: row.units,
      customers: customers[i]?.customers ?? 0,
      newCustomers: customers[i]?.newCustomers ?? 0,
    }));
  }

  return {
    /** The bucket (its label: first local day) of `granularity` that holds today, when the period reaches today; else null. */
    partialBucket(period: Period, granularity: Granularity, now: Date): string | null {
      const partial = partialDayOf(period, timeZone(), now);
      return partial ? (bucketsOf({ from: partial.day, to: partial.day }, granularity, timeZone())[0]?.bucket ?? null) : null;
    },
    /** With `now` (the handlers'), the bucket holding today is named and last year's is cut at the same hour of its day. */
    salesSeries(period: Period, granularity: Granularity, now?: Date) {
      const tz = timeZone();
      const partial = now ? partialDayOf(period, tz, now) : null;
      const points = series(period, granularity, tz);
      const lastYearCut = partial ? cutInstant(sameDaysLastYear({ from: partial.day, to: partial.day }).from, partial.hours, tz) : undefined;
      const bucket = partial ? bucketsOf({ from: partial.day, to: partial.day }, granularity, tz)[0]?.bucket : undefined;
      return {
        points,
        lastYear: series(sameDaysLastYear(period), granularity, tz, lastYearCut),
        partial: partial && bucket !== undefined ? { ...partial, bucket } : null,
      };
    },
  };
}
