// Return rates and reasons per product, category or channel, with the split
// that tells a quality problem (defective, not as described) from a transit
// one (damaged in transit, late, wrong item) — metrics.md "Return rate".
import type { Db } from '../db/open.js';
import type { ReturnsReport } from './contract.js';
import { type Period, shopTimeZone, utcRange } from './periods.js';
import { createReturnMaturity, type ReturnLag, stillMaturing } from './return-maturity.js';
import { createReturnsStore, type ReturnsDimension, type SoldRow } from './returns-store.js';
import { createSalesRollup } from './sales-rollup.js';
import { createSalesRollupStore } from './sales-rollup-store.js';

const groups = ['quality', 'transit', 'fit', 'preference', 'other'] as const;

const maturingOf = (period: Period, lag: ReturnLag) => ({ lagDays: lag.lagDays, source: lag.source, stillArrivingFrom: lag.stillArrivingFrom, current: stillMaturing(period, lag) });

export function createReturnsService(db: Db) {
  const store = createReturnsStore(db);
  const timeZone = shopTimeZone(db);
  const maturity = createReturnMaturity(db);
  const rollup = createSalesRollup(db);
  const rolled = createSalesRollupStore(db);
  /** Units sold per key: from the product or channel rollups when they can answer, else from the period's lines. */
  const sold = (dimension: ReturnsDimension, from: string, to: string): SoldRow[] => {
    const range = rollup.hours(from, to);
    return range ? rolled.sold(dimension, ...range) : store.sold(dimension, from, to);
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
      for (const returned of store.returned(dimension, from, to)) {
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
        reasons: store.reasons(from, to),
        rows: list,
        returnsMaturing: now ? maturingOf(period, maturity.lag(now, timeZone())) : null,
      };
    },
  };
}
