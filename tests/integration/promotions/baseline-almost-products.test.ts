// A large set made of whole products but for a few variants (cannibalisation's other products of
// the promoted categories: everything there but the promoted SKUs) takes its baseline's hourly
// units as its products' hours less the left-out variants' hours, both from the rollups
// (baseline-store.ts 'almostProducts'). Reading the lines stays the definition: the two agree as
// built and after a late order, a changed quantity, a cancellation and a new order on a left-out
// variant, in UTC and in a daylight-saving zone; a half-hour zone reads the lines.
import { afterEach, describe, expect, it } from 'vitest';
import { createSalesRollup } from '../../../src/analytics/sales-rollup.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../../src/db/migrate.js';
import { baselineStoreOf, smallSetVariants } from '../../../src/promotions/baseline-store.js';
import { addDays } from '../../../src/shared/local-time.js';
import { baselineBothWays, expectRollupBaselineAgrees } from './baseline-both-ways.js';
import { seedShop } from './simulation-fixture.js';

let db: Db;
afterEach(() => db.close());

const start = '2026-06-01';
const historyFrom = addDays(start, -120);
/** Products 1 and 2, 300 variants each; the set leaves out variant 1 (product 1) and 301 (product 2). */
const leftOut = [1, 301];
const set = Array.from({ length: 600 }, (_, i) => i + 1).filter((id) => !leftOut.includes(id));
let orderNumber = 0;

function order(placedAt: string, lines: [number | null, number][], status = 'fulfilled'): number {
  orderNumber += 1;
  const id = Number(
    db
      .prepare(`INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total) VALUES (1, ?, 1, ?, ?, 'USD', 0, 0)`)
      .run(`A-${orderNumber}`, status, placedAt).lastInsertRowid,
  );
  const line = db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price) VALUES (?, ?, 'x', 'x', ?, 100)");
  for (const [variantId, units] of lines) line.run(id, variantId, units);
  return id;
}

function shop(timeZone: string): void {
  orderNumber = 0;
  db = openDatabase(':memory:');
  migrate(db, ':memory:', loadMigrations(defaultMigrationsDir()), { now: () => new Date('2026-01-01T00:00:00Z') });
  seedShop(db, Array.from({ length: 600 }, (_, i) => ({ id: i + 1, sku: `S${i + 1}`, price: 1000, cost: 400, productId: i < 300 ? 1 : 2 })), timeZone);
  // 120 days: the left-out variants sell every day, others of both products on most days, at hours all round the clock.
  db.transaction(() => {
    for (let i = 0; i < 120; i += 1) {
      const day = addDays(historyFrom, i);
      const at = (h: number, m: number) => `${day}T${String(h % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z`;
      order(at(i * 7, i * 13), [[1, 1 + (i % 4)], [2 + (i % 290), 2], [301, 3]]);
      if (i % 3 !== 0) order(at(i * 5 + 3, 45), [[302 + (i % 250), 1 + (i % 5)], [null, 2]]);
    }
  })();
  expect(createSalesRollup(db).refresh()).toBe(true);
  // The rollup falls behind: a late order weeks ago, a changed quantity, a cancellation, a new order.
  order(`${addDays(start, -20)}T10:15:00.000Z`, [[1, 40], [5, 10], [301, 7]]);
  db.prepare("UPDATE order_lines SET quantity = 9 WHERE order_id = (SELECT id FROM orders WHERE order_number = 'A-19') AND variant_id = 1").run();
  db.prepare("UPDATE orders SET status = 'cancelled' WHERE order_number = 'A-30'").run();
  order(`${addDays(start, -2)}T12:00:00.000Z`, [[301, 30], [450, 2]]);
}


describe('baseline of a large set of almost whole products', () => {
  it.each(['UTC', 'America/New_York'])('its products less the left-out variants give the lines’ answer (%s)', (timeZone) => {
    shop(timeZone);
    expect(set.length).toBeGreaterThanOrEqual(smallSetVariants);
    const fast = expectRollupBaselineAgrees(db, set, start, 14);
    expect(fast.byVariant.has(1) || fast.byVariant.has(301)).toBe(false);
    // The units the left-out variants sold are not the set's: the whole products' history is larger.
    const store = baselineStoreOf(db);
    const units = (ids: number[]) =>
      store.withVariantSet({ variantIds: ids }, () =>
        store.sales(`${historyFrom}T00:00:00.000Z`, `${start}T00:00:00.000Z`, { wholeHours: true, exact: true }).reduce((a, r) => a + r.units, 0),
      );
    expect(units([...set, ...leftOut]) - units(set)).toBe(units(leftOut));
    expect(units(leftOut)).toBeGreaterThan(0);
  });

  it('reads the lines in a half-hour time zone, with the same answer', () => {
    shop('Asia/Kolkata');
    const { fast, exact, source } = baselineBothWays(db, set, start, 14);
    expect(source).toBe('lines');
    expect(fast.daily).toEqual(exact.daily);
  });
});
