// Running promotions (runner.ts): start and end at the exact boundaries with a fake clock, each
// price-setting type's sale price (half-up rounding), stacking of overlapping promotions, the end
// or cancel of one recomputing to the others, the flash sale's per-SKU cap, idempotence, the
// outbox rows for linked variants, the push plan. Regular prices never change. Expected prices are
// hand-computed in the comments.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import { advancePromotions, clearPromotionPrices, pushPlan } from '../../../src/promotions/runner.js';
import { LINKED, UNLINKED, V1, V2, V3, V4, addOrder, addPromotion, openRunnerShop, outbox, regularPrices, salePrices, statusOf } from './runner-shop.js';

let db: Db;
afterEach(() => db.close());

const regular = [1000, 1010, 50, 2000];
const t = (hhmm: string): Date => new Date(`2026-03-01T${hhmm}Z`);
const window = { startsAt: '2026-03-01T10:00:00Z', endsAt: '2026-03-01T12:00:00Z' };

describe('advancePromotions: start and end', () => {
  it('starts at starts_at (inclusive) and ends at ends_at (exclusive), restoring the regular price exactly', () => {
    db = openRunnerShop();
    addPromotion(db, { id: 1, rule: { type: 'percent_off', percentOffBp: 1500 }, ...window });

    expect(advancePromotions(db, t('09:59:59.999'))).toEqual({ started: [], ended: [] });
    expect(salePrices(db)).toEqual({});

    expect(advancePromotions(db, t('10:00:00.000'))).toEqual({ started: [1], ended: [] });
    expect(statusOf(db, 1)).toEqual({ status: 'running', startedAt: '2026-03-01T10:00:00.000Z', finishedAt: null });
    // 15 % off: 1000 → 850; 1010 → 858.5 → 859 (half up); 50 → 42.5 → 43; 2000 → 1700.
    expect(salePrices(db)).toEqual({ [V1]: [850, 1], [V2]: [859, 1], [V3]: [43, 1], [V4]: [1700, 1] });

    expect(advancePromotions(db, t('11:59:59.999'))).toEqual({ started: [], ended: [] });
    expect(salePrices(db)[V1]).toEqual([850, 1]);

    expect(advancePromotions(db, t('12:00:00.000'))).toEqual({ started: [], ended: [1] });
    expect(statusOf(db, 1)).toEqual({ status: 'ended', startedAt: '2026-03-01T10:00:00.000Z', finishedAt: '2026-03-01T12:00:00.000Z' });
    expect(salePrices(db)).toEqual({});
    expect(regularPrices(db)).toEqual(regular);
  });

  it('ends a scheduled promotion whose whole window passed without starting it, and reads windows given with an offset', () => {
    db = openRunnerShop();
    addPromotion(db, { id: 1, rule: { type: 'amount_off', amountOff: 100 }, ...window });
    // 18:00 +08:00 = 10:00 UTC.
    addPromotion(db, { id: 2, rule: { type: 'amount_off', amountOff: 100 }, startsAt: '2026-03-01T18:00:00+08:00', endsAt: '2026-03-01T20:00:00+08:00', variants: [V4] });
    expect(advancePromotions(db, t('09:59:59.999'))).toEqual({ started: [], ended: [] });
    expect(advancePromotions(db, t('10:00:00.000'))).toEqual({ started: [1, 2], ended: [] });
    expect(advancePromotions(db, t('13:00:00.000'))).toEqual({ started: [], ended: [1, 2] });

    addPromotion(db, { id: 3, rule: { type: 'amount_off', amountOff: 100 }, startsAt: '2026-03-01T13:00:00Z', endsAt: '2026-03-01T14:00:00Z' });
    expect(advancePromotions(db, t('15:00:00.000'))).toEqual({ started: [], ended: [3] });
    expect(statusOf(db, 3)).toMatchObject({ status: 'ended', startedAt: null });
    expect(salePrices(db)).toEqual({});
  });

  it('is idempotent: a second pass at the same time changes nothing and queues nothing', () => {
    db = openRunnerShop();
    addPromotion(db, { id: 1, rule: { type: 'percent_off', percentOffBp: 1500 }, ...window });
    expect(outbox(db)).toEqual([]);
    advancePromotions(db, t('10:00:00.000'));
    const prices = salePrices(db);
    const applied = db.prepare('SELECT variant_id, applied_at FROM promotion_prices ORDER BY variant_id').all();
    // Only V1 is linked (to channel LINKED): one price push queued.
    expect(outbox(db)).toEqual([{ channelId: LINKED, variantId: V1, version: 1 }]);

    expect(advancePromotions(db, t('10:00:30.000'))).toEqual({ started: [], ended: [] });
    expect(salePrices(db)).toEqual(prices);
    expect(db.prepare('SELECT variant_id, applied_at FROM promotion_prices ORDER BY variant_id').all()).toEqual(applied);
    expect(outbox(db)).toEqual([{ channelId: LINKED, variantId: V1, version: 1 }]);

    advancePromotions(db, t('12:00:00.000'));
    // The end queues the regular price for the linked variant again.
    expect(outbox(db)).toEqual([{ channelId: LINKED, variantId: V1, version: 2 }]);
  });
});

describe('sale prices per type', () => {
  it('amount off never goes below 0', () => {
    db = openRunnerShop();
    addPromotion(db, { id: 1, rule: { type: 'amount_off', amountOff: 300 }, ...window, variants: [V1, V3] });
    advancePromotions(db, t('10:00:00.000'));
    // 1000 − 300 = 700; 50 − 300 → 0.
    expect(salePrices(db)).toEqual({ [V1]: [700, 1], [V3]: [0, 1] });
  });

  it('a fixed price never raises a price', () => {
    db = openRunnerShop();
    addPromotion(db, { id: 1, rule: { type: 'fixed_price', price: 600 }, ...window, variants: [V2, V3] });
    advancePromotions(db, t('10:00:00.000'));
    // 1010 → 600; 50 stays 50.
    expect(salePrices(db)).toEqual({ [V2]: [600, 1], [V3]: [50, 1] });
  });

  it('flash sales at a share off (rounded half up) or a fixed price', () => {
    db = openRunnerShop();
    addPromotion(db, { id: 1, rule: { type: 'flash_sale', salePrice: { kind: 'percent', percentOffBp: 3333 }, perSkuCap: null, perCustomerCap: 2 }, ...window, variants: [V1] });
    addPromotion(db, { id: 2, rule: { type: 'flash_sale', salePrice: { kind: 'fixed', price: 799 }, perSkuCap: null, perCustomerCap: null }, ...window, variants: [V4] });
    advancePromotions(db, t('10:00:00.000'));
    // 1000 × 66.67 % = 666.7 → 667.
    expect(salePrices(db)).toEqual({ [V1]: [667, 1], [V4]: [799, 2] });
  });

  it('checkout-only types write no sale price', () => {
    db = openRunnerShop();
    addPromotion(db, { id: 1, rule: { type: 'spend_tiers', tiers: [{ minSpend: 20000, amountOff: 2000 }] }, ...window });
    expect(advancePromotions(db, t('10:00:00.000'))).toEqual({ started: [1], ended: [] });
    expect(salePrices(db)).toEqual({});
  });
});

describe('stacking', () => {
  it('applies stackable ones in priority order, lets an exclusive first one win alone, and recomputes when one ends or is cancelled', () => {
    db = openRunnerShop();
    const hours = (from: string, to: string) => ({ startsAt: `2026-03-01T${from}:00:00Z`, endsAt: `2026-03-01T${to}:00:00Z` });
    addPromotion(db, { id: 1, rule: { type: 'percent_off', percentOffBp: 1000 }, ...hours('10', '14'), stacking: 'stackable', priority: 10, variants: [V1, V2] });
    addPromotion(db, { id: 2, rule: { type: 'amount_off', amountOff: 100 }, ...hours('10', '14'), stacking: 'stackable', priority: 20, variants: [V1] });
    addPromotion(db, { id: 3, rule: { type: 'fixed_price', price: 500 }, ...hours('11', '12'), stacking: 'exclusive', priority: 5, variants: [V1] });
    addPromotion(db, { id: 4, rule: { type: 'percent_off', percentOffBp: 5000 }, ...hours('11', '13'), stacking: 'exclusive', priority: 30, variants: [V1, V2] });

    advancePromotions(db, t('10:00:00.000'));
    // V1: 1000 −10 % = 900, −100 = 800 (set last by 2). V2: 1010 −10 % = 909.
    expect(salePrices(db)).toEqual({ [V1]: [800, 2], [V2]: [909, 1] });

    expect(advancePromotions(db, t('11:00:00.000')).started).toEqual([3, 4]);
    // V1: 3 comes first (priority 5) and is exclusive: 500 alone. V2: 1 comes first (stackable), so
    // the exclusive 4 after it is skipped: still 909.
    expect(salePrices(db)).toEqual({ [V1]: [500, 3], [V2]: [909, 1] });

    expect(advancePromotions(db, t('12:00:00.000')).ended).toEqual([3]);
    // V1 back to 1 then 2 (4 skipped after a stackable one): 800.
    expect(salePrices(db)).toEqual({ [V1]: [800, 2], [V2]: [909, 1] });

    // Cancel 1: V1 has only 2 left (and 4 — exclusive, now first? 2 has priority 20, 4 has 30: 2 first, stackable).
    db.prepare("UPDATE promotions SET status = 'cancelled' WHERE id = 1").run();
    expect(clearPromotionPrices(db, 1, '2026-03-01T12:30:00.000Z')).toBe(1);
    // V1: 1000 − 100 = 900 by 2. V2: only 4 applies now, exclusive and first: 1010 × 50 % = 505.
    expect(salePrices(db)).toEqual({ [V1]: [900, 2], [V2]: [505, 4] });
    expect(advancePromotions(db, t('12:30:00.000'))).toEqual({ started: [], ended: [] });
    expect(salePrices(db)).toEqual({ [V1]: [900, 2], [V2]: [505, 4] });

    expect(advancePromotions(db, t('14:00:00.000')).ended).toEqual([2, 4]);
    expect(salePrices(db)).toEqual({});
    expect(regularPrices(db)).toEqual(regular);
  });

  it('clears the rows of a promotion cancelled without clearing them on the next pass', () => {
    db = openRunnerShop();
    addPromotion(db, { id: 1, rule: { type: 'percent_off', percentOffBp: 1000 }, ...window, variants: [V1] });
    advancePromotions(db, t('10:00:00.000'));
    db.prepare("UPDATE promotions SET status = 'cancelled' WHERE id = 1").run();
    advancePromotions(db, t('10:01:00.000'));
    expect(salePrices(db)).toEqual({});
  });
});

describe('flash sale cap per SKU', () => {
  it('drops the flash price of a SKU once non-cancelled units since the start reach the cap; another promotion takes over', () => {
    db = openRunnerShop();
    addPromotion(db, { id: 1, rule: { type: 'flash_sale', salePrice: { kind: 'fixed', price: 700 }, perSkuCap: 3, perCustomerCap: null }, ...window, variants: [V1, V2] });
    addPromotion(db, { id: 2, rule: { type: 'percent_off', percentOffBp: 1000 }, ...window, stacking: 'stackable', priority: 200, variants: [V1] });
    addOrder(db, V1, 5, '2026-03-01T09:00:00.000Z'); // before the start: not counted
    advancePromotions(db, t('10:00:00.000'));
    expect(salePrices(db)).toEqual({ [V1]: [700, 1], [V2]: [700, 1] });

    addOrder(db, V1, 2, '2026-03-01T10:30:00.000Z');
    addOrder(db, V1, 5, '2026-03-01T10:40:00.000Z', 'cancelled');
    advancePromotions(db, t('10:45:00.000'));
    expect(salePrices(db)[V1]).toEqual([700, 1]); // 2 of 3

    addOrder(db, V1, 1, '2026-03-01T10:50:00.000Z');
    advancePromotions(db, t('11:00:00.000'));
    // 3 of 3: V1 leaves the flash sale; promotion 2 applies: 1000 − 10 % = 900. V2 keeps 700.
    expect(salePrices(db)).toEqual({ [V1]: [900, 2], [V2]: [700, 1] });
    advancePromotions(db, t('11:00:30.000'));
    expect(salePrices(db)).toEqual({ [V1]: [900, 2], [V2]: [700, 1] });
    expect(regularPrices(db)).toEqual(regular);
  });
});

describe('pushPlan', () => {
  it('lists each connected channel in scope: a sale price is pushed, tiers are not, a channel without its SKUs linked gets nothing', () => {
    db = openRunnerShop();
    addPromotion(db, { id: 1, rule: { type: 'percent_off', percentOffBp: 1000 }, ...window });
    addPromotion(db, { id: 2, rule: { type: 'spend_tiers', tiers: [{ minSpend: 20000, amountOff: 2000 }] }, ...window, channels: [LINKED] });
    expect(pushPlan(db, 1)).toEqual([
      { channelId: LINKED, channelName: 'Shopify', pushed: true, reason: null },
      { channelId: UNLINKED, channelName: 'Woo', pushed: false, reason: { key: 'notPushedNoLinks', params: { channel: 'Woo' } } },
    ]);
    expect(pushPlan(db, 2)).toEqual([
      { channelId: LINKED, channelName: 'Shopify', pushed: false, reason: { key: 'notPushedType', params: { type: 'spend_tiers', channel: 'Shopify' } } },
    ]);
    // Only V2, which is linked nowhere.
    addPromotion(db, { id: 3, rule: { type: 'fixed_price', price: 500 }, ...window, variants: [V2] });
    expect(pushPlan(db, 3)).toEqual([
      { channelId: LINKED, channelName: 'Shopify', pushed: false, reason: { key: 'notPushedNoLinks', params: { channel: 'Shopify' } } },
      { channelId: UNLINKED, channelName: 'Woo', pushed: false, reason: { key: 'notPushedNoLinks', params: { channel: 'Woo' } } },
    ]);
    expect(pushPlan(db, 99)).toEqual([]);
  });
});
