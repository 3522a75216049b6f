// SQL for the sales report by channel, location, category, product or customer
// (and the shop's total, for time buckets). Each line carries its share of its
// order's discounts (the line's own discount plus the order-level rest, split
// by the line's share of the order's GMV), and refunds count in the period they
// happened, against the line refunded. This is the definition the rollups
// (sales-rollup-store.ts) are checked against.
//
// Plans (measured on the large demo shop): the discount share is a window over
// each order's lines, which SQLite sorts by order unless the orders arrive in id
// order. A short period reads its own range of orders_by_placed (a small sort);
// a long one walks the orders in id order and skips the other dates (a year:
// 1.4 s of sorting → one pass). Each row carries the attributes the dimensions
// group by, so the lines and orders are not looked up a second time.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';
import { lineDiscountSql } from './line-discount-sql.js';

/** Dimensions SQL groups by; the service groups customers into segments. 'total' is one row (time buckets sum it). */
export type ReportDimension = 'channel' | 'location' | 'category' | 'product' | 'customer' | 'total';

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

/** Periods longer than this walk the orders in id order instead of sorting the period's lines by order. */
export const orderScanAboveDays = 45;

// Per dimension: the one attribute a touched line `t` carries as `dim` (from a sold line `o`/`l` or a refunded line's
// order `lo` and line `ol`), its key (with the joins the key needs, per line), and the label joined once per group `g`.
interface DimensionSql {
  /** Whether every line of an order has the order's key (its channel, location, customer): then whole orders can be summed. */
  perOrder: boolean;
  sold: string;
  refunded: string;
  key: string;
  keyJoins: string;
  label: string;
  labelJoins: string;
}
const dimensionSql: Record<ReportDimension, DimensionSql> = {
  channel: {
    perOrder: true,
    sold: 'o.channel_id', refunded: 'lo.channel_id', key: 't.dim', keyJoins: '',
    label: 'ch.name', labelJoins: 'JOIN channels ch ON ch.id = g.key',
  },
  location: {
    perOrder: true,
    sold: 'o.location_id', refunded: 'lo.location_id', key: 't.dim', keyJoins: '',
    label: 'loc.name', labelJoins: 'JOIN locations loc ON loc.id = g.key',
  },
  category: {
    perOrder: false,
    sold: 'NULL', refunded: 'NULL', key: 'COALESCE(c.id, 0)',
    keyJoins: 'LEFT JOIN variants v ON v.id = t.variantId LEFT JOIN products p ON p.id = v.product_id LEFT JOIN categories c ON c.id = p.category_id',
    label: "COALESCE(gc.path, '')", labelJoins: 'LEFT JOIN categories gc ON gc.id = g.key',
  },
  // (Lines without a variant, product 0, are labelled with the least of their titles: one answer whichever row comes last.)
  product: {
    perOrder: false,
    sold: 'l.title', refunded: 'ol.title', key: 'COALESCE(p.id, 0)',
    keyJoins: 'LEFT JOIN variants v ON v.id = t.variantId LEFT JOIN products p ON p.id = v.product_id',
    label: 'COALESCE(gp.title, g.title)', labelJoins: 'LEFT JOIN products gp ON gp.id = g.key',
  },
  // Guests (no customer) are key 0.
  customer: { perOrder: true, sold: 'o.customer_id', refunded: 'lo.customer_id', key: 'COALESCE(t.dim, 0)', keyJoins: '', label: "''", labelJoins: '' },
  total: { perOrder: true, sold: 'NULL', refunded: 'NULL', key: '0', keyJoins: '', label: "''", labelJoins: '' },
};

/** Variants of products in the category @category or below it (by its path). */
export const categoryVariantsSql = `SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id
  WHERE p.category_id IN (SELECT id FROM categories WHERE id = @category OR path LIKE (SELECT path FROM categories WHERE id = @category) || ' > %')`;

// Lines of products in the category @category or below it. (Only in the statements for one category: SQLite pushes
// the condition into each line's row, and `@category IS NULL OR …` still costs a probe per line.)
const inCategory = `t.variantId IN (${categoryVariantsSql})`;

const orderAccess = {
  range: { from: 'orders o INDEXED BY orders_by_placed', where: 'o.placed_at >= @from AND o.placed_at < @to' },
  scan: { from: 'orders o NOT INDEXED', where: '+o.placed_at >= @from AND +o.placed_at < @to' },
};

type Params = { from: string; to: string; category?: number };
export type OrderAccess = keyof typeof orderAccess;
type Access = OrderAccess;

/** Whole orders at a time ('order') or line by line ('line'); see reportSql. */
export type ReportGrain = 'line' | 'order';

/**
 * The statement of one dimension read through one access path to the orders (both paths give the same rows).
 * Line by line is the definition: each line's share of its order's discounts, a window over the order's lines.
 * Where every line of an order has the order's key (channel, location, customer, the total) and no category
 * filters lines, the same sums are taken a whole order at a time — the shares of an order's lines add up to
 * Σ own discounts + (order discount − Σ own discounts) × GMV / max(GMV, 1) — with no window to buffer, and an
 * order counted once by its one row. Tests hold the two grains equal.
 */
export function reportSql(
  dimension: ReportDimension,
  access: Access,
  oneCategory: boolean,
  grain: ReportGrain = dimensionSql[dimension].perOrder && !oneCategory ? 'order' : 'line',
): string {
  const { sold, refunded, key, keyJoins, label, labelJoins } = dimensionSql[dimension];
  const orders = orderAccess[access];
  const orderCount = grain === 'order' ? 'SUM(t.orderId IS NOT NULL)' : 'COUNT(DISTINCT t.orderId)';
  // Only the dimension's own attribute rides along (`dim`): the window buffers each order's rows.
  const soldSql =
    grain === 'order'
      ? `SELECT o.id AS orderId, ${sold} AS dim, NULL AS variantId,
              SUM(l.quantity * l.unit_price) AS gmv, SUM(l.quantity) AS units, SUM(l.quantity * COALESCE(l.unit_cost, 0)) AS cogs,
              SUM(l.discount) + (o.discount_total - SUM(l.discount)) * (SUM(l.quantity * l.unit_price) * 1.0) / MAX(SUM(l.quantity * l.unit_price), 1) AS discount
       FROM ${orders.from} JOIN order_lines l ON l.order_id = o.id
       WHERE ${orders.where} AND o.status <> 'cancelled'
       GROUP BY o.id`
      : `SELECT o.id AS orderId, ${sold} AS dim, l.variant_id AS variantId,
              l.quantity * l.unit_price AS gmv, l.quantity AS units, l.quantity * COALESCE(l.unit_cost, 0) AS cogs,
              ${lineDiscountSql} AS discount
       FROM ${orders.from} JOIN order_lines l ON l.order_id = o.id
       WHERE ${orders.where} AND o.status <> 'cancelled'
       WINDOW w AS (PARTITION BY o.id)`;
  return `WITH sold AS (
       ${soldSql}
     ), refunded AS (
       -- Against the line refunded (its own order's attributes), when the return's order is not cancelled.
       SELECT ${refunded} AS dim, ol.variant_id AS variantId, rl.refund_amount AS refunds, rl.quantity * COALESCE(ol.unit_cost, 0) AS cogsReturned
       FROM returns r INDEXED BY returns_by_date JOIN return_lines rl ON rl.return_id = r.id JOIN order_lines ol ON ol.id = rl.order_line_id
       JOIN orders ro ON ro.id = r.order_id AND ro.status <> 'cancelled'
       JOIN orders lo ON lo.id = ol.order_id
       WHERE r.returned_at >= @from AND r.returned_at < @to
     ), touched AS (
       SELECT orderId, dim, variantId, gmv, units, cogs, discount, 0 AS refunds, 0 AS cogsReturned FROM sold
       UNION ALL
       SELECT NULL, dim, variantId, 0, 0, 0, 0, refunds, cogsReturned FROM refunded
     ), grouped AS (
       SELECT ${key} AS key, MIN(t.dim) AS title, -- (the least title: only the product rows read it)
              SUM(t.gmv) AS gmv, CAST(ROUND(SUM(t.discount)) AS INTEGER) AS discounts, SUM(t.refunds) AS refunds,
              ${orderCount} AS orders, SUM(t.units) AS units, SUM(t.cogs) AS cogsSold, SUM(t.cogsReturned) AS cogsReturned
       FROM touched t ${keyJoins}
       ${oneCategory ? `WHERE ${inCategory}` : ''}
       GROUP BY 1
     )
     SELECT g.key, ${label} AS label, g.gmv, g.discounts, g.refunds, g.orders, g.units, g.cogsSold, g.cogsReturned
     FROM grouped g ${labelJoins}`;
}

export function createReportStore(db: Db) {
  const cache = new Map<string, Statement<[Params], ReportRow>>();
  const statement = (dimension: ReportDimension, access: Access, oneCategory: boolean) => {
    const name = `${dimension} ${access} ${oneCategory}`;
    let prepared = cache.get(name);
    if (!prepared) {
      prepared = db.prepare<[Params], ReportRow>(reportSql(dimension, access, oneCategory));
      cache.set(name, prepared);
    }
    return prepared;
  };
  // Distinct orders with a line of the category @category (or below it), per time bucket: the count no rollup holds
  // (an order with lines of two products or leaf categories counts once). Each bucket is a range of orders_by_placed.
  const categoryOrdersByBucket = db.prepare<[{ buckets: string; category: number }], { i: number; orders: number }>(
    `SELECT b.key AS i, COUNT(DISTINCT o.id) AS orders
     FROM json_each(@buckets) b
     JOIN orders o INDEXED BY orders_by_placed ON o.placed_at >= b.value ->> 'start' AND o.placed_at < b.value ->> 'end' AND o.status <> 'cancelled'
     JOIN order_lines l ON l.order_id = o.id
     WHERE l.variant_id IN (${categoryVariantsSql})
     GROUP BY b.key`,
  );
  return {
    rows(dimension: ReportDimension, from: string, to: string, category?: number): ReportRow[] {
      const access: Access = Date.parse(to) - Date.parse(from) > orderScanAboveDays * 86_400_000 ? 'scan' : 'range';
      return statement(dimension, access, category !== undefined).all(category === undefined ? { from, to } : { from, to, category });
    },
    /** Distinct non-cancelled orders with a line in the category (or below it) per bucket [start, end) (UTC instants), in bucket order. */
    categoryOrders(buckets: readonly { start: string; end: string }[], category: number): number[] {
      const counts = new Array<number>(buckets.length).fill(0);
      const json = JSON.stringify(buckets.map((b) => ({ start: b.start, end: b.end })));
      for (const row of categoryOrdersByBucket.all({ buckets: json, category })) counts[row.i] = row.orders;
      return counts;
    },
  };
}
