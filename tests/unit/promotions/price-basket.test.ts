// The checkout calculator, hand-computed per type: thresholds at the tier and one minor unit below,
// the cheapest units in BOGO, bundle sets with leftovers, gifts, coupons, and the stacking order.
import { describe, expect, it } from 'vitest';
import { priceBasket, type BasketLine, type BasketPromotion } from '../../../src/promotions/pricing/index.js';
import type { PromotionRule, Stacking } from '../../../src/promotions/rules.js';

const line = (variantId: number, regularPrice: number, quantity = 1): BasketLine => ({ variantId, regularPrice, quantity, cost: null });

function promo(id: number, rule: PromotionRule, variants: number[], stacking: Stacking = 'stackable', priority = 100, extra: Partial<BasketPromotion> = {}): BasketPromotion {
  return { id, rule, variantIds: new Set(variants), stacking, priority, ...extra };
}

const totals = (lines: readonly BasketLine[], promotions: BasketPromotion[], customer = {}) => priceBasket(lines, promotions, customer).lines.map((l) => l.lineTotal);
const manjian: PromotionRule = { type: 'spend_tiers', tiers: [{ minSpend: 20000, amountOff: 2000 }, { minSpend: 30000, amountOff: 4000 }] };

describe('spend tiers (满减)', () => {
  it('gives the tier exactly at its threshold and nothing one minor unit below', () => {
    expect(priceBasket([line(1, 10000, 2)], [promo(1, manjian, [1])]).total).toBe(18000);
    expect(priceBasket([line(1, 19999)], [promo(1, manjian, [1])]).total).toBe(19999);
    expect(priceBasket([line(1, 29999)], [promo(1, manjian, [1])]).total).toBe(27999);
  });

  it('gives only the highest tier reached, not the sum of tiers', () => {
    expect(priceBasket([line(1, 10000, 3)], [promo(1, manjian, [1])]).discountTotal).toBe(4000);
  });

  it('counts only eligible lines and spreads the amount by value, summing exactly', () => {
    const rule: PromotionRule = { type: 'spend_tiers', tiers: [{ minSpend: 6000, amountOff: 1000 }] };
    const result = priceBasket([line(1, 1000), line(2, 2000), line(3, 3334), line(4, 5000)], [promo(1, rule, [1, 2, 3])]);
    // 1000 over 1000 / 2000 / 3334 by share: 158 / 316 / 526; line 4 is not eligible.
    expect(result.lines.map((l) => l.discounts)).toEqual([
      [{ promotionId: 1, amount: 158 }],
      [{ promotionId: 1, amount: 316 }],
      [{ promotionId: 1, amount: 526 }],
      [],
    ]);
    expect(result.total).toBe(11334 - 1000);
  });

  it('keeps every unit at an integer price when a line’s share does not divide', () => {
    const rule: PromotionRule = { type: 'spend_tiers', tiers: [{ minSpend: 3000, amountOff: 100 }] };
    const [priced] = priceBasket([line(1, 1000, 3)], [promo(1, rule, [1])]).lines;
    // 100 over 3 units: 34 + 33 + 33; the average paid is 966.67 → 967.
    expect(priced?.lineTotal).toBe(2900);
    expect(priced?.unitPrice).toBe(967);
  });
});

describe('quantity tiers (满件折)', () => {
  const rule: PromotionRule = { type: 'quantity_tiers', tiers: [{ minQuantity: 2, percentOffBp: 1000 }, { minQuantity: 3, percentOffBp: 2000 }] };
  it('gives every unit the highest tier reached', () => {
    expect(totals([line(1, 999, 1)], [promo(1, rule, [1])])).toEqual([999]);
    expect(totals([line(1, 999, 2)], [promo(1, rule, [1])])).toEqual([1798]); // 899.1 → 899 each
    expect(totals([line(1, 999, 3)], [promo(1, rule, [1])])).toEqual([2397]); // 799.2 → 799 each
    expect(totals([line(1, 999, 2), line(2, 500, 1)], [promo(1, rule, [1, 2])])).toEqual([1598, 400]);
  });
});

describe('buy x get y', () => {
  const buy2get1: PromotionRule = { type: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, getPercentOffBp: 10_000 };
  const secondHalf: PromotionRule = { type: 'buy_x_get_y', buyQuantity: 1, getQuantity: 1, getPercentOffBp: 5000 };

  it('gives the cheapest unit of a group free (买二送一)', () => {
    const result = priceBasket([line(1, 5000), line(2, 1000), line(3, 3000)], [promo(1, buy2get1, [1, 2, 3])]);
    expect(result.lines.map((l) => l.lineTotal)).toEqual([5000, 0, 3000]);
  });

  it('forms groups from the most expensive units; a leftover below a full group pays in full', () => {
    // 50, 50, 30 | 10: the group's cheapest (30) is free, the leftover 10 pays.
    expect(totals([line(1, 5000, 2), line(2, 1000), line(3, 3000)], [promo(1, buy2get1, [1, 2, 3])])).toEqual([10000, 1000, 0]);
  });

  it('takes half off the second item (第二件半价), rounding the half up', () => {
    expect(totals([line(1, 999, 2)], [promo(1, secondHalf, [1])])).toEqual([1499]); // 999 + 500
    expect(totals([line(1, 999, 3)], [promo(1, secondHalf, [1])])).toEqual([2498]); // + 999 leftover
    expect(totals([line(1, 999, 1)], [promo(1, secondHalf, [1])])).toEqual([999]);
  });
});

describe('bundle price (组合价)', () => {
  it('prices two complete sets and leaves the leftover unit at its price', () => {
    const rule: PromotionRule = { type: 'bundle_price', bundleVariantId: null, components: [{ variantId: 1, quantity: 1 }, { variantId: 2, quantity: 2 }], price: 4000 };
    const result = priceBasket([line(1, 3000, 2), line(2, 1000, 5)], [promo(1, rule, [])]);
    // 2 sets worth 2 × 5000 for 2 × 4000: 2000 off, 1200 on A and 800 on B's four units; B's fifth pays 10.
    expect(result.lines.map((l) => l.lineTotal)).toEqual([4800, 4200]);
    expect(result.lines.map((l) => l.unitPrice)).toEqual([2400, 840]);
    expect(result.total).toBe(9000);
  });

  it('takes the components of a catalog bundle when given, and nothing without a full set', () => {
    const rule: PromotionRule = { type: 'bundle_price', bundleVariantId: 50, components: [], price: 3500 };
    const p = promo(1, rule, [], 'stackable', 100, { bundleComponents: [{ variantId: 1, quantity: 1 }, { variantId: 2, quantity: 1 }] });
    expect(priceBasket([line(1, 3000), line(2, 1000)], [p]).total).toBe(3500);
    expect(priceBasket([line(1, 3000, 2)], [p]).total).toBe(6000);
  });
});

describe('gift with purchase (满赠)', () => {
  const rule: PromotionRule = { type: 'gift_with_purchase', minSpend: 29900, giftVariantId: 99, giftQuantity: 1, reserveQuantity: 0 };
  it('adds the gift with its cost only at the minimum spend or above', () => {
    const at = priceBasket([line(1, 29900)], [promo(7, rule, [1], 'stackable', 100, { giftUnitCost: 1500 })]);
    expect(at.gifts).toEqual([{ promotionId: 7, variantId: 99, quantity: 1, unitCost: 1500, totalCost: 1500 }]);
    expect(at.total).toBe(29900);
    expect(at.giftCost).toBe(1500);
    expect(priceBasket([line(1, 29899)], [promo(7, rule, [1], 'stackable', 100, { giftUnitCost: 1500 })]).gifts).toEqual([]);
  });
});

describe('coupons', () => {
  const percent: PromotionRule = { type: 'coupon', discount: { kind: 'percent', percentOffBp: 1000 }, minSpend: 10000, usageLimit: null, perCustomerLimit: 1 };
  const amount: PromotionRule = { type: 'coupon', discount: { kind: 'amount', amountOff: 3000 }, minSpend: 0, usageLimit: null, perCustomerLimit: 1 };
  it('applies only with its code entered and from its minimum spend', () => {
    expect(priceBasket([line(1, 10000)], [promo(5, percent, [1])], { couponPromotionId: 5 }).total).toBe(9000);
    expect(priceBasket([line(1, 9999)], [promo(5, percent, [1])], { couponPromotionId: 5 }).total).toBe(9999);
    expect(priceBasket([line(1, 10000)], [promo(5, percent, [1])], { couponPromotionId: null }).total).toBe(10000);
    expect(priceBasket([line(1, 10000)], [promo(5, percent, [1])], { couponPromotionId: 6 }).total).toBe(10000);
  });

  it('caps an amount at the eligible spend and spreads it by value', () => {
    expect(priceBasket([line(1, 2000), line(2, 9000)], [promo(5, amount, [1])], { couponPromotionId: 5 }).total).toBe(9000);
    expect(totals([line(1, 2000), line(2, 4000)], [promo(5, amount, [1, 2])], { couponPromotionId: 5 })).toEqual([1000, 2000]);
  });
});

describe('member prices', () => {
  it('apply to the customers of their segment only', () => {
    const p = promo(1, { type: 'member_price', percentOffBp: 500 }, [1], 'stackable', 100, { segmentCode: 'champions' });
    expect(priceBasket([line(1, 1000)], [p], { segmentCode: 'champions' }).total).toBe(950);
    expect(priceBasket([line(1, 1000)], [p], { segmentCode: 'at_risk' }).total).toBe(1000);
    expect(priceBasket([line(1, 1000)], [p], {}).total).toBe(1000);
  });
});

describe('stacking', () => {
  const tenPercent: PromotionRule = { type: 'percent_off', percentOffBp: 1000 };
  const tier18: PromotionRule = { type: 'spend_tiers', tiers: [{ minSpend: 18000, amountOff: 2000 }] };

  it('applies a stackable percent, then a spend tier on the prices it left', () => {
    const result = priceBasket([line(1, 10000, 2)], [promo(2, tier18, [1], 'stackable', 20), promo(1, tenPercent, [1], 'stackable', 10)]);
    // 20000 → 18000 (10 %) → 满减 reached at exactly 18000 → 16000.
    expect(result.total).toBe(16000);
    expect(result.lines[0]?.discounts).toEqual([{ promotionId: 1, amount: 2000 }, { promotionId: 2, amount: 2000 }]);
    expect(result.appliedPromotionIds).toEqual([1, 2]);
    // Priority the other way round: 20000 − 2000 = 18000, then 10 % → 16200.
    expect(priceBasket([line(1, 10000, 2)], [promo(2, tier18, [1], 'stackable', 5), promo(1, tenPercent, [1], 'stackable', 10)]).total).toBe(16200);
  });

  it('lets an exclusive promotion that comes first apply alone', () => {
    const flash: PromotionRule = { type: 'flash_sale', salePrice: { kind: 'fixed', price: 5000 }, perSkuCap: null, perCustomerCap: null };
    const result = priceBasket([line(1, 10000), line(2, 10000)], [promo(1, flash, [1], 'exclusive', 1), promo(2, tenPercent, [1, 2], 'stackable', 10)]);
    // Line 1: the flash sale alone; line 2 is not in the flash sale, so the 10 % applies there.
    expect(result.lines.map((l) => l.lineTotal)).toEqual([5000, 9000]);
  });

  it('skips an exclusive promotion after a stackable one, and orders equal priorities by id', () => {
    const thirty: PromotionRule = { type: 'percent_off', percentOffBp: 3000 };
    expect(priceBasket([line(1, 10000)], [promo(1, tenPercent, [1], 'stackable', 1), promo(2, thirty, [1], 'exclusive', 5)]).total).toBe(9000);
    const amount: PromotionRule = { type: 'amount_off', amountOff: 150 };
    // Same priority: id 3 (amount) before id 4 (10 %): (1000 − 150) × 0.9 = 765.
    expect(priceBasket([line(1, 1000)], [promo(4, tenPercent, [1]), promo(3, amount, [1])]).total).toBe(765);
  });

  it('does not let a threshold that is not reached block the others', () => {
    const result = priceBasket([line(1, 10000)], [promo(1, tier18, [1], 'exclusive', 1), promo(2, tenPercent, [1], 'stackable', 10)]);
    expect(result.total).toBe(9000);
  });
});
