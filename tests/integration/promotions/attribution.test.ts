// Attribution of order lines to a promotion: by coupon code (case-insensitive, only the code's own
// promotion), gifts (the gift SKU fully discounted inside an attributed order), member prices
// (the audience outside the control group), and the A/B comparison of a campaign with a control group.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import { newcombeDifference } from '../../../src/promotions/ab-test.js';
import { evaluatePromotion } from '../../../src/promotions/evaluation-service.js';
import { evaluationShop, flatBaseline, knownBaselines, order, promotion } from './evaluation-fixture.js';

let db: Db;
afterEach(() => db.close());

const none = () => knownBaselines((days) => flatBaseline(days, 0, []));
const after = new Date('2026-07-01T00:00:00.000Z');
const coupon = { type: 'coupon', discount: { kind: 'amount', amountOff: 500 }, minSpend: 0, usageLimit: null, perCustomerLimit: 1 };

describe('attribution', () => {
  it('attributes a coupon promotion by its codes only, case-insensitively, with the order-level discount split by GMV', () => {
    db = evaluationShop();
    promotion(db, { id: 1, type: 'coupon', rule: coupon, startsAt: '2026-05-01T00:00:00.000Z', endsAt: '2026-05-03T00:00:00.000Z' });
    promotion(db, { id: 2, type: 'coupon', rule: coupon, startsAt: '2026-05-01T00:00:00.000Z', endsAt: '2026-05-03T00:00:00.000Z' });
    db.exec(`INSERT INTO coupon_codes (promotion_id, code, created_at) VALUES (1, 'SPRING-1', '2026-01-01T00:00:00Z'), (1, 'SPRING-2', '2026-01-01T00:00:00Z'), (2, 'OTHER', '2026-01-01T00:00:00Z')`);
    // 500 off an order of 1 × T-A (1000) and 2 × C-1 (500 each): 250 on each line's share of 2000.
    order(db, { placedAt: '2026-05-01T10:00:00.000Z', customerId: 1, couponCode: 'spring-1', orderDiscount: 500, lines: [{ variantId: 1, quantity: 1, unitPrice: 1000 }, { variantId: 3, quantity: 2, unitPrice: 500 }] });
    order(db, { placedAt: '2026-05-02T10:00:00.000Z', customerId: 2, couponCode: 'Spring-2', orderDiscount: 500, lines: [{ variantId: 2, quantity: 1, unitPrice: 2000 }] });
    // No code, another promotion's code, a cancelled order with the code, a code used after the window.
    order(db, { placedAt: '2026-05-01T11:00:00.000Z', customerId: 3, lines: [{ variantId: 1, quantity: 5, unitPrice: 1000 }] });
    order(db, { placedAt: '2026-05-01T12:00:00.000Z', customerId: 3, couponCode: 'OTHER', orderDiscount: 500, lines: [{ variantId: 1, quantity: 1, unitPrice: 1000 }] });
    order(db, { placedAt: '2026-05-01T13:00:00.000Z', customerId: 4, couponCode: 'SPRING-1', status: 'cancelled', orderDiscount: 500, lines: [{ variantId: 1, quantity: 1, unitPrice: 1000 }] });
    order(db, { placedAt: '2026-05-04T13:00:00.000Z', customerId: 4, couponCode: 'SPRING-1', orderDiscount: 500, lines: [{ variantId: 1, quantity: 1, unitPrice: 1000 }] });
    const e = evaluatePromotion(db, 1, after, { baselines: none() });
    expect(e.orders).toBe(2);
    expect(e.units).toBe(4);
    expect(e.gmv).toBe(4000);
    expect(e.discounts).toBe(1000);
    expect(e.netSales).toBe(3000);
    // COGS: 400 + 2 × 200 + 1200 = 2000.
    expect(e.grossProfit).toBe(1000);
    expect(e.notes.map((n) => n.key)).toContain('promotions.evaluation.note.audienceLift');
    const rows = Object.fromEntries(e.rows.map((r) => [r.sku, r.discounts]));
    expect(rows).toEqual({ 'T-A': 250, 'C-1': 250, 'T-B': 500 });
  });

  it('counts a fully discounted gift in an attributed order as gift cost, not as sales', () => {
    db = evaluationShop();
    promotion(db, { id: 1, type: 'gift_with_purchase', rule: { type: 'gift_with_purchase', minSpend: 1500, giftVariantId: 4, giftQuantity: 1, reserveQuantity: 10 }, startsAt: '2026-04-01T00:00:00.000Z', endsAt: '2026-04-03T00:00:00.000Z', targets: [['product', 2]] });
    order(db, { placedAt: '2026-04-01T10:00:00.000Z', customerId: 1, lines: [{ variantId: 2, quantity: 1, unitPrice: 2000 }, { variantId: 4, quantity: 1, unitPrice: 300, discount: 300 }] });
    // A gift-priced line in an order with nothing promoted (not this promotion's gift), and a gift SKU sold at price.
    order(db, { placedAt: '2026-04-02T10:00:00.000Z', customerId: 2, lines: [{ variantId: 4, quantity: 1, unitPrice: 300, discount: 300 }] });
    order(db, { placedAt: '2026-04-02T11:00:00.000Z', customerId: 3, lines: [{ variantId: 2, quantity: 1, unitPrice: 2000 }, { variantId: 4, quantity: 1, unitPrice: 300 }] });
    const e = evaluatePromotion(db, 1, after, { baselines: none() });
    expect(e.orders).toBe(2);
    expect(e.units).toBe(2);
    expect(e.netSales).toBe(4000);
    expect(e.giftCost).toBe(100);
    expect(e.promotionCost).toBe(100);
    // GP 4000 − 2400 = 1600, no baseline: incremental 1600 − 100 = 1500; ROI 15.
    expect(e.incrementalGrossProfit).toBe(1500);
    expect(e.roi).toBe(15);
    expect(e.liftPercent).toBeNull();
  });

  it('attributes a member price to its audience outside the control group, and compares treatment with control', () => {
    db = evaluationShop();
    promotion(db, { id: 1, type: 'member_price', rule: { type: 'member_price', percentOffBp: 1000 }, startsAt: '2026-05-01T00:00:00.000Z', endsAt: '2026-05-08T00:00:00.000Z', controlShareBp: 5000 });
    db.exec('INSERT INTO promotion_audience (promotion_id, customer_id, in_control) VALUES (1, 1, 0), (1, 2, 0), (1, 3, 1), (1, 4, 1)');
    order(db, { placedAt: '2026-05-02T10:00:00.000Z', customerId: 1, lines: [{ variantId: 1, quantity: 2, unitPrice: 1000, discount: 200 }] });
    order(db, { placedAt: '2026-05-03T10:00:00.000Z', customerId: 3, lines: [{ variantId: 1, quantity: 1, unitPrice: 1000 }] });
    order(db, { placedAt: '2026-05-04T10:00:00.000Z', customerId: null, lines: [{ variantId: 1, quantity: 1, unitPrice: 1000 }] });
    const e = evaluatePromotion(db, 1, after, { baselines: none() });
    // Only Ann's order: Cy is in the control group, the guest in no audience.
    expect(e.units).toBe(2);
    expect(e.netSales).toBe(1800);
    // What the 2 treatment customers would have bought anyway: the 2 control customers' purchases
    // (Cy: 1 × T-A for 1000, cost 400) × 2 / 2. Lift 2 − 1 units; incremental GP (1800 − 800) − 600 = 400; ROI 400 / 200.
    expect(e.baselineUnits).toBe(1);
    expect(e.baselineNetSales).toBe(1000);
    expect(e.baselineGrossProfit).toBe(600);
    expect(e.liftPercent).toBe(1);
    expect(e.incrementalGrossProfit).toBe(400);
    expect(e.roi).toBe(2);
    expect(e.notes).toContainEqual({ key: 'promotions.evaluation.note.controlBaseline', params: { treatment: 2, control: 2 } });
    const ab = e.ab;
    expect(ab).not.toBeNull();
    if (!ab) return;
    expect(ab.treatment).toEqual({ customers: 2, converted: 1, conversion: 0.5, netSalesPerCustomer: 900 });
    expect(ab.control).toEqual({ customers: 2, converted: 1, conversion: 0.5, netSalesPerCustomer: 500 });
    const reference = newcombeDifference(1, 2, 1, 2);
    expect(ab.conversionDiff).toBe(0);
    expect(ab.conversionLow).toBeCloseTo(reference.low, 12);
    expect(ab.significant).toBe(false);
    expect(ab.verdict.key).toBe('promotions.ab.notSignificant');
    expect(ab.netSalesDiff).toBe(400);
  });
});
