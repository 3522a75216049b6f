// Reorder reads supplier terms and purchase orders only for the variants whose stock could be at or
// below their reorder point (reorder-service.ts positionBelowBound): a bound, never a second model.
// (1) By hand: a variant whose chosen supplier item has no lead time uses its supplier's (16 days,
//     above the 14-day default); with 24 available it sits between the reorder point a 14-day bound
//     would allow (23.96) and its own (24.21), so it is suggested only if the bound takes that lead.
// (2) On the small demo shop, after every kind of change, the lines with the bound equal the lines
//     computed for every variant without it (the `only` path reads every variant's terms).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createReorderService } from '../../../src/purchasing/reorder-service.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { changes, NOW, openChangeShop, type ChangeShop } from '../alerts/incremental-fixture.js';
import { BOREAL, HOD_M, seedReorder, WAREHOUSE } from '../reorder-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let small: TestShop | undefined;
afterEach(async () => {
  await small?.close();
  small = undefined;
  removeTempDirs();
});

describe('the reorder bound by hand', () => {
  // Hoodie M (reorder-fixture.ts): d̄ 1, σd √(18/7) = 1.603567, z 1.28 (its own 90 %), L 16 (Boreal's default):
  //   ROP = 16 + 1.28 × 1.603567 × 4 = 24.210265; target = 23 + 8.210265 = 31.210265.
  //   24 available ≤ 24.21 → max(MOQ 50, 31.210265 − 24 = 7.21) = 50 → packs of 12 → 60.
  // With the default 14 days instead, the bound would be 14 + 1.66 × 1.603567 × √14 = 23.96 < 24: left out.
  it("keeps a variant whose supplier's own lead time is longer than the default", async () => {
    small = testShop(seedReorder);
    small.db.prepare('UPDATE stock_levels SET on_hand = 24, committed = 0 WHERE variant_id = ? AND location_id = ?').run(HOD_M, WAREHOUSE);
    const result = await small.ok('reorder.suggestions', { supplierId: BOREAL });
    expect(result.suppliers[0]?.lines.map((l) => [l.variantId, l.available, l.leadTimeDays, l.quantity])).toEqual([[HOD_M, 24, 16, 60]]);
    // One more unit available and it is above its reorder point: no suggestion.
    small.db.prepare('UPDATE stock_levels SET on_hand = 25 WHERE variant_id = ? AND location_id = ?').run(HOD_M, WAREHOUSE);
    expect((await small.ok('reorder.suggestions', { supplierId: BOREAL })).total).toBe(0);
  });
});

describe('the reorder bound on the small demo shop', () => {
  let shop: ChangeShop;
  beforeAll(async () => {
    shop = await openChangeShop('reorder-bound');
  }, 120_000);
  afterAll(() => shop.close());

  const clock = fixedClock(NOW.toISOString());
  const byVariant = (lines: { variantId: number }[]) => [...lines].sort((a, b) => a.variantId - b.variantId);

  function expectSameLines(label: string): void {
    const service = createReorderService(shop.db, clock);
    const every = (shop.db.prepare('SELECT id FROM variants ORDER BY id').all() as { id: number }[]).map((row) => row.id);
    const bounded = service.lines();
    expect(byVariant(bounded), `lines after ${label}`).toEqual(byVariant(service.lines(every)));
    expect(bounded.length, label).toBeGreaterThan(0);
  }

  it('leaves out no line after any kind of change', () => {
    expectSameLines('nothing');
    for (const change of changes(shop.db)) {
      change.apply(shop.db);
      expectSameLines(change.what);
    }
    // Lead times far apart between a variant's items: the bound takes the longest.
    shop.db.prepare('UPDATE supplier_items SET lead_time_days = CASE WHEN id % 2 = 0 THEN 3 ELSE 60 END').run();
    expectSameLines('lead times of 3 and 60 days');
    shop.db.prepare('UPDATE supplier_items SET lead_time_days = NULL').run();
    expectSameLines("every item on its supplier's lead time");
  });
});
