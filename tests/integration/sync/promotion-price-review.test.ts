// A sale price under "ask" ownership: starting a promotion asks before the channel gets the sale
// price (one review item per field, the local value being the sale price and, for compare-at, the
// regular price); "accept local" then sends exactly those — not the regular price kept in
// variants.price — and the next pass finds nothing more to ask or send.
import { afterEach, describe, expect, it } from 'vitest';
import { advancePromotions } from '../../../src/promotions/runner.js';
import { createReviewService } from '../../../src/sync/review-service.js';
import { TEA } from '../purchasing-fixture.js';
import { removeTempDirs } from '../temp-shop.js';
import { CH, T0, closeShops, localPrices, reviewItems, setupPrices } from './price-shop.js';

afterEach(() => {
  closeShops();
  removeTempDirs();
});

describe('promotion prices under ask ownership', () => {
  it('asks, and accept local pushes the sale price with the regular price as compare-at', async () => {
    const { db, clock, connector, pusher } = setupPrices({ price: 'ask', compareAtPrice: 'ask' }, {}, [TEA]);
    // TEA-100: 128.00, no compare-at. 25 % off → 96.00.
    db.prepare(
      `INSERT INTO promotions (id, name, type, status, starts_at, ends_at, scope, rule, created_at, updated_at)
       VALUES (1, 'Tea', 'percent_off', 'scheduled', ?, ?, 'targets', '{"type":"percent_off","percentOffBp":2500}', ?, ?)`,
    ).run(new Date(T0).toISOString(), new Date(T0 + 3_600_000).toISOString(), new Date(T0).toISOString(), new Date(T0).toISOString());
    db.prepare("INSERT INTO promotion_targets VALUES (1, 'variant', ?)").run(TEA);
    advancePromotions(db, clock.now());

    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 0, reviews: 2 });
    const items = reviewItems(db);
    expect(items.map((item) => item.vals)).toEqual([
      { field: 'price', lastSynced: 12800, local: 9600, remote: 12800 },
      { field: 'compareAtPrice', lastSynced: null, local: 12800, remote: null },
    ]);

    const review = createReviewService({ db, clock });
    for (const item of items) review.resolve(item.id, 'acceptLocal');
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 1, reviews: 0 });
    expect(connector.prices.get(`rv-${TEA}`)).toEqual({ price: 9600, compareAtPrice: 12800 });
    expect(await pusher.runOnce(CH)).toMatchObject({ pushed: 0, reviews: 0 });
    expect(reviewItems(db)).toEqual([]);
    expect(localPrices(db, TEA)).toEqual({ price: 12800, compareAtPrice: null });
  });
});
