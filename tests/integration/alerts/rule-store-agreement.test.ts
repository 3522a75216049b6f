// The dead-stock counts and the return-rate rows (rule-store.ts) through the hourly rollup per
// variant equal those read from the orders, on the small demo shop after every kind of change —
// compared directly rather than through the rules, whose thresholds often leave them silent
// (dead stock growth fires only on 10 % growth; a return-rate spike needs 3 units back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleContext } from '../../../src/alerts/rule-context.js';
import { deadStockSummary, returnRateRows } from '../../../src/alerts/rule-store.js';
import { deadDays } from '../../../src/alerts/rules/dead-stock-growth.js';
import { changes, NOW, openChangeShop, type ChangeShop } from './incremental-fixture.js';

let shop: ChangeShop;
beforeAll(async () => {
  shop = await openChangeShop('alerts-rule-store-agreement');
}, 120_000);
afterAll(() => shop.close());

/** Whether some comparison had something to compare (the changes add returns in the window). */
const seen = { dead: false, returns: false };

function compare(label: string, now: Date): void {
  const ctx = ruleContext(shop.db, now);
  const thenDate = ctx.addDays(ctx.today, -7);
  const dead = {
    now: ctx.now,
    then: ctx.startOf(thenDate),
    nowFrom: ctx.startOf(ctx.addDays(ctx.today, 1 - deadDays)),
    thenFrom: ctx.startOf(ctx.addDays(thenDate, 1 - deadDays)),
  };
  const sorted = (s: ReturnType<typeof deadStockSummary>) => ({ ...s, newlyDead: [...s.newlyDead].sort() });
  const viaRollup = sorted(deadStockSummary(shop.db, dead));
  expect(viaRollup, `dead stock after ${label}`).toEqual(sorted(deadStockSummary(shop.db, dead, true)));
  seen.dead ||= viaRollup.deadNow > 0;

  const windowFrom = ctx.addDays(ctx.today, -7);
  const returns = { historyFrom: ctx.startOf(ctx.addDays(windowFrom, -56)), windowFrom: ctx.startOf(windowFrom), to: ctx.startOf(ctx.today) };
  const byProduct = (rows: ReturnType<typeof returnRateRows>) => [...rows].sort((a, b) => a.productId - b.productId);
  for (const minReturned of [1, 3]) {
    const rolled = byProduct(returnRateRows(shop.db, returns, minReturned));
    expect(rolled, `returns (≥ ${minReturned}) after ${label}`).toEqual(byProduct(returnRateRows(shop.db, returns, minReturned, true)));
    seen.returns ||= rolled.length > 0;
  }
}

describe('dead stock and return rates through the rollup and through the orders', () => {
  it('agree after every kind of change, now and mid-hour a day later', () => {
    const later = new Date(NOW.getTime() + 86_400_000 + 25 * 60_000);
    compare('nothing', NOW);
    for (const change of changes(shop.db)) {
      change.apply(shop.db);
      compare(change.what, NOW);
      compare(`${change.what} (a day later)`, later);
    }
    // Stock moved back in time (a stocktake dated last week) moves "on hand then".
    const variant = (shop.db.prepare('SELECT id FROM variants WHERE on_hand_total > 0 ORDER BY id LIMIT 1').get() as { id: number }).id;
    const location = (shop.db.prepare("SELECT id FROM locations WHERE kind <> 'transit' ORDER BY id LIMIT 1").get() as { id: number }).id;
    shop.db
      .prepare("INSERT INTO stock_movements (variant_id, location_id, delta, reason, actor, occurred_at) VALUES (?, ?, -3, 'stocktake', 'test', '2026-11-16T10:00:00.000Z')")
      .run(variant, location);
    compare('back-dated stock', NOW);
    expect(seen).toEqual({ dead: true, returns: true });
  });
});
