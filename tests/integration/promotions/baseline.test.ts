// The promotion baseline (docs/metrics-notes.md "Baseline and simulation"): the variants' daily
// total forecast on history before the start, split by their shares of the 56 days before it.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../../src/db/migrate.js';
import { baselineForVariants, promotionBaseline } from '../../../src/promotions/baseline.js';
import { addDays } from '../../../src/shared/local-time.js';
import { dailyOrders, insertPromotion, seedShop } from './simulation-fixture.js';

let db: Db;
afterEach(() => db.close());

const start = '2026-06-01';
const historyFrom = addDays(start, -120);

function shop(timeZone = 'UTC'): Db {
  db = openDatabase(':memory:');
  migrate(db, ':memory:', loadMigrations(defaultMigrationsDir()), { now: () => new Date('2026-01-01T00:00:00Z') });
  seedShop(
    db,
    [
      { id: 1, sku: 'A', price: 1000, cost: 400 },
      { id: 2, sku: 'B', price: 2000, cost: 1500 },
      { id: 3, sku: 'C', price: 500, cost: 100 },
      { id: 4, sku: 'D', price: 700, cost: 300, productId: 2 },
    ],
    timeZone,
  );
  insertPromotion(db, {
    id: 1,
    type: 'percent_off',
    rule: { percentOffBp: 2000 },
    startsAt: `${start}T00:00:00Z`,
    endsAt: `${addDays(start, 7)}T00:00:00Z`,
    targets: [['category', 1]],
  });
  return db;
}

describe('promotion baseline', () => {
  // With 40 more variants elsewhere the promoted 3 are a small part of the catalog, read from
  // their own lines; without them, a large part, read by walking the orders: the same answer.
  it.each([
    ['a small part of the catalog', 40],
    ['most of the catalog', 0],
  ])('forecasts a flat 4 units a day and splits it 3:1 by the last 56 days, leaving out a variant that stopped selling (%s)', (_, others) => {
    shop();
    const filler = db.prepare("INSERT INTO variants (product_id, sku, price, created_at, updated_at) VALUES (2, ?, 100, '2026-01-01', '2026-01-01')");
    for (let i = 0; i < others; i += 1) filler.run(`F-${i}`);
    dailyOrders(db, { variantId: 1, from: historyFrom, days: 120, units: 3 });
    // C sold the 4th unit a day for the first 60 days, then B took over: the total stays at 4.
    dailyOrders(db, { variantId: 3, from: historyFrom, days: 60, units: 1 });
    dailyOrders(db, { variantId: 2, from: addDays(historyFrom, 60), days: 60, units: 1 });
    // D is not in the promotion (another category): its sales are not counted.
    dailyOrders(db, { variantId: 4, from: historyFrom, days: 120, units: 9 });
    // A cancelled order counts nowhere.
    dailyOrders(db, { variantId: 1, from: addDays(start, -1), days: 1, units: 50, status: 'cancelled' });

    const b = promotionBaseline(db, 1, start, 7);
    expect(b.dates).toEqual(['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05', '2026-06-06', '2026-06-07']);
    for (const day of b.daily) expect(day).toBeCloseTo(4, 6);
    expect(b.total).toBeCloseTo(28, 6);
    expect(b.wape).toBeCloseTo(0, 6);
    expect(b.historyDays).toBe(120);
    expect(b.byVariant.get(1)).toBeCloseTo(21, 6);
    expect(b.byVariant.get(2)).toBeCloseTo(7, 6);
    expect(b.byVariant.has(3)).toBe(false);
    expect(b.byVariant.has(4)).toBe(false);
  });

  it('buckets orders by the shop-local day: an order placed on the first promotion day (local) is not history', () => {
    shop('Asia/Shanghai');
    // 01:00 in Shanghai is 17:00 UTC the day before: every order lands on its local day.
    dailyOrders(db, { variantId: 1, from: historyFrom, days: 120, units: 4, time: '17:00:00', dayShift: -1 });
    // 100 units at 01:00 local on the first promotion day (still the day before in UTC).
    dailyOrders(db, { variantId: 1, from: start, days: 1, units: 100, time: '17:00:00', dayShift: -1 });
    const b = promotionBaseline(db, 1, start, 3);
    for (const day of b.daily) expect(day).toBeCloseTo(4, 6);
    expect(b.byVariant.get(1)).toBeCloseTo(12, 6);
  });

  it('is 0 with no WAPE when the variants never sold', () => {
    shop();
    dailyOrders(db, { variantId: 4, from: historyFrom, days: 120, units: 2 });
    const b = promotionBaseline(db, 1, start, 14);
    expect(b.daily).toEqual(new Array<number>(14).fill(0));
    expect(b.total).toBe(0);
    expect(b.wape).toBeNull();
    expect(b.historyDays).toBe(0);
    expect(b.byVariant.size).toBe(0);
  });

  it('takes any set of variant ids (and ignores ids that are not variants)', () => {
    shop();
    dailyOrders(db, { variantId: 1, from: historyFrom, days: 120, units: 3 });
    dailyOrders(db, { variantId: 4, from: historyFrom, days: 120, units: 2 });
    const ids = [1, 4, ...Array.from({ length: 12_000 }, (_, i) => 100_000 + i)];
    const b = baselineForVariants(db, ids, start, 10);
    expect(b.total).toBeCloseTo(50, 6);
    expect(b.byVariant.get(1)).toBeCloseTo(30, 6);
    expect(b.byVariant.get(4)).toBeCloseTo(20, 6);
    // The set is emptied afterwards: the promotion's own baseline is unaffected.
    expect(promotionBaseline(db, 1, start, 10).total).toBeCloseTo(30, 6);
  });
});
