// ABC classes worked out by hand (metrics.md): rank by value descending, ties
// by SKU; cumulative share BEFORE the SKU < 80 % → A (the SKU crossing 80 % is
// A), < 95 % → B, else C; no sales → C.
import { describe, expect, it } from 'vitest';
import { classifyAbc, summarizeAbc } from '../../../src/analytics/abc.js';

const item = (variantId: number, sku: string, value: number) => ({ variantId, sku, title: sku, value });

describe('classifyAbc', () => {
  it('ranks by value, breaks ties by SKU, and puts the SKU that crosses 80 % in A', () => {
    // Total 1000. Ranked: E 500 (before 0 %), B 200 (50 %), C 200 (70 %; tie with B, 'B-2' < 'C-1'),
    // A 60 (90 %), D 40 (96 %), F 0 (100 %, no sales).
    // C starts at 70 % and crosses 80 % → A. A starts at 90 % → B. D starts at 96 % → C.
    const rows = classifyAbc([item(1, 'A-9', 60), item(2, 'C-1', 200), item(3, 'B-2', 200), item(4, 'D-4', 40), item(5, 'E-5', 500), item(6, 'F-6', 0)]);
    expect(rows.map((r) => [r.rank, r.sku, r.value, r.cumulativeShareBefore, r.class])).toEqual([
      [1, 'E-5', 500, 0, 'A'],
      [2, 'B-2', 200, 0.5, 'A'],
      [3, 'C-1', 200, 0.7, 'A'],
      [4, 'A-9', 60, 0.9, 'B'],
      [5, 'D-4', 40, 0.96, 'C'],
      [6, 'F-6', 0, 1, 'C'],
    ]);
  });

  it('puts a SKU starting exactly at 80 % in B and one starting exactly at 95 % in C', () => {
    // Total 100: X 80 (0 %) A; Y 15 (80 % — not under 80 %) B; Z 5 (95 % — not under 95 %) C.
    const rows = classifyAbc([item(1, 'Z', 5), item(2, 'Y', 15), item(3, 'X', 80)]);
    expect(rows.map((r) => [r.sku, r.class])).toEqual([
      ['X', 'A'],
      ['Y', 'B'],
      ['Z', 'C'],
    ]);
  });

  it('keeps SKUs with refunds beyond their sales in C, after the zero ones', () => {
    // Total 100 + 0 − 20 = 80; P (before 0) A; Q 0 and R −20: no net sales → C.
    const rows = classifyAbc([item(1, 'R', -20), item(2, 'Q', 0), item(3, 'P', 100)]);
    expect(rows.map((r) => [r.sku, r.cumulativeShareBefore, r.class])).toEqual([
      ['P', 0, 'A'],
      ['Q', 100 / 80, 'C'],
      ['R', 100 / 80, 'C'],
    ]);
  });

  it('classes everything C with no share when nothing sold', () => {
    const rows = classifyAbc([item(1, 'B', 0), item(2, 'A', 0)]);
    expect(rows.map((r) => [r.sku, r.cumulativeShareBefore, r.class])).toEqual([
      ['A', null, 'C'],
      ['B', null, 'C'],
    ]);
  });
});

describe('summarizeAbc', () => {
  it('counts SKUs and value per class with their shares', () => {
    // Same six SKUs as above: A = E, B, C (900 of 1000), B = A-9 (60), C = D, F (40).
    const rows = classifyAbc([item(1, 'A-9', 60), item(2, 'C-1', 200), item(3, 'B-2', 200), item(4, 'D-4', 40), item(5, 'E-5', 500), item(6, 'F-6', 0)]);
    expect(summarizeAbc(rows)).toEqual([
      { class: 'A', skus: 3, shareOfSkus: 0.5, value: 900, shareOfMeasure: 0.9 },
      { class: 'B', skus: 1, shareOfSkus: 1 / 6, value: 60, shareOfMeasure: 0.06 },
      { class: 'C', skus: 2, shareOfSkus: 2 / 6, value: 40, shareOfMeasure: 0.04 },
    ]);
    expect(summarizeAbc([])).toEqual([
      { class: 'A', skus: 0, shareOfSkus: null, value: 0, shareOfMeasure: null },
      { class: 'B', skus: 0, shareOfSkus: null, value: 0, shareOfMeasure: null },
      { class: 'C', skus: 0, shareOfSkus: null, value: 0, shareOfMeasure: null },
    ]);
  });
});
