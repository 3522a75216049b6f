// The uplift learned from a real past promotion through its evaluation (the default lift source):
// a flat 3 + 1 units a day, and a past 20 % off week in June when A sold 6 a day instead of 3 —
// 49 units against a baseline of 28, +75 %.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open.js';
import { addDays } from '../../../src/shared/local-time.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { dailyOrders, insertPromotion, seedShop } from './simulation-fixture.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

describe('promotions.simulate learning from history', () => {
  it('uses the lift of an ended promotion of the same type and depth, from its evaluation', async () => {
    const past = '2026-06-01';
    shop = testShop((path) => {
      const db = openDatabase(path);
      seedShop(db, [
        { id: 1, sku: 'A', price: 1000, cost: 400 },
        { id: 2, sku: 'B', price: 2000, cost: 1500 },
      ]);
      const from = addDays(past, -120);
      dailyOrders(db, { variantId: 1, from, days: 120, units: 3 });
      dailyOrders(db, { variantId: 1, from: past, days: 7, units: 6 });
      dailyOrders(db, { variantId: 1, from: addDays(past, 7), days: 150, units: 3 });
      dailyOrders(db, { variantId: 2, from, days: 277, units: 1 });
      const window = (start: string) => ({ startsAt: `${start}T00:00:00Z`, endsAt: `${addDays(start, 7)}T00:00:00Z`, targets: [['category', 1]] as [string, number][] });
      insertPromotion(db, { id: 1, type: 'percent_off', rule: { percentOffBp: 2000 }, ...window('2026-12-01') });
      insertPromotion(db, { id: 2, name: 'June sale', type: 'percent_off', rule: { percentOffBp: 2500 }, status: 'ended', ...window(past) });
      db.close();
    });
    const s = await shop.ok('promotions.simulate', { promotionId: 1, upliftAssumptionBp: 1000 });
    expect(s.uplift.source).toBe('history');
    expect(s.uplift.fraction).toBeCloseTo(0.75, 6);
    expect(s.uplift.basedOn).toEqual([{ id: 2, name: 'June sale', lift: expect.closeTo(0.75, 6) as number }]);
    expect(s.notes.map((n) => n.key)).not.toContain('promotions.simulation.note.upliftAssumed');
  });
});
