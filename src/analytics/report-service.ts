// The sales report: the KPIs of metrics.md per channel, location, category or
// product for a period, sorted and paged for the grid.
import type { Db } from '../db/open.js';
import type { SalesReportRow } from './contract.js';
import { utcRange, type Period } from './periods.js';
import { createReportStore, type ReportDimension } from './report-store.js';

export type ReportSortColumn = 'label' | 'gmv' | 'netSales' | 'orders' | 'units' | 'grossProfit' | 'grossMargin';

export function createReportService(db: Db) {
  const store = createReportStore(db);
  const timeZone = () => (db.prepare('SELECT time_zone AS tz FROM shop_settings WHERE id = 1').get() as { tz: string }).tz;
  return {
    salesReport(period: Period, by: ReportDimension, sort: { column: ReportSortColumn; direction: 'asc' | 'desc' }, offset: number, limit: number) {
      const [from, to] = utcRange(period, timeZone());
      const rows: SalesReportRow[] = store.rows(by, from, to).map((row) => {
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
