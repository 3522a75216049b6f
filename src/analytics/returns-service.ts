// Return rates and reasons per product, category or channel, with the split
// that tells a quality problem (defective, not as described) from a transit
// one (damaged in transit, late, wrong item) — metrics.md "Return rate".
import type { Db } from '../db/open.js';
import type { ReturnsReport } from './contract.js';
import { type Period, shopTimeZone, utcRange } from './periods.js';
import { createReturnMaturity, type ReturnLag, stillMaturing } from './return-maturity.js';
import { createReturnsRollupStore } from './returns-rollup-store.js';
import { createReturnsStore, type ReturnedByReasonRow, type ReturnsDimension, type SoldRow } from './returns-store.js';
import { salesRollupOf } from './sales-rollup.js';
import { createSalesRollupStore } from './sales-rollup-store.js';

const groups = ['quality', 'transit', 'fit', 'preference', 'other'] as const;

const maturingOf = (period: Period, lag: ReturnLag) => ({ lagDays: lag.lagDays, source: lag.source, stillArrivingFrom: lag.stillArrivingFrom, current: stillMaturing(period, lag) });

/** Units returned per reason code, most first (ties by code): returns-store.ts's `reasons`, summed from the per-key rows. */
export function reasonsOf(rows: readonly ReturnedByReasonRow[]): { code: string; reasonGroup: string; unitsReturned: number }[] {
  const byCode = new Map<string, { code: string; reasonGroup: string; unitsReturned: number }>();
  for (const row of rows) {
    const id = `${row.code}\u0000${row.reasonGroup}`;
    const reason = byCode.get(id);
    if (reason) reason.unitsReturned += row.unitsReturned;
    else byCode.set(id, { code: row.code, reasonGroup: row.reasonGroup, unitsReturned: row.unitsReturned });
  }
  // SQLite's ORDER BY 3 DESC, 1: codes compared as binary strings (they are ASCII slugs).
  return [...byCode.values()].sort((a, b) => b.unitsReturned - a.unitsReturned || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function createReturnsService(db: Db) {
  const store = createReturnsStore(db);
  const timeZone = shopTimeZone(db);
  const maturity = createReturnMaturity(db);
  const rollup = salesRollupOf(db);
  const rolled = createSalesRollupStore(db);
  const rolledProducts = createReturnsRollupStore(db);
  /** Units sold per key: from the product or channel rollups when they can answer, else from the period's lines. */
  const sold = (dimension: ReturnsDimension, from: string, to: string): SoldRow[] => {
    const range = rollup.hours(from, to);
    if (!range) return store.sold(dimension, from, to);
    return dimension === 'channel' ? rolled.sold(dimension, ...range) : rolledProducts.sold(dimension, ...range);
  };
  return {
    /** With `now`, says whether the period's orders may still see returns (the rates are not final). */
    report(period: Period, dimension: ReturnsDimension, now?: Date): ReturnsReport {
      const [from, to] = utcRange(period, timeZone());
      const rows = new Map<number, ReturnsReport['rows'][number]>();
      for (const row of sold(dimension, from, to)) {
        const key = row.key ?? 0;
        rows.set(key, { key, label: row.label ?? '', unitsSold: row.unitsSold, unitsReturned: 0, refunds: 0, returnRate: null, byGroup: { quality: 0, transit: 0, fit: 0, preference: 0, other: 0 } });
      }
      // One pass over the returned lines gives both the rows' returns and the reasons list.
      const returnedLines = store.returnedByReason(dimension, from, to);
      for (const returned of returnedLines) {
        const row = rows.get(returned.key ?? 0);
        if (!row) continue;
        row.unitsReturned += returned.unitsReturned;
        row.refunds += returned.refunds;
        const group = groups.find((g) => g === returned.reasonGroup) ?? 'other';
        row.byGroup[group] += returned.unitsReturned;
      }
      const list = [...rows.values()].map((row) => ({ ...row, returnRate: row.unitsSold === 0 ? null : row.unitsReturned / row.unitsSold }));
      list.sort((a, b) => b.unitsReturned - a.unitsReturned || a.label.localeCompare(b.label));
      const unitsSold = list.reduce((sum, row) => sum + row.unitsSold, 0);
      const unitsReturned = list.reduce((sum, row) => sum + row.unitsReturned, 0);
      const byGroup = { quality: 0, transit: 0, fit: 0, preference: 0, other: 0 };
      for (const row of list) for (const group of groups) byGroup[group] += row.byGroup[group];
      return {
        period,
        dimension,
        total: { unitsSold, unitsReturned, returnRate: unitsSold === 0 ? null : unitsReturned / unitsSold, byGroup },
        reasons: reasonsOf(returnedLines),
        rows: list,
        returnsMaturing: now ? maturingOf(period, maturity.lag(now, timeZone())) : null,
      };
    },
  };
}
