// Daily demand per variant from recent sales (metrics.md "Replenishment"):
// units of non-cancelled orders per local day over a window of whole days
// ending yesterday (today is not over yet). Days without sales count as 0.
// Weighted to recent weeks: a day in the k-th most recent week (k = 0, 1, …)
// of a K-week window weighs K − k, so the last week counts K times the first.
// d̄ is the weighted mean of the daily units, σd their weighted standard deviation.
// Reused by forecasting later: no UI concerns here.
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { addDays, localDateOf, localMidnightUtc } from '../shared/local-time.js';

export interface Demand {
  dailyDemand: number;
  stdDev: number;
  windowDays: number;
}

export interface DemandOptions {
  timeZone: string;
  /** Window for variants whose category sets none. */
  defaultWindowDays: number;
  /** Per-variant window (fast-moving categories use a shorter one). */
  windowOf?: (variantId: number) => number;
}

export function dayWeights(windowDays: number): number[] {
  const weeks = Math.ceil(windowDays / 7);
  // index 0 = the oldest day of the window
  return Array.from({ length: windowDays }, (_, i) => weeks - Math.floor((windowDays - 1 - i) / 7));
}

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

/** Demand of every variant that sold in its window; variants absent from the map had none. */
export function demandByVariant(db: Db, clock: Clock, options: DemandOptions): Map<number, Demand> {
  const today = localDateOf(clock.now(), options.timeZone);
  const longest = Math.max(options.defaultWindowDays, 1);
  // Day boundaries as epoch ms, oldest first: day i is [bounds[i], bounds[i + 1]).
  const firstDay = addDays(today, -longest);
  const bounds = Array.from({ length: longest + 1 }, (_, i) => localMidnightUtc(addDays(firstDay, i), options.timeZone).getTime());
  const rows = db
    .prepare<[string, string], { variantId: number; at: number; quantity: number }>(
      `SELECT ol.variant_id AS variantId, CAST(unixepoch(o.placed_at, 'subsec') * 1000 AS INTEGER) AS at, ol.quantity
       FROM orders o JOIN order_lines ol ON ol.order_id = o.id
       WHERE o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled' AND ol.variant_id IS NOT NULL`,
    )
    .all(new Date((bounds[0] ?? 0) - 86_400_000).toISOString(), new Date((bounds[longest] ?? 0) + 86_400_000).toISOString());
  const daily = new Map<number, Float64Array>();
  for (const row of rows) {
    const day = dayIndex(bounds, row.at);
    if (day < 0) continue;
    let units = daily.get(row.variantId);
    if (!units) {
      units = new Float64Array(longest);
      daily.set(row.variantId, units);
    }
    units[day] = (units[day] ?? 0) + row.quantity;
  }
  const weightsFor = new Map<number, number[]>();
  const result = new Map<number, Demand>();
  for (const [variantId, units] of daily) {
    const window = Math.min(options.windowOf?.(variantId) ?? longest, longest);
    let weights = weightsFor.get(window);
    if (!weights) {
      weights = dayWeights(window);
      weightsFor.set(window, weights);
    }
    const demand = weightedDemand(units.subarray(longest - window), weights);
    if (demand.dailyDemand > 0) result.set(variantId, demand);
  }
  return result;
}

/** Which window day an instant falls on, or −1 outside the window (binary search). */
function dayIndex(bounds: readonly number[], at: number): number {
  const last = bounds.length - 1;
  if (at < (bounds[0] ?? 0) || at >= (bounds[last] ?? 0)) return -1;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (at >= (bounds[mid] ?? 0)) lo = mid;
    else hi = mid;
  }
  return lo;
}
