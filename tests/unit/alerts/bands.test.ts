import { describe, expect, it } from 'vitest';
import { bandOf, median, medianAbsoluteDeviation, sameWeekdayBefore } from '../../../src/alerts/bands.js';
import { addDays } from '../../../src/shared/local-time.js';

describe('default KPI bands: median ± 3 × MAD of the same weekday', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('computes the band of eight weekdays by hand', () => {
    // Sorted: 80 90 95 100 100 105 110 300 → median (100 + 100) / 2 = 100.
    // |x − 100|: 20 10 5 0 0 5 10 200 → sorted 0 0 5 5 10 10 20 200 → MAD (5 + 10) / 2 = 7.5.
    const history = [100, 90, 110, 105, 95, 80, 300, 100];
    expect(medianAbsoluteDeviation(history)).toBe(7.5);
    expect(bandOf(history)).toEqual({ median: 100, mad: 7.5, lower: 77.5, upper: 122.5 });
  });

  it('an outlier does not widen the band (unlike a standard deviation)', () => {
    // 10 10 12 12 14 14 16 1000: median 13; deviations 3 3 1 1 1 1 3 987 → sorted 1 1 1 1 3 3 3 987 → MAD 2.
    expect(bandOf([10, 12, 14, 16, 10, 12, 14, 1000])).toEqual({ median: 13, mad: 2, lower: 7, upper: 19 });
  });

  it('a flat history has MAD 0 and k scales the band', () => {
    expect(bandOf([4, 4, 4, 4])).toEqual({ median: 4, mad: 0, lower: 4, upper: 4 });
    expect(bandOf([1, 2, 3], 2)).toEqual({ median: 2, mad: 1, lower: 0, upper: 4 });
    expect(bandOf([])).toBeNull();
  });

  it('lists the same weekday of the eight weeks before', () => {
    expect(sameWeekdayBefore('2026-11-19', 8, addDays)).toEqual([
      '2026-11-12', '2026-11-05', '2026-10-29', '2026-10-22', '2026-10-15', '2026-10-08', '2026-10-01', '2026-09-24',
    ]);
  });
});
