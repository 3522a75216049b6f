// Demand forecasting, explainable: Holt-Winters (additive level, trend and
// weekly season) on a daily series, with a yearly index taken out first when
// two years of history exist. Smoothing weights are chosen by the error on a
// holdout (the last `holdout` days, fitted on what came before), and that
// error — WAPE = Σ|actual − forecast| ÷ Σ actual — is reported so the owner
// knows how far to trust the forecast (metrics.md "Forecasting"). Pure.

export interface ForecastParams {
  alpha: number;
  beta: number;
  gamma: number;
}

export interface Forecast {
  /** Forecast for each of the next `horizon` days (never below zero). */
  values: number[];
  /** Holdout error as a fraction (0.2 = 20 %), null when the holdout sold nothing or history is too short. */
  wape: number | null;
  params: ForecastParams;
  /** Whether a yearly season was used (two full years of history). */
  yearly: boolean;
  /** Days of history used. */
  historyDays: number;
}

const season = 7;
const grid: ForecastParams[] = [];
for (const alpha of [0.05, 0.1, 0.2, 0.3, 0.5]) {
  for (const beta of [0, 0.02, 0.1]) {
    for (const gamma of [0.05, 0.1, 0.3]) grid.push({ alpha, beta, gamma });
  }
}

/** Fits on `series` and returns the next `horizon` values (additive Holt-Winters, weekly season). */
export function holtWinters(series: readonly number[], horizon: number, p: ForecastParams): number[] {
  if (series.length < season * 2) {
    // Too short for a season: the mean of what there is.
    const mean = series.length === 0 ? 0 : series.reduce((a, b) => a + b, 0) / series.length;
    return Array.from({ length: horizon }, () => mean);
  }
  const firstWeek = series.slice(0, season);
  const secondWeek = series.slice(season, season * 2);
  const avg1 = firstWeek.reduce((a, b) => a + b, 0) / season;
  const avg2 = secondWeek.reduce((a, b) => a + b, 0) / season;
  // Classical start: the trend from the first two weekly means, the level just before day 0,
  // and each weekday's offset from that line averaged over the two weeks.
  let trend = (avg2 - avg1) / season;
  let level = avg1 - trend * ((season + 1) / 2);
  const centre = (season - 1) / 2;
  const seasonal = firstWeek.map((value, i) => (value - (avg1 + trend * (i - centre)) + ((secondWeek[i] ?? 0) - (avg1 + trend * (season + i - centre)))) / 2);
  for (let t = 0; t < series.length; t += 1) {
    const value = series[t] ?? 0;
    const s = seasonal[t % season] ?? 0;
    const lastLevel = level;
    level = p.alpha * (value - s) + (1 - p.alpha) * (level + trend);
    trend = p.beta * (level - lastLevel) + (1 - p.beta) * trend;
    seasonal[t % season] = p.gamma * (value - level) + (1 - p.gamma) * s;
  }
  return Array.from({ length: horizon }, (_, h) => level + (h + 1) * trend + (seasonal[(series.length + h) % season] ?? 0));
}

export function wape(actual: readonly number[], forecast: readonly number[]): number | null {
  const total = actual.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let error = 0;
  actual.forEach((value, i) => (error += Math.abs(value - (forecast[i] ?? 0))));
  return error / total;
}

/** Multiplicative index per day of the year (by ISO-ish week of the year, 53 buckets), from two full years. */
function yearlyIndex(series: readonly number[]): number[] | null {
  if (series.length < 730) return null;
  const lastTwoYears = series.slice(series.length - 730);
  const mean = lastTwoYears.reduce((a, b) => a + b, 0) / lastTwoYears.length;
  if (mean === 0) return null;
  const weeks = Array.from({ length: 53 }, () => ({ sum: 0, n: 0 }));
  // Day i of the window sits at position (i mod 365) of its year; both years feed the same week bucket.
  lastTwoYears.forEach((value, i) => {
    const bucket = weeks[Math.floor((i % 365) / 7)];
    if (bucket) {
      bucket.sum += value;
      bucket.n += 1;
    }
  });
  const byWeek = weeks.map((w) => (w.n === 0 ? 1 : w.sum / w.n / mean));
  // Index for every day of the series and beyond, aligned on the last two years' calendar.
  const offset = series.length - 730;
  return Array.from({ length: series.length + 400 }, (_, t) => {
    const position = (((t - offset) % 365) + 365) % 365;
    return Math.max(0.05, byWeek[Math.floor(position / 7)] ?? 1);
  });
}

export function forecastDemand(history: readonly number[], horizon: number, holdout = 28): Forecast {
  const index = yearlyIndex(history);
  const adjusted = index ? history.map((value, t) => value / (index[t] ?? 1)) : [...history];
  const reseason = (values: number[], start: number) => (index ? values.map((value, h) => value * (index[start + h] ?? 1)) : values);

  let best: { params: ForecastParams; error: number | null } = { params: grid[0] ?? { alpha: 0.2, beta: 0, gamma: 0.1 }, error: null };
  if (adjusted.length >= holdout + season * 2) {
    const fit = adjusted.slice(0, adjusted.length - holdout);
    const actual = history.slice(history.length - holdout);
    let bestScore = Number.POSITIVE_INFINITY;
    for (const params of grid) {
      const predicted = reseason(holtWinters(fit, holdout, params), fit.length).map((v) => Math.max(0, v));
      const error = wape(actual, predicted);
      const score = error ?? Number.POSITIVE_INFINITY;
      if (score < bestScore) {
        bestScore = score;
        best = { params, error };
      }
    }
  }
  const values = reseason(holtWinters(adjusted, horizon, best.params), adjusted.length).map((v) => Math.max(0, v));
  return { values, wape: best.error, params: best.params, yearly: index !== null, historyDays: history.length };
}
