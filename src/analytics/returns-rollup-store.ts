// Units sold per product or (leaf) category for the returns report, from the product rollup (0006/0014):
// products with lines placed in the period, as returns-store.ts's direct `sold` counts them. The hour keys
// come from createSalesRollup(db).hours() (whole UTC hours, rollups current); long periods walk the rollup
// product by product (migration 0018's index) rather than sorting a year of product-hours.
import type { Db } from '../db/open.js';
import { isLongProductPeriod, productRowsIn } from './sales-rollup.js';
import type { SoldRow } from './returns-store.js';

type Hours = { fromHour: string; toHour: string };

export function createReturnsRollupStore(db: Db) {
  const perProduct = (long: boolean) =>
    `SELECT product_id AS productId, SUM(units) AS units FROM ${productRowsIn(long)} GROUP BY product_id HAVING SUM(orders) > 0`;
  const byProduct = (long: boolean) =>
    db.prepare<[Hours], SoldRow>(
      `SELECT s.productId AS key, COALESCE(p.title, '') AS label, s.units AS unitsSold
       FROM (${perProduct(long)}) s LEFT JOIN products p ON p.id = s.productId`,
    );
  const byCategory = (long: boolean) =>
    db.prepare<[Hours], SoldRow>(
      `SELECT COALESCE(c.id, 0) AS key, COALESCE(c.path, '') AS label, SUM(s.units) AS unitsSold
       FROM (${perProduct(long)}) s LEFT JOIN products p ON p.id = s.productId LEFT JOIN categories c ON c.id = p.category_id
       GROUP BY 1`,
    );
  const statements = {
    product: { short: byProduct(false), long: byProduct(true) },
    category: { short: byCategory(false), long: byCategory(true) },
  };
  return {
    /** Units sold in [fromHour, toHour) per product or category with lines placed in it (product 0: lines without a variant). */
    sold(dimension: 'product' | 'category', fromHour: string, toHour: string): SoldRow[] {
      const pair = statements[dimension];
      return (isLongProductPeriod(fromHour, toHour) ? pair.long : pair.short).all({ fromHour, toHour });
    },
  };
}
