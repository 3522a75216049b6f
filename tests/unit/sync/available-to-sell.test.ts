import { describe, expect, it } from 'vitest';
import { availableToSell, defaultStockRule, effectiveRule, type ChannelStockRule } from '../../../src/sync/available-to-sell.js';

const rule = (over: Partial<ChannelStockRule> = {}): ChannelStockRule => ({ ...defaultStockRule, ...over });

describe('availableToSell', () => {
  it('publishes everything available with the default rule', () => {
    expect(availableToSell(17, defaultStockRule)).toBe(17);
    expect(availableToSell(0, defaultStockRule)).toBe(0);
  });

  it('never publishes a negative quantity when stock is oversold locally or eaten by the buffer', () => {
    expect(availableToSell(-5, defaultStockRule)).toBe(0);
    expect(availableToSell(-5, rule({ buffer: 2, shareBasisPoints: 5000 }))).toBe(0);
    expect(availableToSell(3, rule({ buffer: 3 }))).toBe(0);
    expect(availableToSell(3, rule({ buffer: 10 }))).toBe(0);
  });

  it('subtracts the buffer before applying the share', () => {
    // (10 − 2) × 50 % = 4, not 10 × 50 % − 2 = 3.
    expect(availableToSell(10, rule({ buffer: 2, shareBasisPoints: 5000 }))).toBe(4);
  });

  it('always rounds down, including where floating point would land just under a whole number', () => {
    expect(availableToSell(9, rule({ shareBasisPoints: 5000 }))).toBe(4);
    expect(availableToSell(1, rule({ shareBasisPoints: 9999 }))).toBe(0);
    // 10 × 0.7 and 100 × 0.29 are not exact in binary floating point.
    expect(availableToSell(10, rule({ shareBasisPoints: 7000 }))).toBe(7);
    expect(availableToSell(100, rule({ shareBasisPoints: 2900 }))).toBe(29);
    expect(availableToSell(3, rule({ shareBasisPoints: 3333 }))).toBe(0);
    expect(availableToSell(1_000_000_001, rule({ shareBasisPoints: 9999 }))).toBe(999_900_000);
  });

  it('treats share 0 as "publish nothing" and share 100 % as "publish all"', () => {
    expect(availableToSell(50, rule({ shareBasisPoints: 0 }))).toBe(0);
    expect(availableToSell(50, rule({ shareBasisPoints: 10_000 }))).toBe(50);
  });

  it('caps after buffer and share, and a cap of 0 publishes nothing', () => {
    expect(availableToSell(100, rule({ cap: 20 }))).toBe(20);
    expect(availableToSell(100, rule({ buffer: 10, shareBasisPoints: 5000, cap: 40 }))).toBe(40);
    expect(availableToSell(100, rule({ buffer: 10, shareBasisPoints: 5000, cap: 60 }))).toBe(45);
    expect(availableToSell(100, rule({ cap: 0 }))).toBe(0);
    expect(availableToSell(5, rule({ cap: 20 }))).toBe(5);
  });

  it('lets a product override the channel buffer and share, and falls back where the override is null', () => {
    const channel = rule({ buffer: 5, shareBasisPoints: 5000, cap: 30 });
    expect(availableToSell(25, channel)).toBe(10);
    expect(availableToSell(25, channel, { buffer: 1 })).toBe(12);
    expect(availableToSell(25, channel, { shareBasisPoints: 10_000 })).toBe(20);
    expect(availableToSell(25, channel, { buffer: 0, shareBasisPoints: 10_000 })).toBe(25);
    expect(availableToSell(100, channel, { buffer: 0, shareBasisPoints: 10_000 })).toBe(30);
    expect(availableToSell(25, channel, { buffer: null, shareBasisPoints: null })).toBe(10);
    expect(effectiveRule(channel, { buffer: 0 })).toEqual({ buffer: 0, shareBasisPoints: 5000, cap: 30 });
  });

  it('refuses rules and quantities that are not whole numbers in range instead of guessing', () => {
    expect(() => availableToSell(1.5, defaultStockRule)).toThrow(RangeError);
    expect(() => availableToSell(10, rule({ buffer: -1 }))).toThrow(/buffer/);
    expect(() => availableToSell(10, rule({ shareBasisPoints: 10_001 }))).toThrow(/share/);
    expect(() => availableToSell(10, rule({ shareBasisPoints: 50.5 }))).toThrow(/share/);
    expect(() => availableToSell(10, rule({ cap: -1 }))).toThrow(/cap/);
    expect(() => availableToSell(10, defaultStockRule, { shareBasisPoints: -1 })).toThrow(/share/);
  });
});
