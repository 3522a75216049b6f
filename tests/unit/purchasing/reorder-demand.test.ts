import { describe, expect, it } from 'vitest';
import { dayWeights, weightedDemand } from '../../../src/purchasing/demand.js';

describe('daily demand weighted to recent weeks', () => {
  it('weighs each week of the window by its recency, counted back from the end', () => {
    // 14 days = 2 weeks: the older week weighs 1, the last week 2.
    expect(dayWeights(14)).toEqual([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
    // 10 days: the 3 oldest days form a partial older week.
    expect(dayWeights(10)).toEqual([1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
    // A window of a week or less is unweighted; 56 days: the last week counts 8 times the first.
    expect(dayWeights(3)).toEqual([1, 1, 1]);
    const default56 = dayWeights(56);
    expect([default56[0], default56[6], default56[7], default56[55]]).toEqual([1, 1, 2, 8]);
  });

  it('computes the weighted mean and standard deviation by hand', () => {
    // Older week: 7 units on its first day (weight 1); last week: 2 units every day (weight 2).
    // Σw = 7 + 14 = 21; Σwq = 7 + 28 = 35 → d̄ = 35/21 = 5/3.
    // Σw(q − d̄)²: (7 − 5/3)² = 256/9 once; (0 − 5/3)² = 25/9 six times; (2 − 5/3)² = 1/9 × 2 × 7.
    // = 256/9 + 150/9 + 14/9 = 420/9; ÷ 21 = 20/9 → σd = √(20/9) = 1.490712.
    const demand = weightedDemand([7, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2], dayWeights(14));
    expect(demand.dailyDemand).toBeCloseTo(1.666667, 6);
    expect(demand.stdDev).toBeCloseTo(1.490712, 6);
    expect(demand.windowDays).toBe(14);
  });

  it('has no demand and no spread for a window without sales', () => {
    expect(weightedDemand([0, 0, 0], dayWeights(3))).toEqual({ dailyDemand: 0, stdDev: 0, windowDays: 3 });
  });
});
