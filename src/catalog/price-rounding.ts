// Bulk price change: adjust by a percentage or an amount (minor units), then
// round to a price ending — to the nearest such price, or up / down to one.
// Pure; the bulk action and its preview share it.

export type PriceChangeMode = 'percent' | 'amount';
export type PriceRounding = 'none' | '.99' | '.90' | 'whole';
/** Which price of the chosen ending: the nearest, the next one up, or the next one down. */
export type RoundingDirection = 'nearest' | 'up' | 'down';
export const roundingDirections: readonly RoundingDirection[] = ['nearest', 'up', 'down'];

export interface PriceChange {
  mode: PriceChangeMode;
  /** Percent (may be fractional, e.g. -12.5) or minor units (integer). */
  value: number;
  rounding: PriceRounding;
  /** Defaults to 'nearest'. */
  direction?: RoundingDirection | undefined;
}

/** Cents a rounded price ends in; assumes a currency with 100 minor units per major unit. */
const endings: Record<Exclude<PriceRounding, 'none'>, number> = { '.99': 99, '.90': 90, whole: 0 };

const steps: Record<RoundingDirection, (x: number) => number> = { nearest: Math.round, up: Math.ceil, down: Math.floor };

/**
 * Rounds to a price of the form k*100 + ending (k >= 0): the nearest (halfway goes up, as
 * Math.round does), the smallest at or above the price ('up'), or the largest at or below it
 * ('down'); a price already ending so stays. 0 stays 0 so free items stay free; a paid price
 * below the smallest such price gets that smallest one (0.99, 0.90, 1.00), never 0.
 * E.g. 2200 with '.99': nearest 2199, up 2299, down 2199.
 */
export function roundPrice(price: number, rounding: PriceRounding, direction: RoundingDirection = 'nearest'): number {
  if (price <= 0) return 0;
  if (rounding === 'none') return price;
  const ending = endings[rounding];
  const k = Math.max(0, steps[direction]((price - ending) / 100));
  const rounded = k * 100 + ending;
  // 'whole' can round a few cents down to 0; the smallest non-zero whole price is 100.
  return rounded === 0 ? 100 : rounded;
}

/** The new price in minor units; never negative, always an integer. */
export function applyPriceChange(price: number, change: PriceChange): number {
  const raw = change.mode === 'percent' ? Math.round((price * (100 + change.value)) / 100) : price + Math.round(change.value);
  return roundPrice(Math.max(0, raw), change.rounding, change.direction);
}
