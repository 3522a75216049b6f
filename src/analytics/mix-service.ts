// The dashboard's sales mix: net sales per category, and the top and bottom
// products of a period. Bottom = the lowest net sales among products with sales
// or refunds in the period. From the rollup, the store sums the categories and
// ranks the products in SQL (only the candidates reach here); from the orders,
// every product's row does, and the categories are summed here. Either way the
// same sort below picks what is shown.
import type { Db } from '../db/open.js';
import type { MixRow } from './contract.js';
import { createMixStore, type MixProductRow, type MixSums } from './mix-store.js';
import { shopTimeZone, utcRange, type Period } from './periods.js';
import { salesRollupOf } from './sales-rollup.js';

function mixRow(key: number, label: string, rows: readonly Omit<MixSums, 'key' | 'label'>[]): MixRow {
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

/** Every product's row (read from the orders) as the rollup path's category sums and candidates. */
function summed(rows: readonly MixProductRow[]): { categories: MixSums[]; products: MixSums[] } {
  const perCategory = new Map<number, MixSums>();
  for (const row of rows) {
    const sums = perCategory.get(row.categoryId);
    if (!sums) {
      perCategory.set(row.categoryId, { key: row.categoryId, label: row.categoryPath, gmv: row.gmv, discounts: row.discounts, refunds: row.refunds,
        units: row.units, cogsSold: row.cogsSold, cogsReturned: row.cogsReturned });
      continue;
    }
    for (const key of ['gmv', 'discounts', 'refunds', 'units', 'cogsSold', 'cogsReturned'] as const) sums[key] += row[key];
  }
  return { categories: [...perCategory.values()], products: rows.map((row) => ({ ...row, key: row.productId, label: row.title })) };
}

export function createMixService(db: Db) {
  const store = createMixStore(db);
  const rollup = salesRollupOf(db);
  const timeZone = shopTimeZone(db);
  return {
    salesMix(period: Period, products: number, categories: number) {
      const [from, to] = utcRange(period, timeZone());
      const range = rollup.hours(from, to);
      const sums = range ? store.mixFromRollup(...range, products) : summed(store.perProduct(from, to));
      const categoryRows = sums.categories.map((c) => mixRow(c.key, c.label, [c])).sort(byNetSales);
      const productRows = sums.products.map((p) => mixRow(p.key, p.label, [p])).sort(byNetSales);
      const rest = sums.categories.filter((c) => !categoryRows.slice(0, categories).some((shown) => shown.key === c.key));
      return {
        categories: categoryRows.slice(0, categories),
        otherCategories: categoryRows.length > categories ? mixRow(-1, '', rest) : null,
        top: productRows.slice(0, products),
        bottom: productRows.slice(-products).reverse(),
      };
    },
  };
}
