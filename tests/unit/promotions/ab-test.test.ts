// The A/B statistics against published and independently computed reference values.
import { describe, expect, it } from 'vitest';
import { compareGroups, newcombeDifference, normalQuantile, tQuantile, welchInterval, wilsonInterval } from '../../../src/promotions/ab-test.js';

describe('A/B statistics', () => {
  it('gives Newcombe’s hybrid score intervals of his 1998 paper (method 10)', () => {
    // Newcombe, Statistics in Medicine 17 (1998), table II: 56/70 − 48/80, 9/10 − 3/10, 5/56 − 0/29.
    const a = newcombeDifference(56, 70, 48, 80);
    expect(a.diff).toBeCloseTo(0.2, 12);
    expect(a.low).toBeCloseTo(0.0524, 4);
    expect(a.high).toBeCloseTo(0.3339, 4);
    const b = newcombeDifference(9, 10, 3, 10);
    expect(b.low).toBeCloseTo(0.1705, 4);
    expect(b.high).toBeCloseTo(0.809, 4);
    const c = newcombeDifference(5, 56, 0, 29);
    expect(c.low).toBeCloseTo(-0.0381, 4);
    expect(c.high).toBeCloseTo(0.1926, 4);
  });

  it('computes 40/200 against 25/200 from the two Wilson intervals', () => {
    // Wilson 95 % (computed independently with scipy's normal quantile): 40/200 → [0.150452, 0.260855],
    // 25/200 → [0.086120, 0.178014]; low = 0.075 − √((0.2 − 0.150452)² + (0.178014 − 0.125)²) = 0.002436,
    // high = 0.075 + √((0.260855 − 0.2)² + (0.125 − 0.086120)²) = 0.147215.
    const w1 = wilsonInterval(40, 200);
    expect(w1.low).toBeCloseTo(0.150452, 5);
    expect(w1.high).toBeCloseTo(0.260855, 5);
    const d = newcombeDifference(40, 200, 25, 200);
    expect(d.diff).toBeCloseTo(0.075, 12);
    expect(d.low).toBeCloseTo(0.002436, 5);
    expect(d.high).toBeCloseTo(0.147215, 5);
  });

  it('gives Student t quantiles of the tables, and the normal one for very large df', () => {
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228139, 5);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042272, 5);
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706205, 4);
    expect(tQuantile(0.995, 3.5)).toBeCloseTo(5.085702, 4);
    expect(tQuantile(0.975, 1e9)).toBeCloseTo(1.959964, 5);
    expect(tQuantile(0.975, 100_000)).toBeCloseTo(1.959988, 5);
    expect(tQuantile(0.025, 10)).toBeCloseTo(-2.228139, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
  });

  it('builds Welch’s interval with the Welch–Satterthwaite degrees of freedom', () => {
    // [1..5] against [2, 4, 6]: means 3 and 4, variances 2.5 and 4; df = 3.5328, t = 2.92741.
    const w = welchInterval({ n: 5, mean: 3, variance: 2.5 }, { n: 3, mean: 4, variance: 4 });
    expect(w.df).toBeCloseTo(3.532847, 5);
    expect(w.low).toBeCloseTo(-4.963726, 4);
    expect(w.high).toBeCloseTo(2.963726, 4);
  });

  it('says significant up, down or not from the conversion interval', () => {
    const group = (inControl: boolean, customers: number, converted: number) =>
      Array.from({ length: customers }, (_, i) => ({ inControl, orders: i < converted ? 1 : 0, netSales: i < converted ? 1000 : 0 }));
    const up = compareGroups([...group(false, 200, 40), ...group(true, 200, 25)]);
    expect(up.significant).toBe(true);
    expect(up.verdict).toEqual({ key: 'promotions.ab.significantUp', params: { diff: 7.5, low: 0.2, high: 14.7 } });
    // Net sales per customer 200 against 125.
    expect(up.netSalesDiff).toBeCloseTo(75, 10);
    const down = compareGroups([...group(false, 200, 25), ...group(true, 200, 40)]);
    expect(down.verdict.key).toBe('promotions.ab.significantDown');
    const flat = compareGroups([...group(false, 50, 10), ...group(true, 50, 8)]);
    expect(flat.significant).toBe(false);
    expect(flat.verdict.key).toBe('promotions.ab.notSignificant');
  });
});
