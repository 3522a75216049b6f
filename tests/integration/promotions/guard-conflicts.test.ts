// The conflict finder: SKUs another scheduled / running promotion shares with the checked one in
// an overlapping window and channel, with the price of every combination a customer can meet.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import { createGuardService } from '../../../src/promotions/guard-service.js';
import type { PromotionRule } from '../../../src/promotions/rules.js';
import { feb15, guardShop, insertPromotion, percentOff } from './guard-fixture.js';

let db: Db;
afterEach(() => db.close());

const manjian: PromotionRule = { type: 'spend_tiers', tiers: [{ minSpend: 20000, amountOff: 2000 }] };
const apparel: ['category', number][] = [['category', 1]];

describe('conflicts', () => {
  it('lists each shared SKU with the price and margin of every combination', () => {
    db = guardShop();
    insertPromotion(db, 1, { rule: percentOff(1000), status: 'draft', priority: 10, targets: apparel });
    insertPromotion(db, 2, { rule: manjian, priority: 20, targets: apparel, name: '满减 200-20' });
    const result = createGuardService(db).check({ promotionId: 1 });

    expect(result.variantCount).toBe(3);
    expect(result.conflictCount).toBe(3);
    expect(result.conflicts.map((c) => c.sku)).toEqual(['H-M', 'H-S', 'TEE']);
    const hoodie = result.conflicts[1];
    expect(hoodie?.otherPromotions).toEqual([{ id: 2, name: '满减 200-20', stacking: 'stackable', priority: 20 }]);
    // Alone: 100.00 − 10 % = 90.00, margin 30/90 = 33.33 %. With the 满减 at its deepest share
    // (20 off 200 = 10 %) on what the 10 % left: 81.00, margin 21/81 = 25.93 %.
    expect(hoodie?.combos).toEqual([
      { promotionIds: [1], unitPrice: 9000, marginBp: 3333, floorBp: 1000, belowFloor: false },
      { promotionIds: [1, 2], unitPrice: 8100, marginBp: 2593, floorBp: 1000, belowFloor: false },
    ]);
    expect(result.conflicts[2]?.combos.map((c) => [c.unitPrice, c.marginBp])).toEqual([[1800, 4444], [1620, 3827]]);
    // H-M has no cost: shown with its prices, counted, not a breach.
    expect(result.conflicts[0]?.combos.map((c) => c.marginBp)).toEqual([null, null]);
    expect(result.noCostCount).toBe(1);
    expect(result.breachCount).toBe(0);
    expect(result.note?.key).toBe('promotions.check.deepestPerUnit');
  });

  it('caps the list but keeps the count', () => {
    db = guardShop();
    insertPromotion(db, 1, { rule: percentOff(1000), status: 'draft', targets: apparel });
    insertPromotion(db, 2, { rule: manjian, targets: apparel });
    const result = createGuardService(db).check({ promotionId: 1 }, { listLimit: 2 });
    expect(result.conflicts.map((c) => c.sku)).toEqual(['H-M', 'H-S']);
    expect(result.conflictCount).toBe(3);
    expect(result.truncated).toBe(true);
  });

  it('finds none when the windows only touch, the other is a draft or cancelled, or the channels are disjoint', () => {
    db = guardShop();
    insertPromotion(db, 1, { rule: percentOff(1000), status: 'draft', targets: apparel, channels: [1] });
    insertPromotion(db, 2, { rule: manjian, targets: apparel, startsAt: feb15, endsAt: '2026-03-01T00:00:00.000Z' });
    insertPromotion(db, 3, { rule: manjian, targets: apparel, status: 'draft' });
    insertPromotion(db, 4, { rule: manjian, targets: apparel, status: 'cancelled' });
    insertPromotion(db, 5, { rule: manjian, targets: apparel, channels: [2] });
    insertPromotion(db, 6, { rule: manjian, targets: [['category', 3]] });
    const guard = createGuardService(db);
    expect(guard.check({ promotionId: 1 }).conflictCount).toBe(0);

    db.prepare('INSERT INTO promotion_channels VALUES (5, 1)').run();
    expect(guard.check({ promotionId: 1 }).conflictCount).toBe(3);
  });

  it('counts an all-channel promotion as overlapping every channel', () => {
    db = guardShop();
    insertPromotion(db, 1, { rule: percentOff(1000), status: 'draft', targets: [['variant', 4]], channels: [2] });
    insertPromotion(db, 2, { rule: manjian, targets: apparel, status: 'running' });
    expect(createGuardService(db).check({ promotionId: 1 }).conflicts.map((c) => c.sku)).toEqual(['TEE']);
  });

  it('breaches in a combination with a coupon a customer may use, not when an exclusive sale always wins', () => {
    db = guardShop();
    const coupon: PromotionRule = { type: 'coupon', discount: { kind: 'percent', percentOffBp: 4000 }, minSpend: 0, usageLimit: null, perCustomerLimit: 1 };
    insertPromotion(db, 1, { rule: percentOff(1000), status: 'draft', priority: 10, targets: [['variant', 1]] });
    insertPromotion(db, 2, { rule: coupon, priority: 20, targets: [['variant', 1]] });
    const guard = createGuardService(db);
    const result = guard.check({ promotionId: 1 });
    // 90.00 with the coupon's 40 % on top: 54.00 against cost 60.00 → −11.11 %.
    expect(result.conflicts[0]?.combos.map((c) => [c.promotionIds, c.unitPrice, c.marginBp, c.belowFloor])).toEqual([
      [[1], 9000, 3333, false],
      [[1, 2], 5400, -1111, true],
    ]);
    expect(result.breachCount).toBe(1);
    expect(result.breaches).toEqual([
      { variantId: 1, sku: 'H-S', title: 'Hoodie', regularPrice: 10000, unitPrice: 5400, cost: 6000, fee: 0, marginBp: -1111, floorBp: 1000, promotionIds: [1, 2] },
    ]);

    // An exclusive flash sale first in priority: whatever the customer does, only it applies here.
    const flash: PromotionRule = { type: 'flash_sale', salePrice: { kind: 'fixed', price: 3000 }, perSkuCap: null, perCustomerCap: null };
    insertPromotion(db, 3, { rule: flash, stacking: 'exclusive', priority: 1, targets: [['variant', 1]] });
    const withFlash = guard.check({ promotionId: 1 });
    expect(withFlash.conflicts[0]?.combos).toEqual([{ promotionIds: [3], unitPrice: 3000, marginBp: -10000, floorBp: 1000, belowFloor: true }]);
    expect(withFlash.breachCount).toBe(0);
  });

  it('counts combination breaches on shared SKUs beyond the listed ones', () => {
    db = guardShop();
    const coupon: PromotionRule = { type: 'coupon', discount: { kind: 'percent', percentOffBp: 4000 }, minSpend: 0, usageLimit: null, perCustomerLimit: 1 };
    const both: ['variant', number][] = [['variant', 1], ['variant', 4]];
    insertPromotion(db, 1, { rule: percentOff(1000), status: 'draft', priority: 10, targets: both });
    insertPromotion(db, 2, { rule: coupon, priority: 20, targets: both });
    const guard = createGuardService(db);
    // TEE: 18.00 then 40 % → 10.80 against cost 10.00 = 7.41 %, below 10 %; listed second by SKU.
    const capped = guard.check({ promotionId: 1 }, { listLimit: 1 });
    expect(capped).toMatchObject({ conflictCount: 2, breachCount: 2, truncated: true });
    expect(capped.conflicts.map((c) => c.sku)).toEqual(['H-S']);
    expect(guard.check({ promotionId: 1 }).breaches.map((b) => [b.sku, b.unitPrice, b.marginBp, b.promotionIds])).toEqual([
      ['H-S', 5400, -1111, [1, 2]],
      ['TEE', 1080, 741, [1, 2]],
    ]);
  });

  it('skips an exclusive promotion that comes after a stackable one', () => {
    db = guardShop();
    insertPromotion(db, 1, { rule: percentOff(1000), status: 'draft', priority: 10, targets: [['variant', 4]] });
    insertPromotion(db, 2, { rule: percentOff(5000), stacking: 'exclusive', priority: 50, targets: [['variant', 4]] });
    expect(createGuardService(db).check({ promotionId: 1 }).conflicts[0]?.combos.map((c) => [c.promotionIds, c.unitPrice])).toEqual([[[1], 1800]]);
  });
});
