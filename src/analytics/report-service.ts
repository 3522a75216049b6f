// The sales report: the KPIs of metrics.md per time bucket (day, ISO week,
// month), channel, location, category, product or RFM segment for a period,
// optionally only for one category's products, sorted and paged for the grid.
import type { Db } from '../db/open.js';
import { type Bucket, bucketsOf, type Granularity } from './buckets.js';
import type { SalesReportRow } from './contract.js';
import { type Period, shopTimeZone, utcRange } from './periods.js';
import { createReportStore, type ReportRow } from './report-store.js';
import { createSalesRollup, wholeHour } from './sales-rollup.js';
import { createSalesRollupStore, type RollupReportRow } from './sales-rollup-store.js';
import { segmentCodes } from './segments.js';
import { createSegmentsService } from './segments-service.js';

export type ReportSortColumn = 'label' | 'gmv' | 'netSales' | 'orders' | 'units' | 'grossProfit' | 'grossMargin';
export type ReportBy = Granularity | 'channel' | 'location' | 'category' | 'product' | 'segment';

/** Segments are scored over the year ending on the period's last day (the RFM default window). */
const segmentWindowDays = 365;
/** Keys of the segment rows that are not one of the eight segments. */
export const guestKey = 0;
export const unscoredKey = 99;

const isTime = (by: ReportBy): by is Granularity => by === 'day' || by === 'week' || by === 'month';

function sumRows(key: number, label: string, rows: readonly ReportRow[]): ReportRow {
  const total: ReportRow = { key, label, gmv: 0, discounts: 0, refunds: 0, orders: 0, units: 0, cogsSold: 0, cogsReturned: 0 };
  for (const row of rows) {
    for (const field of ['gmv', 'discounts', 'refunds', 'orders', 'units', 'cogsSold', 'cogsReturned'] as const) total[field] += row[field];
  }
  return total;
}

export function createReportService(db: Db) {
  const store = createReportStore(db);
  const rollup = createSalesRollup(db);
  const rolledStore = createSalesRollupStore(db);
  const segments = createSegmentsService(db);
  const channelNames = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM channels');
  const timeZone = shopTimeZone(db);

  function timeRows(period: Period, granularity: Granularity, tz: string, category: number | undefined): ReportRow[] {
    const buckets = bucketsOf(period, granularity, tz);
    const rolled = category === undefined ? rollup.byBucket(buckets) : categoryBucketRows(buckets, category);
    if (rolled) return rolled.map((row, i) => ({ ...row, key: i, label: row.bucket }));
    // No rollup: each bucket read from its orders (the shop's total of the bucket).
    return buckets.map((bucket, i) => sumRows(i, bucket.bucket, store.rows('total', bucket.start, bucket.end, category)));
  }

  /**
   * One category's buckets from the product rollup, its distinct orders from the orders (no rollup can hold them: an
   * order with lines of two of its products counts once); undefined when a bound is not a whole hour or the rollups
   * cannot be brought up to date, and the orders must be read instead.
   */
  function categoryBucketRows(buckets: readonly Bucket[], category: number): (Omit<ReportRow, 'key' | 'label'> & { bucket: string })[] | undefined {
    const keyed: { fromHour: string; toHour: string }[] = [];
    for (const bucket of buckets) {
      const fromHour = wholeHour(bucket.start);
      const toHour = wholeHour(bucket.end);
      if (fromHour === undefined || toHour === undefined) return undefined;
      keyed.push({ fromHour, toHour });
    }
    const first = buckets[0];
    const last = buckets.at(-1);
    if (!first || !last || !rollup.hours(first.start, last.end)) return undefined;
    const sums = rolledStore.categoryByBucket(keyed, category);
    const orders = store.categoryOrders(buckets, category);
    return buckets.map((bucket, i) => {
      const row = sums[i] ?? { gmv: 0, discounts: 0, refunds: 0, units: 0, cogsSold: 0, cogsReturned: 0 };
      return { bucket: bucket.bucket, gmv: row.gmv, discounts: row.discounts, refunds: row.refunds, orders: orders[i] ?? 0, units: row.units, cogsSold: row.cogsSold, cogsReturned: row.cogsReturned };
    });
  }

  /** Per channel from the hourly rollup (undefined when the orders must be read). */
  function channelRows(from: string, to: string): ReportRow[] | undefined {
    const names = new Map(channelNames.all().map((c) => [c.id, c.name]));
    return rollup.byChannel(from, to)?.map((row) => ({ ...row, key: row.channelId, label: names.get(row.channelId) ?? String(row.channelId) }));
  }

  /**
   * Per product or category from the product and category rollups (undefined when the orders must be read).
   * Lines without a variant (product 0) take the title they were sold under, as the direct report does.
   */
  function catalogueRows(by: 'product' | 'category', from: string, to: string, category: number | undefined): ReportRow[] | undefined {
    const range = rollup.hours(from, to);
    if (!range) return undefined;
    if (by === 'category') return rolledStore.byCategory(...range, category ?? null);
    const rows = rolledStore.byProduct(...range, category ?? null);
    const unlinked = rows.find((row) => row.key === 0);
    if (unlinked) unlinked.label = rolledStore.unlinkedTitle(from, to) ?? '';
    return rows;
  }

  /**
   * Per customer from the customer rollup, guests (key 0) being the shop's total less the customers'; undefined
   * when the orders must be read. As the channel and time rows, an order counts whole (its discount total).
   */
  function customerRows(from: string, to: string): RollupReportRow[] | undefined {
    const range = rollup.hours(from, to);
    if (!range) return undefined;
    const rows = rolledStore.byCustomer(...range);
    const total = rolledStore.shopTotal(...range);
    if (total) {
      const customers = sumRows(guestKey, '', rows);
      const guests = { ...total };
      for (const field of ['gmv', 'discounts', 'refunds', 'orders', 'units', 'cogsSold', 'cogsReturned'] as const) guests[field] -= customers[field];
      if (guests.orders !== 0 || guests.refunds !== 0 || guests.cogsReturned !== 0) rows.push(guests);
    }
    return rows;
  }

  function segmentRows(period: Period, from: string, to: string, category: number | undefined): ReportRow[] {
    const segmentOf = segments.segmentOf(period.to, segmentWindowDays);
    const groups = new Map<number, ReportRow[]>();
    const customers = (category === undefined ? customerRows(from, to) : undefined) ?? store.rows('customer', from, to, category);
    for (const row of customers) {
      const segment = row.key === guestKey ? undefined : segmentOf.get(row.key);
      const key = row.key === guestKey ? guestKey : segment === undefined ? unscoredKey : segmentCodes.indexOf(segment) + 1;
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    const labelOf = (key: number) => (key === guestKey ? 'guest' : key === unscoredKey ? 'unscored' : (segmentCodes[key - 1] ?? 'unscored'));
    return [...groups].map(([key, rows]) => sumRows(key, labelOf(key), rows));
  }

  return {
    salesReport(
      period: Period,
      by: ReportBy,
      sort: { column: ReportSortColumn; direction: 'asc' | 'desc' },
      offset: number,
      limit: number,
      category?: number,
    ) {
      const tz = timeZone();
      const [from, to] = utcRange(period, tz);
      const found = isTime(by)
        ? timeRows(period, by, tz, category)
        : by === 'segment'
          ? segmentRows(period, from, to, category)
          : by === 'channel' && category === undefined
            ? (channelRows(from, to) ?? store.rows(by, from, to))
            : by === 'product' || by === 'category'
              ? (catalogueRows(by, from, to, category) ?? store.rows(by, from, to, category))
              : store.rows(by, from, to, category);
      const rows: SalesReportRow[] = found.map((row) => {
        const netSales = row.gmv - row.discounts - row.refunds;
        const grossProfit = netSales - (row.cogsSold - row.cogsReturned);
        return {
          key: row.key,
          label: row.label,
          gmv: row.gmv,
          netSales,
          orders: row.orders,
          units: row.units,
          grossProfit,
          grossMargin: netSales === 0 ? null : grossProfit / netSales,
        };
      });
      const sign = sort.direction === 'asc' ? 1 : -1;
      rows.sort((a, b) => {
        const x = a[sort.column];
        const y = b[sort.column];
        if (typeof x === 'string' || typeof y === 'string') return sign * String(x).localeCompare(String(y)) || a.key - b.key;
        // A margin without sales (null) sorts below every number.
        return sign * ((x ?? Number.NEGATIVE_INFINITY) - (y ?? Number.NEGATIVE_INFINITY)) || a.label.localeCompare(b.label);
      });
      return { rows: rows.slice(offset, offset + limit), total: rows.length };
    },
  };
}
