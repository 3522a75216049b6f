// Code generation and the deterministic control-group split (coupon-codes.ts).
import { describe, expect, it } from 'vitest';
import { couponAlphabet } from '../../../src/promotions/coupon-contract.js';
import { fnv1a32, inControlGroup, randomCode } from '../../../src/promotions/coupon-codes.js';

describe('randomCode', () => {
  it('is the prefix followed by `length` characters of the alphabet, without look-alikes', () => {
    const codes = Array.from({ length: 500 }, () => randomCode('XMAS-', 10));
    for (const code of codes) expect(code).toMatch(/^XMAS-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}$/);
    const used = new Set(codes.flatMap((c) => [...c.slice(5)]));
    // 5,000 draws from 31 characters: every character shows up, none of 0 O 1 I L does.
    expect(used.size).toBe(couponAlphabet.length);
    expect([...used].some((c) => '0O1IL'.includes(c))).toBe(false);
  });
});

describe('control group assignment', () => {
  it('hashes with FNV-1a 32-bit (published test vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('puts the same customer in the same group every time, and none or all at 0 % / 100 % buckets', () => {
    const first = Array.from({ length: 200 }, (_, i) => inControlGroup(7, i + 1, 2000));
    const again = Array.from({ length: 200 }, (_, i) => inControlGroup(7, i + 1, 2000));
    expect(again).toEqual(first);
    expect(Array.from({ length: 200 }, (_, i) => inControlGroup(7, i + 1, 0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 200 }, (_, i) => inControlGroup(7, i + 1, 10_000)).every(Boolean)).toBe(true);
  });

  it('holds out close to the chosen share of 5,000 customers (within ±3 points)', () => {
    for (const [promotionId, shareBp] of [[1, 1000], [2, 2000], [3, 5000]] as const) {
      const held = Array.from({ length: 5000 }, (_, i) => inControlGroup(promotionId, 1000 + i, shareBp)).filter(Boolean).length;
      expect(Math.abs(held / 5000 - shareBp / 10_000)).toBeLessThan(0.03);
    }
  });

  it('salts with the promotion: another campaign holds out other customers', () => {
    const a = Array.from({ length: 1000 }, (_, i) => inControlGroup(1, i + 1, 5000));
    const b = Array.from({ length: 1000 }, (_, i) => inControlGroup(2, i + 1, 5000));
    const same = a.filter((x, i) => x === b[i]).length;
    // Independent halves agree on about half the customers, not (nearly) all.
    expect(same).toBeGreaterThan(400);
    expect(same).toBeLessThan(600);
  });
});
