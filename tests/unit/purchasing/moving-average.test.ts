import { describe, expect, it } from 'vitest';
import { landedCost, movingAverageCost } from '../../../src/purchasing/moving-average.js';

describe('moving-average cost', () => {
  it('averages the stock held with the units received', () => {
    // 10 held at 20.00 + 30 received at 24.00 → (200 + 720) / 40 = 23.00
    expect(movingAverageCost(10, 2000, 30, 2400)).toBe(2300);
    // 3 at 9.99 + 1 at 12.00 → 4197 / 4 = 1049.25 → 10.49
    expect(movingAverageCost(3, 999, 1, 1200)).toBe(1049);
  });

  it('takes the received cost when nothing is held, stock is negative, or there was no cost', () => {
    expect(movingAverageCost(0, 2000, 5, 2500)).toBe(2500);
    expect(movingAverageCost(-4, 2000, 5, 2500)).toBe(2500);
    expect(movingAverageCost(10, null, 5, 2500)).toBe(2500);
  });

  it('converts a foreign-currency cost at the rate given', () => {
    // 12.50 USD at 7.1 CNY per USD = 88.75 CNY
    expect(landedCost(1250, 7.1)).toBe(8875);
  });
});
