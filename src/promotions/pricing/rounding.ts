// Integer money arithmetic for promotion prices: half-up rounding to the minor unit and exact
// splitting of an amount over lines (largest remainder), so discounts always sum to the cent.
// The guard's SQL (guard-store.ts) uses the same formulas; tests/unit/promotions checks they agree.

/**
 * n ÷ d rounded half-up (towards +∞ at exactly .5), d > 0, any sign of n: floor((2n + d) ÷ 2d).
 * Products beyond 2^53 go through BigInt so a large amount never loses a cent.
 */
export function roundHalfUp(n: number, d: number): number {
  if (d <= 0 || !Number.isInteger(n) || !Number.isInteger(d)) throw new RangeError(`roundHalfUp(${n}, ${d})`);
  const twice = 2 * n + d;
  if (Number.isSafeInteger(twice) && Number.isSafeInteger(2 * d)) return Math.floor(twice / (2 * d));
  const num = 2n * BigInt(n) + BigInt(d);
  const den = 2n * BigInt(d);
  const q = num / den;
  return Number(num % den < 0n ? q - 1n : q);
}

/** a × b ÷ d rounded half-up, without losing precision when a × b is large. */
export function mulDivHalfUp(a: number, b: number, d: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return roundHalfUp(product, d);
  const num = 2n * BigInt(a) * BigInt(b) + BigInt(d);
  const den = 2n * BigInt(d);
  const q = num / den;
  return Number(num % den < 0n ? q - 1n : q);
}

/** A unit price after percentOffBp off: the price paid, rounded half-up (999 at 33.33 % off → 666). */
export function percentPrice(price: number, percentOffBp: number): number {
  return mulDivHalfUp(price, 10_000 - percentOffBp, 10_000);
}

/**
 * Splits `total` over parts in proportion to `weights` (non-negative integers): each part gets the
 * floor of its share, and the cents left go to the largest remainders (ties: the earlier part).
 * All weights 0 → split evenly by the same rule. The parts always sum to `total` exactly.
 */
export function spreadLargestRemainder(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, b) => a + b, 0);
  const w = sum > 0 ? weights : weights.map(() => 1);
  const den = sum > 0 ? sum : weights.length;
  const parts = w.map((weight) => Number((BigInt(total) * BigInt(weight)) / BigInt(den)));
  const remainders = w.map((weight, i) => ({ i, r: (BigInt(total) * BigInt(weight)) % BigInt(den) }));
  let left = total - parts.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}
