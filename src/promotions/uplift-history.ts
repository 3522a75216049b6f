// The expected uplift of a promotion learned from this shop's own past promotions
// (docs/metrics-notes.md "Baseline and simulation"): those of the same type and a similar depth
// (headline percent within ±10 points; any of the type when a depth is not a percent), each
// one's lift = (actual − baseline units) ÷ baseline over its window, averaged weighted by
// baseline units. Where a past promotion's figures come from is injectable (LiftSource): the
// default asks the evaluation (evaluation-service.ts); tests give known lifts.
import type { Db } from '../db/open.js';
import { evaluatePromotion } from './evaluation-service.js';
import { unitFormula } from './pricing/unit-price.js';
import type { PromotionRule } from './rules.js';
import type { PastPromotion } from './simulation-store.js';

/** Units a past promotion sold in its window and its baseline for the same days. */
export interface PastLift {
  units: number;
  baselineUnits: number;
}

/** A past promotion's units against its baseline; null when it cannot be told. */
export type LiftSource = (promotionId: number) => PastLift | null;

/** Depths within this many basis points (10 percentage points) count as similar. */
export const similarDepthBp = 1000;

/**
 * The default source: the promotion's evaluation (final, since only ended promotions are asked),
 * headline figures only — no rows, customers or cannibalisation, and no simulation of its own.
 */
export function evaluationLiftSource(db: Db, now: Date): LiftSource {
  return (promotionId) => {
    const evaluation = evaluatePromotion(db, promotionId, now, { headline: true, simulate: null });
    return { units: evaluation.units, baselineUnits: evaluation.baselineUnits };
  };
}

/**
 * A rule's headline percent off in basis points — its deepest per-unit share off, as the pricing
 * engine reduces it (pricing/unit-price.ts) — or null when that is not a percent (an amount off,
 * a fixed price, a gift, a bundle), which any promotion of the type is comparable with.
 */
export function headlineDepthBp(rule: PromotionRule): number | null {
  const formula = unitFormula(rule);
  switch (formula.kind) {
    case 'percent':
      return formula.percentOffBp;
    case 'share':
      return (formula.num * 10_000) / formula.den;
    case 'group':
      return (formula.get * formula.percentOffBp) / (formula.buy + formula.get);
    default:
      return null;
  }
}

export function similarDepth(a: PromotionRule, b: PromotionRule): boolean {
  const depthA = headlineDepthBp(a);
  const depthB = headlineDepthBp(b);
  return depthA === null || depthB === null || Math.abs(depthA - depthB) <= similarDepthBp;
}

export interface LearnedUplift {
  /** Σ (actual − baseline) ÷ Σ baseline over the comparable promotions. */
  fraction: number;
  basedOn: { id: number; name: string; lift: number }[];
}

// A past promotion's evaluation may itself simulate (to compare with its plan), and that
// simulation would learn from promotions before it, and so on. While lifts are being learned, a
// nested simulation learns nothing (it falls back to the owner's assumption), which keeps every
// simulation to one level of past evaluations.
let learning = false;

/** The weighted lift of the comparable past promotions; null when none of them has a baseline above 0. */
export function learnUplift(rule: PromotionRule, candidates: readonly PastPromotion[], source: LiftSource): LearnedUplift | null {
  if (learning) return null;
  learning = true;
  try {
    let units = 0;
    let baseline = 0;
    const basedOn: LearnedUplift['basedOn'] = [];
    for (const past of candidates) {
      if (!similarDepth(rule, past.rule)) continue;
      const figures = source(past.id);
      // A zero baseline has no lift as a fraction and no weight in the average.
      if (!figures || figures.baselineUnits <= 0) continue;
      units += figures.units;
      baseline += figures.baselineUnits;
      basedOn.push({ id: past.id, name: past.name, lift: (figures.units - figures.baselineUnits) / figures.baselineUnits });
    }
    return baseline > 0 ? { fraction: (units - baseline) / baseline, basedOn } : null;
  } finally {
    learning = false;
  }
}
