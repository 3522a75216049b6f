// Lost sales of a stock-out, estimated so a person can believe it (metrics.md
// "lost sales estimate = forecast demand during stock-out days"; the rule in
// docs/metrics-notes.md "Estimated lost sales"). Pure.
//
// The forecast demand per day leans on the variant's in-stock days before the
// stock-out (the days it could sell), but a variant with only a few such days
// — typically one busy day on which it sold out — is pulled towards what it
// sold per day over the whole window before the stock-out, out-of-stock days
// included. That is a credibility weighting with `priorDays` pseudo-days:
//
//   demand/day = (units on in-stock days + priorDays × window units ÷ window days)
//                ÷ (in-stock days + priorDays)
//
// With 28 in-stock days it is 80 % the in-stock rate; with 1 it is mostly the
// window's. Lost units ≈ demand/day × days out of stock. "At most" is the
// forecast's own upper bound: the 95th percentile of demand over those days
// if sales arrive at that rate (Poisson), never less than the estimate.
import { inverseNormal } from '../purchasing/reorder-model.js';

/** Pseudo-days of the window's rate mixed into the in-stock rate. */
export const priorDays = 7;
/** The "at most" bound is this percentile of demand. */
export const upperBoundLevel = 0.95;

export interface LostSalesInput {
  /** Units sold on the in-stock baseline days, and how many such days were found. */
  baselineUnits: number;
  baselineDays: number;
  /** Units sold over the whole window before the stock-out (tracked days only), and its days. */
  windowUnits: number;
  windowDays: number;
  /** Days out of stock in the period. */
  outDays: number;
}

export interface LostSalesEstimate {
  demandPerDay: number;
  lostUnits: number;
  /** Demand over the out days stays at or under this 95 times in 100 (whole units; never below lostUnits). */
  lostUnitsHigh: number;
}

export function demandPerDay(input: Omit<LostSalesInput, 'outDays'>): number {
  const windowRate = input.windowDays > 0 ? input.windowUnits / input.windowDays : 0;
  const weight = input.windowDays > 0 ? priorDays : 0;
  const days = input.baselineDays + weight;
  return days === 0 ? 0 : (input.baselineUnits + weight * windowRate) / days;
}

export function estimateLostSales(input: LostSalesInput): LostSalesEstimate {
  const perDay = demandPerDay(input);
  const lostUnits = perDay * input.outDays;
  return { demandPerDay: perDay, lostUnits, lostUnitsHigh: Math.max(lostUnits, poissonUpper(lostUnits, upperBoundLevel)) };
}

/** Smallest k with P(N ≤ k) ≥ level for N ~ Poisson(mean); a normal approximation above 500. */
export function poissonUpper(mean: number, level: number): number {
  if (!(mean > 0)) return 0;
  if (mean > 500) return Math.ceil(mean + inverseNormal(level) * Math.sqrt(mean));
  let term = Math.exp(-mean);
  let cdf = term;
  let k = 0;
  while (cdf < level) {
    k += 1;
    term *= mean / k;
    cdf += term;
  }
  return k;
}
