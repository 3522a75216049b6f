// When a price or cost change is large enough to ask about before saving
// (typed, pasted, filled down, bulk, imported, or a receipt's moving-average
// cost): a change of more than ± thresholdPercent of the old value. A typo such
// as 12,50 read as 1,250.00 (+9,900 %) or a dropped digit (−90 %) is caught;
// an ordinary repricing is not. Pure; the core and the renderer share it.

/**
 * True when going from `before` to `after` (minor units; null = not set) changes the value by
 * more than `thresholdPercent` % of `before`. Setting a value where there was none, or
 * clearing one, is not a "change by a percentage" and is not large; from 0 to anything
 * positive is (no percentage is small enough). A threshold of 0 or less asks for any change.
 */
export function isLargePriceChange(before: number | null, after: number | null, thresholdPercent: number): boolean {
  if (before === null || after === null || before === after) return false;
  if (thresholdPercent <= 0) return true;
  if (before === 0) return true;
  return (Math.abs(after - before) / Math.abs(before)) * 100 > thresholdPercent;
}
