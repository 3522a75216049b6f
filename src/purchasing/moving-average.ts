// Moving-average cost: after a receipt, the unit cost is the average of the
// stock already held (at the old cost) and the units received (at their landed
// cost). Stock at or below zero, or no cost yet, means the new units set it.

export function movingAverageCost(onHandBefore: number, oldCost: number | null, received: number, landedCost: number): number {
  if (received <= 0) return oldCost ?? landedCost;
  const held = Math.max(onHandBefore, 0);
  if (oldCost === null || held === 0) return landedCost;
  return Math.round((held * oldCost + received * landedCost) / (held + received));
}

/** Digits of a currency's minor unit as the renderer shows them (USD 2, JPY 0, KWD 3). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * A PO-currency unit cost (minor units) in the shop currency (minor units).
 * `exchangeRate` is shop-currency units per one PO-currency unit, as a person
 * reads it (0.14 USD per CNY); the digits of both minor units are accounted for,
 * so ¥1,500 at 0.0067 USD/JPY lands as $10.05, not $0.10.
 */
export function landedCost(unitCost: number, exchangeRate: number, poDigits = 2, shopDigits = 2): number {
  return Math.round(unitCost * exchangeRate * 10 ** (shopDigits - poDigits));
}
