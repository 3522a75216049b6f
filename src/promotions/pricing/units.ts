// The units of one basket line as buckets of equal unit price. A line starts as one bucket
// (regular price × quantity); a BOGO or a spread amount splits it, so every unit always has an
// integer price and a line's total is exact.
import { spreadLargestRemainder } from './rounding.js';

export interface UnitBucket {
  price: number;
  count: number;
}
export type Units = readonly UnitBucket[];

export function unitsTotal(units: Units): number {
  return units.reduce((sum, b) => sum + b.price * b.count, 0);
}

export function unitsCount(units: Units): number {
  return units.reduce((sum, b) => sum + b.count, 0);
}

/** Merges buckets of equal price, highest price first. */
export function normalise(units: Units): UnitBucket[] {
  const byPrice = new Map<number, number>();
  for (const b of units) if (b.count > 0) byPrice.set(b.price, (byPrice.get(b.price) ?? 0) + b.count);
  return [...byPrice].map(([price, count]) => ({ price, count })).sort((a, b) => b.price - a.price);
}

/** Every unit's price changed by `price` (a unit price rule). */
export function mapUnits(units: Units, price: (unitPrice: number) => number): UnitBucket[] {
  return normalise(units.map((b) => ({ price: price(b.price), count: b.count })));
}

/**
 * Takes `amount` (≤ the units' total) off the units: over buckets by value (largest remainder),
 * within a bucket evenly, one more minor unit on the first units where it does not divide.
 */
export function takeAmount(units: Units, amount: number): UnitBucket[] {
  const shares = spreadLargestRemainder(amount, units.map((b) => b.price * b.count));
  const out: UnitBucket[] = [];
  units.forEach((b, i) => {
    const share = shares[i] ?? 0;
    const each = Math.floor(share / b.count);
    const extra = share - each * b.count;
    out.push({ price: b.price - each - 1, count: extra }, { price: b.price - each, count: b.count - extra });
  });
  return normalise(out);
}

/** Splits off `n` units (the highest priced first): [taken, rest]. */
export function splitUnits(units: Units, n: number): [UnitBucket[], UnitBucket[]] {
  const taken: UnitBucket[] = [];
  const rest: UnitBucket[] = [];
  let left = n;
  for (const b of normalise(units)) {
    const take = Math.min(left, b.count);
    left -= take;
    taken.push({ price: b.price, count: take });
    rest.push({ price: b.price, count: b.count - take });
  }
  return [normalise(taken), normalise(rest)];
}
