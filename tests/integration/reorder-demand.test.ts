// demandByVariant against real SQL: local-day boundaries in the shop's time zone,
// cancelled orders, inherited category windows and bundles counted as components.
import { afterEach, describe, expect, it } from 'vitest';
import { demandByVariant } from '../../src/purchasing/demand.js';
import { seedCatalog } from './catalog-fixture.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

const HOD_M = 1;
const TEA = 3;
const MUG = 4;

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

/** Today 2026-11-20 in Shanghai (UTC+8): a 7-day window is local 11-13 … 11-19 = UTC [11-12 16:00, 11-19 16:00). */
function seed(path: string): void {
  seedCatalog(path);
}

function sellAll(shop: TestShop, sales: [variantId: number, placedAt: string, quantity: number, status?: string][]): void {
  shop.db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'web', 'Web', 'shopify', '2026-01-01')").run();
  const order = shop.db.prepare(
    "INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total) VALUES (1, ?, 1, ?, ?, 'CNY', 0, 0)",
  );
  const line = shop.db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price) VALUES (?, ?, 'x', 'x', ?, 100)");
  sales.forEach(([variantId, placedAt, quantity, status], i) => {
    line.run(order.run(`#${i}`, status ?? 'fulfilled', placedAt).lastInsertRowid, variantId, quantity);
  });
}

const options = { today: '2026-11-20', timeZone: 'Asia/Shanghai', defaultWindowDays: 7 };

describe('demand by variant', () => {
  it('buckets sales into the shop’s local days and leaves out today, earlier days and cancelled orders', () => {
    shop = testShop(seed);
    sellAll(shop, [
      [TEA, '2026-11-12T16:00:00.000Z', 4], // local 11-13 00:00: the window's first instant
      [TEA, '2026-11-12T15:59:59.000Z', 100], // local 11-12: before the window
      [TEA, '2026-11-19T15:59:59.000Z', 3], // local 11-19 23:59:59: the last day
      [TEA, '2026-11-19T16:00:00.000Z', 100], // local 11-20: today, not over
      [TEA, '2026-11-15T08:00:00.000Z', 50, 'cancelled'],
    ]);
    // Days [4, 0, 0, 0, 0, 0, 3], one week, unweighted: d̄ = 1; σd² = (9 + 5 × 1 + 4) / 7 = 18/7 → σd = 1.603567.
    const tea = demandByVariant(shop.db, options).get(TEA);
    expect(tea?.windowDays).toBe(7);
    expect(tea?.dailyDemand).toBeCloseTo(1, 9);
    expect(tea?.stdDev).toBeCloseTo(1.603567, 6);
    expect(demandByVariant(shop.db, options).has(HOD_M)).toBe(false); // no sales: absent
  });

  it('counts a sold bundle as demand for its components when asked', () => {
    shop = testShop(seed);
    shop.db.prepare('INSERT INTO bundle_components (bundle_variant_id, component_variant_id, quantity) VALUES (?, ?, 2)').run(MUG, TEA);
    sellAll(shop, [
      [TEA, '2026-11-13T04:00:00.000Z', 4], // local 11-13
      [MUG, '2026-11-15T04:00:00.000Z', 1], // local 11-15: 1 bundle = 2 tea
      [TEA, '2026-11-19T04:00:00.000Z', 3], // local 11-19
    ]);
    // As sold: the mug bundle 1/7 a day; tea [4, 0, 0, 0, 0, 0, 3] → 1.
    const asSold = demandByVariant(shop.db, options);
    expect(asSold.get(MUG)?.dailyDemand).toBeCloseTo(0.142857, 6);
    expect(asSold.get(TEA)?.dailyDemand).toBeCloseTo(1, 9);
    // Exploded: tea [4, 0, 2, 0, 0, 0, 3] → d̄ 9/7 = 1.285714; σd² = 29/7 − 81/49 = 122/49 → σd = 1.577909.
    const exploded = demandByVariant(shop.db, { ...options, explodeBundles: true });
    expect(exploded.has(MUG)).toBe(false);
    expect(exploded.get(TEA)?.dailyDemand).toBeCloseTo(1.285714, 6);
    expect(exploded.get(TEA)?.stdDev).toBeCloseTo(1.577909, 6);
  });

  it('uses the nearest category window: a sub-category without one inherits its parent’s', () => {
    shop = testShop(seed);
    shop.db.exec(`
      UPDATE categories SET demand_window_days = 3 WHERE path = 'Apparel';
      INSERT INTO categories (id, parent_id, name, path, created_at) VALUES (2, 1, 'Hoodies', 'Apparel > Hoodies', '2026-11-01');
      UPDATE products SET category_id = 2 WHERE title = 'Cloud Hoodie';
    `);
    sellAll(shop, [
      [HOD_M, '2026-11-16T04:00:00.000Z', 5], // local 11-16: outside the 3-day window 11-17 … 11-19
      [HOD_M, '2026-11-19T02:00:00.000Z', 2], // local 11-19
      [TEA, '2026-11-16T04:00:00.000Z', 7], // tea has no category: the shop's 7 days
    ]);
    const demand = demandByVariant(shop.db, options);
    // Hoodie M: [0, 0, 2] → d̄ 2/3; σd² = 4/3 − 4/9 = 8/9 → σd = 0.942809.
    expect(demand.get(HOD_M)?.windowDays).toBe(3);
    expect(demand.get(HOD_M)?.dailyDemand).toBeCloseTo(0.666667, 6);
    expect(demand.get(HOD_M)?.stdDev).toBeCloseTo(0.942809, 6);
    expect(demand.get(TEA)).toMatchObject({ windowDays: 7, dailyDemand: 1 });
  });
});
