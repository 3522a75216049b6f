// promotions.audience and freezeAudience: the segment's customers as a preview, then frozen; the
// control group held out deterministically and never given a code.
import { afterEach, describe, expect, it } from 'vitest';
import { freezeAudience } from '../../../src/promotions/audience.js';
import { inControlGroup } from '../../../src/promotions/coupon-codes.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { insertOrder, seedCouponShop } from './coupon-fixture.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

const now = new Date('2026-11-20T10:00:00.000Z');

describe('promotions.audience', () => {
  it('previews the segment (champions = customers 1-3) with contacts, then freezes it and keeps it', async () => {
    shop = testShop((path) => seedCouponShop(path, [{ id: 1, segment: 'champions' }, { id: 2, segment: 'hibernating' }]));
    const preview = await shop.ok('promotions.audience', { promotionId: 1, group: 'all', offset: 0, limit: 100 });
    expect(preview).toMatchObject({ frozen: false, total: 3, treatment: 3, control: 0 });
    expect(preview.rows).toEqual([
      { customerId: 1, name: 'Ann', email: 'ann@example.com', phone: '+1 555 0101', inControl: false, code: null },
      { customerId: 2, name: 'Bob', email: 'bob@example.com', phone: null, inControl: false, code: null },
      { customerId: 3, name: 'Cy', email: 'cy@example.com', phone: '+1 555 0103', inControl: false, code: null },
    ]);
    const sleepers = await shop.ok('promotions.audience', { promotionId: 2, group: 'all', offset: 0, limit: 100 });
    expect(sleepers.rows.map((r) => r.customerId)).toEqual([4, 5, 6]);

    expect(freezeAudience(shop.db, 1, now)).toEqual({ treatment: 3, control: 0 });
    // Gus (7) becomes a champion-like buyer after the freeze: the frozen audience does not change.
    insertOrder(shop.db, 7, '2026-11-19T12:00:00.000Z', 50_000);
    insertOrder(shop.db, 7, '2026-11-19T13:00:00.000Z', 50_000);
    insertOrder(shop.db, 7, '2026-11-19T14:00:00.000Z', 50_000);
    const frozen = await shop.ok('promotions.audience', { promotionId: 1, group: 'all', offset: 0, limit: 100 });
    expect(frozen).toMatchObject({ frozen: true, total: 3, treatment: 3, control: 0 });
    expect(frozen.rows).toEqual(preview.rows);
    // The other campaign is still a draft: its answer stays a preview, recomputed from the data.
    expect((await shop.ok('promotions.audience', { promotionId: 2, group: 'all', offset: 0, limit: 100 })).frozen).toBe(false);
  });

  it('splits by the hash the same way in the preview and when frozen; control rows get no code', async () => {
    // 50 % held out of the six customers' two segments: which ones is fixed by the hash.
    shop = testShop((path) => seedCouponShop(path, [{ id: 9, segment: 'hibernating', controlShareBp: 5000 }]));
    const expectedControl = [4, 5, 6].filter((c) => inControlGroup(9, c, 5000));
    // FNV-1a of "9:4", "9:5", "9:6" mod 10,000 = 9514, 7133, 4276: only customer 6 is below 5000.
    expect(expectedControl).toEqual([6]);
    const preview = await shop.ok('promotions.audience', { promotionId: 9, group: 'control', offset: 0, limit: 100 });
    expect(preview.rows.map((r) => r.customerId)).toEqual(expectedControl);
    expect(preview).toMatchObject({ total: expectedControl.length, control: expectedControl.length, treatment: 3 - expectedControl.length });
    // Same answer twice.
    expect(await shop.ok('promotions.audience', { promotionId: 9, group: 'control', offset: 0, limit: 100 })).toEqual(preview);

    expect(freezeAudience(shop.db, 9, now)).toEqual({ treatment: 3 - expectedControl.length, control: expectedControl.length });
    const generated = await shop.ok('coupons.generate', { promotionId: 9, perCustomer: true, prefix: 'WB', length: 8 });
    expect(generated).toEqual({ generated: 3 - expectedControl.length, total: 3 - expectedControl.length });
    // A second run skips customers who already have a code.
    expect(await shop.ok('coupons.generate', { promotionId: 9, perCustomer: true, prefix: 'WB', length: 8 })).toEqual({
      generated: 0,
      total: 3 - expectedControl.length,
    });

    const all = await shop.ok('promotions.audience', { promotionId: 9, group: 'all', offset: 0, limit: 100 });
    expect(all.frozen).toBe(true);
    expect(all.rows.map((r) => r.customerId)).toEqual([4, 5, 6]);
    for (const row of all.rows) {
      expect(row.inControl).toBe(expectedControl.includes(row.customerId));
      if (row.inControl) expect(row.code).toBeNull();
      else expect(row.code).toMatch(/^WB[A-Z2-9]{8}$/);
    }
    const list = await shop.ok('coupons.list', { promotionId: 9, offset: 0, limit: 100 });
    expect(list.rows.map((r) => r.customerId).sort()).toEqual([4, 5, 6].filter((c) => !expectedControl.includes(c)));
    expect(list.rows.every((r) => r.customerEmail?.endsWith('@example.com'))).toBe(true);
  });

  it('recomputes a preview when orders change: a cancelled order takes its customer out of the segment', async () => {
    const s = testShop((path) => seedCouponShop(path, [{ id: 2, segment: 'hibernating' }]));
    shop = s;
    const ids = async () => (await s.ok('promotions.audience', { promotionId: 2, group: 'all', offset: 0, limit: 100 })).rows.map((r) => r.customerId);
    expect(await ids()).toEqual([4, 5, 6]);
    // Dee (4) had one order: cancelled, she has none in the window and no segment; 5 and 6 still score 1 (mean 2.2).
    s.db.prepare("UPDATE orders SET status = 'cancelled', cancelled_at = '2026-04-11T00:00:00.000Z' WHERE customer_id = 4").run();
    expect(await ids()).toEqual([5, 6]);
  });

  it('issues per-customer codes from the preview before freezing; without a segment freezing does nothing', async () => {
    shop = testShop((path) => seedCouponShop(path, [{ id: 1, segment: 'champions' }, { id: 2 }]));
    expect(await shop.ok('coupons.generate', { promotionId: 1, perCustomer: true, prefix: '', length: 6 })).toEqual({ generated: 3, total: 3 });
    const preview = await shop.ok('promotions.audience', { promotionId: 1, group: 'treatment', offset: 1, limit: 1 });
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0]).toMatchObject({ customerId: 2, inControl: false });
    expect(preview.rows[0]?.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(preview.total).toBe(3);

    expect(freezeAudience(shop.db, 2, now)).toEqual({ treatment: 0, control: 0 });
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM promotion_audience').get()).toEqual({ n: 0 });
  });
});
