// The hourly sales rollups (migrations 0006 and 0014: per channel, product,
// category, variant and customer): brings dirty hours up to date and answers
// period sums from them. Every figure is recomputed from the orders with
// the same rules as kpi-store.ts, so the rollup is a cache, never a second
// definition. A period can use it when its UTC bounds fall on whole hours
// (every whole-hour time zone); otherwise — or while another connection holds
// the write lock, e.g. an import being applied — callers read the orders.
// A refresh reads the dirty hours' orders and lines once (rollup-dirty-lines.ts) and writes only the rows
// whose values changed (rollup-apply.ts), so 1,000 new orders cost what their hours hold, not a rewrite of
// every variant and customer row of those hours.
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { writeWithoutWaiting } from '../db/write-without-waiting.js';
import { createRollupApply } from './rollup-apply.js';
import { createDirtyLines, dirtyBatch, dirtyLines } from './rollup-dirty-lines.js';

export interface RollupSums {
  channelId: number;
  orders: number;
  gmv: number;
  discounts: number;
  units: number;
  cogsSold: number;
  newCustomers: number;
  unitsReturned: number;
  refunds: number;
  cogsReturned: number;
}

/** A product's sums over a period, with its category (ids 0: no product / no category). */
export interface ProductSums {
  productId: number;
  title: string;
  categoryId: number;
  categoryPath: string;
  gmv: number;
  discounts: number;
  refunds: number;
  units: number;
  cogsSold: number;
  cogsReturned: number;
}

/** 'YYYY-MM-DDTHH' of an ISO instant that is a whole UTC hour, else undefined. */
export function wholeHour(iso: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:00:00(\.000)?Z$/.test(iso) ? iso.slice(0, 13) : undefined;
}

/** Hours between two hour keys ('YYYY-MM-DDTHH'). */
export function hoursBetween(fromHour: string, toHour: string): number {
  return (Date.parse(`${toHour}:00:00Z`) - Date.parse(`${fromHour}:00:00Z`)) / 3_600_000;
}

/**
 * Periods longer than this read the product rollup product by product (migration 0018's index), shorter ones
 * by hour. By hour, rows come in hour order and grouping them by product sorts them all: cheap for a month
 * (≈ 57,000 rows on the large demo), ≈ 7x a bare scan of the order lines for a year (≈ 550,000). The walk of
 * the by-product index reads the whole table (two years: ≈ 975,000 entries) already grouped, ≈ 2x; the two
 * cost the same at about four months.
 */
export const productWalkAboveHours = 24 * 120;

export const isLongProductPeriod = (fromHour: string, toHour: string): boolean => hoursBetween(fromHour, toHour) > productWalkAboveHours;

/**
 * FROM … WHERE … of the product rollup rows in [@fromHour, @toHour), in the order that suits the period
 * (see productWalkAboveHours): `GROUP BY product_id` after it sorts nothing on the long path.
 */
export function productRowsIn(long: boolean): string {
  return long
    ? 'sales_product_hourly INDEXED BY sales_product_hourly_by_product WHERE +hour >= @fromHour AND +hour < @toHour'
    : 'sales_product_hourly WHERE hour >= @fromHour AND hour < @toHour';
}

const sums = `COALESCE(SUM(orders), 0) AS orders, COALESCE(SUM(gmv), 0) AS gmv, COALESCE(SUM(discounts), 0) AS discounts,
  COALESCE(SUM(units), 0) AS units, COALESCE(SUM(cogs_sold), 0) AS cogsSold, COALESCE(SUM(new_customers), 0) AS newCustomers,
  COALESCE(SUM(units_returned), 0) AS unitsReturned, COALESCE(SUM(refunds), 0) AS refunds, COALESCE(SUM(cogs_returned), 0) AS cogsReturned`;

// A return counts when its order is not cancelled. Read as a lookup per return rather than a filter on
// a join to orders: given a filter there, SQLite (3.38+, with statistics) may first build a Bloom filter
// over every order — a pass over half a million orders to refresh the handful of returns of a dirty hour.
const returnOrderKept = "(SELECT status FROM orders WHERE id = r.order_id) <> 'cancelled'";

/** Dirty hours recomputed together: a month of hours (a first build of two years takes 25 batches). */
const batchHours = 24 * 30;

export function createSalesRollup(db: Db) {
  const dirtyCount = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM sales_hourly_dirty');
  // The dirty hours' orders and lines, read once for every rollup below (rollup-dirty-lines.ts); the returns
  // of the dirty hours are found by their own date. An hour 'H' is the key range ['H:', 'H;') of ISO timestamps.
  const lines = createDirtyLines(db);
  const rebuild = createRollupApply(
    db,
    { table: 'sales_hourly', key: ['hour', 'channel_id'], values: ['orders', 'gmv', 'discounts', 'units', 'cogs_sold', 'new_customers', 'units_returned', 'refunds', 'cogs_returned'] },
    `SELECT hour, channel_id, SUM(orders), SUM(gmv), SUM(discounts), SUM(units), SUM(cogs_sold), SUM(new_customers), SUM(units_returned), SUM(refunds), SUM(cogs_returned)
     FROM (
       SELECT o.hour, o.channel_id, COUNT(*) AS orders, SUM(o.gmv) AS gmv, SUM(o.discount_total) AS discounts, SUM(o.units) AS units,
              SUM(o.cogs) AS cogs_sold,
              -- The customer's first non-cancelled order ever (ties on the same instant by id).
              SUM(o.customer_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM orders e WHERE e.customer_id = o.customer_id AND e.status <> 'cancelled'
                  AND (e.placed_at < o.placed_at OR (e.placed_at = o.placed_at AND e.id < o.order_id)))) AS new_customers,
              0 AS units_returned, 0 AS refunds, 0 AS cogs_returned
       FROM (
         -- One row per order, its lines summed (NULL for an order without lines).
         SELECT hour, order_id, channel_id, customer_id, placed_at, discount_total, SUM(quantity * unit_price) AS gmv, SUM(quantity) AS units,
                SUM(quantity * COALESCE(unit_cost, 0)) AS cogs
         FROM ${dirtyLines} GROUP BY order_id
       ) o
       GROUP BY o.hour, o.channel_id
       UNION ALL
       SELECT o.hour, o.channel_id, 0, 0, 0, 0, 0, 0, SUM(rl.quantity), 0, 0
       -- CROSS JOIN keeps the dirty orders first (left to itself SQLite may walk every return instead).
       FROM (SELECT DISTINCT hour, order_id, channel_id FROM ${dirtyLines}) o
       CROSS JOIN returns r INDEXED BY returns_by_order
       JOIN return_lines rl ON rl.return_id = r.id
       WHERE r.order_id = o.order_id
       GROUP BY o.hour, o.channel_id
       UNION ALL
       SELECT d.hour, o.channel_id, 0, 0, 0, 0, 0, 0, 0, SUM(rl.refund_amount), SUM(rl.quantity * COALESCE(ol.unit_cost, 0))
       FROM ${dirtyBatch} d
       JOIN returns r INDEXED BY returns_by_date ON r.returned_at >= d.hour || ':' AND r.returned_at < d.hour || ';'
       JOIN return_lines rl ON rl.return_id = r.id
       JOIN order_lines ol ON ol.id = rl.order_line_id
       JOIN orders o ON o.id = r.order_id
       WHERE ${returnOrderKept}
       GROUP BY d.hour, o.channel_id
     )
     GROUP BY hour, channel_id`,
  );
  const rebuildProducts = createRollupApply(
    db,
    { table: 'sales_product_hourly', key: ['hour', 'product_id'], values: ['gmv', 'discounts', 'units', 'cogs_sold', 'refunds', 'cogs_returned', 'orders'] },
    `SELECT hour, productId, SUM(gmv), SUM(discount), SUM(units), SUM(cogs), SUM(refunds), SUM(cogsReturned), COUNT(DISTINCT orderId)
     FROM (
       SELECT l.hour, COALESCE(v.product_id, 0) AS productId, l.order_id AS orderId, l.quantity * l.unit_price AS gmv, l.quantity AS units,
              l.quantity * COALESCE(l.unit_cost, 0) AS cogs, l.share AS discount, 0 AS refunds, 0 AS cogsReturned
       FROM ${dirtyLines} l
       LEFT JOIN variants v ON v.id = l.variant_id
       WHERE l.line_id IS NOT NULL
       UNION ALL
       SELECT d.hour, COALESCE(v.product_id, 0), NULL, 0, 0, 0, 0, rl.refund_amount, rl.quantity * COALESCE(ol.unit_cost, 0)
       FROM ${dirtyBatch} d
       JOIN returns r INDEXED BY returns_by_date ON r.returned_at >= d.hour || ':' AND r.returned_at < d.hour || ';'
       JOIN return_lines rl ON rl.return_id = r.id
       JOIN order_lines ol ON ol.id = rl.order_line_id
       LEFT JOIN variants v ON v.id = ol.variant_id
       WHERE ${returnOrderKept}
     )
     GROUP BY hour, productId`,
  );
  const rebuildCategories = createRollupApply(
    db,
    { table: 'sales_category_hourly', key: ['hour', 'category_id'], values: ['orders'] },
    `SELECT l.hour, COALESCE(p.category_id, 0), COUNT(DISTINCT l.order_id)
     FROM ${dirtyLines} l
     LEFT JOIN variants v ON v.id = l.variant_id LEFT JOIN products p ON p.id = v.product_id
     WHERE l.line_id IS NOT NULL
     GROUP BY l.hour, COALESCE(p.category_id, 0)`,
  );
  const rebuildVariants = createRollupApply(
    db,
    { table: 'sales_variant_hourly', key: ['variant_id', 'hour'], values: ['orders', 'units', 'gmv', 'own_discounts', 'discounts', 'cogs_sold', 'last_placed_at', 'units_returned', 'refunds', 'cogs_returned', 'units_refunded'] },
    `SELECT variantId, hour, SUM(orders), SUM(units), SUM(gmv), SUM(ownDiscounts), SUM(discounts), SUM(cogs), MAX(lastPlacedAt),
            SUM(unitsReturned), SUM(refunds), SUM(cogsReturned), SUM(unitsRefunded)
     FROM (
       SELECT variantId, hour, COUNT(DISTINCT orderId) AS orders, SUM(units) AS units, SUM(gmv) AS gmv, SUM(ownDiscount) AS ownDiscounts,
              SUM(discount) AS discounts, SUM(cogs) AS cogs, MAX(placedAt) AS lastPlacedAt,
              0 AS unitsReturned, 0 AS refunds, 0 AS cogsReturned, 0 AS unitsRefunded
       FROM (
         SELECT l.hour, COALESCE(l.variant_id, 0) AS variantId, l.order_id AS orderId, l.placed_at AS placedAt, l.quantity AS units,
                l.quantity * l.unit_price AS gmv, l.discount AS ownDiscount, l.share AS discount, l.quantity * COALESCE(l.unit_cost, 0) AS cogs
         FROM ${dirtyLines} l
         WHERE l.line_id IS NOT NULL
       )
       GROUP BY hour, variantId
       UNION ALL
       -- Units later returned from the lines placed in the hour.
       SELECT COALESCE(l.variant_id, 0), l.hour, 0, 0, 0, 0, 0, 0, NULL, SUM(rl.quantity), 0, 0, 0
       FROM ${dirtyLines} l
       JOIN return_lines rl ON rl.order_line_id = l.line_id
       GROUP BY l.hour, COALESCE(l.variant_id, 0)
       UNION ALL
       -- Returns made in the hour, whenever their order was placed.
       SELECT COALESCE(ol.variant_id, 0), d.hour, 0, 0, 0, 0, 0, 0, NULL, 0,
              SUM(rl.refund_amount), SUM(rl.quantity * COALESCE(ol.unit_cost, 0)), SUM(rl.quantity)
       FROM ${dirtyBatch} d
       JOIN returns r INDEXED BY returns_by_date ON r.returned_at >= d.hour || ':' AND r.returned_at < d.hour || ';'
       JOIN return_lines rl ON rl.return_id = r.id
       JOIN order_lines ol ON ol.id = rl.order_line_id
       WHERE ${returnOrderKept}
       GROUP BY d.hour, COALESCE(ol.variant_id, 0)
     )
     GROUP BY variantId, hour`,
  );
  const rebuildCustomers = createRollupApply(
    db,
    { table: 'sales_customer_hourly', key: ['customer_id', 'hour'], values: ['orders', 'gmv', 'discounts', 'units', 'cogs_sold', 'first_placed_at', 'last_placed_at', 'refunds', 'cogs_returned'] },
    `SELECT customerId, hour, SUM(orders), SUM(gmv), SUM(discounts), SUM(units), SUM(cogs), MIN(firstPlacedAt), MAX(lastPlacedAt), SUM(refunds), SUM(cogsReturned)
     FROM (
       SELECT customerId, hour, COUNT(*) AS orders, COALESCE(SUM(gmv), 0) AS gmv, SUM(discount) AS discounts, COALESCE(SUM(units), 0) AS units,
              COALESCE(SUM(cogs), 0) AS cogs, MIN(placedAt) AS firstPlacedAt, MAX(placedAt) AS lastPlacedAt, 0 AS refunds, 0 AS cogsReturned
       FROM (
         -- One row per order: its lines summed (an order without lines adds nothing but itself).
         SELECT hour, customer_id AS customerId, placed_at AS placedAt, discount_total AS discount,
                SUM(quantity * unit_price) AS gmv, SUM(quantity) AS units, SUM(quantity * COALESCE(unit_cost, 0)) AS cogs
         FROM ${dirtyLines}
         WHERE customer_id IS NOT NULL
         GROUP BY order_id
       )
       GROUP BY hour, customerId
       UNION ALL
       SELECT o.customer_id, d.hour, 0, 0, 0, 0, 0, NULL, NULL, SUM(rl.refund_amount), SUM(rl.quantity * COALESCE(ol.unit_cost, 0))
       FROM ${dirtyBatch} d
       JOIN returns r INDEXED BY returns_by_date ON r.returned_at >= d.hour || ':' AND r.returned_at < d.hour || ';'
       JOIN return_lines rl ON rl.return_id = r.id
       JOIN order_lines ol ON ol.id = rl.order_line_id
       JOIN orders o ON o.id = r.order_id
       WHERE ${returnOrderKept} AND (SELECT customer_id FROM orders WHERE id = r.order_id) IS NOT NULL
       GROUP BY d.hour, o.customer_id
     )
     GROUP BY customerId, hour`,
  );
  // The dirty hours in batches (a first build marks every hour of the shop): each batch's lines and
  // recomputed rows stay a bounded temporary table; the hours done leave the dirty marks.
  const takeBatch = db.prepare<[number]>(`INSERT INTO ${dirtyBatch} (hour) SELECT hour FROM sales_hourly_dirty ORDER BY hour LIMIT ?`);
  const clearBatch = db.prepare(`DELETE FROM ${dirtyBatch}`);
  const batchDone = db.prepare(`DELETE FROM sales_hourly_dirty WHERE hour IN (SELECT hour FROM ${dirtyBatch})`);
  const refreshAll = db.transaction(() => {
    lines.ensureTables();
    for (;;) {
      clearBatch.run();
      if (takeBatch.run(batchHours).changes === 0) break;
      lines.fill();
      rebuild();
      rebuildProducts();
      rebuildCategories();
      rebuildVariants();
      rebuildCustomers();
      lines.clear();
      batchDone.run();
    }
    clearBatch.run();
  });
  const byChannel = db.prepare<[string, string], RollupSums>(
    `SELECT channel_id AS channelId, ${sums} FROM sales_hourly WHERE hour >= ? AND hour < ? GROUP BY channel_id ORDER BY channel_id`,
  );
  const byBucket = db.prepare<[string], RollupSums & { bucket: string }>(
    `SELECT b.value ->> 'bucket' AS bucket, 0 AS channelId, ${sums}
     FROM json_each(?) b LEFT JOIN sales_hourly s ON s.hour >= b.value ->> 'from' AND s.hour < b.value ->> 'to'
     GROUP BY b.key ORDER BY b.key`,
  );
  // Per product first (grouped as productRowsIn reads them), then its title and category.
  const byProductSql = (long: boolean) =>
    `SELECT s.productId, COALESCE(p.title, '') AS title, COALESCE(c.id, 0) AS categoryId, COALESCE(c.path, '') AS categoryPath,
            s.gmv, s.discounts, s.refunds, s.units, s.cogsSold, s.cogsReturned
     FROM (SELECT product_id AS productId, SUM(gmv) AS gmv, CAST(ROUND(SUM(discounts)) AS INTEGER) AS discounts, SUM(refunds) AS refunds,
                  SUM(units) AS units, SUM(cogs_sold) AS cogsSold, SUM(cogs_returned) AS cogsReturned
           FROM ${productRowsIn(long)} GROUP BY product_id) s
     LEFT JOIN products p ON p.id = s.productId LEFT JOIN categories c ON c.id = p.category_id`;
  const byProductShort = db.prepare<[{ fromHour: string; toHour: string }], ProductSums>(byProductSql(false));
  const byProductLong = db.prepare<[{ fromHour: string; toHour: string }], ProductSums>(byProductSql(true));
  const unitsByHour = db.prepare<[string, string], { hour: string; units: number }>(
    'SELECT hour, SUM(units) AS units FROM sales_hourly WHERE hour >= ? AND hour < ? GROUP BY hour ORDER BY hour',
  );

  /**
   * Recomputes the dirty hours; false when it cannot write now (another connection
   * is writing — the app's connection does not wait), so the caller reads the orders.
   */
  function refresh(): boolean {
    if ((dirtyCount.get()?.n ?? 0) === 0) return true;
    return writeWithoutWaiting(db, refreshAll);
  }

  /** Hour keys of [from, to), when both bounds are whole hours and the rollup is current. */
  function hours(from: string, to: string): [string, string] | undefined {
    const first = wholeHour(from);
    const end = wholeHour(to);
    if (first === undefined || end === undefined) return undefined;
    return refresh() ? [first, end] : undefined;
  }

  return {
    refresh,
    /**
     * The hour keys ['YYYY-MM-DDTHH', …) of [from, to) once every rollup is current, or undefined when
     * a bound is not a whole UTC hour or the rollups cannot be brought up to date now: then read the orders.
     */
    hours,
    /** Sums per channel for [from, to), or undefined when the orders must be read instead. */
    byChannel(from: string, to: string): RollupSums[] | undefined {
      const range = hours(from, to);
      return range && byChannel.all(...range);
    },
    /** Sums per bucket (all channels), or undefined when the orders must be read instead. */
    byBucket(buckets: readonly { bucket: string; start: string; end: string }[]): (RollupSums & { bucket: string })[] | undefined {
      const keyed = buckets.map((b) => ({ bucket: b.bucket, from: wholeHour(b.start), to: wholeHour(b.end) }));
      if (keyed.some((b) => b.from === undefined || b.to === undefined) || !refresh()) return undefined;
      return byBucket.all(JSON.stringify(keyed));
    },
    /** Sums per product with its category, or undefined when the orders must be read instead. */
    byProduct(from: string, to: string): ProductSums[] | undefined {
      const range = hours(from, to);
      if (!range) return undefined;
      const [fromHour, toHour] = range;
      return (isLongProductPeriod(fromHour, toHour) ? byProductLong : byProductShort).all({ fromHour, toHour });
    },
    /** Units sold per UTC hour in [from, to), or undefined when the orders must be read instead. */
    unitsByHour(from: string, to: string) {
      const range = hours(from, to);
      return range && unitsByHour.all(...range);
    },
  };
}

/** One rollup per connection: its statements are prepared once, not on every read that asks for hours. */
export const salesRollupOf = perDatabase(createSalesRollup);
