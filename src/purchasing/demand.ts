// Daily demand per variant from recent sales (metrics.md "Replenishment").
//
// Window: the W whole local days (shop time zone) before `today`, i.e.
// [today − W days 00:00, today 00:00). Today is left out because it is not over:
// counting half a day of sales as a full day would understate demand.
// W is the category's demand window (the nearest ancestor category that sets
// one), else the shop's. Units are those on lines of non-cancelled orders, by
// the order's placed time. Days without sales count as 0.
//
// Weighting ("weighted to recent weeks"): the window is cut into weeks counted
// back from its end (the oldest may be partial). With K weeks, a day in the
// k-th most recent week (k = 0 … K−1) weighs K − k: in the default 56-day
// window the last week counts 8 times the first. A window of ≤ 7 days is
// unweighted. d̄ = Σ w·q ÷ Σ w and σd = √(Σ w·(q − d̄)² ÷ Σ w) over every day.
//
// The units per (variant, day) come from ONE set-based SQL aggregate: each day
// of the window range-scans orders by placed_at (index), so the cost follows
// the window's orders, not the whole history. Bounds are compared as text: this
// relies on placed_at being UTC ISO-8601 ('…Z'), as every timestamp is. Pure of UI concerns: forecasting
// reuses it.
import type { Db } from '../db/open.js';
import { addDays, localMidnightUtc } from '../shared/local-time.js';

export interface Demand {
  dailyDemand: number;
  stdDev: number;
  windowDays: number;
}

export interface DemandOptions {
  /** The shop's local date today ('YYYY-MM-DD'); the window ends at its midnight. */
  today: string;
  timeZone: string;
  /** The shop's window, for variants whose category (and its ancestors) set none. */
  defaultWindowDays: number;
  /**
   * Count a sold bundle as demand for its components (component quantity × bundle units),
   * as replenishment needs; false keeps the bundle SKU's own demand (forecasting by SKU sold).
   */
  explodeBundles?: boolean;
}

/** Weight of each day of a window, oldest first (see the header). */
export function dayWeights(windowDays: number): number[] {
  const weeks = Math.ceil(windowDays / 7);
  return Array.from({ length: windowDays }, (_, i) => weeks - Math.floor((windowDays - 1 - i) / 7));
}

/** Weighted mean and standard deviation of daily units (oldest first, one entry per day). */
export function weightedDemand(units: ArrayLike<number>, weights: readonly number[]): Demand {
  let weightSum = 0;
  let total = 0;
  for (let i = 0; i < weights.length; i += 1) {
    weightSum += weights[i] ?? 0;
    total += (weights[i] ?? 0) * (units[i] ?? 0);
  }
  const mean = weightSum > 0 ? total / weightSum : 0;
  let spread = 0;
  for (let i = 0; i < weights.length; i += 1) spread += (weights[i] ?? 0) * ((units[i] ?? 0) - mean) ** 2;
  return { dailyDemand: mean, stdDev: weightSum > 0 ? Math.sqrt(spread / weightSum) : 0, windowDays: weights.length };
}

/** The effective window of every category: its own, else its nearest ancestor's (NULL: the shop's). */
const categoryWindowsSql = `
  WITH RECURSIVE cat_window (id, days) AS (
    SELECT id, demand_window_days FROM categories WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, COALESCE(c.demand_window_days, w.days) FROM categories c JOIN cat_window w ON c.parent_id = w.id)`;

// Days come in as JSON [[start, end], …] (UTC ISO bounds of local days, oldest first);
// CROSS JOIN keeps days as the outer loop so each day is one index range scan of orders.
const dailyUnitsSql = `${categoryWindowsSql},
  days AS (
    SELECT CAST(key AS INTEGER) AS idx, json_extract(value, '$[0]') AS starts, json_extract(value, '$[1]') AS ends FROM json_each(@days))
  SELECT v.id AS variantId, d.idx AS day, SUM(ol.quantity * COALESCE(bc.quantity, 1)) AS units, COALESCE(cw.days, @defaultWindow) AS windowDays
  FROM days d
    CROSS JOIN orders o ON o.placed_at >= d.starts AND o.placed_at < d.ends
    JOIN order_lines ol ON ol.order_id = o.id
    LEFT JOIN bundle_components bc ON @explode = 1 AND bc.bundle_variant_id = ol.variant_id
    JOIN variants v ON v.id = COALESCE(bc.component_variant_id, ol.variant_id)
    JOIN products p ON p.id = v.product_id
    LEFT JOIN cat_window cw ON cw.id = p.category_id
  WHERE o.status <> 'cancelled' AND d.idx >= @longest - COALESCE(cw.days, @defaultWindow)
  GROUP BY v.id, d.idx`;

interface DailyUnitsRow {
  variantId: number;
  day: number;
  units: number;
  windowDays: number;
}

interface Sums {
  windowDays: number;
  weighted: number;
  weightedSquares: number;
}

/**
 * Demand of every variant with sales in its window; a variant absent from the map sold nothing
 * (d̄ = σd = 0 over its window — see `windowDaysOf` for that window).
 */
export function demandByVariant(db: Db, options: DemandOptions): Map<number, Demand> {
  const longest = longestWindow(db, options.defaultWindowDays);
  const firstDay = addDays(options.today, -longest);
  const bounds = Array.from({ length: longest + 1 }, (_, i) => localMidnightUtc(addDays(firstDay, i), options.timeZone).toISOString());
  const days = JSON.stringify(bounds.slice(0, longest).map((start, i) => [start, bounds[i + 1]]));
  const rows = db
    .prepare<[{ days: string; defaultWindow: number; longest: number; explode: number }], DailyUnitsRow>(dailyUnitsSql)
    .all({ days, defaultWindow: options.defaultWindowDays, longest, explode: options.explodeBundles ? 1 : 0 });

  const weightsFor = new Map<number, number[]>();
  const weights = (windowDays: number): number[] => {
    let found = weightsFor.get(windowDays);
    if (!found) {
      found = dayWeights(windowDays);
      weightsFor.set(windowDays, found);
    }
    return found;
  };
  // Days with no sales add w × 0 to both sums, so only the sold days need visiting.
  const sums = new Map<number, Sums>();
  for (const row of rows) {
    const weight = weights(row.windowDays)[row.day - (longest - row.windowDays)] ?? 0;
    const entry = sums.get(row.variantId) ?? { windowDays: row.windowDays, weighted: 0, weightedSquares: 0 };
    entry.weighted += weight * row.units;
    entry.weightedSquares += weight * row.units * row.units;
    sums.set(row.variantId, entry);
  }
  const result = new Map<number, Demand>();
  for (const [variantId, entry] of sums) {
    const weightSum = weights(entry.windowDays).reduce((sum, w) => sum + w, 0);
    const mean = entry.weighted / weightSum;
    // Σw(q − d̄)² = Σwq² − d̄·Σwq; clamped at 0 against rounding.
    const variance = Math.max(0, (entry.weightedSquares - mean * entry.weighted) / weightSum);
    if (mean > 0) result.set(variantId, { dailyDemand: mean, stdDev: Math.sqrt(variance), windowDays: entry.windowDays });
  }
  return result;
}

/** The demand window of each variant's category (nearest ancestor that sets one), else the shop's. */
export function windowDaysOf(db: Db, defaultWindowDays: number): Map<number, number> {
  const rows = db
    .prepare<[{ defaultWindow: number }], { variantId: number; windowDays: number }>(
      `${categoryWindowsSql}
       SELECT v.id AS variantId, cw.days AS windowDays FROM variants v JOIN products p ON p.id = v.product_id
         JOIN cat_window cw ON cw.id = p.category_id WHERE cw.days IS NOT NULL AND cw.days <> @defaultWindow`,
    )
    .all({ defaultWindow: defaultWindowDays });
  return new Map(rows.map((row) => [row.variantId, row.windowDays]));
}

function longestWindow(db: Db, defaultWindowDays: number): number {
  const row = db.prepare<[], { longest: number | null }>('SELECT MAX(demand_window_days) AS longest FROM categories').get();
  return Math.max(defaultWindowDays, row?.longest ?? 0);
}
