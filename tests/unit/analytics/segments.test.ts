import { describe, expect, it } from 'vitest';
import { scoreRfm } from '../../../src/analytics/segments.js';

describe('RFM scores and segments (metrics.md)', () => {
  it('scores by quintile with ties kept together and splits at the mean score', () => {
    // Six customers. Recency (days): 1, 1, 10, 30, 200, 400. Orders: 5, 1, 3, 3, 1, 2. Spend: 900, 50, 400, 400, 20, 300.
    const scored = scoreRfm([
      { customerId: 1, recencyDays: 1, frequency: 5, monetary: 900 },
      { customerId: 2, recencyDays: 1, frequency: 1, monetary: 50 },
      { customerId: 3, recencyDays: 10, frequency: 3, monetary: 400 },
      { customerId: 4, recencyDays: 30, frequency: 3, monetary: 400 },
      { customerId: 5, recencyDays: 200, frequency: 1, monetary: 20 },
      { customerId: 6, recencyDays: 400, frequency: 2, monetary: 300 },
    ]);
    // R: k = customers with more days: c1,c2 → 4 → 1 + floor(20/6) = 4; c3 → 3 → 3; c4 → 2 → 2; c5 → 1 → 1; c6 → 0 → 1. Mean 15/6 = 2.5.
    // F: k = customers with fewer orders: c1 → 5 → 5; c3,c4 → 3 → 3; c6 → 2 → 2; c2,c5 → 0 → 1. Mean 15/6 = 2.5.
    // M: k = customers spending less: c1 → 5 → 5; c3,c4 → 3 → 3; c6 → 2 → 2; c2 → 1 → 1; c5 → 0 → 1. Mean 2.5.
    expect(scored.map((c) => [c.customerId, c.r, c.f, c.m, c.segment])).toEqual([
      [1, 4, 5, 5, 'champions'],
      [2, 4, 1, 1, 'newPromising'],
      [3, 3, 3, 3, 'champions'],
      [4, 2, 3, 3, 'atRiskBigSpenders'],
      [5, 1, 1, 1, 'hibernating'],
      [6, 1, 2, 2, 'hibernating'],
    ]);
  });

  it('gives everyone the same scores when all tie, and no segment above the mean', () => {
    const scored = scoreRfm([
      { customerId: 1, recencyDays: 5, frequency: 1, monetary: 100 },
      { customerId: 2, recencyDays: 5, frequency: 1, monetary: 100 },
    ]);
    expect(scored.map((c) => [c.r, c.f, c.m, c.segment])).toEqual([
      [1, 1, 1, 'hibernating'],
      [1, 1, 1, 'hibernating'],
    ]);
  });
});
