// The checkout calculator: what a customer pays for a basket under the promotions that target its
// lines. Money in integer minor units, percentages in basis points; per-unit prices round
// half-up; basket-level amounts are spread over the eligible lines by their value (GMV share,
// largest remainder), so every promotion's discount sums exactly over the lines.
//
// Which promotions apply (at regular prices): one that targets a line of the basket and whose
// condition holds — coupon: the customer entered one of its codes and the eligible spend reaches
// minSpend; member_price: the customer's segment is its segment (no segment: any member);
// spend_tiers / gift_with_purchase: the eligible spend reaches the lowest threshold;
// quantity_tiers / buy_x_get_y: enough eligible units for the lowest tier / one full group;
// bundle_price: at least one complete set. On each line the stacking rule (stacking.ts) picks
// among those that apply to it: by (priority, id); an exclusive first one applies alone,
// otherwise every stackable one applies in that order, each on the prices left by the previous.
// Then each promotion acts on the lines it kept, at their current prices:
//   - unit price rules (percent/amount off, fixed, flash sale, member price): every unit;
//   - spend_tiers (满减): eligible spend ≥ a tier's minSpend (exactly at it counts) → that tier's
//     amountOff, the highest tier reached only, at most the spend;
//   - quantity_tiers (满件折): eligible units ≥ minQuantity → every eligible unit that tier's
//     percent off, the highest tier reached;
//   - buy_x_get_y: eligible units sorted by price descending form groups of buy + get; in each full
//     group the get last (cheapest) units get getPercentOffBp off (10000 = free); leftover units
//     below a full group get nothing;
//   - bundle_price (组合价): as many complete sets of the components as the basket holds; each
//     set costs `price`; the discount (the sets' value − sets × price, never negative) is spread
//     over the sets' lines by value; units beyond the sets keep their price;
//   - coupon: eligible spend ≥ minSpend → its percent off every eligible unit, or its amount
//     (at most the spend) spread by value;
//   - gift_with_purchase (满赠): eligible spend ≥ minSpend → giftQuantity of the gift added at
//     price 0, with its cost (the promotion's cost, not a discount on the lines).
import type { PromotionRule } from '../rules.js';
import { percentPrice, roundHalfUp, spreadLargestRemainder } from './rounding.js';
import { resolveStacking, byStackingOrder, type Stackable } from './stacking.js';
import { isUnitRule, unitPriceUnder } from './unit-price.js';
import { mapUnits, normalise, splitUnits, takeAmount, unitsCount, unitsTotal, type UnitBucket } from './units.js';

export interface BasketLine {
  variantId: number;
  regularPrice: number;
  quantity: number;
  cost: number | null;
}

export interface BasketPromotion extends Stackable {
  rule: PromotionRule;
  /** The variants it targets (bundle_price: its components instead). */
  variantIds: ReadonlySet<number>;
  /** member_price: the segment whose customers get it (null: any customer with a segment). */
  segmentCode?: string | null;
  /** gift_with_purchase: the gift's unit cost (null: unknown). */
  giftUnitCost?: number | null;
  /** bundle_price with a catalog bundle: its components (bundle_components); else rule.components. */
  bundleComponents?: readonly { variantId: number; quantity: number }[];
}

export interface CustomerContext {
  /** The coupon promotion whose code the customer entered (null: none). */
  couponPromotionId?: number | null;
  /** The customer's RFM segment code (member prices). */
  segmentCode?: string | null;
}

export interface PricedLine {
  variantId: number;
  quantity: number;
  regularPrice: number;
  cost: number | null;
  /** Average unit price paid (lineTotal ÷ quantity, rounded half-up). */
  unitPrice: number;
  lineTotal: number;
  discounts: { promotionId: number; amount: number }[];
}

export interface GiftLine {
  promotionId: number;
  variantId: number;
  quantity: number;
  unitCost: number | null;
  totalCost: number | null;
}

export interface BasketResult {
  lines: PricedLine[];
  gifts: GiftLine[];
  subtotal: number;
  discountTotal: number;
  total: number;
  giftCost: number;
  /** Promotions that took something off or added a gift, in the order they applied. */
  appliedPromotionIds: number[];
}

interface LineState {
  line: BasketLine;
  units: UnitBucket[];
  kept: Set<number>;
  discounts: Map<number, number>;
}

function componentsOf(p: BasketPromotion): readonly { variantId: number; quantity: number }[] {
  if (p.rule.type !== 'bundle_price') return [];
  return p.bundleComponents ?? p.rule.components;
}

function eligible(p: BasketPromotion, variantId: number): boolean {
  if (p.rule.type === 'bundle_price') return componentsOf(p).some((c) => c.variantId === variantId);
  return p.variantIds.has(variantId);
}

function completeSets(p: BasketPromotion, units: (variantId: number) => number): number {
  const components = componentsOf(p);
  if (components.length === 0) return 0;
  return Math.min(...components.map((c) => Math.floor(units(c.variantId) / c.quantity)));
}

/** Whether the promotion applies to this basket for this customer, judged at regular prices. */
function applies(p: BasketPromotion, lines: readonly BasketLine[], customer: CustomerContext): boolean {
  const mine = lines.filter((l) => eligible(p, l.variantId));
  if (mine.length === 0) return false;
  const spend = mine.reduce((s, l) => s + l.regularPrice * l.quantity, 0);
  const units = mine.reduce((s, l) => s + l.quantity, 0);
  const rule = p.rule;
  switch (rule.type) {
    case 'member_price':
      return p.segmentCode == null ? customer.segmentCode != null : customer.segmentCode === p.segmentCode;
    case 'coupon':
      return customer.couponPromotionId === p.id && spend >= rule.minSpend;
    case 'spend_tiers':
      return spend >= (rule.tiers[0]?.minSpend ?? Infinity);
    case 'quantity_tiers':
      return units >= (rule.tiers[0]?.minQuantity ?? Infinity);
    case 'buy_x_get_y':
      return units >= rule.buyQuantity + rule.getQuantity;
    case 'gift_with_purchase':
      return spend >= rule.minSpend;
    case 'bundle_price':
      return completeSets(p, (id) => mine.filter((l) => l.variantId === id).reduce((s, l) => s + l.quantity, 0)) > 0;
    default:
      return true;
  }
}

/** Takes `amount` (≤ their total) off these lines, spread by their current value. */
function spreadOver(states: readonly LineState[], amount: number): void {
  const shares = spreadLargestRemainder(amount, states.map((s) => unitsTotal(s.units)));
  states.forEach((s, i) => {
    s.units = takeAmount(s.units, shares[i] ?? 0);
  });
}

function buyXGetY(states: readonly LineState[], buy: number, get: number, percentOffBp: number): void {
  const size = buy + get;
  const flat = states.flatMap((s, line) => s.units.map((b) => ({ line, price: b.price, count: b.count })));
  flat.sort((a, b) => b.price - a.price || a.line - b.line);
  const cap = Math.floor(flat.reduce((n, b) => n + b.count, 0) / size) * size;
  // Discounted positions below x: get per full group plus the tail of a partial one.
  const discountedBelow = (x: number) => {
    const y = Math.min(x, cap);
    return Math.floor(y / size) * get + Math.max(0, (y % size) - buy);
  };
  const perLine = states.map((): UnitBucket[] => []);
  let position = 0;
  for (const b of flat) {
    const discounted = discountedBelow(position + b.count) - discountedBelow(position);
    position += b.count;
    perLine[b.line]?.push({ price: percentPrice(b.price, percentOffBp), count: discounted }, { price: b.price, count: b.count - discounted });
  }
  states.forEach((s, i) => {
    s.units = normalise(perLine[i] ?? []);
  });
}

function bundle(p: BasketPromotion, states: readonly LineState[], price: number): void {
  const components = componentsOf(p);
  const sets = completeSets(p, (id) => states.filter((s) => s.line.variantId === id).reduce((n, s) => n + unitsCount(s.units), 0));
  if (sets === 0) return;
  const taken: { state: LineState; units: UnitBucket[]; rest: UnitBucket[] }[] = [];
  for (const c of components) {
    let need = c.quantity * sets;
    for (const state of states.filter((s) => s.line.variantId === c.variantId)) {
      const [units, rest] = splitUnits(state.units, Math.min(need, unitsCount(state.units)));
      need -= unitsCount(units);
      taken.push({ state, units, rest });
    }
  }
  const value = taken.reduce((n, t) => n + unitsTotal(t.units), 0);
  const discount = Math.max(0, value - sets * price);
  const shares = spreadLargestRemainder(discount, taken.map((t) => unitsTotal(t.units)));
  taken.forEach((t, i) => {
    t.state.units = normalise([...takeAmount(t.units, shares[i] ?? 0), ...t.rest]);
  });
}

/** Applies one promotion to the lines it kept; returns a gift when it gives one. */
function act(p: BasketPromotion, states: readonly LineState[]): GiftLine | null {
  const rule = p.rule;
  const spend = states.reduce((n, s) => n + unitsTotal(s.units), 0);
  const units = states.reduce((n, s) => n + unitsCount(s.units), 0);
  if (isUnitRule(rule)) {
    for (const s of states) s.units = mapUnits(s.units, (price) => unitPriceUnder(price, rule));
    return null;
  }
  switch (rule.type) {
    case 'spend_tiers': {
      const tier = [...rule.tiers].reverse().find((t) => spend >= t.minSpend);
      if (tier) spreadOver(states, Math.min(tier.amountOff, spend));
      return null;
    }
    case 'quantity_tiers': {
      const tier = [...rule.tiers].reverse().find((t) => units >= t.minQuantity);
      if (tier) for (const s of states) s.units = mapUnits(s.units, (price) => percentPrice(price, tier.percentOffBp));
      return null;
    }
    case 'buy_x_get_y':
      buyXGetY(states, rule.buyQuantity, rule.getQuantity, rule.getPercentOffBp);
      return null;
    case 'bundle_price':
      bundle(p, states, rule.price);
      return null;
    case 'coupon': {
      if (spend < rule.minSpend) return null;
      const discount = rule.discount;
      if (discount.kind === 'percent') for (const s of states) s.units = mapUnits(s.units, (price) => percentPrice(price, discount.percentOffBp));
      else spreadOver(states, Math.min(discount.amountOff, spend));
      return null;
    }
    case 'gift_with_purchase': {
      if (spend < rule.minSpend) return null;
      const unitCost = p.giftUnitCost ?? null;
      return { promotionId: p.id, variantId: rule.giftVariantId, quantity: rule.giftQuantity, unitCost, totalCost: unitCost === null ? null : unitCost * rule.giftQuantity };
    }
    default:
      return null;
  }
}

/** Prices a basket: the stacking rule and each type's semantics are in this file's header. */
export function priceBasket(lines: readonly BasketLine[], promotions: readonly BasketPromotion[], customer: CustomerContext = {}): BasketResult {
  const applicable = promotions.filter((p) => applies(p, lines, customer)).sort(byStackingOrder);
  const states: LineState[] = lines.map((line) => ({
    line,
    units: normalise([{ price: line.regularPrice, count: line.quantity }]),
    kept: new Set(resolveStacking(applicable.filter((p) => eligible(p, line.variantId))).map((p) => p.id)),
    discounts: new Map(),
  }));
  const gifts: GiftLine[] = [];
  const applied: number[] = [];
  for (const p of applicable) {
    const mine = states.filter((s) => s.kept.has(p.id));
    if (mine.length === 0) continue;
    const before = mine.map((s) => unitsTotal(s.units));
    const gift = act(p, mine);
    let gave = gift !== null;
    if (gift) gifts.push(gift);
    mine.forEach((s, i) => {
      const amount = (before[i] ?? 0) - unitsTotal(s.units);
      if (amount !== 0) {
        s.discounts.set(p.id, (s.discounts.get(p.id) ?? 0) + amount);
        gave = true;
      }
    });
    if (gave) applied.push(p.id);
  }
  const priced = states.map((s): PricedLine => {
    const lineTotal = unitsTotal(s.units);
    return {
      variantId: s.line.variantId,
      quantity: s.line.quantity,
      regularPrice: s.line.regularPrice,
      cost: s.line.cost,
      unitPrice: s.line.quantity > 0 ? roundHalfUp(lineTotal, s.line.quantity) : s.line.regularPrice,
      lineTotal,
      discounts: [...s.discounts].map(([promotionId, amount]) => ({ promotionId, amount })),
    };
  });
  const subtotal = lines.reduce((n, l) => n + l.regularPrice * l.quantity, 0);
  const total = priced.reduce((n, l) => n + l.lineTotal, 0);
  return {
    lines: priced,
    gifts,
    subtotal,
    discountTotal: subtotal - total,
    total,
    giftCost: gifts.reduce((n, g) => n + (g.totalCost ?? 0), 0),
    appliedPromotionIds: applied,
  };
}
