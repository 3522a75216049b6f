// Bulk price change: adjust by a percentage or an amount (minor units), then
// round to a price ending. Pure; the bulk action and its preview share it.

export type PriceChangeMode = 'percent' | 'amount';
export type PriceRounding = 'none' | '.99' | '.90' | 'whole';

export interface PriceChange {
  mode: PriceChangeMode;
  /** Percent (may be fractional, e.g. -12.5) or minor units (integer). */
  value: number;
  rounding: PriceRounding;
}

/** Cents a rounded price ends in; assumes a currency with 100 minor units per major unit. */
const endings: Record<Exclude<PriceRounding, 'none'>, number> = { '.99': 99, '.90': 90, whole: 0 };

/**
 * Rounds to the nearest price of the form k*100 + ending (k >= 0); halfway goes up,
 * as Math.round does. 0 stays 0 so free items stay free; e.g. 2200 with '.99' -> 2199.
 */
export function roundPrice(price: number, rounding: PriceRounding): number {
  if (price <= 0) return 0;
  if (rounding === 'none') return price;
  const ending = endings[rounding];
  const k = Math.max(0, Math.round((price - ending) / 100));
  const rounded = k * 100 + ending;
  // 'whole' can round a few cents down to 0; the smallest non-zero whole price is 100.
  return rounded === 0 ? 100 : rounded;
}

/** The new price in minor units; never negative, always an integer. */
export function applyPriceChange(price: number, change: PriceChange): number {
  const raw = change.mode === 'percent' ? Math.round((price * (100 + change.value)) / 100) : price + Math.round(change.value);
  return roundPrice(Math.max(0, raw), change.rounding);
}
