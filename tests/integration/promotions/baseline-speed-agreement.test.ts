// The baseline's fast path (baseline-store.ts: a set of whole products, or the whole shop, summed
// from Analytics' hourly rollups) must give exactly the answer of reading the order lines. Both
// paths run on the same shop, after the rollup was built and then left behind by a late order, a
// cancellation, a changed quantity and a new cancelled order (the dirty marks must bring it up to
// date before the read), in a UTC shop, a whole-hour zone with daylight saving, and a half-hour
// zone (which always reads the lines).
import { afterEach, describe, expect, it } from 'vitest';
import { createSalesRollup } from '../../../src/analytics/sales-rollup.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../../src/db/migrate.js';
import { baselineOfLoadedSet, type Baseline } from '../../../src/promotions/baseline.js';
import { baselineStoreOf } from '../../../src/promotions/baseline-store.js';
import { addDays } from '../../../src/shared/local-time.js';
import { insertPromotion, seedShop } from './simulation-fixture.js';

let db: Db;
afterEach(() => db.close());

const start = '2026-06-01';
const historyFrom = addDays(start, -120);
let orderNumber = 0;

/** One order placed at `placedAt` (UTC) with lines [variant (null: a variant since removed), units]. */
function order(placedAt: string, lines: [number | null, number][], status = 'fulfilled'): number {
  orderNumber += 1;
  const id = Number(
    db
      .prepare(
        `INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total) VALUES (1, ?, 1, ?, ?, 'USD', 0, 0)`,
      )
      .run(`S-${orderNumber}`, status, placedAt).lastInsertRowid,
  );
  const line = db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price) VALUES (?, ?, 'x', 'x', ?, 100)");
  for (const [variantId, units] of lines) line.run(id, variantId, units);
  return id;
}

function shop(timeZone: string): { late: string } {
  db = openDatabase(':memory:');
  migrate(db, ':memory:', loadMigrations(defaultMigrationsDir()), { now: () => new Date('2026-01-01T00:00:00Z') });
  // Product 1 (category 1) has A, B, C; product 2 has D and E.
  seedShop(
    db,
    [
      { id: 1, sku: 'A', price: 1000, cost: 400 },
      { id: 2, sku: 'B', price: 2000, cost: 1500 },
      { id: 3, sku: 'C', price: 500, cost: 100 },
      { id: 4, sku: 'D', price: 700, cost: 300, productId: 2 },
      { id: 5, sku: 'E', price: 900, cost: 300, productId: 2 },
    ],
    timeZone,
  );
  const window = { type: 'percent_off', rule: { percentOffBp: 2000 }, startsAt: `${start}T00:00:00Z`, endsAt: `${addDays(start, 7)}T00:00:00Z` };
  insertPromotion(db, { id: 1, ...window, targets: [['category', 1]] });
  insertPromotion(db, { id: 2, ...window });
  insertPromotion(db, { id: 3, ...window, targets: [['variant', 1], ['variant', 4]] });
  // 120 days of uneven sales at hours all round the clock (some fall on the previous or next local day).
  db.transaction(() => {
    for (let i = 0; i < 120; i += 1) {
      const day = addDays(historyFrom, i);
      const hour = String((i * 7) % 24).padStart(2, '0');
      order(`${day}T${hour}:${String((i * 13) % 60).padStart(2, '0')}:00.000Z`, [[1, 1 + (i % 3)], [4, 2]]);
      if (i % 2 === 0) order(`${day}T${String((i * 5 + 3) % 24).padStart(2, '0')}:45:00.000Z`, [[2, 1 + (i % 5)], [5, 1]]);
      if (i % 9 === 0) order(`${day}T23:30:00.000Z`, [[3, 4], [null, 6]]);
    }
  })();
  // The rollup is built now, as an earlier read would have.
  expect(createSalesRollup(db).refresh()).toBe(true);
  // Then it falls behind: a late order placed weeks ago, a cancellation, a changed quantity, a
  // new cancelled order, and a line of a removed variant.
  const late = `${addDays(start, -20)}T10:15:00.000Z`;
  order(late, [[1, 40], [2, 10], [4, 7]]);
  db.prepare("UPDATE orders SET status = 'cancelled' WHERE order_number = 'S-10'").run();
  db.prepare("UPDATE order_lines SET quantity = 9 WHERE order_id = (SELECT id FROM orders WHERE order_number = 'S-19') AND variant_id = 1").run();
  order(`${addDays(start, -3)}T12:00:00.000Z`, [[1, 500], [5, 500]], 'cancelled');
  order(`${addDays(start, -2)}T12:00:00.000Z`, [[null, 30], [3, 2]]);
  return { late };
}

/** The baseline both ways, where the fast one came from, and the units of [historyFrom, start + 1 day) as the fast path reads them. */
function both(promotionId: number): { fast: Baseline; exact: Baseline; source: string | null; units: number } {
  const store = baselineStoreOf(db);
  return store.withVariantSet({ promotionId }, () => {
    const fast = baselineOfLoadedSet(store, start, 14);
    const source = store.lastSalesSource();
    const exact = baselineOfLoadedSet(store, start, 14, { exact: true });
    expect(store.lastSalesSource()).toBe('lines');
    const units = store.sales(`${historyFrom}T00:00:00.000Z`, `${addDays(start, 1)}T00:00:00.000Z`, { wholeHours: source === 'rollup' }).reduce((a, r) => a + r.units, 0);
    expect(store.lastSalesSource()).toBe(source);
    return { fast, exact, source, units };
  });
}

function expectSame(fast: Baseline, exact: Baseline): void {
  expect(fast.dates).toEqual(exact.dates);
  expect(fast.historyDays).toBe(exact.historyDays);
  expect(fast.wape).toBe(exact.wape);
  expect(fast.daily).toEqual(exact.daily);
  expect([...fast.byVariant].sort((a, b) => a[0] - b[0])).toEqual([...exact.byVariant].sort((a, b) => a[0] - b[0]));
}

/** Hand count of the units of `variants` in the 120 days, with the changes made after the rollup was built. */
function handUnits(variants: readonly number[]): number {
  let units = 0;
  const has = (v: number) => variants.includes(v);
  let n = 0;
  for (let i = 0; i < 120; i += 1) {
    n += 1; // S-n: A and D
    const cancelled = n === 10;
    if (!cancelled) units += (has(1) ? (n === 19 ? 9 : 1 + (i % 3)) : 0) + (has(4) ? 2 : 0);
    if (i % 2 === 0) {
      n += 1;
      if (n !== 10) units += (has(2) ? 1 + (i % 5) : 0) + (has(5) ? 1 : 0);
    }
    if (i % 9 === 0) {
      n += 1;
      if (n !== 10) units += has(3) ? 4 : 0;
    }
  }
  // The late order; the cancelled one counts nowhere; the removed variant's line is no variant's.
  units += (has(1) ? 40 : 0) + (has(2) ? 10 : 0) + (has(4) ? 7 : 0);
  units += has(3) ? 2 : 0;
  return units;
}

describe('promotion baseline from the hourly rollups', () => {
  it.each(['UTC', 'America/New_York'])('a category of whole products and the whole shop: the rollup gives the lines’ answer (%s)', (timeZone) => {
    orderNumber = 0;
    shop(timeZone);
    // Category 1 = all of product 1 (A, B, C): 3 of 5 variants, read through the per-product rollup.
    const category = both(1);
    expect(category.source).toBe('rollup');
    expectSame(category.fast, category.exact);
    expect(category.fast.total).toBeGreaterThan(0);
    // In UTC every order of the 120 days is in [historyFrom, start + 1 day): the hand count.
    if (timeZone === 'UTC') expect(category.units).toBe(handUnits([1, 2, 3]));

    // The whole shop: per-channel hourly units, less the lines of removed variants.
    const shopWide = both(2);
    expect(shopWide.source).toBe('rollup');
    expectSame(shopWide.fast, shopWide.exact);
    if (timeZone === 'UTC') expect(shopWide.units).toBe(handUnits([1, 2, 3, 4, 5]));
    expect(shopWide.fast.byVariant.size).toBe(5);
  });

  it('counts a late order on the local day it was placed, not the day it arrived', () => {
    orderNumber = 0;
    const { late } = shop('UTC');
    const store = baselineStoreOf(db);
    const day = (rows: { at: string; units: number }[]) => rows.filter((r) => r.at.startsWith(late.slice(0, 10))).reduce((a, r) => a + r.units, 0);
    const [fast, exact] = store.withVariantSet({ promotionId: 1 }, () => [
      day(store.sales(`${historyFrom}T00:00:00.000Z`, `${start}T00:00:00.000Z`, { wholeHours: true })),
      day(store.sales(`${historyFrom}T00:00:00.000Z`, `${start}T00:00:00.000Z`, { wholeHours: true, exact: true })),
    ]);
    // Day 100 of the history (i = 100): A 1 + (100 % 3) = 2, B 1 + (100 % 5) = 1; plus the late order's A 40 and B 10.
    expect(fast).toBe(53);
    expect(exact).toBe(53);
  });

  it('reads the lines for a promotion on single variants and in a half-hour time zone, with the same answer', () => {
    orderNumber = 0;
    shop('UTC');
    // A and D: parts of products 1 and 2.
    const variants = both(3);
    expect(variants.source).toBe('lines');
    expect(variants.units).toBe(handUnits([1, 4]));
    db.close();

    orderNumber = 0;
    shop('Asia/Kolkata');
    const category = both(1);
    expect(category.source).toBe('lines');
    expectSame(category.fast, category.exact);
  });
});
