// Daily demand per variant read from the hourly sales rollup per variant
// (migration 0014, sales_variant_hourly) instead of the order lines: the same
// figures as demand.ts (the definition), which stays the path for half-hour
// time zones and while another connection holds the write lock.
//
// The rollup's `units` per (variant, UTC hour) are Σ quantity on lines of
// non-cancelled orders placed in that hour — exactly what demand.ts sums per
// local day. A local day of a whole-hour time zone is a range of hour keys
// (DST included: each day's bounds are computed, not a fixed offset), so the
// units per (variant, day), and from them Σ w·q and Σ w·q² per variant, are
// summed in SQL over the covering index (hour, variant_id, units) of 0016.
// Both sums are integers, so d̄ and σd come out bit for bit as demand.ts's.
import { salesRollupOf, wholeHour } from '../analytics/sales-rollup.js';
import type { Db } from '../db/open.js';
import { addDays, localMidnightUtc } from '../shared/local-time.js';
import { demandByVariant, windowDaysOf, type Demand, type DemandOptions } from './demand.js';

// Days come in as JSON [[fromHour, toHour], …] oldest first; a variant's window
// (its category's, else the shop's) decides which days count and their weights:
// day d of the longest window L is position i = d − (L − W) of the variant's W days,
// weighing ceil(W / 7) − floor((W − 1 − i) / 7) (demand.ts dayWeights).
function sumsSql(only: boolean, overridden: boolean): string {
  // Every variant: one range of the covering index per day. A few variants (`@only`, the
  // incremental alert check): their own rows by primary key (variant, hour), and those of
  // the bundles they are components of.
  const sold = only
    ? `sold AS (
        SELECT s.variant_id, s.hour, s.units
        FROM (SELECT value AS id FROM json_each(@only)
              UNION SELECT bundle_variant_id FROM bundle_components WHERE @explode = 1 AND component_variant_id IN (SELECT value FROM json_each(@only))) src
          JOIN sales_variant_hourly s ON s.variant_id = src.id AND s.hour >= @first AND s.hour < @last),
      daily AS (
        SELECT COALESCE(bc.component_variant_id, s.variant_id) AS variantId, d.idx AS day, SUM(s.units * COALESCE(bc.quantity, 1)) AS units
        FROM sold s JOIN days d ON s.hour >= d.starts AND s.hour < d.ends
          LEFT JOIN bundle_components bc ON @explode = 1 AND bc.bundle_variant_id = s.variant_id
        WHERE COALESCE(bc.component_variant_id, s.variant_id) IN (SELECT value FROM json_each(@only))
        GROUP BY 1, 2)`
    : `daily AS (
        SELECT COALESCE(bc.component_variant_id, s.variant_id) AS variantId, d.idx AS day, SUM(s.units * COALESCE(bc.quantity, 1)) AS units
        FROM days d
          CROSS JOIN sales_variant_hourly s INDEXED BY sales_variant_hourly_units_by_hour ON s.hour >= d.starts AND s.hour < d.ends
          LEFT JOIN bundle_components bc ON @explode = 1 AND bc.bundle_variant_id = s.variant_id
        WHERE s.variant_id <> 0
        -- Ordered as grouped: the sums per variant below then need no second sort (a third of the time).
        GROUP BY 1, 2 ORDER BY 1, 2)`;
  return `
  WITH days (idx, starts, ends) AS (
    SELECT CAST(key AS INTEGER), json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@days)),
  overrides (variantId, windowDays) AS (
    SELECT CAST(key AS INTEGER), value FROM json_each(@windows)),
  ${sold},
  windowed AS (
    SELECT daily.variantId, daily.day, daily.units, ${
      // Usually no category sets its own window: then every variant has the shop's (and the
      // rows stay in (variant, day) order, so the sums below need no second sort).
      overridden ? 'COALESCE(CAST(o.windowDays AS INTEGER), CAST(@defaultWindow AS INTEGER))' : 'CAST(@defaultWindow AS INTEGER)'
    } AS windowDays
    FROM daily${overridden ? ' LEFT JOIN overrides o ON o.variantId = daily.variantId' : ''})
  SELECT variantId, windowDays,
    SUM(((windowDays + 6) / 7 - (windowDays - 1 - (day - (CAST(@longest AS INTEGER) - windowDays))) / 7) * units) AS weighted,
    SUM(((windowDays + 6) / 7 - (windowDays - 1 - (day - (CAST(@longest AS INTEGER) - windowDays))) / 7) * units * units) AS weightedSquares
  FROM windowed
  WHERE day >= CAST(@longest AS INTEGER) - windowDays AND EXISTS (SELECT 1 FROM variants v WHERE v.id = windowed.variantId)
  GROUP BY variantId`;
}

interface SumsRow {
  variantId: number;
  windowDays: number;
  weighted: number;
  weightedSquares: number;
}

/** Σ weights of a window of `windowDays` days (demand.ts dayWeights summed). */
function weightSum(windowDays: number): number {
  const weeks = Math.ceil(windowDays / 7);
  let sum = 0;
  for (let i = 0; i < windowDays; i += 1) sum += weeks - Math.floor((windowDays - 1 - i) / 7);
  return sum;
}

export interface DemandReadOptions extends DemandOptions {
  /** Only these variants (the incremental alert check); all when absent. */
  only?: readonly number[];
  /** Read the orders, never the rollup (the agreement tests compare both ways). */
  direct?: boolean;
}

/** The longest window in use (the shop's or any category's), and whether any category sets one. */
function categoryWindows(db: Db, defaultWindowDays: number): { longest: number; anySet: boolean } {
  const row = db.prepare<[], { longest: number | null }>('SELECT MAX(demand_window_days) AS longest FROM categories').get();
  return { longest: Math.max(defaultWindowDays, row?.longest ?? 0), anySet: (row?.longest ?? null) !== null };
}

/**
 * Demand from the rollup, or undefined when it cannot answer now (a bound that is not a whole
 * UTC hour, or the rollup cannot be brought up to date): then read the orders (demand.ts).
 */
export function demandFromRollup(db: Db, options: DemandReadOptions): Map<number, Demand> | undefined {
  const { longest, anySet } = categoryWindows(db, options.defaultWindowDays);
  const firstDay = addDays(options.today, -longest);
  const bounds = Array.from({ length: longest + 1 }, (_, i) => wholeHour(localMidnightUtc(addDays(firstDay, i), options.timeZone).toISOString()));
  const hourBounds = bounds.filter((bound): bound is string => bound !== undefined);
  if (hourBounds.length !== bounds.length) return undefined;
  const first = hourBounds[0];
  const last = hourBounds[hourBounds.length - 1];
  if (first === undefined || last === undefined) return undefined;
  if (!salesRollupOf(db).hours(`${first}:00:00.000Z`, `${last}:00:00.000Z`)) return undefined;
  const days = JSON.stringify(hourBounds.slice(0, longest).map((start, i) => [start, hourBounds[i + 1]]));
  // Variants whose category (or an ancestor) sets a window other than the shop's.
  const overrides = anySet ? windowDaysOf(db, options.defaultWindowDays) : new Map<number, number>();
  const windows = JSON.stringify(Object.fromEntries(overrides));
  const rows = db
    .prepare<[{ days: string; windows: string; defaultWindow: number; longest: number; explode: number; only: string | null; first: string; last: string }], SumsRow>(
      sumsSql(options.only !== undefined, overrides.size > 0),
    )
    .all({
      days,
      first,
      last,
      windows,
      defaultWindow: options.defaultWindowDays,
      longest,
      explode: options.explodeBundles ? 1 : 0,
      only: options.only ? JSON.stringify(options.only) : null,
    });
  const sums = new Map<number, number>();
  const result = new Map<number, Demand>();
  for (const row of rows) {
    let total = sums.get(row.windowDays);
    if (total === undefined) sums.set(row.windowDays, (total = weightSum(row.windowDays)));
    // The same arithmetic as demand.ts: mean, then Σw(q − d̄)² = Σwq² − d̄·Σwq clamped at 0.
    const mean = row.weighted / total;
    const variance = Math.max(0, (row.weightedSquares - mean * row.weighted) / total);
    if (mean > 0) result.set(row.variantId, { dailyDemand: mean, stdDev: Math.sqrt(variance), windowDays: row.windowDays });
  }
  return result;
}

/** Demand of every variant (or of `only`) with sales in its window: from the rollup when it can answer, else from the orders. */
export function readDemand(db: Db, options: DemandReadOptions): Map<number, Demand> {
  const fast = options.direct ? undefined : demandFromRollup(db, options);
  if (fast) return fast;
  const all = demandByVariant(db, options);
  if (!options.only) return all;
  const wanted = new Set(options.only);
  return new Map([...all].filter(([variantId]) => wanted.has(variantId)));
}
