// Default KPI bands (metrics.md "Alerts"): a value is unusual when it lies
// outside median ± k × MAD of the same weekday over the last 8 weeks (k = 3).
// MAD = the median of the absolute deviations from the median (unscaled).

export const defaultBandK = 3;

/** The median of the values (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[] | Float64Array): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median absolute deviation from the median; null for no values. */
export function medianAbsoluteDeviation(values: readonly number[]): number | null {
  const centre = median(values);
  if (centre === null) return null;
  return median(values.map((value) => Math.abs(value - centre)));
}

export interface Band {
  median: number;
  mad: number;
  lower: number;
  upper: number;
}

/** median ± k × MAD of the history; null without history. */
export function bandOf(history: readonly number[], k = defaultBandK): Band | null {
  const centre = median(history);
  const mad = medianAbsoluteDeviation(history);
  if (centre === null || mad === null) return null;
  return { median: centre, mad, lower: centre - k * mad, upper: centre + k * mad };
}

/** The dates of the same weekday 1…weeks weeks before `date` (local 'YYYY-MM-DD'), most recent first. */
export function sameWeekdayBefore(date: string, weeks: number, addDays: (date: string, days: number) => string): string[] {
  return Array.from({ length: weeks }, (_, i) => addDays(date, -7 * (i + 1)));
}
