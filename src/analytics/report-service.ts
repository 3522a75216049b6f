// The sales report: the KPIs of metrics.md per time bucket (day, ISO week,
// month), channel, location, category, product or RFM segment for a period,
// optionally only for one category's products, sorted and paged for the grid.
import type { Db } from '../db/open.js';
import { bucketsOf, type Granularity } from './buckets.js';
import type { SalesReportRow } from './contract.js';
import { type Period, shopTimeZone, utcRange } from './periods.js';
import { createReportStore, type ReportRow } from './report-store.js';
import { createSalesRollup } from './sales-rollup.js';
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
  const segments = createSegmentsService(db);
  const channelNames = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM channels');
  const timeZone = shopTimeZone(db);

  function timeRows(period: Period, granularity: Granularity, tz: string, category: number | undefined): ReportRow[] {
    const buckets = bucketsOf(period, granularity, tz);
    const rolled = category === undefined ? rollup.byBucket(buckets) : undefined;
    if (rolled) return rolled.map((row, i) => ({ ...row, key: i, label: row.bucket }));
    // One category, or no rollup: each bucket read from its orders (the orders of every channel summed).
    return buckets.map((bucket, i) => sumRows(i, bucket.bucket, store.rows('channel', bucket.start, bucket.end, category)));
  }

  /** Per channel from the hourly rollup (undefined when the orders must be read). */
  function channelRows(from: string, to: string): ReportRow[] | undefined {
    const names = new Map(channelNames.all().map((c) => [c.id, c.name]));
    return rollup.byChannel(from, to)?.map((row) => ({ ...row, key: row.channelId, label: names.get(row.channelId) ?? String(row.channelId) }));
  }

  function segmentRows(period: Period, from: string, to: string, category: number | undefined): ReportRow[] {
    const segmentOf = segments.segmentOf(period.to, segmentWindowDays);
    const groups = new Map<number, ReportRow[]>();
    for (const row of store.rows('customer', from, to, category)) {
      const segment = row.key === guestKey ? undefined : segmentOf.get(row.key);
      const key = row.key === guestKey ? guestKey : segment === undefined ? unscoredKey : segmentCodes.indexOf(segment) + 1;
      groups.set(key, [...(groups.get(key) ?? []), row]);
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
