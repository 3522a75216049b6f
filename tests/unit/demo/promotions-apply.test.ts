// The demo's promotion rules applied to simulated baskets, with hand-computed discounts.
import { describe, expect, it } from 'vitest';
import type { Catalog, Product } from '../../../src/demo/catalog.js';
import { LEAVES } from '../../../src/demo/catalog-spec.js';
import type { CouponCampaign } from '../../../src/demo/coupon-campaign.js';
import { DemoPromotionDays, splitByWeight, type PricedLine } from '../../../src/demo/promotions-apply.js';
import type { DemoPromotion } from '../../../src/demo/promotions-plan.js';
import { Rng } from '../../../src/demo/prng.js';
import type { PromotionRule } from '../../../src/promotions/rules.js';

const CHARGERS = LEAVES.findIndex((l) => l.key === 'chargers');
const HOODIES = LEAVES.findIndex((l) => l.key === 'hoodies');

/** Variants 0, 1: chargers (electronics); variant 2: a hoodie (apparel). */
function catalog(): Catalog {
  const product = (leaf: number, firstVariant: number, variantCount: number): Product => ({
    id: firstVariant + 1, leaf, kind: 'general', life: 'steady', launchDay: -1, endDay: 730, pop: 1, firstVariant, variantCount,
    coverDays: 30, packSize: 1, moq: 1,
  });
  return {
    products: [product(CHARGERS, 0, 2), product(HOODIES, 2, 1)], productOf: Int32Array.from([0, 0, 1]),
    price: Int32Array.from([12_000, 8_000, 30_000]), cost: Int32Array.from([5_000, 4_000, 12_000]), weight: Float64Array.from([1, 1, 1]),
    sku: ['C-1', 'C-2', 'H-1'], lineTitle: ['C1', 'C2', 'H1'], noRestockFrom: new Int16Array(3).fill(9999), parentCategory: new Map(),
    // Purchasing does not enter the promotion rules.
    supplierOf: new Int32Array(3), leadTime: new Int16Array(3), supplierUnitCost: new Int32Array(3), supplierSku: ['', '', ''], supplierCurrency: ['USD', 'USD', 'USD'],
  };
}

function promotion(id: number, rule: PromotionRule, parts: Partial<DemoPromotion> = {}): DemoPromotion {
  return {
    id, name: 'p', status: 'ended', startMs: 0, endMs: 0, startDay: 10, endDay: 12, scope: 'targets', targets: [], rule,
    segmentCode: null, controlShareBp: 0, leaves: LEAVES.map((l) => l.parent === 'electronics'), variants: [], lift: 2, dip: 0.5,
    flashRate: 0, ...parts,
  };
}

const line = (variant: number, qty: number, price: number): PricedLine => ({ variant, qty, price, discount: 0, cost: 0 });

describe('splitByWeight', () => {
  it('splits exactly, the remainder to the largest fractions', () => {
    expect(splitByWeight(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByWeight(2_000, [12_000, 8_000])).toEqual([1_200, 800]);
    expect(splitByWeight(10, [1, 2])).toEqual([3, 7]);
    expect(splitByWeight(7, [0, 0])).toEqual([7, 0]);
  });
});

describe('demo promotion days', () => {
  const tiers: PromotionRule = { type: 'spend_tiers', tiers: [{ minSpend: 20_000, amountOff: 2_000 }, { minSpend: 30_000, amountOff: 4_000 }] };

  it('gives the 满减 tier reached exactly at the threshold, split over the eligible lines only', () => {
    const days = new DemoPromotionDays(catalog(), 30, [promotion(1, tiers)], null);
    const at = [line(0, 1, 12_000), line(1, 1, 8_000), line(2, 1, 30_000)];
    expect(days.apply(10, 0, at, false)).toBeNull();
    expect(at.map((l) => l.discount)).toEqual([1_200, 800, 0]);
    const below = [line(1, 2, 7_999), line(2, 1, 30_000)]; // 15,998 eligible: no tier, whatever the hoodie adds
    days.apply(11, 1, below, false);
    expect(below.map((l) => l.discount)).toEqual([0, 0]);
    // Outside the window nothing applies; the products are lifted inside it and dip in the 14 days after.
    const outside = [line(0, 3, 12_000)];
    days.apply(12, 2, outside, false);
    expect(outside[0]?.discount).toBe(0);
    expect([days.factor(9, CHARGERS), days.factor(10, CHARGERS), days.factor(10, HOODIES), days.factor(12, CHARGERS), days.factor(26, CHARGERS)])
      .toEqual([1, 2, 1, 0.5, 1]);
    expect(days.replacesGeneric(10)).toBe(true);
    expect(days.replacesGeneric(12)).toBe(false);
  });

  it('gives 满件折 per line, rounded half-up, from the tier the eligible units reach', () => {
    const rule: PromotionRule = { type: 'quantity_tiers', tiers: [{ minQuantity: 2, percentOffBp: 1_000 }, { minQuantity: 3, percentOffBp: 1_500 }] };
    const days = new DemoPromotionDays(catalog(), 30, [promotion(1, rule)], null);
    const three = [line(0, 2, 999), line(1, 1, 1_001), line(2, 1, 500)];
    days.apply(10, 0, three, false);
    // 1,998 × 15 % = 299.7 → 300; 1,001 × 15 % = 150.15 → 150; the hoodie is not targeted.
    expect(three.map((l) => l.discount)).toEqual([300, 150, 0]);
    const two = [line(0, 1, 1_005), line(1, 1, 1_000)];
    days.apply(10, 1, two, false);
    expect(two.map((l) => l.discount)).toEqual([101, 100]); // 100.5 → 101
    expect(days.buysMore(10, CHARGERS)).toBe(true);
    expect(days.buysMore(10, HOODIES)).toBe(false);
  });

  it('sells a flash-sale SKU at its price until the per-SKU cap, at most the per-customer cap per order', () => {
    const rule: PromotionRule = { type: 'flash_sale', salePrice: { kind: 'percent', percentOffBp: 5_500 }, perSkuCap: 3, perCustomerCap: 2 };
    const days = new DemoPromotionDays(catalog(), 30, [promotion(1, rule, { variants: [1], leaves: LEAVES.map(() => false), flashRate: 1, lift: 1, dip: 1 })], null);
    const first = [line(1, 3, 8_000)];
    days.apply(10, 0, first, false);
    expect(first[0]).toMatchObject({ qty: 2, discount: 2 * 4_400 });
    const cancelled = [line(1, 1, 8_000)];
    days.apply(10, 1, cancelled, true); // a cancelled order uses none of the cap
    const second = [line(1, 2, 8_000)];
    days.apply(11, 2, second, false);
    expect(second[0]).toMatchObject({ qty: 1, discount: 4_400 });
    const soldOut = [line(1, 1, 8_000)];
    days.apply(11, 3, soldOut, false);
    expect(soldOut[0]?.discount).toBe(0);
    expect(days.flashPick(11, new Rng(1))).toBe(-1);
  });

  it('applies a personal coupon once, above its minimum spend, split over all lines', () => {
    const rule: PromotionRule = { type: 'coupon', discount: { kind: 'percent', percentOffBp: 1_500 }, minSpend: 9_900, usageLimit: null, perCustomerLimit: 1 };
    const p = promotion(1, rule, { scope: 'shop', leaves: LEAVES.map(() => false), lift: 1, dip: 1 });
    const campaign: CouponCampaign = { promotion: p, audience: [], treatment: [5], codes: ['WB-ABC234'], orderCode: Int32Array.from([0, 0, 0, -1]) };
    const days = new DemoPromotionDays(catalog(), 30, [p], campaign);
    const small = [line(1, 1, 8_000)];
    expect(days.apply(11, 0, small, false)).toBeNull(); // 80.00 < 99.00
    const big = [line(0, 1, 12_000), line(2, 1, 30_000)];
    expect(days.apply(11, 1, big, false)).toBe('WB-ABC234');
    expect(big.map((l) => l.discount)).toEqual([1_800, 4_500]); // 42,000 × 15 % = 6,300
    const again = [line(2, 1, 30_000)];
    expect(days.apply(11, 2, again, false)).toBeNull();
    expect(days.hasCoupon(3)).toBe(false);
  });
});
