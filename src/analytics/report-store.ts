// SQL for the sales report by channel, location, category or product. Each
// line carries its share of its order's discounts (the line's own discount
// plus the order-level rest, split by the line's share of the order's GMV),
// and refunds count in the period they happened, against the line refunded.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';
import { lineDiscountSql } from './line-discount-sql.js';

/** Dimensions SQL groups by; the service groups customers into segments and reads time buckets elsewhere. */
export type ReportDimension = 'channel' | 'location' | 'category' | 'product' | 'customer';

export interface ReportRow {
  key: number;
  label: string;
  gmv: number;
  discounts: number;
  refunds: number;
  orders: number;
  units: number;
  cogsSold: number;
  cogsReturned: number;
}

const dimensionSql: Record<ReportDimension, { key: string; label: string; joins: string }> = {
  channel: { key: 'o.channel_id', label: 'ch.name', joins: 'JOIN channels ch ON ch.id = o.channel_id' },
  location: { key: 'o.location_id', label: 'loc.name', joins: 'JOIN locations loc ON loc.id = o.location_id' },
  category: {
    key: 'COALESCE(c.id, 0)',
    label: "COALESCE(c.path, '')",
    joins: 'LEFT JOIN variants v ON v.id = l.variant_id LEFT JOIN products p ON p.id = v.product_id LEFT JOIN categories c ON c.id = p.category_id',
  },
  product: { key: 'COALESCE(p.id, 0)', label: "COALESCE(p.title, MIN(l.title))", joins: 'LEFT JOIN variants v ON v.id = l.variant_id LEFT JOIN products p ON p.id = v.product_id' },
  // (Lines without a variant, product 0, are labelled with the least of their titles: one answer whichever row comes last.)
  // Guests (no customer) are key 0.
  customer: { key: 'COALESCE(o.customer_id, 0)', label: "''", joins: '' },
};

// Lines of products in the category @category or below it (by its path), when one is given.
const inCategory = `(@category IS NULL OR l.variant_id IN (
  SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id
  WHERE p.category_id IN (SELECT id FROM categories WHERE id = @category OR path LIKE (SELECT path FROM categories WHERE id = @category) || ' > %')))`;

type Params = { from: string; to: string; category: number | null };

export function createReportStore(db: Db) {
  const cache = new Map<ReportDimension, Statement<[Params], ReportRow>>();
  const statement = (dimension: ReportDimension) => {
    let prepared = cache.get(dimension);
    if (!prepared) {
      const { key, label, joins } = dimensionSql[dimension];
      prepared = db.prepare<[Params], ReportRow>(
        `WITH sold AS (
           SELECT o.id AS orderId, l.id AS lineId, l.quantity * l.unit_price AS gmv, l.quantity AS units,
                  l.quantity * COALESCE(l.unit_cost, 0) AS cogs,
                  ${lineDiscountSql} AS discount
           FROM orders o INDEXED BY orders_by_placed JOIN order_lines l ON l.order_id = o.id
           WHERE o.placed_at >= @from AND o.placed_at < @to AND o.status <> 'cancelled'
           WINDOW w AS (PARTITION BY o.id)
         ), refunded AS (
           SELECT rl.order_line_id AS lineId, SUM(rl.refund_amount) AS refunds, SUM(rl.quantity * COALESCE(ol.unit_cost, 0)) AS cogsReturned
           FROM returns r JOIN return_lines rl ON rl.return_id = r.id JOIN order_lines ol ON ol.id = rl.order_line_id
           JOIN orders ro ON ro.id = r.order_id AND ro.status <> 'cancelled'
           WHERE r.returned_at >= @from AND r.returned_at < @to
           GROUP BY rl.order_line_id
         ), touched AS (
           SELECT lineId, gmv, units, cogs, discount, 0 AS refunds, 0 AS cogsReturned, orderId FROM sold
           UNION ALL
           SELECT r.lineId, 0, 0, 0, 0, r.refunds, r.cogsReturned, NULL FROM refunded r
         )
         SELECT ${key} AS key, ${label} AS label,
                SUM(t.gmv) AS gmv, CAST(ROUND(SUM(t.discount)) AS INTEGER) AS discounts, SUM(t.refunds) AS refunds,
                COUNT(DISTINCT t.orderId) AS orders, SUM(t.units) AS units, SUM(t.cogs) AS cogsSold, SUM(t.cogsReturned) AS cogsReturned
         FROM touched t JOIN order_lines l ON l.id = t.lineId JOIN orders o ON o.id = l.order_id ${joins}
         WHERE ${inCategory}
         GROUP BY 1`,
      );
      cache.set(dimension, prepared);
    }
    return prepared;
  };
  return {
    rows: (dimension: ReportDimension, from: string, to: string, category?: number): ReportRow[] => statement(dimension).all({ from, to, category: category ?? null }),
  };
}
