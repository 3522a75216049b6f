// Moving-average cost: after a receipt, the unit cost is the average of the
// stock already held (at the old cost) and the units received (at their landed
// cost). Stock at or below zero, or no cost yet, means the new units set it.

export function movingAverageCost(onHandBefore: number, oldCost: number | null, received: number, landedCost: number): number {
  if (received <= 0) return oldCost ?? landedCost;
  const held = Math.max(onHandBefore, 0);
  if (oldCost === null || held === 0) return landedCost;
  return Math.round((held * oldCost + received * landedCost) / (held + received));
}

/** PO-currency cost → shop currency, in minor units (rate = shop units per PO unit). */
export function landedCost(unitCost: number, exchangeRate: number): number {
  return Math.round(unitCost * exchangeRate);
}
