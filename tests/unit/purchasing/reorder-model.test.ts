import { describe, expect, it } from 'vitest';
import { explainReorder, inverseNormal, reorder, zForServiceLevel } from '../../../src/purchasing/reorder-model.js';

const base = { reviewPeriodDays: 7, serviceLevel: 0.95, manualSafetyStock: null, onOrder: 0, moq: 1, packSize: 1 };

describe('reorder arithmetic (metrics.md)', () => {
  it('uses the z values metrics.md names and the inverse normal otherwise', () => {
    expect([zForServiceLevel(0.9), zForServiceLevel(0.95), zForServiceLevel(0.98)]).toEqual([1.28, 1.65, 2.05]);
    expect(zForServiceLevel(0.99)).toBeCloseTo(2.3263, 4);
    expect(inverseNormal(0.5)).toBeCloseTo(0, 9);
  });

  it('computes safety stock, reorder point and a quantity for a hand-worked case', () => {
    // d̄ 4/day, σd 2, L 9 days: SS = 1.65 × 2 × 3 = 9.9; ROP = 36 + 9.9 = 45.9;
    // target = 4 × (9 + 7) + 9.9 = 73.9; available 30 ≤ 45.9 → order 73.9 − 30 = 43.9 → 44.
    const result = reorder({ ...base, dailyDemand: 4, demandStdDev: 2, leadTimeDays: 9, available: 30 });
    expect(result.safetyStock).toBeCloseTo(9.9, 10);
    expect(result.reorderPoint).toBeCloseTo(45.9, 10);
    expect(result.target).toBeCloseTo(73.9, 10);
    expect(result).toMatchObject({ suggest: true, quantity: 44 });
  });

  it('counts open purchase orders: the same stock with 20 on order needs only 24 more', () => {
    const result = reorder({ ...base, dailyDemand: 4, demandStdDev: 2, leadTimeDays: 9, available: 10, onOrder: 20 });
    // 10 + 20 = 30 ≤ 45.9; 73.9 − 30 = 43.9 → 44. With 40 on order: 50 > 45.9 → no suggestion.
    expect(result.quantity).toBe(44);
    expect(reorder({ ...base, dailyDemand: 4, demandStdDev: 2, leadTimeDays: 9, available: 10, onOrder: 40 }).suggest).toBe(false);
  });

  it('raises to the MOQ, then rounds up to whole packs', () => {
    // Shortfall 43.9, MOQ 50 → 50, packs of 12 → 60.
    expect(reorder({ ...base, dailyDemand: 4, demandStdDev: 2, leadTimeDays: 9, available: 30, moq: 50, packSize: 12 }).quantity).toBe(60);
    // Shortfall 43.9 above MOQ 10, packs of 6 → 48.
    expect(reorder({ ...base, dailyDemand: 4, demandStdDev: 2, leadTimeDays: 9, available: 30, moq: 10, packSize: 6 }).quantity).toBe(48);
  });

  it('uses a manual safety stock as given, and never suggests an item with no demand and no safety stock', () => {
    // d̄ 1, L 10, manual SS 5: ROP 15; target 1 × 17 + 5 = 22; available 15 → 7.
    expect(reorder({ ...base, dailyDemand: 1, demandStdDev: 9, leadTimeDays: 10, manualSafetyStock: 5, available: 15 })).toMatchObject({
      reorderPoint: 15,
      quantity: 7,
    });
    expect(reorder({ ...base, dailyDemand: 0, demandStdDev: 0, leadTimeDays: 10, available: 0, moq: 24 }).suggest).toBe(false);
  });

  it('explains every step with its numbers', () => {
    // Manual SS 9: ROP = 2.5 × 14 + 9 = 44; position 20 + 10 = 30 ≤ 44;
    // target = 2.5 × (14 + 7) + 9 = 61.5; shortfall 31.5 → MOQ 50 → packs of 12 → 60.
    const input = { ...base, dailyDemand: 2.5, demandStdDev: 1, leadTimeDays: 14, manualSafetyStock: 9, available: 20, onOrder: 10, moq: 50, packSize: 12 };
    expect(explainReorder(input, reorder(input))).toEqual({
      safetyStock: { mode: 'manual', z: 1.65, demandStdDev: 1, leadTimeDays: 14, value: 9 },
      reorderPoint: { dailyDemand: 2.5, leadTimeDays: 14, safetyStock: 9, value: 44 },
      position: { available: 20, onOrder: 10, value: 30, atOrBelowReorderPoint: true },
      target: { dailyDemand: 2.5, leadTimeDays: 14, reviewPeriodDays: 7, safetyStock: 9, value: 61.5 },
      quantity: { shortfall: 31.5, moq: 50, beforePacks: 50, packSize: 12, value: 60 },
    });
  });

  it('suggests exactly at the reorder point but not one unit above it', () => {
    // d̄ 2, L 10, manual SS 4: ROP 24; target 2 × 17 + 4 = 38.
    const at = { ...base, dailyDemand: 2, demandStdDev: 0, leadTimeDays: 10, manualSafetyStock: 4, available: 20, onOrder: 4 };
    expect(reorder(at)).toMatchObject({ reorderPoint: 24, suggest: true, quantity: 14 });
    expect(reorder({ ...at, onOrder: 5 })).toMatchObject({ suggest: false, quantity: 0 });
  });
});
