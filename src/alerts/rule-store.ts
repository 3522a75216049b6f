// SQL of the sales-reading alert rules, two ways each: from the hourly rollup
// per variant (migration 0014, read through the covering index of 0016) when
// the period's bounds are whole UTC hours and the rollup can be brought up to
// date, else from the orders themselves with the rules' original SQL — the
// definition, kept for half-hour time zones and while another connection holds
// the write lock. A period ending "now" is read from the rollup up to the
// current hour and from the orders for the part of the hour that has passed.
// tests/integration/alerts/rules-speed-agreement.test.ts proves both ways agree.
import { salesRollupOf, wholeHour } from '../analytics/sales-rollup.js';
import type { Db } from '../db/open.js';

/** The start of the UTC hour holding an instant ('…T13:00:00.000Z'). */
export function hourStart(instant: string): string {
  return `${new Date(instant).toISOString().slice(0, 13)}:00:00.000Z`;
}

/** Hour keys of [from, to) once the rollup is current, or undefined: read the orders. */
export function rollupHours(db: Db, from: string, to: string, direct = false): [string, string] | undefined {
  return direct ? undefined : salesRollupOf(db).hours(from, to);
}

/** Whether every bound is a whole UTC hour (a whole-hour time zone's local midnights). */
export function allWholeHours(bounds: readonly string[]): boolean {
  return bounds.every((bound) => wholeHour(bound) !== undefined);
}

const json = (ids: readonly number[]) => JSON.stringify(ids);

/**
 * Units sold per variant (lines of non-cancelled orders placed in [from, now]) for the given
 * variants; a variant without such a line is absent.
 */
export function soldUnits(db: Db, ids: readonly number[], from: string, now: string, direct = false): Map<number, number> {
  const result = new Map<number, number>();
  if (ids.length === 0) return result;
  const add = (rows: { variantId: number; units: number }[]) => {
    for (const row of rows) result.set(row.variantId, (result.get(row.variantId) ?? 0) + row.units);
  };
  const tailFrom = hourStart(now);
  const range = tailFrom > from ? rollupHours(db, from, tailFrom, direct) : undefined;
  const fromOrders = (start: string) =>
    db
      .prepare<[{ ids: string; from: string; now: string }], { variantId: number; units: number }>(
        `SELECT ol.variant_id AS variantId, SUM(ol.quantity) AS units
         FROM orders o INDEXED BY orders_by_placed JOIN order_lines ol ON ol.order_id = o.id
         WHERE o.placed_at >= @from AND o.placed_at <= @now AND o.status <> 'cancelled'
           AND ol.variant_id IN (SELECT value FROM json_each(@ids))
         GROUP BY ol.variant_id`,
      )
      .all({ ids: json(ids), from: start, now });
  if (!range) {
    add(fromOrders(from));
    return result;
  }
  add(
    db
      .prepare<[{ ids: string; from: string; to: string }], { variantId: number; units: number }>(
        `SELECT s.variant_id AS variantId, SUM(s.units) AS units
         FROM json_each(@ids) i JOIN sales_variant_hourly s ON s.variant_id = i.value AND s.hour >= @from AND s.hour < @to
         WHERE s.orders > 0 GROUP BY s.variant_id`,
      )
      .all({ ids: json(ids), from: range[0], to: range[1] }),
  );
  add(fromOrders(tailFrom));
  return result;
}

export interface DeadStockParams {
  now: string;
  then: string;
  nowFrom: string;
  thenFrom: string;
}

export interface DeadStockSummary {
  /** Variants dead now (in stock, no sale since `nowFrom`) and 7 days ago (in stock then, no sale in [thenFrom, then)). */
  deadNow: number;
  deadThen: number;
  /** SKUs dead now that were not dead then. */
  newlyDead: string[];
}

// Per variant in stock now or moved since `then`: on hand now and then, and whether it sold
// since `nowFrom` (the set soldNow) / in [thenFrom, then) (soldThen); counted in SQL, the newly
// dead listed (the direct path; the rollup path probes per variant instead). Movements since `then` are read
// per location (stock_movements_by_location): a range on the index, not a scan of the ledger.
const deadStockTail = `
  moved AS (
    SELECT m.variant_id AS variantId, SUM(m.delta) AS delta
    FROM locations l JOIN stock_movements m INDEXED BY stock_movements_by_location ON m.location_id = l.id AND m.occurred_at >= @then
    GROUP BY m.variant_id),
  flags AS MATERIALIZED (
    SELECT v.sku,
           v.on_hand_total > 0 AND v.id NOT IN (SELECT variantId FROM soldNow) AS deadNow,
           v.on_hand_total - COALESCE(moved.delta, 0) > 0 AND v.id NOT IN (SELECT variantId FROM soldThen) AS deadThen
    FROM variants v LEFT JOIN moved ON moved.variantId = v.id
    WHERE v.on_hand_total > 0 OR moved.delta IS NOT NULL)
  SELECT NULL AS sku, COALESCE(SUM(deadNow), 0) AS deadNow, COALESCE(SUM(deadThen), 0) AS deadThen FROM flags
  UNION ALL
  SELECT sku, 1, 0 FROM flags WHERE deadNow AND NOT deadThen`;

function summary(rows: { sku: string | null; deadNow: number; deadThen: number }[]): DeadStockSummary {
  const [total, ...newly] = rows;
  return { deadNow: total?.deadNow ?? 0, deadThen: total?.deadThen ?? 0, newlyDead: newly.map((row) => row.sku ?? '') };
}

/** The dead-stock rule's counts (see dead-stock-growth.ts). */
export function deadStockSummary(db: Db, params: DeadStockParams, direct = false): DeadStockSummary {
  const tailFrom = hourStart(params.now);
  const range = allWholeHours([params.thenFrom, params.then, params.nowFrom]) && tailFrom > params.thenFrom ? rollupHours(db, params.thenFrom, tailFrom, direct) : undefined;
  type Row = { sku: string | null; deadNow: number; deadThen: number };
  if (!range) {
    return summary(
      db
      .prepare<[DeadStockParams], Row>(
        `WITH sold AS (
           SELECT ol.variant_id AS variantId, MAX(o.placed_at >= @nowFrom) AS soldSinceNow, MAX(o.placed_at < @then) AS soldSinceThen
           FROM orders o INDEXED BY orders_by_placed JOIN order_lines ol ON ol.order_id = o.id
           WHERE o.placed_at >= @thenFrom AND o.placed_at <= @now AND o.status <> 'cancelled' AND ol.variant_id IS NOT NULL
           GROUP BY ol.variant_id
         ),
         soldNow AS (SELECT variantId FROM sold WHERE soldSinceNow),
         soldThen AS (SELECT variantId FROM sold WHERE soldSinceThen),${deadStockTail}`,
      )
      .all(params),
    );
  }
  // Per candidate, its last hour with a sale in [fromHour, toHour): one probe backwards on the rollup's
  // primary key (variant, hour) — not a read of the half year of hourly rows of every variant. Sold
  // since `nowFrom` when that hour is at or after it (or in the current hour's orders so far); sold in
  // [thenFrom, then) when that hour is before `then`, else (it sold after `then`) by a second probe.
  const rows = db
    .prepare<[DeadStockParams & { fromHour: string; toHour: string; nowFromHour: string; thenHour: string; tailFrom: string }], Row>(
      `WITH moved AS (
         SELECT m.variant_id AS variantId, SUM(m.delta) AS delta
         FROM locations l JOIN stock_movements m INDEXED BY stock_movements_by_location ON m.location_id = l.id AND m.occurred_at >= @then
         GROUP BY m.variant_id),
       tail AS (
         SELECT ol.variant_id AS variantId FROM orders o INDEXED BY orders_by_placed JOIN order_lines ol ON ol.order_id = o.id
         WHERE o.placed_at >= @tailFrom AND o.placed_at <= @now AND o.status <> 'cancelled' AND ol.variant_id IS NOT NULL),
       candidates AS MATERIALIZED (
         SELECT v.id, v.sku, v.on_hand_total AS onHand, v.on_hand_total - COALESCE(moved.delta, 0) AS onHandThen,
                (SELECT s.hour FROM sales_variant_hourly s WHERE s.variant_id = v.id AND s.hour >= @fromHour AND s.hour < @toHour AND s.orders > 0
                 ORDER BY s.hour DESC LIMIT 1) AS lastHour
         FROM variants v LEFT JOIN moved ON moved.variantId = v.id
         WHERE v.on_hand_total > 0 OR moved.delta IS NOT NULL),
       flags AS MATERIALIZED (
         SELECT sku,
                onHand > 0 AND NOT (COALESCE(lastHour >= @nowFromHour, 0) OR id IN (SELECT variantId FROM tail)) AS deadNow,
                onHandThen > 0 AND NOT (
                  CASE WHEN lastHour IS NULL THEN 0
                       WHEN lastHour < @thenHour THEN 1
                       ELSE EXISTS (SELECT 1 FROM sales_variant_hourly s WHERE s.variant_id = candidates.id AND s.hour >= @fromHour AND s.hour < @thenHour AND s.orders > 0)
                  END) AS deadThen
         FROM candidates)
       SELECT NULL AS sku, COALESCE(SUM(deadNow), 0) AS deadNow, COALESCE(SUM(deadThen), 0) AS deadThen FROM flags
       UNION ALL
       SELECT sku, 1, 0 FROM flags WHERE deadNow AND NOT deadThen`,
    )
    .all({
      ...params,
      fromHour: range[0],
      toHour: range[1],
      nowFromHour: wholeHour(params.nowFrom) ?? '',
      thenHour: wholeHour(params.then) ?? '',
      tailFrom,
    });
  return summary(rows);
}

export interface ReturnRateRow {
  productId: number;
  title: string;
  soldNow: number;
  returnedNow: number;
  soldBefore: number;
  returnedBefore: number;
}

/**
 * Per product with at least `minReturned` units returned from the window's lines: units sold and
 * returned (whenever) from lines placed in [windowFrom, to) and in [historyFrom, windowFrom).
 */
export function returnRateRows(db: Db, p: { historyFrom: string; windowFrom: string; to: string }, minReturned: number, direct = false): ReturnRateRow[] {
  const range = allWholeHours([p.windowFrom]) ? rollupHours(db, p.historyFrom, p.to, direct) : undefined;
  if (!range) {
    return db
      .prepare<[typeof p], ReturnRateRow>(
        `WITH lines AS (
           SELECT v.product_id AS productId, o.placed_at >= @windowFrom AS inWindow, ol.quantity,
                  COALESCE((SELECT SUM(rl.quantity) FROM return_lines rl WHERE rl.order_line_id = ol.id), 0) AS returned
           FROM orders o INDEXED BY orders_by_placed JOIN order_lines ol ON ol.order_id = o.id JOIN variants v ON v.id = ol.variant_id
           WHERE o.placed_at >= @historyFrom AND o.placed_at < @to AND o.status <> 'cancelled'
         )
         SELECT productId, (SELECT title FROM products WHERE id = productId) AS title,
                SUM(CASE WHEN inWindow THEN quantity ELSE 0 END) AS soldNow, SUM(CASE WHEN inWindow THEN returned ELSE 0 END) AS returnedNow,
                SUM(CASE WHEN inWindow THEN 0 ELSE quantity END) AS soldBefore, SUM(CASE WHEN inWindow THEN 0 ELSE returned END) AS returnedBefore
         FROM lines GROUP BY productId HAVING returnedNow >= ${minReturned}`,
      )
      .all(p);
  }
  // First the products with enough units returned from the window's lines (the window's hours of
  // the covering index: a week, not the whole history), then the history of those products' variants
  // only, each a range of the primary key (variant, hour): the same sums, for a handful of products.
  return db
    .prepare<[{ fromHour: string; windowHour: string; toHour: string }], ReturnRateRow>(
      `WITH flagged AS (
         SELECT v.product_id AS productId
         FROM sales_variant_hourly s INDEXED BY sales_variant_hourly_units_by_hour JOIN variants v ON v.id = s.variant_id
         WHERE s.hour >= @windowHour AND s.hour < @toHour AND s.orders > 0 AND s.variant_id <> 0 AND s.units_returned > 0
         GROUP BY v.product_id HAVING SUM(s.units_returned) >= ${minReturned}
       ),
       per AS (
         SELECT v.product_id AS productId,
                SUM(CASE WHEN s.hour >= @windowHour THEN s.units ELSE 0 END) AS soldNow,
                SUM(CASE WHEN s.hour >= @windowHour THEN s.units_returned ELSE 0 END) AS returnedNow,
                SUM(CASE WHEN s.hour >= @windowHour THEN 0 ELSE s.units END) AS soldBefore,
                SUM(CASE WHEN s.hour >= @windowHour THEN 0 ELSE s.units_returned END) AS returnedBefore
         FROM flagged f CROSS JOIN variants v ON v.product_id = f.productId
           CROSS JOIN sales_variant_hourly s ON s.variant_id = v.id AND s.hour >= @fromHour AND s.hour < @toHour
         WHERE s.orders > 0
         GROUP BY v.product_id
       )
       SELECT productId, (SELECT title FROM products WHERE id = productId) AS title, soldNow, returnedNow, soldBefore, returnedBefore
       FROM per WHERE returnedNow >= ${minReturned}`,
    )
    .all({ fromHour: range[0], windowHour: wholeHour(p.windowFrom) ?? '', toHour: range[1] });
}

/** Net line sales (quantity × price − the line's discount) per subject and day index, as [productId, categoryId | null, day, net]. */
export type DailyNetRow = [productId: number, categoryId: number | null, day: number, net: number];

/**
 * Net line sales per product and local day over `days` (UTC bounds [start, end) of each local
 * day, oldest first), or undefined when the rollup cannot answer (the caller reads the orders).
 */
export function dailyNetFromRollup(db: Db, days: readonly [string, string][], direct = false): DailyNetRow[] | undefined {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last || !allWholeHours(days.flat()) || !rollupHours(db, first[0], last[1], direct)) return undefined;
  const keyed = JSON.stringify(days.map(([start, end]) => [wholeHour(start), wholeHour(end)]));
  return db
    .prepare<[{ days: string }], DailyNetRow>(
      `WITH days (idx, starts, ends) AS (
         SELECT CAST(key AS INTEGER), json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@days)),
       daily AS (
         SELECT s.variant_id AS variantId, d.idx AS day, SUM(s.gmv - s.own_discounts) AS net
         FROM days d CROSS JOIN sales_variant_hourly s INDEXED BY sales_variant_hourly_units_by_hour ON s.hour >= d.starts AND s.hour < d.ends
         WHERE s.orders > 0 AND s.variant_id <> 0
         GROUP BY s.variant_id, d.idx)
       SELECT v.product_id, p.category_id, daily.day, SUM(daily.net)
       FROM daily JOIN variants v ON v.id = daily.variantId JOIN products p ON p.id = v.product_id
       GROUP BY v.product_id, daily.day`,
    )
    .raw()
    .all({ days: keyed });
}
