// Sales over time on the shop's calendar: net sales per bucket follow the
// net-sales rule (refunds in the bucket they happened in).
import type { Db } from '../db/open.js';
import { bucketsOf, type Granularity } from './buckets.js';
import type { SeriesPoint } from './contract.js';
import { type Period, sameDaysLastYear, shopTimeZone } from './periods.js';
import { createSalesRollup } from './sales-rollup.js';
import { createSeriesStore } from './series-store.js';

export function createSeriesService(db: Db) {
  const store = createSeriesStore(db);
  const rollup = createSalesRollup(db);
  const timeZone = shopTimeZone(db);

  function series(period: Period, granularity: Granularity, tz: string): SeriesPoint[] {
    const buckets = bucketsOf(period, granularity, tz);
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
    salesSeries(period: Period, granularity: Granularity) {
      const tz = timeZone();
      return { points: series(period, granularity, tz), lastYear: series(sameDaysLastYear(period), granularity, tz) };
    },
  };
}
