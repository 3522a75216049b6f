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

/**
 * Scores where a higher `goodness` is better: k = how many are strictly worse (a lower bound in
 * the sorted values). Typed arrays: the large shop scores 80,000 customers per call.
 */
function scores(goodness: Float64Array): Uint8Array {
  const sorted = goodness.slice().sort();
  const n = goodness.length;
  const result = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    const value = goodness[i] ?? 0;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    result[i] = 1 + Math.floor((5 * lo) / n);
  }
  return result;
}

/** Segments by high (1) / low (0) recency, frequency and monetary scores: index R·4 + F·2 + M. */
const bySplit: readonly SegmentCode[] = [
  'hibernating', // LLL
  'cantLoseThem', // LLH
  'needsAttention', // LHL
  'atRiskBigSpenders', // LHH
  'newPromising', // HLL
  'potentialLoyalists', // HLH
  'loyalLowSpenders', // HHL
  'champions', // HHH
];

const mean = (values: Uint8Array) => {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
};

export function scoreRfm(customers: readonly RfmInput[]): RfmScored[] {
  const n = customers.length;
  if (n === 0) return [];
  const column = (pick: (c: RfmInput) => number) => {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i += 1) values[i] = pick(customers[i] as RfmInput);
    return values;
  };
  const r = scores(column((c) => -c.recencyDays));
  const f = scores(column((c) => c.frequency));
  const m = scores(column((c) => c.monetary));
  const meanR = mean(r);
  const meanF = mean(f);
  const meanM = mean(m);
  const scored: RfmScored[] = new Array<RfmScored>(n);
  for (let i = 0; i < n; i += 1) {
    const c = customers[i] as RfmInput;
    const rs = r[i] ?? 1;
    const fs = f[i] ?? 1;
    const ms = m[i] ?? 1;
    // Built field by field: an object spread per customer costs more than the scoring itself.
    scored[i] = {
      customerId: c.customerId,
      recencyDays: c.recencyDays,
      frequency: c.frequency,
      monetary: c.monetary,
      r: rs,
      f: fs,
      m: ms,
      segment: bySplit[(rs > meanR ? 4 : 0) + (fs > meanF ? 2 : 0) + (ms > meanM ? 1 : 0)] ?? 'hibernating',
    };
  }
  return scored;
}
