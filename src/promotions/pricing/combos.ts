// The conflict finder's per-SKU work (pure, no SQL): on a SKU the checked promotion shares with
// overlapping promotions, every combination a customer could meet, each resolved with the stacking
// rule (stacking.ts) and priced at the deepest unit price (unit-price.ts).
// Unconditional price setters (percent / amount off, fixed price, flash sale) always apply;
// conditional ones (coupon, member price, tiers, BOGO, bundle, gift) may or may not, so every
// subset of them is tried together with the checked promotion and the unconditional ones — at
// most the 6 others nearest in priority per SKU (2^6 subsets). Combinations that resolve to the
// same applied set are shown once. A SKU breaches when a combination in which the checked
// promotion applies is below the floor (one in which it does not is the other promotion's check).
import type { z } from 'zod';
import type { marginBreachSchema, priceComboSchema } from '../contract.js';
import { byStackingOrder, resolveStacking } from './stacking.js';
import { applyFormula, type UnitFormula } from './unit-price.js';
import { mulDivHalfUp, roundHalfUp } from './rounding.js';
import { priceSettingTypes, type PromotionRule, type Stacking } from '../rules.js';

export type PriceCombo = z.infer<typeof priceComboSchema>;
export type MarginBreach = z.infer<typeof marginBreachSchema>;

export interface GuardPromotion {
  id: number;
  name: string;
  stacking: Stacking;
  priority: number;
  rule: PromotionRule;
  /** Its deepest unit price (unit-price.ts), worked out once per check. */
  formula: UnitFormula;
}

export interface SkuFacts {
  variantId: number;
  sku: string;
  title: string;
  regularPrice: number;
  cost: number | null;
  floorBp: number;
}

/** Others kept per SKU (nearest in priority to the checked promotion). */
export const maxOthersPerSku = 6;

/** The channel fee on one unit: price × feeBp ÷ 10000, half-up. */
export function feeOf(price: number, feeBp: number): number {
  return mulDivHalfUp(price, feeBp, 10_000);
}

/** (price − cost − fee) × 10000 ÷ price, half-up; price 0 → −10000; no cost → null. */
export function marginBpOf(price: number, cost: number | null, feeBp: number): number | null {
  if (cost === null) return null;
  if (price === 0) return -10_000;
  return roundHalfUp((price - cost - feeOf(price, feeBp)) * 10_000, price);
}

function priceUnder(regular: number, applied: readonly GuardPromotion[]): number {
  let price = regular;
  for (const p of applied) price = applyFormula(price, p.formula);
  return price;
}

/** The combinations of one set of sharing promotions: the same for every SKU that set shares. */
interface ComboPlan {
  others: GuardPromotion[];
  /** Distinct applied sets, in stacking order each. */
  applied: GuardPromotion[][];
}

export interface SkuCheck {
  others: GuardPromotion[];
  /** Only when asked for (the listed conflicts): building them for every shared SKU is wasted. */
  combos: PriceCombo[] | null;
  /** Below the floor at the checked promotion's own price (what the SQL pass counted). */
  aloneBreach: boolean;
  /** The worst combination with the checked promotion below the floor, or null. */
  worst: MarginBreach | null;
}

/** Checks SKUs against one checked promotion; plans are cached per set of sharing promotions. */
export function createSkuChecker(checked: GuardPromotion, feeBp: number) {
  const plans = new Map<string, ComboPlan>();

  function planFor(sharing: readonly GuardPromotion[]): ComboPlan {
    const key = sharing.map((p) => p.id).join(',');
    const cached = plans.get(key);
    if (cached) return cached;
    const others = [...sharing]
      .sort((a, b) => Math.abs(a.priority - checked.priority) - Math.abs(b.priority - checked.priority) || a.id - b.id)
      .slice(0, maxOthersPerSku)
      .sort(byStackingOrder);
    const always = others.filter((p) => priceSettingTypes.includes(p.rule.type));
    const maybe = others.filter((p) => !priceSettingTypes.includes(p.rule.type));
    const seen = new Set<string>();
    const applied: GuardPromotion[][] = [];
    for (let mask = 0; mask < 1 << maybe.length; mask += 1) {
      const set = resolveStacking([checked, ...always, ...maybe.filter((_, i) => (mask & (1 << i)) !== 0)]);
      const setKey = set.map((p) => p.id).join(',');
      if (!seen.has(setKey)) {
        seen.add(setKey);
        applied.push(set);
      }
    }
    const plan = { others, applied };
    plans.set(key, plan);
    return plan;
  }

  const alone = [checked];
  return function checkSku(sharing: readonly GuardPromotion[], sku: SkuFacts, withCombos: boolean): SkuCheck {
    const plan = planFor(sharing);
    const combos: PriceCombo[] = [];
    let worst: MarginBreach | null = null;
    for (const set of plan.applied) {
      const unitPrice = priceUnder(sku.regularPrice, set);
      const marginBp = marginBpOf(unitPrice, sku.cost, feeBp);
      const belowFloor = marginBp !== null && marginBp < sku.floorBp;
      if (withCombos) combos.push({ promotionIds: set.map((p) => p.id), unitPrice, marginBp, floorBp: sku.floorBp, belowFloor });
      if (belowFloor && sku.cost !== null && set.includes(checked) && (worst === null || marginBp < worst.marginBp)) {
        worst = { ...sku, cost: sku.cost, unitPrice, fee: feeOf(unitPrice, feeBp), marginBp, promotionIds: set.map((p) => p.id) };
      }
    }
    const aloneMargin = marginBpOf(priceUnder(sku.regularPrice, alone), sku.cost, feeBp);
    return { others: plan.others, combos: withCombos ? combos : null, aloneBreach: aloneMargin !== null && aloneMargin < sku.floorBp, worst };
  };
}
