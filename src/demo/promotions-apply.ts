// The demo's promotions at work while orders are simulated: which products they lift (and the
// dip after), and the discount each order gets from the rule of the promotion running that day —
// 满减 tiers on the eligible spend, 满件折 on the eligible units, the flash sale's price under its
// caps, the win-back coupon. Order-level discounts are split over the lines they came from, so
// order_lines.discount always adds up to orders.discount_total.
import type { RuleOf } from '../promotions/rules.js';
import { LEAVES } from './catalog-spec.js';
import type { Catalog } from './catalog.js';
import type { CouponCampaign } from './coupon-campaign.js';
import { DIP_DAYS, type DemoPromotion } from './promotions-plan.js';
import type { Rng } from './prng.js';
import { spreadLargestRemainder } from '../promotions/pricing/rounding.js';

export interface PricedLine {
  variant: number;
  qty: number;
  price: number;
  discount: number;
  cost: number;
}

/** Half-up to the minor unit, for the non-negative amounts used here. */
function halfUp(value: number): number {
  return Math.floor(value + 0.5);
}

/**
 * Integer shares of total proportional to weights, adding up to total exactly: the pricing
 * engine's largest-remainder split; all weights 0 (nothing to weigh by) puts it all on the first.
 */
export function splitByWeight(total: number, weights: readonly number[]): number[] {
  return weights.some((w) => w > 0) ? spreadLargestRemainder(total, weights) : weights.map((_, i) => (i === 0 ? total : 0));
}

export class DemoPromotionDays {
  /** Per day: the ended promotions running (tiers and flash sales). */
  private readonly running: DemoPromotion[][];
  /** Per day: demand multiplier per leaf category, or null when no promotion shapes the day. */
  private readonly factors: (Float64Array | null)[];
  /** Flash-sale units sold per promotion id and variant. */
  private readonly flashSold = new Map<number, Map<number, number>>();
  private readonly couponUsed: Uint8Array;

  constructor(
    private readonly catalog: Catalog,
    dayCount: number,
    promotions: readonly DemoPromotion[],
    private readonly campaign: CouponCampaign | null,
  ) {
    this.running = Array.from({ length: dayCount }, () => []);
    this.factors = Array.from({ length: dayCount }, () => null);
    const multiply = (d: number, p: DemoPromotion, factor: number): void => {
      if (d < 0 || d >= dayCount || factor === 1) return;
      const f = this.factors[d] ?? new Float64Array(LEAVES.length).fill(1);
      p.leaves.forEach((on, leaf) => {
        if (on) f[leaf] = (f[leaf] ?? 1) * factor;
      });
      this.factors[d] = f;
    };
    for (const p of promotions) {
      if (p.status !== 'ended' || p.rule.type === 'coupon') continue;
      for (let d = Math.max(0, p.startDay); d < Math.min(dayCount, p.endDay); d++) {
        this.running[d]?.push(p);
        multiply(d, p, p.lift);
      }
      for (let d = p.endDay; d < p.endDay + DIP_DAYS; d++) multiply(d, p, p.dip);
    }
    this.couponUsed = new Uint8Array(campaign?.codes.length ?? 0);
  }

  /** Demand multiplier of a product of this leaf category on day d. */
  factor(d: number, leaf: number): number {
    return this.factors[d]?.[leaf] ?? 1;
  }

  /** The day's multipliers per leaf category, or null when no promotion shapes the day (the common case: no lookups). */
  leafFactors(d: number): Float64Array | null {
    return this.factors[d] ?? null;
  }

  /** A tier promotion runs: its rules replace the generic festival discounts for the whole day. */
  replacesGeneric(d: number): boolean {
    return (this.running[d] ?? []).some((p) => p.rule.type === 'spend_tiers' || p.rule.type === 'quantity_tiers');
  }

  /** 满件折 on this product: shoppers take two or three more often. */
  buysMore(d: number, leaf: number): boolean {
    return (this.running[d] ?? []).some((p) => p.rule.type === 'quantity_tiers' && p.leaves[leaf] === true);
  }

  /** The order may carry a win-back code (its customer is in the treatment group). */
  hasCoupon(order: number): boolean {
    return (this.campaign?.orderCode[order] ?? -1) >= 0;
  }

  /** A flash-sale SKU added to the basket on a flash day (not yet sold out), or -1. */
  flashPick(d: number, rng: Rng): number {
    for (const p of this.running[d] ?? []) {
      if (p.rule.type !== 'flash_sale' || !rng.chance(p.flashRate)) continue;
      const open = p.variants.filter((v) => this.flashLeft(p, p.rule as RuleOf<'flash_sale'>, v) > 0);
      if (open.length > 0) return open[rng.int(0, open.length - 1)] ?? -1;
    }
    return -1;
  }

  private flashLeft(p: DemoPromotion, rule: RuleOf<'flash_sale'>, variant: number): number {
    const sold = this.flashSold.get(p.id)?.get(variant) ?? 0;
    return rule.perSkuCap === null ? Number.MAX_SAFE_INTEGER : rule.perSkuCap - sold;
  }

  /**
   * Sets the lines' discounts from the promotions running on day d (lines come in with their
   * generic discount, 0 where a promotion applies) and returns the coupon code the order carries.
   * Cancelled orders get their discounts too but use no cap or code.
   */
  apply(d: number, order: number, lines: PricedLine[], cancelled: boolean): string | null {
    for (const p of this.running[d] ?? []) {
      if (p.rule.type === 'flash_sale') this.applyFlash(p, p.rule, lines, cancelled);
      else if (p.rule.type === 'spend_tiers') this.applySpendTiers(p, p.rule, lines);
      else if (p.rule.type === 'quantity_tiers') this.applyQuantityTiers(p, p.rule, lines);
    }
    return cancelled ? null : this.applyCoupon(order, lines);
  }

  private eligible(p: DemoPromotion, line: PricedLine): boolean {
    const leaf = this.catalog.products[this.catalog.productOf[line.variant] ?? 0]?.leaf ?? -1;
    return p.leaves[leaf] === true;
  }

  private applyFlash(p: DemoPromotion, rule: RuleOf<'flash_sale'>, lines: PricedLine[], cancelled: boolean): void {
    if (rule.salePrice.kind !== 'percent') return;
    const bp = rule.salePrice.percentOffBp;
    for (const line of lines) {
      if (!p.variants.includes(line.variant)) continue;
      const left = this.flashLeft(p, rule, line.variant);
      if (left <= 0) continue; // sold out at the flash price: regular price again
      line.qty = Math.min(line.qty, rule.perCustomerCap ?? line.qty, left);
      line.discount = line.qty * halfUp((line.price * bp) / 10_000);
      if (cancelled) continue;
      const sold = this.flashSold.get(p.id) ?? new Map<number, number>();
      sold.set(line.variant, (sold.get(line.variant) ?? 0) + line.qty);
      this.flashSold.set(p.id, sold);
    }
  }

  /** 满减: the highest tier the eligible spend reaches, split over the eligible lines by their value. */
  private applySpendTiers(p: DemoPromotion, rule: RuleOf<'spend_tiers'>, lines: PricedLine[]): void {
    const eligible = lines.filter((l) => this.eligible(p, l));
    const spend = eligible.reduce((s, l) => s + l.qty * l.price - l.discount, 0);
    let off = 0;
    for (const tier of rule.tiers) if (spend >= tier.minSpend) off = tier.amountOff;
    if (off === 0) return;
    const shares = splitByWeight(off, eligible.map((l) => l.qty * l.price - l.discount));
    eligible.forEach((l, i) => (l.discount += shares[i] ?? 0));
  }

  /** 满件折: enough eligible units, and every eligible line gets the tier's share off. */
  private applyQuantityTiers(p: DemoPromotion, rule: RuleOf<'quantity_tiers'>, lines: PricedLine[]): void {
    const eligible = lines.filter((l) => this.eligible(p, l));
    const units = eligible.reduce((s, l) => s + l.qty, 0);
    let bp = 0;
    for (const tier of rule.tiers) if (units >= tier.minQuantity) bp = tier.percentOffBp;
    if (bp === 0) return;
    for (const l of eligible) l.discount = halfUp((l.qty * l.price * bp) / 10_000);
  }

  private applyCoupon(order: number, lines: PricedLine[]): string | null {
    const campaign = this.campaign;
    const k = campaign?.orderCode[order] ?? -1;
    if (!campaign || k < 0 || this.couponUsed[k] === 1 || campaign.promotion.rule.type !== 'coupon') return null;
    const rule = campaign.promotion.rule;
    const net = lines.reduce((s, l) => s + l.qty * l.price - l.discount, 0);
    if (net < rule.minSpend) return null; // came back, but below the coupon's minimum spend
    const off = rule.discount.kind === 'percent' ? halfUp((net * rule.discount.percentOffBp) / 10_000) : Math.min(net, rule.discount.amountOff);
    const shares = splitByWeight(off, lines.map((l) => l.qty * l.price - l.discount));
    lines.forEach((l, i) => (l.discount += shares[i] ?? 0));
    this.couponUsed[k] = 1;
    return campaign.codes[k] ?? null;
  }
}
