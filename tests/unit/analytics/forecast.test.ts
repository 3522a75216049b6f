import { describe, expect, it } from 'vitest';
import { forecastDemand, holtWinters, wape } from '../../../src/analytics/forecast.js';

const weekly = [10, 12, 14, 16, 18, 40, 30]; // Monday … Sunday, weekends busy

describe('forecast', () => {
  it('WAPE is Σ|actual − forecast| ÷ Σ actual', () => {
    // |10−8| + |0−1| + |30−33| = 6, over 40.
    expect(wape([10, 0, 30], [8, 1, 33])).toBeCloseTo(6 / 40, 12);
    expect(wape([0, 0], [1, 2])).toBeNull();
  });

  it('repeats a steady weekly pattern exactly and reports a zero holdout error', () => {
    const history = Array.from({ length: 12 * 7 }, (_, i) => weekly[i % 7] ?? 0);
    const result = forecastDemand(history, 14);
    expect(result.wape).toBe(0);
    // The next day after 12 whole weeks is a Monday again.
    expect(result.values.map((v) => Math.round(v * 1000) / 1000)).toEqual([...weekly, ...weekly]);
    expect(result.yearly).toBe(false);
  });

  it('continues a steady upward trend', () => {
    // 5, 6, 7, … one more unit a day, no season: next are 5 + n, 5 + n + 1, …
    const history = Array.from({ length: 70 }, (_, i) => 5 + i);
    const next = holtWinters(history, 3, { alpha: 0.5, beta: 0.1, gamma: 0.05 });
    expect(next.map((v) => Math.round(v))).toEqual([75, 76, 77]);
  });

  it('uses a yearly season with two years of history, and never forecasts below zero', () => {
    // Quiet most of the year, a busy fortnight every year at the same place; the forecast starts inside it.
    const year = Array.from({ length: 365 }, (_, d) => (d >= 360 || d < 9 ? 50 : 5));
    const history = [...year, ...year].slice(0, 730 - 5);
    const result = forecastDemand(history, 7);
    expect(result.yearly).toBe(false); // 725 days: not two full years yet
    const full = forecastDemand([...year, ...year], 7);
    expect(full.yearly).toBe(true);
    expect(full.values.every((v) => v >= 0)).toBe(true);
    // Days 0–6 of the next year are in the busy fortnight: far above the quiet level.
    expect(Math.min(...full.values)).toBeGreaterThan(20);
  });
});
