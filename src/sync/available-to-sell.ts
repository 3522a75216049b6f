// What a channel may sell of a variant: max(0, floor((available − buffer) × share)), optionally
// capped, always rounded down — rounding up would let two channels together oversell.
// Share is held as integer basis points (10000 = 100 %) so the product is exact integer
// arithmetic: 10 × 0.7 in floating point is 7.000000000000001 or 6.999…, and floor() of the
// latter would under-sell by one unit on the wrong machine.

/** Channel-wide rule; every field has a per-product override in `ProductOverride`. */
export interface ChannelStockRule {
  /** Units held back from the channel (≥ 0). */
  buffer: number;
  /** Fraction offered to the channel, in basis points 0..10000. */
  shareBasisPoints: number;
  /** Most units ever offered (≥ 0); null: no cap. */
  cap: number | null;
}

/** Per-product (per linked variant) overrides; null or absent: use the channel's value. */
export interface ProductOverride {
  buffer?: number | null;
  shareBasisPoints?: number | null;
}

export const fullShare = 10_000;

export const defaultStockRule: ChannelStockRule = { buffer: 0, shareBasisPoints: fullShare, cap: null };

function assertRule(rule: ChannelStockRule): void {
  if (!Number.isSafeInteger(rule.buffer) || rule.buffer < 0) throw new RangeError(`buffer must be a whole number ≥ 0, got ${rule.buffer}`);
  if (!Number.isSafeInteger(rule.shareBasisPoints) || rule.shareBasisPoints < 0 || rule.shareBasisPoints > fullShare) {
    throw new RangeError(`share must be 0..${fullShare} basis points, got ${rule.shareBasisPoints}`);
  }
  if (rule.cap !== null && (!Number.isSafeInteger(rule.cap) || rule.cap < 0)) throw new RangeError(`cap must be a whole number ≥ 0, got ${rule.cap}`);
}

/** The channel rule with the product's overrides applied (the cap is channel-wide only). */
export function effectiveRule(channel: ChannelStockRule, product: ProductOverride = {}): ChannelStockRule {
  return {
    buffer: product.buffer ?? channel.buffer,
    shareBasisPoints: product.shareBasisPoints ?? channel.shareBasisPoints,
    cap: channel.cap,
  };
}

/**
 * Units to publish on the channel. `available` is on hand − committed summed over the local
 * locations feeding the channel; it may be negative (oversold locally), which publishes 0.
 */
export function availableToSell(available: number, channel: ChannelStockRule, product: ProductOverride = {}): number {
  if (!Number.isSafeInteger(available)) throw new RangeError(`available must be a whole number, got ${available}`);
  const rule = effectiveRule(channel, product);
  assertRule(rule);
  const afterBuffer = available - rule.buffer;
  if (afterBuffer <= 0) return 0;
  // Exact integer floor division: the product is an exact integer below 2^53 for any real
  // quantity (shared/bounds.ts); the correction undoes a quotient the division rounded up.
  const scaled = afterBuffer * rule.shareBasisPoints;
  if (!Number.isSafeInteger(scaled)) throw new RangeError(`available ${available} is beyond what can be shared exactly`);
  let shared = Math.floor(scaled / fullShare);
  if (shared * fullShare > scaled) shared -= 1;
  return rule.cap === null ? shared : Math.min(shared, rule.cap);
}
