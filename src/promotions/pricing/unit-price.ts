// One SKU's unit price under promotion rules, and the deepest unit price a customer can reach under
// one rule (what the margin guard checks). Every rule reduces to a UnitFormula, which both this
// file (JS) and the guard's SQL (guard-store.ts) evaluate, so the two agree to the minor unit.
//
// Unit price rules (a price per unit, rounded half-up per unit):
//   percent_off / member_price / flash_sale percent: price × (1 − percentOffBp ÷ 10000);
//   amount_off: price − amountOff, never below 0; fixed_price / flash_sale fixed: the fixed price,
//   never above the price it is applied to (a promotion never raises a price).
// Deepest unit price of the checkout types — the worst case a customer can reach per unit:
//   spend_tiers: price × (1 − amountOff ÷ minSpend) of the tier with the largest ratio;
//   quantity_tiers: the largest tier percent on every unit;
//   buy_x_get_y: the average unit price over one full group (buy units at the price, get units at
//     getPercentOffBp off), rounded half-up;
//   coupon: its percent; an amount: price × (1 − amountOff ÷ minSpend), or amountOff off each unit
//     when minSpend is 0;
//   gift_with_purchase: price × (1 − giftQuantity × gift cost ÷ minSpend) — the gift's cost spread
//     over minSpend's worth of units (unknown gift cost: no reduction);
//   bundle_price: the component's share of the bundle discount by regular value:
//     price × (1 − (Σ regular − bundle price) ÷ Σ regular).
// A share of 100 % or more gives 0. Shares are rounded half-up on the amount off.
import type { PromotionRule, RuleOf } from '../rules.js';
import { mulDivHalfUp, percentPrice, roundHalfUp } from './rounding.js';

export type UnitFormula =
  | { kind: 'percent'; percentOffBp: number }
  | { kind: 'amount'; amountOff: number }
  | { kind: 'fixed'; price: number }
  /** price − round(price × num ÷ den), 0 when num ≥ den. */
  | { kind: 'share'; num: number; den: number }
  /** Average over a group of buy units at the price and get units at percentOffBp off. */
  | { kind: 'group'; buy: number; get: number; percentOffBp: number }
  | { kind: 'none' };

export interface DeepestContext {
  /** Unit cost of a gift_with_purchase's gift SKU (null: unknown, no reduction counted). */
  giftUnitCost?: number | null;
  /** Σ regular price × quantity of a bundle_price's components (null: unknown). */
  bundleRegularSum?: number | null;
}

export const unitRuleTypes = ['percent_off', 'amount_off', 'fixed_price', 'flash_sale', 'member_price'] as const;
export type UnitRule = RuleOf<(typeof unitRuleTypes)[number]>;

export function isUnitRule(rule: PromotionRule): rule is UnitRule {
  return (unitRuleTypes as readonly string[]).includes(rule.type);
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x === 0 ? 1 : x;
}

function share(num: number, den: number): UnitFormula {
  if (num <= 0 || den <= 0) return { kind: 'none' };
  if (num >= den) return { kind: 'share', num: 1, den: 1 };
  const g = gcd(num, den);
  return { kind: 'share', num: num / g, den: den / g };
}

/** The formula of one rule's (deepest) unit price. */
export function unitFormula(rule: PromotionRule, context: DeepestContext = {}): UnitFormula {
  switch (rule.type) {
    case 'percent_off':
    case 'member_price':
      return { kind: 'percent', percentOffBp: rule.percentOffBp };
    case 'amount_off':
      return { kind: 'amount', amountOff: rule.amountOff };
    case 'fixed_price':
      return { kind: 'fixed', price: rule.price };
    case 'flash_sale':
      return rule.salePrice.kind === 'fixed'
        ? { kind: 'fixed', price: rule.salePrice.price }
        : { kind: 'percent', percentOffBp: rule.salePrice.percentOffBp };
    case 'spend_tiers': {
      let best = rule.tiers[0];
      for (const tier of rule.tiers) {
        if (best && BigInt(tier.amountOff) * BigInt(best.minSpend) > BigInt(best.amountOff) * BigInt(tier.minSpend)) best = tier;
      }
      return best ? share(best.amountOff, best.minSpend) : { kind: 'none' };
    }
    case 'quantity_tiers':
      return { kind: 'percent', percentOffBp: Math.max(...rule.tiers.map((t) => t.percentOffBp)) };
    case 'buy_x_get_y':
      return { kind: 'group', buy: rule.buyQuantity, get: rule.getQuantity, percentOffBp: rule.getPercentOffBp };
    case 'coupon':
      if (rule.discount.kind === 'percent') return { kind: 'percent', percentOffBp: rule.discount.percentOffBp };
      return rule.minSpend > 0 ? share(rule.discount.amountOff, rule.minSpend) : { kind: 'amount', amountOff: rule.discount.amountOff };
    case 'gift_with_purchase':
      return context.giftUnitCost == null ? { kind: 'none' } : share(rule.giftQuantity * context.giftUnitCost, rule.minSpend);
    case 'bundle_price': {
      const sum = context.bundleRegularSum ?? 0;
      return sum > 0 ? share(Math.max(0, sum - rule.price), sum) : { kind: 'none' };
    }
  }
}

/** A unit price under one formula. */
export function applyFormula(price: number, formula: UnitFormula): number {
  switch (formula.kind) {
    case 'percent':
      return percentPrice(price, formula.percentOffBp);
    case 'amount':
      return Math.max(0, price - formula.amountOff);
    case 'fixed':
      return Math.min(price, formula.price);
    case 'share':
      return formula.num >= formula.den ? 0 : price - mulDivHalfUp(price, formula.num, formula.den);
    case 'group':
      return roundHalfUp(formula.buy * price + formula.get * percentPrice(price, formula.percentOffBp), formula.buy + formula.get);
    case 'none':
      return price;
  }
}

/** A unit price under one unit price rule (percent/amount off, fixed price, flash sale, member price). */
export function unitPriceUnder(price: number, rule: UnitRule): number {
  return applyFormula(price, unitFormula(rule));
}

/** The lowest unit price a single SKU can reach under one rule (header: the formulas). */
export function deepestUnitPrice(regular: number, rule: PromotionRule, context: DeepestContext = {}): number {
  return applyFormula(regular, unitFormula(rule, context));
}

/**
 * The unit price after several rules in stacking order, each on the price left by the previous
 * (checkout types at their deepest per unit). `contexts` gives each rule's DeepestContext.
 */
export function effectiveUnitPrice(regular: number, rules: readonly PromotionRule[], contexts: readonly DeepestContext[] = []): number {
  return rules.reduce((price, rule, i) => deepestUnitPrice(price, rule, contexts[i] ?? {}), regular);
}
