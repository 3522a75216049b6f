// One SKU's unit price under each rule and the deepest price the margin guard checks, hand-computed.
import { describe, expect, it } from 'vitest';
import { deepestUnitPrice, effectiveUnitPrice, unitPriceUnder } from '../../../src/promotions/pricing/index.js';
import type { PromotionRule } from '../../../src/promotions/rules.js';
import { percentPrice, roundHalfUp, spreadLargestRemainder } from '../../../src/promotions/pricing/rounding.js';

describe('rounding', () => {
  it('rounds half-up to the minor unit, also for negative margins', () => {
    expect(roundHalfUp(5, 2)).toBe(3); // 2.5 → 3
    expect(roundHalfUp(-5, 2)).toBe(-2); // −2.5 → −2 (towards +∞)
    expect(roundHalfUp(-7, 3)).toBe(-2); // −2.33 → −2
    expect(percentPrice(5, 5000)).toBe(3); // half of 0.05 = 0.025 → 0.03
  });

  it('splits an amount by share so that the parts sum exactly', () => {
    // 1000 over 1000 / 2000 / 3334: 157.88, 315.76, 526.36 → the two largest remainders get a cent.
    expect(spreadLargestRemainder(1000, [1000, 2000, 3334])).toEqual([158, 316, 526]);
    expect(spreadLargestRemainder(2, [0, 0, 0])).toEqual([1, 1, 0]);
  });
});

describe('unit price rules', () => {
  it('takes 33.33 % off 9.99 as 6.66', () => {
    // 999 × 0.6667 = 666.03
    expect(unitPriceUnder(999, { type: 'percent_off', percentOffBp: 3333 })).toBe(666);
  });

  it('never takes an amount below 0', () => {
    expect(unitPriceUnder(300, { type: 'amount_off', amountOff: 500 })).toBe(0);
    expect(unitPriceUnder(1300, { type: 'amount_off', amountOff: 500 })).toBe(800);
  });

  it('sells at a fixed price that never raises the price', () => {
    expect(unitPriceUnder(2000, { type: 'fixed_price', price: 1500 })).toBe(1500);
    expect(unitPriceUnder(1000, { type: 'fixed_price', price: 1500 })).toBe(1000);
  });

  it('prices a flash sale as fixed or percent, and member prices as percent', () => {
    const flash = { perSkuCap: null, perCustomerCap: null } as const;
    expect(unitPriceUnder(1999, { type: 'flash_sale', salePrice: { kind: 'percent', percentOffBp: 2000 }, ...flash })).toBe(1599); // 1599.2
    expect(unitPriceUnder(1999, { type: 'flash_sale', salePrice: { kind: 'fixed', price: 999 }, ...flash })).toBe(999);
    expect(unitPriceUnder(995, { type: 'member_price', percentOffBp: 1000 })).toBe(896); // 895.5 → 896
  });
});

describe('deepest unit price of checkout types', () => {
  it('takes the spend tier with the largest share off', () => {
    // 20 off 200 = 10 %, 40 off 300 = 13.33 % → 1000 × 2/15 = 133.33 off → 867.
    const rule: PromotionRule = { type: 'spend_tiers', tiers: [{ minSpend: 20000, amountOff: 2000 }, { minSpend: 30000, amountOff: 4000 }] };
    expect(deepestUnitPrice(1000, rule)).toBe(867);
  });

  it('takes the deepest quantity tier', () => {
    const rule: PromotionRule = { type: 'quantity_tiers', tiers: [{ minQuantity: 2, percentOffBp: 1000 }, { minQuantity: 3, percentOffBp: 2000 }] };
    expect(deepestUnitPrice(999, rule)).toBe(799); // 799.2
  });

  it('averages a buy-x-get-y group', () => {
    expect(deepestUnitPrice(1000, { type: 'buy_x_get_y', buyQuantity: 1, getQuantity: 1, getPercentOffBp: 10_000 })).toBe(500);
    // 第二件半价 on 9.99: second unit 499.5 → 500; (999 + 500) ÷ 2 = 749.5 → 750.
    expect(deepestUnitPrice(999, { type: 'buy_x_get_y', buyQuantity: 1, getQuantity: 1, getPercentOffBp: 5000 })).toBe(750);
    // 买二送一 on 10.00: (2 × 1000 + 0) ÷ 3 = 666.67 → 667.
    expect(deepestUnitPrice(1000, { type: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, getPercentOffBp: 10_000 })).toBe(667);
  });

  it('prices a coupon by percent, by amount over its minimum spend, or per unit without one', () => {
    const base = { usageLimit: null, perCustomerLimit: 1 } as const;
    expect(deepestUnitPrice(999, { type: 'coupon', discount: { kind: 'percent', percentOffBp: 1500 }, minSpend: 0, ...base })).toBe(849); // 849.15
    // 30 off 100: 999 × 0.3 = 299.7 → 300 off.
    expect(deepestUnitPrice(999, { type: 'coupon', discount: { kind: 'amount', amountOff: 3000 }, minSpend: 10000, ...base })).toBe(699);
    expect(deepestUnitPrice(999, { type: 'coupon', discount: { kind: 'amount', amountOff: 500 }, minSpend: 0, ...base })).toBe(499);
  });

  it('counts a gift’s cost as a share of the minimum spend', () => {
    const rule = { type: 'gift_with_purchase', minSpend: 29900, giftVariantId: 9, giftQuantity: 1, reserveQuantity: 0 } as const;
    expect(deepestUnitPrice(1000, rule, { giftUnitCost: 2990 })).toBe(900); // 10 %
    expect(deepestUnitPrice(1000, { ...rule, giftQuantity: 2 }, { giftUnitCost: 2990 })).toBe(800);
    expect(deepestUnitPrice(1000, rule, { giftUnitCost: null })).toBe(1000);
  });

  it('gives a bundle component its share of the bundle discount by regular value', () => {
    // Components worth 30 + 2 × 10 = 50 for 40: 20 % off each.
    const rule: PromotionRule = { type: 'bundle_price', bundleVariantId: null, components: [{ variantId: 1, quantity: 1 }, { variantId: 2, quantity: 2 }], price: 4000 };
    expect(deepestUnitPrice(3000, rule, { bundleRegularSum: 5000 })).toBe(2400);
    expect(deepestUnitPrice(1000, rule, { bundleRegularSum: 5000 })).toBe(800);
  });

  it('stacks rules on the price left by the previous one', () => {
    // 10 % off 1000 → 900, then 满减 10 % share → 810; the other way round the same here, but an
    // amount first: 1000 − 150 = 850 → 10 % → 765.
    const tiers: PromotionRule = { type: 'spend_tiers', tiers: [{ minSpend: 10000, amountOff: 1000 }] };
    expect(effectiveUnitPrice(1000, [{ type: 'percent_off', percentOffBp: 1000 }, tiers])).toBe(810);
    expect(effectiveUnitPrice(1000, [{ type: 'amount_off', amountOff: 150 }, { type: 'percent_off', percentOffBp: 1000 }])).toBe(765);
  });
});
