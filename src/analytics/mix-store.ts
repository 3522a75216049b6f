// The dashboard's sales mix read from the orders (when the hourly rollup cannot
// answer: half-hour time zones, another connection writing) in one pass over the period's lines: net sales,
// units and cost per product with its category. Lines are summed per variant
// before products and categories are looked up (far fewer lookups than one per
// line); the discount and refund rules are the sales report's (report-store.ts).
import type { Db } from '../db/open.js';
import type { ProductSums } from './sales-rollup.js';
import { lineDiscountSql } from './line-discount-sql.js';

/** The same shape as the product rollup's answer, so the mix reads either. */
export type MixProductRow = ProductSums;

export function createMixStore(db: Db) {
  const perProduct = db.prepare<[{ from: string; to: string }], MixProductRow>(
    `WITH sold AS (
       SELECT l.variant_id AS variantId, l.quantity * l.unit_price AS gmv, l.quantity AS units,
              l.quantity * COALESCE(l.unit_cost, 0) AS cogs,
              ${lineDiscountSql} AS discount,
              0 AS refunds, 0 AS cogsReturned
       FROM orders o INDEXED BY orders_by_placed JOIN order_lines l ON l.order_id = o.id
       WHERE o.placed_at >= @from AND o.placed_at < @to AND o.status <> 'cancelled'
       WINDOW w AS (PARTITION BY o.id)
     ), refunded AS (
       SELECT ol.variant_id, 0, 0, 0, 0, rl.refund_amount, rl.quantity * COALESCE(ol.unit_cost, 0)
       FROM returns r INDEXED BY returns_by_date JOIN return_lines rl ON rl.return_id = r.id JOIN order_lines ol ON ol.id = rl.order_line_id
       JOIN orders ro ON ro.id = r.order_id AND ro.status <> 'cancelled'
       WHERE r.returned_at >= @from AND r.returned_at < @to
     ), per_variant AS (
       SELECT variantId, SUM(gmv) AS gmv, SUM(discount) AS discount, SUM(refunds) AS refunds,
              SUM(units) AS units, SUM(cogs) AS cogs, SUM(cogsReturned) AS cogsReturned
       FROM (SELECT * FROM sold UNION ALL SELECT * FROM refunded) GROUP BY variantId
     )
     SELECT COALESCE(p.id, 0) AS productId, COALESCE(p.title, '') AS title,
            COALESCE(c.id, 0) AS categoryId, COALESCE(c.path, '') AS categoryPath,
            SUM(t.gmv) AS gmv, CAST(ROUND(SUM(t.discount)) AS INTEGER) AS discounts, SUM(t.refunds) AS refunds,
            SUM(t.units) AS units, SUM(t.cogs) AS cogsSold, SUM(t.cogsReturned) AS cogsReturned
     FROM per_variant t LEFT JOIN variants v ON v.id = t.variantId LEFT JOIN products p ON p.id = v.product_id
     LEFT JOIN categories c ON c.id = p.category_id
     GROUP BY 1`,
  );
  return { perProduct: (from: string, to: string) => perProduct.all({ from, to }) };
}
