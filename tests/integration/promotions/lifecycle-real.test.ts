// The whole lifecycle through the core with the REAL margin guard, runner and History (no fakes):
// a 25 %-off tee promotion is refused below the 10 % floor, scheduled over it with a reason,
// starts at once (its start has passed) with sale prices written, and cancelling restores the
// regular prices; undo is refused once it ran.
import { afterEach, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../temp-shop.js';
import { seedCatalog, teeSale } from './lifecycle-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

const prices = (s: TestShop) =>
  s.db.prepare('SELECT variant_id AS variantId, price FROM promotion_prices ORDER BY variant_id').all();

describe('promotion lifecycle with the real guard and runner', () => {
  it('refuses below the floor, schedules with a reason, runs at once, cancels back to the regular price', async () => {
    const s = (shop = testShop());
    seedCatalog(s.db);
    // The core's clock is 2026-11-20T10:00Z: this window has already begun.
    const created = await s.ok('promotions.create', teeSale({ startsAt: '2026-11-19T00:00:00.000Z', endsAt: '2026-11-27T00:00:00.000Z' }));
    expect([created.status, created.variantCount, created.editable]).toEqual(['draft', 2, true]);

    // 1000 − 25 % = 750 against cost 800: (750 − 800) / 750 = −6.67 %, under the 10 % shop floor, on both tees.
    const refused = await s.fail('promotions.schedule', { promotionId: created.id });
    expect([refused.code, refused.details.key, refused.details.params?.count]).toEqual(['CONFLICT', 'belowMarginFloor', 2]);
    expect(refused.details.issues?.[0]?.params).toMatchObject({ unitPrice: 750, cost: 800, marginBp: -667, floorBp: 1000 });

    const running = await s.ok('promotions.schedule', { promotionId: created.id, overrideReason: 'Clearing old stock' });
    expect([running.status, running.overrideReason, running.startedAt]).toEqual(['running', 'Clearing old stock', '2026-11-20T10:00:00.000Z']);
    expect(prices(s)).toEqual([
      { variantId: 1, price: 750 },
      { variantId: 2, price: 750 },
    ]);
    const scheduleSet = (await s.ok('history.list', { offset: 0, limit: 1 })).changeSets[0];
    expect(scheduleSet?.summary).toBe('Scheduled promotion “Tee week” below the margin floor on 2 SKU(s). Reason: Clearing old stock');

    const cancelled = await s.ok('promotions.cancel', { promotionId: created.id });
    expect([cancelled.status, cancelled.finishedAt]).toEqual(['cancelled', '2026-11-20T10:00:00.000Z']);
    expect(prices(s)).toEqual([]);
    expect(s.db.prepare('SELECT price FROM variants WHERE id IN (1, 2)').all()).toEqual([{ price: 1000 }, { price: 1000 }]);

    const cancelSet = (await s.ok('history.list', { offset: 0, limit: 1 })).changeSets[0];
    const undo = await s.fail('history.undo', { changeSetId: cancelSet?.id ?? 0 });
    expect(undo.details.key).toBe('promotionAlreadyRan');
  });
});
