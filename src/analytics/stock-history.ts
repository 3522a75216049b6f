// Stock over time from the ledger, and the age of what is on hand. Pure.
// - A SKU-day is out of stock when the variant's on hand at the end of the
//   local day, all selling locations together (in-transit excluded), is ≤ 0;
//   only days from the variant's first ledger movement count as SKU-days.
// - Aging is FIFO: what is on hand is what came in last (receipts, opening
//   stock, restocked returns, stock found), so its age is the age of the most
//   recent inbound movements that add up to it.

export interface DailyLevels {
  /** On hand at the end of each day of the period. */
  levels: number[];
  /** Index of the first day the variant is tracked (its first movement), or the number of days if never. */
  firstTracked: number;
}

/** End-of-day levels, walking back from the level at the end of the period. */
export function dailyLevels(endLevel: number, deltasByDay: ReadonlyMap<number, number>, days: number, firstMovementDay: number): DailyLevels {
  const levels = new Array<number>(days).fill(0);
  let level = endLevel;
  for (let d = days - 1; d >= 0; d -= 1) {
    levels[d] = level;
    level -= deltasByDay.get(d) ?? 0;
  }
  return { levels, firstTracked: Math.max(0, Math.min(days, firstMovementDay)) };
}

export interface Episode {
  /** First and last out-of-stock day (indexes into the period). */
  from: number;
  to: number;
}

/** Runs of tracked days with nothing on hand. */
export function stockOutEpisodes(history: DailyLevels): Episode[] {
  const episodes: Episode[] = [];
  for (let d = history.firstTracked; d < history.levels.length; d += 1) {
    if ((history.levels[d] ?? 0) > 0) continue;
    const last = episodes.at(-1);
    if (last && last.to === d - 1) last.to = d;
    else episodes.push({ from: d, to: d });
  }
  return episodes;
}

/**
 * The days whose sales make the "forecast demand" of a stock-out beginning on
 * day `before`: the last `count` in-stock days before it (on hand > 0 at the
 * end of the day), walking back over earlier stock-outs, never before the
 * variant was tracked. Fewer when the history is shorter.
 */
export function baselineDays(history: DailyLevels, before: number, count: number): number[] {
  const picked: number[] = [];
  for (let d = before - 1; d >= history.firstTracked && picked.length < count; d -= 1) {
    if ((history.levels[d] ?? 0) > 0) picked.push(d);
  }
  return picked;
}

export const ageBuckets = [
  { id: 'd0_30', maxDays: 30 },
  { id: 'd31_90', maxDays: 90 },
  { id: 'd91_180', maxDays: 180 },
  { id: 'd181_365', maxDays: 365 },
  { id: 'over365', maxDays: Number.POSITIVE_INFINITY },
] as const;
export type AgeBucket = (typeof ageBuckets)[number]['id'];

/**
 * Units of `onHand` per age bucket, allocated to inbound movements newest first
 * (`inbound` sorted newest first, ages in days). Units older than every known
 * inbound movement count as the oldest bucket.
 */
export function fifoAges(onHand: number, inbound: readonly { ageDays: number; quantity: number }[]): Map<AgeBucket, number> {
  const result = new Map<AgeBucket, number>();
  const add = (ageDays: number, units: number) => {
    const bucket = ageBuckets.find((b) => ageDays <= b.maxDays)?.id ?? 'over365';
    result.set(bucket, (result.get(bucket) ?? 0) + units);
  };
  let left = onHand;
  for (const receipt of inbound) {
    if (left <= 0) break;
    const units = Math.min(left, receipt.quantity);
    add(receipt.ageDays, units);
    left -= units;
  }
  if (left > 0) add(Number.POSITIVE_INFINITY, left);
  return result;
}

/**
 * fifoAges from the inbound units no older than each bucket's bound (`within[i]`: aged at most
 * ageBuckets[i].maxDays, for the four bounded buckets): FIFO fills the newest first, so the units aged at
 * most a bound are min(onHand, those received within it); the rest is the oldest bucket.
 */
export function fifoAgesWithin(onHand: number, within: readonly number[]): Map<AgeBucket, number> {
  const result = new Map<AgeBucket, number>();
  let placed = 0;
  ageBuckets.forEach((bucket, i) => {
    // No inbound units known within a bound (none listed): none of what is on hand is that young.
    const upTo = Number.isFinite(bucket.maxDays) ? Math.min(onHand, within[i] ?? 0) : onHand;
    if (upTo > placed) result.set(bucket.id, upTo - placed);
    placed = Math.max(placed, upTo);
  });
  return result;
}
