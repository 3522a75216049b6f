// Lost sales of a stock-out: a few busy in-stock days do not set the daily
// demand, and the estimate never exceeds the forecast's own upper bound.
import { describe, expect, it } from 'vitest';
import { demandPerDay, estimateLostSales, poissonUpper } from '../../../src/analytics/lost-sales.js';

/** P(N ≤ k) for N ~ Poisson(mean), summed directly. */
function poissonCdf(k: number, mean: number): number {
  let term = Math.exp(-mean);
  let sum = term;
  for (let i = 1; i <= k; i += 1) {
    term *= mean / i;
    sum += term;
  }
  return sum;
}

describe('lost sales of a stock-out', () => {
  it('keeps the in-stock rate when the window before the stock-out sold at that rate', () => {
    // 28 in-stock days with 9 units, and the window is the same 28 days.
    expect(demandPerDay({ baselineUnits: 9, baselineDays: 28, windowUnits: 9, windowDays: 28 })).toBeCloseTo(9 / 28, 12);
  });

  it('does not read the day a variant sold out as its daily demand', () => {
    // The small demo's case: in stock one day in 91, sold its last 2 units that day, then out for 188 days.
    // In-stock rate × days would claim 376 lost units; weighted with the window's 2 units in 91 days it is
    // (2 + 7 × 2/91) ÷ (1 + 7) ≈ 0.27 a day → ≈ 50.6 units.
    const estimate = estimateLostSales({ baselineUnits: 2, baselineDays: 1, windowUnits: 2, windowDays: 91, outDays: 188 });
    expect(estimate.demandPerDay).toBeCloseTo((2 + (7 * 2) / 91) / 8, 12);
    expect(estimate.lostUnits).toBeCloseTo(50.615, 2);
    expect(estimate.lostUnitsHigh).toBe(63);
    expect(poissonCdf(63, estimate.lostUnits)).toBeGreaterThanOrEqual(0.95);
    expect(poissonCdf(62, estimate.lostUnits)).toBeLessThan(0.95);
  });

  it('has no demand without sales, and no loss without days out', () => {
    expect(estimateLostSales({ baselineUnits: 0, baselineDays: 28, windowUnits: 0, windowDays: 91, outDays: 10 })).toEqual({ demandPerDay: 0, lostUnits: 0, lostUnitsHigh: 0 });
    expect(estimateLostSales({ baselineUnits: 5, baselineDays: 5, windowUnits: 5, windowDays: 5, outDays: 0 })).toMatchObject({ lostUnits: 0, lostUnitsHigh: 0 });
    // Never tracked before it: nothing to go on.
    expect(demandPerDay({ baselineUnits: 0, baselineDays: 0, windowUnits: 0, windowDays: 0 })).toBe(0);
  });

  it('caps the estimate by the upper bound of the forecast demand, whatever the inputs', () => {
    for (const [baselineUnits, baselineDays, windowUnits, windowDays, outDays] of [
      [9, 28, 9, 28, 3],
      [1, 1, 1, 91, 1],
      [0, 0, 3, 91, 365],
      [400, 28, 900, 91, 60],
      [1, 28, 1, 91, 2],
    ] as const) {
      const e = estimateLostSales({ baselineUnits, baselineDays, windowUnits, windowDays, outDays });
      expect(e.lostUnitsHigh).toBeGreaterThanOrEqual(e.lostUnits);
      // A tiny expected loss: the bound (0 units 95 times in 100) never drops below the estimate itself.
      if (e.lostUnits > 0 && e.lostUnits < 0.05) expect(e.lostUnitsHigh).toBe(e.lostUnits);
    }
  });

  it('finds the 95th percentile of Poisson demand exactly, and by the normal curve for large means', () => {
    expect(poissonUpper(27 / 28, 0.95)).toBe(3);
    expect(poissonUpper(0, 0.95)).toBe(0);
    for (const mean of [0.5, 4, 37.2, 499]) {
      const k = poissonUpper(mean, 0.95);
      expect(poissonCdf(k, mean)).toBeGreaterThanOrEqual(0.95);
      expect(k === 0 || poissonCdf(k - 1, mean)).toBeTruthy();
      if (k > 0) expect(poissonCdf(k - 1, mean)).toBeLessThan(0.95);
    }
    // Above 500 the normal approximation: within a unit of the exact percentile around the switch.
    expect(Math.abs(poissonUpper(501, 0.95) - poissonUpper(500, 0.95))).toBeLessThanOrEqual(2);
    expect(poissonUpper(10_000, 0.95)).toBe(Math.ceil(10_000 + 1.6448536 * 100));
  });
});
