// Reorder suggestions read demand from the hourly rollup per variant (demand-store.ts): a cache,
// never a second definition. On the small demo shop, after new, cancelled, returned and late
// orders and changed supplier terms, demand and every suggestion through the rollup equal those
// read from the orders (demand.ts) — also for a few variants at a time (the incremental check).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demandByVariant } from '../../../src/purchasing/demand.js';
import { demandFromRollup } from '../../../src/purchasing/demand-store.js';
import { createReorderService } from '../../../src/purchasing/reorder-service.js';
import { fixedClock } from '../../../src/shared/clock.js';
import { localDateOf } from '../../../src/shared/local-time.js';
import { bestSellers, changes, NOW, openChangeShop, type ChangeShop } from '../alerts/incremental-fixture.js';

let shop: ChangeShop;
beforeAll(async () => {
  shop = await openChangeShop('reorder-rollup');
}, 120_000);
afterAll(() => shop.close());

const clock = fixedClock(NOW.toISOString());
const all = { search: '', offset: 0, limit: 100_000 };

function expectAgreement(label: string): void {
  const settings = shop.db.prepare('SELECT time_zone AS timeZone, demand_window_days AS days FROM shop_settings').get() as { timeZone: string; days: number };
  const options = { today: localDateOf(NOW, settings.timeZone), timeZone: settings.timeZone, defaultWindowDays: settings.days, explodeBundles: true };
  const viaRollup = demandFromRollup(shop.db, options);
  expect(viaRollup, `the rollup answers (${label})`).toBeDefined();
  expect(viaRollup, `demand after ${label}`).toEqual(demandByVariant(shop.db, options));
  const few = bestSellers(shop.db, 5);
  const direct = demandByVariant(shop.db, options);
  expect(demandFromRollup(shop.db, { ...options, only: few }), `demand of a few after ${label}`).toEqual(
    new Map([...direct].filter(([id]) => few.includes(id))),
  );
  const rolled = createReorderService(shop.db, clock).suggestions(all);
  expect(rolled, `suggestions after ${label}`).toEqual(createReorderService(shop.db, clock, { directDemand: true }).suggestions(all));
}

describe('reorder suggestions through the rollup and through the orders', () => {
  it('agree after every kind of change', () => {
    expect(createReorderService(shop.db, clock).suggestions(all).total).toBeGreaterThan(0);
    expectAgreement('nothing');
    for (const change of changes(shop.db)) {
      change.apply(shop.db);
      expectAgreement(change.what);
    }
  });

  it('agree with a category demand window and a bundle sold', () => {
    shop.db.prepare('UPDATE categories SET demand_window_days = 21 WHERE id = (SELECT MIN(id) FROM categories)').run();
    const [bundle, component] = bestSellers(shop.db, 2) as [number, number];
    shop.db.prepare('INSERT OR IGNORE INTO bundle_components (bundle_variant_id, component_variant_id, quantity) VALUES (?, ?, 3)').run(bundle, component);
    expectAgreement('a category window and a bundle');
  });
});
