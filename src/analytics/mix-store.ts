// The dashboard's sales mix: per category sums and the candidates for the top and bottom products.
// From the product rollup (mixFromRollup) the categories are summed and the products ranked in SQL,
// and only the few ranked products (with their titles) reach JavaScript — not one row per product
// sold. From the orders (perProduct, when the hourly rollup cannot answer: half-hour time zones,
// another connection writing) in one pass over the period's lines: net sales, units and cost per
// product with its category. Lines are summed per variant before products and categories are looked
// up (far fewer lookups than one per line); the discount and refund rules are the sales report's
// (report-store.ts).
import type { Db } from '../db/open.js';
import { isLongProductPeriod, productRowsIn, type ProductSums } from './sales-rollup.js';
import { lineDiscountSql } from './line-discount-sql.js';

/** The same shape as the product rollup's answer, so the mix reads either. */
export type MixProductRow = ProductSums;

/** Sums of one category or one product of the mix: `key` its id (0: none), `label` its path or title. */
export interface MixSums {
  key: number;
  label: string;
  gmv: number;
  discounts: number;
  refunds: number;
  units: number;
  cogsSold: number;
  cogsReturned: number;
}

type Hours = { fromHour: string; toHour: string; ranked: number };

// Per product sums as the rollup's byProduct reads them (discounts rounded per product), then per
// category over all of them, and the products whose net sales reach the `ranked`-th highest or lowest
// (bounded sorts: LIMIT keeps `ranked` rows, where ranking every product sorts them all twice). Every
// product tied with the last one shown is a candidate, so the service sorts the candidates with its own
// tie-break (titles, compared as JavaScript compares them) and picks exactly what sorting every product
// would; with fewer products than `ranked`, all are. Candidates come in product id order, the order the
// per product rows came in before (a stable sort keeps equal rows in it). `sums` is used four
// times and computed once (MATERIALIZED: a CTE read like a view would run again at each use, ≈ 5x slower).
const mixFromRollupSql = (long: boolean) =>
  `WITH sums AS MATERIALIZED (
     SELECT product_id AS productId, SUM(gmv) AS gmv, CAST(ROUND(SUM(discounts)) AS INTEGER) AS discounts, SUM(refunds) AS refunds,
            SUM(units) AS units, SUM(cogs_sold) AS cogsSold, SUM(cogs_returned) AS cogsReturned,
            SUM(gmv) - CAST(ROUND(SUM(discounts)) AS INTEGER) - SUM(refunds) AS net
     FROM ${productRowsIn(long)} GROUP BY product_id
   )
   SELECT 'category' AS kind, COALESCE(c.id, 0) AS key, COALESCE(MIN(c.path), '') AS label, SUM(s.gmv) AS gmv, SUM(s.discounts) AS discounts,
          SUM(s.refunds) AS refunds, SUM(s.units) AS units, SUM(s.cogsSold) AS cogsSold, SUM(s.cogsReturned) AS cogsReturned
   FROM sums s LEFT JOIN products p ON p.id = s.productId LEFT JOIN categories c ON c.id = p.category_id
   GROUP BY COALESCE(c.id, 0)
   UNION ALL
   SELECT * FROM (
     SELECT 'product' AS kind, s.productId AS key, COALESCE(p.title, '') AS label, s.gmv, s.discounts, s.refunds, s.units, s.cogsSold, s.cogsReturned
     FROM sums s LEFT JOIN products p ON p.id = s.productId
     WHERE s.net >= COALESCE((SELECT net FROM sums ORDER BY net DESC LIMIT 1 OFFSET @ranked - 1), s.net)
        OR s.net <= COALESCE((SELECT net FROM sums ORDER BY net LIMIT 1 OFFSET @ranked - 1), s.net)
     ORDER BY s.productId
   ) candidates`;

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
  const fromRollup = (long: boolean) => db.prepare<[Hours], MixSums & { kind: 'category' | 'product' }>(mixFromRollupSql(long));
  const rolledShort = fromRollup(false);
  const rolledLong = fromRollup(true);
  return {
    perProduct: (from: string, to: string) => perProduct.all({ from, to }),
    /**
     * From the product rollup's hours [fromHour, toHour): every category's sums, and the products ranked
     * within `ranked` from the top or the bottom by net sales (all of those tied at the edge included).
     */
    mixFromRollup(fromHour: string, toHour: string, ranked: number): { categories: MixSums[]; products: MixSums[] } {
      const categories: MixSums[] = [];
      const products: MixSums[] = [];
      for (const { kind, ...sums } of (isLongProductPeriod(fromHour, toHour) ? rolledLong : rolledShort).all({ fromHour, toHour, ranked })) {
        (kind === 'category' ? categories : products).push(sums);
      }
      return { categories, products };
    },
  };
}
