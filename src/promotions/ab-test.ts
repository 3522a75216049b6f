// The statistics of an A/B comparison of a segment campaign against its held-out control group
// (metrics.md "Promotions"): the difference of two conversion rates with Newcombe's hybrid score
// interval (built from the two Wilson intervals, method 10 of Newcombe 1998, which stays inside
// [−1, 1] and behaves with few conversions where the Wald interval does not), and the difference
// of two means with Welch's t interval (unequal variances, Welch–Satterthwaite degrees of
// freedom). Pure functions; the t quantile is computed from the regularized incomplete beta
// function, so any (fractional) degrees of freedom are exact to ~1e-10.

export interface Interval {
  low: number;
  high: number;
}

/** Two-sided 95 %: the normal quantile of 0.975. */
export const z975 = 1.959963984540054;

/** Wilson score interval of x successes in n trials (n > 0). */
export function wilsonInterval(x: number, n: number, z = z975): Interval {
  if (n <= 0) return { low: 0, high: 0 };
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** p1 − p2 with Newcombe's hybrid score interval (x1 of n1 against x2 of n2). */
export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, z = z975): Interval & { diff: number } {
  const p1 = n1 > 0 ? x1 / n1 : 0;
  const p2 = n2 > 0 ? x2 / n2 : 0;
  const a = wilsonInterval(x1, n1, z);
  const b = wilsonInterval(x2, n2, z);
  const diff = p1 - p2;
  return {
    diff,
    low: diff - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
    high: diff + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2),
  };
}

/** Mean and unbiased sample variance (0 for fewer than 2 values). */
export function meanAndVariance(values: readonly number[]): { n: number; mean: number; variance: number } {
  const n = values.length;
  if (n === 0) return { n, mean: 0, variance: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { n, mean, variance: 0 };
  const squares = values.reduce((a, v) => a + (v - mean) ** 2, 0);
  return { n, mean, variance: squares / (n - 1) };
}

export interface GroupSample {
  n: number;
  mean: number;
  variance: number;
}

/** mean1 − mean2 with Welch's t interval at the given two-sided confidence (0.95 by default). */
export function welchInterval(a: GroupSample, b: GroupSample, confidence = 0.95): Interval & { diff: number; df: number | null } {
  const diff = a.mean - b.mean;
  if (a.n < 2 || b.n < 2) return { diff, low: diff, high: diff, df: null };
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { diff, low: diff, high: diff, df: null };
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const t = tQuantile(1 - (1 - confidence) / 2, df);
  return { diff, low: diff - t * se, high: diff + t * se, df };
}

// ln Γ(x) (Lanczos, g = 7, n = 9): ~15 significant digits for x > 0.
const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let sum = lanczos[0] ?? 1;
  for (let i = 1; i < 9; i++) sum += (lanczos[i] ?? 0) / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

// Continued fraction of the incomplete beta function (modified Lentz).
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 20_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with df degrees of freedom (df > 0, fractional allowed). */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const k = (arr: number[], i: number) => arr[i] ?? 0;
  const low = 0.02425;
  let x: number;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const v = (((((k(c, 0) * q + k(c, 1)) * q + k(c, 2)) * q + k(c, 3)) * q + k(c, 4)) * q + k(c, 5)) / ((((k(d, 0) * q + k(d, 1)) * q + k(d, 2)) * q + k(d, 3)) * q + 1);
    x = p < low ? v : -v;
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((k(a, 0) * r + k(a, 1)) * r + k(a, 2)) * r + k(a, 3)) * r + k(a, 4)) * r + k(a, 5)) * q) / (((((k(b, 0) * r + k(b, 1)) * r + k(b, 2)) * r + k(b, 3)) * r + k(b, 4)) * r + 1);
  }
  return x;
}

/** The p-quantile of Student's t with df degrees of freedom (bisection on the exact CDF; the normal quantile beyond 1e7 df). */
export function tQuantile(p: number, df: number): number {
  if (!(df > 0)) return NaN;
  if (p === 0.5) return 0;
  if (df > 1e7) return normalQuantile(p);
  if (p < 0.5) return -tQuantile(1 - p, df);
  let low = 0;
  let high = 1;
  while (tCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12; i++) {
    const mid = (low + high) / 2;
    if (tCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** One audience member's outcome in the window. */
export interface MemberOutcome {
  inControl: boolean;
  orders: number;
  /** Net sales of the member's orders in the window, minor units. */
  netSales: number;
}

export interface AbComparison {
  treatment: { customers: number; converted: number; conversion: number; netSalesPerCustomer: number };
  control: { customers: number; converted: number; conversion: number; netSalesPerCustomer: number };
  conversionDiff: number;
  conversionLow: number;
  conversionHigh: number;
  netSalesDiff: number;
  netSalesLow: number;
  netSalesHigh: number;
  significant: boolean;
  verdict: { key: string; params: Record<string, number> };
}

/** Percentage points with one decimal, for the verdict's words. */
const points = (fraction: number) => Math.round(fraction * 1000) / 10;

/**
 * Treatment (sent the campaign) against the held-out control group: conversion (≥ 1 non-cancelled
 * order in the window) with Newcombe's interval, net sales per customer with Welch's; significant
 * when the conversion interval excludes 0.
 */
export function compareGroups(members: readonly MemberOutcome[]): AbComparison {
  const group = (inControl: boolean) => {
    const values = members.filter((m) => m.inControl === inControl);
    const converted = values.filter((m) => m.orders > 0).length;
    const stats = meanAndVariance(values.map((m) => m.netSales));
    return { customers: values.length, converted, conversion: values.length === 0 ? 0 : converted / values.length, netSalesPerCustomer: stats.mean, stats };
  };
  const t = group(false);
  const c = group(true);
  const conversion = newcombeDifference(t.converted, t.customers, c.converted, c.customers);
  const sales = welchInterval(t.stats, c.stats);
  const up = conversion.low > 0;
  const down = conversion.high < 0;
  const params = { diff: points(conversion.diff), low: points(conversion.low), high: points(conversion.high) };
  return {
    treatment: { customers: t.customers, converted: t.converted, conversion: t.conversion, netSalesPerCustomer: t.netSalesPerCustomer },
    control: { customers: c.customers, converted: c.converted, conversion: c.conversion, netSalesPerCustomer: c.netSalesPerCustomer },
    conversionDiff: conversion.diff,
    conversionLow: conversion.low,
    conversionHigh: conversion.high,
    netSalesDiff: sales.diff,
    netSalesLow: sales.low,
    netSalesHigh: sales.high,
    significant: up || down,
    verdict: { key: up ? 'promotions.ab.significantUp' : down ? 'promotions.ab.significantDown' : 'promotions.ab.notSignificant', params },
  };
}
