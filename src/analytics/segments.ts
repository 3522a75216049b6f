// RFM scoring and the eight segments, exactly as metrics.md defines them:
// score = 1 + floor(5k ÷ N), k = customers with a strictly worse value (more
// days since the last order; fewer orders; less net spend), ties kept
// together; a dimension is high when its score is strictly above that
// dimension's mean score. Pure.

export const segmentCodes = [
  'champions',
  'potentialLoyalists',
  'atRiskBigSpenders',
  'cantLoseThem',
  'loyalLowSpenders',
  'newPromising',
  'needsAttention',
  'hibernating',
] as const;
export type SegmentCode = (typeof segmentCodes)[number];

export interface RfmInput {
  customerId: number;
  recencyDays: number;
  frequency: number;
  monetary: number;
}

export interface RfmScored extends RfmInput {
  r: number;
  f: number;
  m: number;
  segment: SegmentCode;
}

/** Scores where a higher `goodness` is better: k = how many are strictly worse. */
function scores(goodness: readonly number[]): number[] {
  const sorted = [...goodness].sort((a, b) => a - b);
  const n = goodness.length;
  const strictlyBelow = (value: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return goodness.map((value) => 1 + Math.floor((5 * strictlyBelow(value)) / n));
}

const table: Record<string, SegmentCode> = {
  HHH: 'champions',
  HLH: 'potentialLoyalists',
  LHH: 'atRiskBigSpenders',
  LLH: 'cantLoseThem',
  HHL: 'loyalLowSpenders',
  HLL: 'newPromising',
  LHL: 'needsAttention',
  LLL: 'hibernating',
};

export function scoreRfm(customers: readonly RfmInput[]): RfmScored[] {
  if (customers.length === 0) return [];
  const r = scores(customers.map((c) => -c.recencyDays));
  const f = scores(customers.map((c) => c.frequency));
  const m = scores(customers.map((c) => c.monetary));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const [meanR, meanF, meanM] = [mean(r), mean(f), mean(m)];
  return customers.map((customer, i) => {
    const [rs, fs, ms] = [r[i] ?? 1, f[i] ?? 1, m[i] ?? 1];
    const key = `${rs > meanR ? 'H' : 'L'}${fs > meanF ? 'H' : 'L'}${ms > meanM ? 'H' : 'L'}`;
    return { ...customer, r: rs, f: fs, m: ms, segment: table[key] ?? 'hibernating' };
  });
}
