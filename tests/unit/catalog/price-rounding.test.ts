import { describe, expect, it } from 'vitest';
import { applyPriceChange, roundPrice } from '../../../src/catalog/price-rounding.js';

describe('price rounding (hand-computed)', () => {
  it('rounds to the nearest ending, halfway up', () => {
    expect(roundPrice(2200, '.99')).toBe(2199);
    expect(roundPrice(2250, '.99')).toBe(2299); // 2299 is 49 away, 2199 is 51 away
    expect(roundPrice(2149, '.99')).toBe(2199); // exactly between 2099 and 2199 -> up
    expect(roundPrice(2200, '.90')).toBe(2190);
    expect(roundPrice(2249, 'whole')).toBe(2200);
    expect(roundPrice(2250, 'whole')).toBe(2300);
    expect(roundPrice(1234, 'none')).toBe(1234);
    expect(roundPrice(30, '.99')).toBe(99); // the smallest .99 price
    expect(roundPrice(40, 'whole')).toBe(100); // never rounds a paid price to free
    expect(roundPrice(0, '.99')).toBe(0);
  });

  it('applies percent and amount changes, never negative', () => {
    expect(applyPriceChange(2000, { mode: 'percent', value: 10, rounding: '.99' })).toBe(2199);
    expect(applyPriceChange(2000, { mode: 'percent', value: 10, rounding: 'none' })).toBe(2200);
    expect(applyPriceChange(1005, { mode: 'percent', value: 10, rounding: 'none' })).toBe(1106); // 1105.5 -> 1106
    expect(applyPriceChange(5999, { mode: 'percent', value: -25, rounding: '.90' })).toBe(4490); // 4499.25 -> 4499 -> 4490
    expect(applyPriceChange(1000, { mode: 'amount', value: -250, rounding: 'none' })).toBe(750);
    expect(applyPriceChange(1000, { mode: 'amount', value: -2500, rounding: '.99' })).toBe(0);
    expect(applyPriceChange(1000, { mode: 'percent', value: -150, rounding: 'none' })).toBe(0);
  });

  it('rounds up or down to the ending when asked, keeping prices that already end so', () => {
    expect([roundPrice(2200, '.99', 'up'), roundPrice(2200, '.99', 'down'), roundPrice(2200, '.99', 'nearest')]).toEqual([2299, 2199, 2199]);
    expect([roundPrice(2101, '.99', 'up'), roundPrice(2101, '.99', 'down')]).toEqual([2199, 2099]);
    expect([roundPrice(2199, '.99', 'up'), roundPrice(2199, '.99', 'down')]).toEqual([2199, 2199]);
    expect([roundPrice(2191, '.90', 'up'), roundPrice(2189, '.90', 'down')]).toEqual([2290, 2090]);
    expect([roundPrice(2201, 'whole', 'up'), roundPrice(2299, 'whole', 'down')]).toEqual([2300, 2200]);
    // Below the smallest price of the ending, down still never makes a paid item free.
    expect([roundPrice(50, '.99', 'down'), roundPrice(50, 'whole', 'down'), roundPrice(0, '.99', 'up')]).toEqual([99, 100, 0]);
    // +10 % of 20.00 is 22.00: down to .99 gives 21.99, up gives 22.99.
    expect(applyPriceChange(2000, { mode: 'percent', value: 10, rounding: '.99', direction: 'down' })).toBe(2199);
    expect(applyPriceChange(2000, { mode: 'percent', value: 10, rounding: '.99', direction: 'up' })).toBe(2299);
  });
});
