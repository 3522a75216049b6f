// 'promotions.simulate' through the core (output checked against the contract): a flat history of
// 3 + 1 units a day, a 20 % off promotion over 7 days, the owner's +50 % uplift — expected units,
// GMV, discount cost, gross profit and stock cover worked out by hand.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open.js';
import { addDays } from '../../../src/shared/local-time.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { dailyOrders, insertPromotion, seedShop, stock, type PromotionSeed } from './simulation-fixture.js';

const start = '2026-12-01';
const historyFrom = addDays(start, -120);
let shop: TestShop;

afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

function open(promotion: Partial<PromotionSeed> = {}, history = true, seed?: (db: ReturnType<typeof openDatabase>) => void): TestShop {
  shop = testShop((path) => {
    const db = openDatabase(path);
    seedShop(db, [
      { id: 1, sku: 'A', price: 1000, cost: 400 },
      { id: 2, sku: 'B', price: 2000, cost: 1500 },
      { id: 3, sku: 'C', price: 500, cost: null },
      { id: 9, sku: 'GIFT', price: 300, cost: 250, productId: 2 },
    ]);
    if (history) {
      dailyOrders(db, { variantId: 1, from: historyFrom, days: 120, units: 3 });
      dailyOrders(db, { variantId: 2, from: historyFrom, days: 120, units: 1 });
    }
    // A: 20 − 2 committed at the warehouse + 5 at the store = 23 available, 4 incoming → 27.
    stock(db, 1, 1, 20, 2, 4);
    stock(db, 1, 2, 5);
    // B: exactly the 11 (⌈10.5⌉) it is expected to sell.
    stock(db, 2, 1, 11);
    insertPromotion(db, {
      id: 1,
      type: 'percent_off',
      rule: { percentOffBp: 2000 },
      startsAt: `${start}T00:00:00Z`,
      endsAt: `${addDays(start, 7)}T00:00:00Z`,
      targets: [['category', 1]],
      ...promotion,
    });
    seed?.(db);
    db.close();
  });
  return shop;
}

describe('promotions.simulate', () => {
  it('works out expected units, GMV, discount cost, gross profit and the shortfall from an assumed +50 % uplift', async () => {
    open();
    const s = await shop.ok('promotions.simulate', { promotionId: 1, upliftAssumptionBp: 5000 });
    expect(s.days).toBe(7);
    expect(s.uplift).toEqual({ fraction: 0.5, source: 'assumption', basedOn: [] });
    expect(s.wape).toBeCloseTo(0, 6);
    const [a, b, c] = s.rows;
    // A: baseline 3/day × 7 = 21, expected 31.5 at 800 (20 % off 1000), cost 400.
    expect(a).toMatchObject({ sku: 'A', regularPrice: 1000, promoPrice: 800, cost: 400, expectedGmv: 31_500, discountCost: 6300 });
    expect(a?.baselineUnits).toBeCloseTo(21, 6);
    expect(a?.expectedUnits).toBeCloseTo(31.5, 6);
    expect(a).toMatchObject({ expectedGrossProfit: 12_600, baselineGrossProfit: 12_600, available: 23, incoming: 4, shortfall: 5 });
    // B: baseline 7, expected 10.5 at 1600: GMV 21000, discount 4200, profit 10.5 × 100 = 1050 vs 7 × 500.
    expect(b).toMatchObject({ sku: 'B', promoPrice: 1600, expectedGmv: 21_000, discountCost: 4200, expectedGrossProfit: 1050, baselineGrossProfit: 3500 });
    expect(b?.shortfall).toBe(0);
    // C never sold: in the promotion, nothing expected, no cost known.
    expect(c).toMatchObject({ sku: 'C', baselineUnits: 0, expectedUnits: 0, expectedGmv: 0, expectedGrossProfit: null, shortfall: 0 });
    expect(s.totals.skus).toBe(3);
    expect(s.totals.baselineUnits).toBeCloseTo(28, 6);
    expect(s.totals.expectedUnits).toBeCloseTo(42, 6);
    expect(s.totals).toMatchObject({
      baselineNetSales: 35_000,
      expectedGmv: 52_500,
      discountCost: 10_500,
      giftCost: 0,
      expectedGrossProfit: 13_650,
      baselineGrossProfit: 16_100,
    });
    expect(s.shortfalls.map((r) => [r.sku, r.shortfall])).toEqual([['A', 5]]);
    expect(s.shortfallCount).toBe(1);
    expect(s.notes).toEqual([{ key: 'promotions.simulation.note.upliftAssumed', params: { percent: 50 } }]);
  });

  it('uses the promotion’s stored uplift when none is given, and the given one over it', async () => {
    open({ upliftAssumptionBp: 1000 });
    const stored = await shop.ok('promotions.simulate', { promotionId: 1 });
    expect(stored.uplift.fraction).toBeCloseTo(0.1, 9);
    expect(stored.totals.expectedUnits).toBeCloseTo(30.8, 6);
    const given = await shop.ok('promotions.simulate', { promotionId: 1, upliftAssumptionBp: -2500 });
    expect(given.totals.expectedUnits).toBeCloseTo(21, 6);
  });

  it('says when there is no history and no uplift', async () => {
    open({}, false);
    const s = await shop.ok('promotions.simulate', { promotionId: 1 });
    expect(s.uplift).toEqual({ fraction: 0, source: 'none', basedOn: [] });
    expect(s.wape).toBeNull();
    expect(s.totals).toMatchObject({ skus: 3, baselineUnits: 0, expectedUnits: 0, expectedGmv: 0 });
    expect(s.notes.map((n) => n.key)).toEqual(['promotions.simulation.note.noHistory', 'promotions.simulation.note.upliftNone']);
  });

  it('flags a rough baseline (holdout WAPE above 50 %)', async () => {
    open({}, false, (db) => {
      // Mostly 1 a day with a burst of 30 every 9th day: a weekly model misses the bursts.
      for (let i = 0; i < 120; i += 1) dailyOrders(db, { variantId: 1, from: addDays(historyFrom, i), days: 1, units: i % 9 === 4 ? 30 : 1 });
    });
    const s = await shop.ok('promotions.simulate', { promotionId: 1 });
    expect(s.wape).toBeGreaterThan(0.5);
    expect(s.notes).toContainEqual({ key: 'promotions.simulation.note.wapeHigh', params: { wape: s.wape } });
  });

  it('counts a gift’s reserve at its cost and leaves the unit price at the regular price', async () => {
    open({ type: 'gift_with_purchase', rule: { minSpend: 5000, giftVariantId: 9, giftQuantity: 1, reserveQuantity: 10 } });
    const s = await shop.ok('promotions.simulate', { promotionId: 1, upliftAssumptionBp: 0 });
    expect(s.totals.giftCost).toBe(2500);
    expect(s.rows[0]).toMatchObject({ sku: 'A', promoPrice: 1000, discountCost: 0 });
  });

  it('refuses an unknown promotion', async () => {
    open();
    const error = await shop.fail('promotions.simulate', { promotionId: 99 });
    expect(error.code).toBe('NOT_FOUND');
  });
});
