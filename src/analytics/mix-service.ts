// The dashboard's sales mix: net sales per category, and the top and bottom
// products of a period, all from one pass (mix-store.ts). Bottom = the lowest
// net sales among products with sales or refunds in the period.
import type { Db } from '../db/open.js';
import type { MixRow } from './contract.js';
import { createMixStore, type MixProductRow } from './mix-store.js';
import { shopTimeZone, utcRange, type Period } from './periods.js';
import { salesRollupOf } from './sales-rollup.js';

function mixRow(key: number, label: string, rows: readonly MixProductRow[]): MixRow {
  let netSales = 0;
  let units = 0;
  let cogs = 0;
  for (const row of rows) {
    netSales += row.gmv - row.discounts - row.refunds;
    units += row.units;
    cogs += row.cogsSold - row.cogsReturned;
  }
  return { key, label, netSales, units, grossProfit: netSales - cogs };
}

const byNetSales = (a: MixRow, b: MixRow) => b.netSales - a.netSales || a.label.localeCompare(b.label);

export function createMixService(db: Db) {
  const store = createMixStore(db);
  const rollup = salesRollupOf(db);
  const timeZone = shopTimeZone(db);
  return {
    salesMix(period: Period, products: number, categories: number) {
      const [from, to] = utcRange(period, timeZone());
      const rows: MixProductRow[] = rollup.byProduct(from, to) ?? store.perProduct(from, to);
      const perCategory = new Map<number, MixProductRow[]>();
      for (const row of rows) {
        const members = perCategory.get(row.categoryId);
        if (members) members.push(row);
        else perCategory.set(row.categoryId, [row]);
      }
      const categoryRows = [...perCategory].map(([key, members]) => mixRow(key, members[0]?.categoryPath ?? '', members)).sort(byNetSales);
      const shown = new Set(categoryRows.slice(0, categories).map((c) => c.key));
      const productRows = rows.map((row) => mixRow(row.productId, row.title, [row])).sort(byNetSales);
      return {
        categories: categoryRows.slice(0, categories),
        otherCategories: categoryRows.length > categories ? mixRow(-1, '', rows.filter((r) => !shown.has(r.categoryId))) : null,
        top: productRows.slice(0, products),
        bottom: productRows.slice(-products).reverse(),
      };
    },
  };
}
