// The replenishment model of metrics.md, as pure arithmetic:
//   safety stock SS = z × σd × √L            (or the manual safety stock)
//   reorder point ROP = d̄ × L + SS
//   suggest when available + on order ≤ ROP
//   quantity = max(MOQ, target − available − on order), rounded up to the pack size,
//   target = d̄ × (L + review period) + SS

/** z for the service levels metrics.md names; others from the inverse normal. */
const namedZ = new Map([
  [0.9, 1.28],
  [0.95, 1.65],
  [0.98, 2.05],
]);

export function zForServiceLevel(level: number): number {
  const named = namedZ.get(Math.round(level * 1000) / 1000);
  return named ?? inverseNormal(level);
}

/** Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9). */
export function inverseNormal(p: number): number {
  if (p <= 0 || p >= 1) throw new RangeError(`probability out of range: ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const poly = (k: number[], x: number) => k.reduce((sum, coefficient) => sum * x + coefficient, 0);
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -poly(c, q) / (poly(d, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

export interface ReorderInput {
  dailyDemand: number;
  demandStdDev: number;
  leadTimeDays: number;
  reviewPeriodDays: number;
  serviceLevel: number;
  /** A fixed safety stock (manual mode); null computes it from demand. */
  manualSafetyStock: number | null;
  available: number;
  onOrder: number;
  moq: number;
  packSize: number;
}

export interface ReorderResult {
  z: number;
  safetyStock: number;
  reorderPoint: number;
  target: number;
  /** target − available − on order, before MOQ and packs. */
  shortfall: number;
  suggest: boolean;
  quantity: number;
}

/**
 * Every number of one suggestion's calculation, step by step, so the UI can render e.g.
 * "d̄ 2.4/day × L 14 d + SS 9 = ROP 43; available 20 + on order 10 = 30 ≤ 43 →
 *  order max(MOQ 50, 74 − 30 = 44) → 50, rounded to pack 12 → 60".
 */
export interface ReorderExplanation {
  safetyStock: { mode: 'manual' | 'computed'; z: number; demandStdDev: number; leadTimeDays: number; value: number };
  reorderPoint: { dailyDemand: number; leadTimeDays: number; safetyStock: number; value: number };
  position: { available: number; onOrder: number; value: number; atOrBelowReorderPoint: boolean };
  target: { dailyDemand: number; leadTimeDays: number; reviewPeriodDays: number; safetyStock: number; value: number };
  quantity: { shortfall: number; moq: number; beforePacks: number; packSize: number; value: number };
}

export function explainReorder(input: ReorderInput, result: ReorderResult): ReorderExplanation {
  const position = input.available + input.onOrder;
  return {
    safetyStock: {
      mode: input.manualSafetyStock === null ? 'computed' : 'manual',
      z: result.z,
      demandStdDev: input.demandStdDev,
      leadTimeDays: input.leadTimeDays,
      value: result.safetyStock,
    },
    reorderPoint: { dailyDemand: input.dailyDemand, leadTimeDays: input.leadTimeDays, safetyStock: result.safetyStock, value: result.reorderPoint },
    position: { available: input.available, onOrder: input.onOrder, value: position, atOrBelowReorderPoint: result.suggest },
    target: {
      dailyDemand: input.dailyDemand,
      leadTimeDays: input.leadTimeDays,
      reviewPeriodDays: input.reviewPeriodDays,
      safetyStock: result.safetyStock,
      value: result.target,
    },
    quantity: {
      shortfall: result.shortfall,
      moq: input.moq,
      beforePacks: result.suggest ? Math.ceil(Math.max(input.moq, result.shortfall)) : 0,
      packSize: Math.max(1, input.packSize),
      value: result.quantity,
    },
  };
}

export function reorder(input: ReorderInput): ReorderResult {
  const z = zForServiceLevel(input.serviceLevel);
  const safetyStock = input.manualSafetyStock ?? z * input.demandStdDev * Math.sqrt(input.leadTimeDays);
  const reorderPoint = input.dailyDemand * input.leadTimeDays + safetyStock;
  const target = input.dailyDemand * (input.leadTimeDays + input.reviewPeriodDays) + safetyStock;
  const position = input.available + input.onOrder;
  const shortfall = target - position;
  // Nothing to protect (no demand, no safety stock): never suggest buying, even at zero stock.
  const suggest = reorderPoint > 0 && position <= reorderPoint;
  const pack = Math.max(1, input.packSize);
  const quantity = suggest ? Math.ceil(Math.max(input.moq, shortfall) / pack) * pack : 0;
  return { z, safetyStock, reorderPoint, target, shortfall, suggest, quantity };
}
