import { describe, expect, it } from 'vitest';
import { currencyDigits, landedCost, movingAverageCost } from '../../../src/purchasing/moving-average.js';

describe('moving-average cost', () => {
  it('averages the stock held with the units received', () => {
    // 10 held at 20.00 + 30 received at 24.00 → (200 + 720) / 40 = 23.00
    expect(movingAverageCost(10, 2000, 30, 2400)).toBe(2300);
    // 3 at 9.99 + 1 at 12.00 → 4197 / 4 = 1049.25 → 10.49
    expect(movingAverageCost(3, 999, 1, 1200)).toBe(1049);
    // 1 at 10.00 + 1 at 10.01 → 2001 / 2 = 1000.5 → rounds half up to 10.01
    expect(movingAverageCost(1, 1000, 1, 1001)).toBe(1001);
    // A cheaper receipt pulls the cost down: 40 at 50.00 + 10 at 10.05 → 210050 / 50 = 4201
    expect(movingAverageCost(40, 5000, 10, 1005)).toBe(4201);
  });

  it('takes the received cost when nothing is held, stock is negative, or there was no cost', () => {
    expect(movingAverageCost(0, 2000, 5, 2500)).toBe(2500);
    expect(movingAverageCost(-4, 2000, 5, 2500)).toBe(2500);
    expect(movingAverageCost(10, null, 5, 2500)).toBe(2500);
    expect(movingAverageCost(-4, null, 5, 0)).toBe(0);
  });

  it('keeps the old cost when nothing is received', () => {
    expect(movingAverageCost(10, 2000, 0, 2500)).toBe(2000);
    expect(movingAverageCost(10, null, 0, 2500)).toBe(2500);
  });

  it('converts a foreign-currency cost at the rate given, minding minor units', () => {
    expect([currencyDigits('USD'), currencyDigits('JPY'), currencyDigits('KWD')]).toEqual([2, 0, 3]);
    // 12.50 USD at 7.1 CNY per USD = 88.75 CNY
    expect(landedCost(1250, 7.1)).toBe(8875);
    // ¥1,500 (no minor unit) at 0.0067 USD per JPY = $10.05
    expect(landedCost(1500, 0.0067, 0, 2)).toBe(1005);
    // $10.05 at 149.5 JPY per USD = ¥1,502.475 → ¥1,502
    expect(landedCost(1005, 149.5, 2, 0)).toBe(1502);
  });
});
