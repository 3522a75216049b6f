// Daily levels, stock-out runs and FIFO aging on hand-worked cases.
import { describe, expect, it } from 'vitest';
import { baselineDays, dailyLevels, fifoAges, stockOutEpisodes } from '../../../src/analytics/stock-history.js';

describe('stock history', () => {
  it('walks back from the end level and finds the runs with nothing on hand', () => {
    // Seven days; ends with 5 on hand. Day 6 received +5, day 2 sold the last 2, day 1 sold 1.
    const history = dailyLevels(5, new Map([[6, 5], [2, -2], [1, -1]]), 7, 0);
    // Start: 5 − 5 + 2 + 1 = 3 → day0 3, day1 2, day2 0, days 3–5 0, day6 5.
    expect(history.levels).toEqual([3, 2, 0, 0, 0, 0, 5]);
    expect(stockOutEpisodes(history)).toEqual([{ from: 2, to: 5 }]);
  });

  it('does not count days before the first movement', () => {
    const history = dailyLevels(0, new Map([[3, 2], [5, -2]]), 7, 3);
    // Levels 0,0,0,2,2,0,0 — days 0–2 are before the variant existed.
    expect(stockOutEpisodes(history)).toEqual([{ from: 5, to: 6 }]);
  });
});

describe('forecast demand baseline', () => {
  it('takes the last in-stock days before a stock-out, skipping earlier stock-outs and untracked days', () => {
    // Tracked from day 1; out on days 4–5, then again from day 8.
    const history = { levels: [0, 3, 2, 1, 0, 0, 4, 2, 0, 0], firstTracked: 1 };
    expect(baselineDays(history, 8, 3)).toEqual([7, 6, 3]);
    // Fewer in-stock days than asked for: all of them.
    expect(baselineDays(history, 8, 28)).toEqual([7, 6, 3, 2, 1]);
    expect(baselineDays(history, 1, 28)).toEqual([]);
  });
});

describe('FIFO aging', () => {
  it('gives what is on hand the ages of the latest receipts, the rest the oldest bucket', () => {
    // 12 on hand; received 5 ten days ago, 4 sixty days ago, 10 two hundred days ago.
    const ages = fifoAges(12, [
      { ageDays: 10, quantity: 5 },
      { ageDays: 60, quantity: 4 },
      { ageDays: 200, quantity: 10 },
    ]);
    expect(Object.fromEntries(ages)).toEqual({ d0_30: 5, d31_90: 4, d181_365: 3 });
    // More on hand than any receipt explains: the rest is counted as over a year.
    expect(Object.fromEntries(fifoAges(7, [{ ageDays: 3, quantity: 2 }]))).toEqual({ d0_30: 2, over365: 5 });
  });
});
