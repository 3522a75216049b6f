// The margin guard: effective price against cost and channel fee, the shop and category floors,
// SKUs without cost, and the check of unsaved fields leaving nothing behind.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import { promotionFieldsSchema } from '../../../src/promotions/contract.js';
import { createGuardService } from '../../../src/promotions/guard-service.js';
import type { PromotionRule } from '../../../src/promotions/rules.js';
import { AppError } from '../../../src/shared/app-error.js';
import { feb1, feb15, guardShop, insertPromotion, percentOff } from './guard-fixture.js';

let db: Db;
afterEach(() => db.close());

describe('margin guard', () => {
  it('refuses 50 % off a SKU whose cost is 60 % of its price at a 10 % floor', () => {
    db = guardShop();
    insertPromotion(db, 1, { rule: percentOff(5000), status: 'draft', targets: [['variant', 3]] });
    const result = createGuardService(db).check({ promotionId: 1 });
    // 25.00 against a cost of 30.00: −5 / 25 = −20 %.
    expect(result.breachCount).toBe(1);
    expect(result.breaches).toEqual([
      { variantId: 3, sku: 'T-1', title: 'Toy', regularPrice: 5000, unitPrice: 2500, cost: 3000, fee: 0, marginBp: -2000, floorBp: 1000, promotionIds: [1] },
    ]);
    expect(result.conflictCount).toBe(0);
    expect(result.note).toBeNull();
  });

  it('takes the nearest category floor over the shop floor, inherited by subcategories', () => {
    db = guardShop();
    // 20 % off Apparel: H-S 80.00 (cost 60) = 25 %, TEE 16.00 (cost 10) = 37.5 %; H-M has no cost.
    insertPromotion(db, 1, { rule: percentOff(2000), status: 'draft', targets: [['category', 1]] });
    const guard = createGuardService(db);
    expect(guard.check({ promotionId: 1 })).toMatchObject({ variantCount: 3, breachCount: 0, noCostCount: 1 });

    db.prepare('INSERT INTO category_margin_floors VALUES (1, 3000)').run();
    const withApparelFloor = guard.check({ promotionId: 1 });
    expect(withApparelFloor.breachCount).toBe(1);
    expect(withApparelFloor.breaches.map((b) => [b.sku, b.marginBp, b.floorBp])).toEqual([['H-S', 2500, 3000]]);

    db.prepare('INSERT INTO category_margin_floors VALUES (2, 2000)').run();
    expect(guard.check({ promotionId: 1 }).breachCount).toBe(0);

    db.prepare('UPDATE promotion_settings SET min_margin_bp = 4000').run();
    db.prepare('DELETE FROM category_margin_floors').run();
    expect(guard.check({ promotionId: 1 }).breaches.map((b) => [b.sku, b.floorBp])).toEqual([['H-S', 4000], ['TEE', 4000]]);
  });

  it('counts the highest channel fee in scope', () => {
    db = guardShop();
    db.prepare('UPDATE promotion_settings SET min_margin_bp = 1500').run();
    insertPromotion(db, 1, { rule: percentOff(2000), status: 'draft', targets: [['variant', 1]], channels: [1] });
    insertPromotion(db, 2, { rule: percentOff(2000), status: 'draft', targets: [['variant', 1]], channels: [2] });
    insertPromotion(db, 3, { rule: percentOff(2000), status: 'draft', targets: [['variant', 1]] });
    const guard = createGuardService(db);
    expect(guard.check({ promotionId: 1 }).breachCount).toBe(0); // 25 % margin, no fee known

    db.prepare('UPDATE channels SET fee_bp = 1500 WHERE id = 1').run();
    // 80.00 − 60.00 − 12.00 fee = 8.00 → 10 %, below 15 %.
    expect(guard.check({ promotionId: 1 }).breaches).toEqual([
      { variantId: 1, sku: 'H-S', title: 'Hoodie', regularPrice: 10000, unitPrice: 8000, cost: 6000, fee: 1200, marginBp: 1000, floorBp: 1500, promotionIds: [1] },
    ]);
    expect(guard.check({ promotionId: 2 }).breachCount).toBe(0);
    expect(guard.check({ promotionId: 3 }).breachCount).toBe(1);
  });

  it('orders breaches by margin, caps the list and keeps the count', () => {
    db = guardShop();
    insertPromotion(db, 1, { rule: percentOff(6000), status: 'draft' });
    const result = createGuardService(db).check({ promotionId: 1 }, { listLimit: 2 });
    // H-S 40.00 vs 60 → −50 %; T-1 20.00 vs 30 → −50 %; TEE 8.00 vs 10 → −25 %.
    expect(result.breachCount).toBe(3);
    expect(result.breaches.map((b) => [b.sku, b.marginBp])).toEqual([['H-S', -5000], ['T-1', -5000]]);
    expect(result.truncated).toBe(true);
    expect(result.noCostCount).toBe(1);
  });

  it('checks a bundle at each component’s share and a gift at its cost’s share of the minimum spend', () => {
    db = guardShop();
    db.prepare('UPDATE promotion_settings SET min_margin_bp = 3000').run();
    // H-S 100.00 + TEE 20.00 for 96.00: 20 % off each → H-S 80.00 (25 %), TEE 16.00 (37.5 %).
    const bundle: PromotionRule = { type: 'bundle_price', bundleVariantId: null, components: [{ variantId: 1, quantity: 1 }, { variantId: 4, quantity: 1 }], price: 9600 };
    insertPromotion(db, 1, { rule: bundle, status: 'draft', targets: [['variant', 1], ['variant', 4]] });
    // A gift costing 30.00 (T-1) from 200.00: 15 % off TEE's 20.00 → 17.00, margin 7 / 17 = 41.18 %.
    const gift: PromotionRule = { type: 'gift_with_purchase', minSpend: 20000, giftVariantId: 3, giftQuantity: 1, reserveQuantity: 0 };
    insertPromotion(db, 2, { rule: gift, status: 'draft', targets: [['variant', 4]] });
    const guard = createGuardService(db);
    const bundled = guard.check({ promotionId: 1 });
    expect(bundled.breaches.map((b) => [b.sku, b.unitPrice, b.marginBp])).toEqual([['H-S', 8000, 2500]]);
    expect(bundled.note?.key).toBe('promotions.check.deepestPerUnit');
    expect(guard.check({ promotionId: 2 }).breachCount).toBe(0);
    db.prepare('UPDATE promotion_settings SET min_margin_bp = 4200').run();
    expect(guard.check({ promotionId: 2 }).breaches.map((b) => [b.sku, b.unitPrice, b.marginBp])).toEqual([['TEE', 1700, 4118]]);
  });

  it('refuses an unknown promotion', () => {
    db = guardShop();
    expect(() => createGuardService(db).check({ promotionId: 99 })).toThrow(AppError);
  });
});

describe('unsaved fields', () => {
  const count = (table: string) => db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n;
  const snapshot = () => ['promotions', 'promotion_targets', 'promotion_channels'].map(count);
  const fields = (percentOffBp: number) =>
    promotionFieldsSchema.parse({ name: 'Toy sale', startsAt: feb1, endsAt: feb15, stacking: 'stackable', targets: { scope: 'targets', items: [{ kind: 'variant', id: 3 }] }, channels: [1], rule: percentOff(percentOffBp) });

  it('checks new fields as if saved and leaves no row behind', () => {
    db = guardShop();
    const before = snapshot();
    const result = createGuardService(db).check({ fields: fields(5000) });
    expect(result.breaches.map((b) => [b.sku, b.unitPrice, b.marginBp])).toEqual([['T-1', 2500, -2000]]);
    expect(snapshot()).toEqual(before);
  });

  it('checks edited fields in place of the saved promotion and leaves it unchanged', () => {
    db = guardShop();
    insertPromotion(db, 1, { rule: percentOff(1000), status: 'draft', targets: [['category', 1]] });
    insertPromotion(db, 2, { rule: percentOff(500), targets: [['variant', 3]] });
    const before = snapshot();
    const rule = () => db.prepare<[], { rule: string; scope: string }>('SELECT rule, scope FROM promotions WHERE id = 1').get();
    const saved = rule();
    const result = createGuardService(db).check({ fields: fields(5000), promotionId: 1 });
    // The edit targets T-1 only, where promotion 2 (5 %) also runs: 25.00, and 23.75 with both.
    expect(result.variantCount).toBe(1);
    expect(result.conflicts[0]?.combos.map((c) => [c.promotionIds, c.unitPrice])).toEqual([[[1, 2], 2375]]);
    expect(result.breachCount).toBe(1);
    expect(snapshot()).toEqual(before);
    expect(rule()).toEqual(saved);
  });

  it('refuses fields whose end is before their start, writing nothing', () => {
    db = guardShop();
    const before = snapshot();
    const bad = { ...fields(1000), startsAt: feb15, endsAt: feb1 };
    expect(() => createGuardService(db).check({ fields: bad })).toThrow(expect.objectContaining({ code: 'VALIDATION' }) as unknown as Error);
    expect(snapshot()).toEqual(before);
  });
});
