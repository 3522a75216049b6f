// The hourly stock cache (migration 0015, src/analytics/stock-daily.ts) is a
// cache, never a second definition: after receipts, sales, returns,
// adjustments, transfers through transit, stocktakes, back-dated movements and
// late-arriving orders, its tables equal the ledger summed directly, and every
// inventory answer through it equals the answer read from the ledger.
import { afterEach, describe, expect, it } from 'vitest';
import { createInventoryAnalyticsService } from '../../../src/analytics/inventory-service.js';
import { createProductsService } from '../../../src/analytics/products-service.js';
import { createStockDaily } from '../../../src/analytics/stock-daily.js';
import type { Db } from '../../../src/db/open.js';
import { openDatabase } from '../../../src/db/open.js';
import { createLedger, type Movement } from '../../../src/inventory/ledger.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const variantCount = 12;

function seed(timeZone: string) {
  return (path: string) => {
    const db = openDatabase(path);
    const at = '2024-01-01T00:00:00.000Z';
    db.transaction(() => {
      db.prepare('UPDATE shop_settings SET time_zone = ?').run(timeZone);
      db.prepare(
        "INSERT INTO locations (id, code, name, kind, created_at) VALUES (1, 'WH', 'Warehouse', 'warehouse', ?), (2, 'ST', 'Store', 'store', ?), (3, 'TR', 'In transit', 'transit', ?)",
      ).run(at, at, at);
      db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'web', 'Web', 'manual', ?)").run(at);
      db.prepare("INSERT INTO categories (id, name, path, created_at) VALUES (1, 'Apparel', 'Apparel', ?), (2, 'Home', 'Home', ?)").run(at, at);
      const product = db.prepare("INSERT INTO products (id, handle, title, category_id, created_at, updated_at) VALUES (?, ?, 'P', ?, ?, ?)");
      const variant = db.prepare('INSERT INTO variants (id, product_id, sku, price, cost, created_at, updated_at) VALUES (?, ?, ?, 1000, ?, ?, ?)');
      for (let id = 1; id <= variantCount; id += 1) {
        product.run(id, `p${id}`, id % 3 === 0 ? null : 1 + (id % 2), at, at);
        variant.run(id, id, `SKU${id}`, id === 5 ? null : 100 * id, at, at);
      }
    })();
    db.close();
  };
}

/** A small deterministic generator (the same shop on every run). */
function random(seedValue: number) {
  let state = seedValue;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function post(db: Db, movements: Movement[]) {
  db.transaction(() => createLedger(db).post(movements, { forbidNegative: false }))();
}

let orderNumber = 0;
/** An order placed at `at` with one line, and its sale movement (or none: the stock leaves later or never). */
function sell(db: Db, variantId: number, at: string, quantity: number, locationId = 1, status = 'fulfilled') {
  orderNumber += 1;
  const order = db
    .prepare("INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total) VALUES (1, ?, ?, ?, ?, 'USD', ?, ?)")
    .run(`O${orderNumber}`, locationId, status, at, quantity * 1000, quantity * 1000);
  db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, discount, unit_cost) VALUES (?, ?, 'X', 'X', ?, 1000, ?, 50)").run(
    Number(order.lastInsertRowid),
    variantId,
    quantity,
    quantity * 30,
  );
  post(db, [{ variantId, locationId, delta: -quantity, reason: 'sale', actor: 'test', occurredAt: at }]);
}

const hourMs = 3_600_000;
const iso = (t: number) => new Date(t).toISOString();

/** Two years of stock: opening counts, receipts, sales, returns, damage, found stock, transfers, stocktakes. */
function history(db: Db) {
  const next = random(7);
  const start = Date.parse('2024-11-20T05:00:00.000Z');
  const end = Date.parse('2026-11-20T09:00:00.000Z');
  const opening: Movement[] = [];
  for (let v = 1; v <= variantCount; v += 1) {
    // Variants 11 and 12 are new: first stocked in the last months (12 in a half-hour minute).
    const at = v === 11 ? '2026-09-03T14:00:00.000Z' : v === 12 ? '2026-10-10T18:30:00.000Z' : iso(start + v * hourMs);
    opening.push({ variantId: v, locationId: 1 + (v % 2), delta: 5 + v, reason: 'initial', actor: 'test', occurredAt: at });
  }
  post(db, opening);
  const reasons = ['receive', 'return', 'adjustment', 'damage', 'stocktake', 'transfer'] as const;
  for (let t = start + 20 * hourMs; t < end; t += Math.floor((6 + next() * 60) * hourMs) + Math.floor(next() * 3_000_000)) {
    const variantId = 1 + Math.floor(next() * 10);
    const at = iso(t);
    const roll = next();
    if (roll < 0.6) {
      sell(db, variantId, at, 1 + Math.floor(next() * 3), 1 + Math.floor(next() * 2));
      continue;
    }
    const reason = reasons[Math.floor(next() * reasons.length)] ?? 'receive';
    const quantity = 1 + Math.floor(next() * 12);
    const locationId = 1 + Math.floor(next() * 2);
    if (reason === 'transfer') {
      // Out of one location into transit, and into the other a day later.
      post(db, [
        { variantId, locationId, delta: -quantity, reason: 'transfer_out', actor: 'test', occurredAt: at },
        { variantId, locationId: 3, delta: quantity, reason: 'transfer_in', actor: 'test', occurredAt: at },
      ]);
      post(db, [
        { variantId, locationId: 3, delta: -quantity, reason: 'transfer_out', actor: 'test', occurredAt: iso(t + 24 * hourMs) },
        { variantId, locationId: 3 - locationId, delta: quantity, reason: 'transfer_in', actor: 'test', occurredAt: iso(t + 24 * hourMs) },
      ]);
    } else {
      const delta = reason === 'damage' || ((reason === 'adjustment' || reason === 'stocktake') && next() < 0.5) ? -quantity : quantity;
      post(db, [{ variantId, locationId, delta, reason, actor: 'test', occurredAt: at }]);
    }
  }
}

/** The cache tables as the ledger sums them directly. */
function expectTablesMatchLedger(db: Db) {
  expect(createStockDaily(db).refresh()).toBe(true);
  const cached = db.prepare('SELECT variant_id, hour, delta, transit, inbound, level FROM stock_hourly ORDER BY variant_id, hour').all();
  const direct = db
    .prepare(
      `SELECT variant_id, hour, delta, transit, inbound, SUM(delta) OVER (PARTITION BY variant_id ORDER BY hour) AS level FROM (
         SELECT m.variant_id, substr(m.occurred_at, 1, 13) AS hour,
                SUM(CASE WHEN l.kind <> 'transit' THEN m.delta ELSE 0 END) AS delta,
                SUM(CASE WHEN l.kind = 'transit' THEN m.delta ELSE 0 END) AS transit,
                SUM(CASE WHEN l.kind <> 'transit' AND m.delta > 0 AND m.reason IN ('initial', 'receive', 'return', 'adjustment', 'stocktake', 'sync')
                         THEN m.delta ELSE 0 END) AS inbound
         FROM stock_movements m JOIN locations l ON l.id = m.location_id GROUP BY 1, 2)
       ORDER BY variant_id, hour`,
    )
    .all();
  expect(cached).toEqual(direct);
  expect(db.prepare('SELECT * FROM stock_variant_firsts ORDER BY variant_id').all()).toEqual(
    db
      .prepare(
        `SELECT m.variant_id, MIN(m.occurred_at) AS first_at,
                MIN(CASE WHEN m.delta > 0 AND m.reason IN ('initial', 'receive', 'return', 'adjustment', 'stocktake', 'sync') THEN m.occurred_at END) AS first_inbound_at,
                SUM(CASE WHEN l.kind <> 'transit' THEN m.delta ELSE 0 END) AS total
         FROM stock_movements m JOIN locations l ON l.id = m.location_id GROUP BY m.variant_id ORDER BY m.variant_id`,
      )
      .all(),
  );
}

const periods = [
  { from: '2026-10-21', to: '2026-11-19' },
  { from: '2025-11-20', to: '2026-11-19' },
  { from: '2026-03-01', to: '2026-03-31' },
  { from: '2024-12-01', to: '2025-01-15' },
];

/** Every inventory answer through the cache equals the one read from the ledger. */
function expectAnswersAgree(db: Db) {
  const cached = createInventoryAnalyticsService(db);
  const direct = createInventoryAnalyticsService(db, { cache: false });
  for (const period of periods) expect(cached.stockOuts(period, 0, 500)).toEqual(direct.stockOuts(period, 0, 500));
  for (const asOf of ['2026-11-19', '2026-11-01', '2026-03-08', '2025-07-04']) expect(cached.inventoryAging(asOf)).toEqual(direct.inventoryAging(asOf));
  for (const days of [30, 90, 365]) expect(cached.newProductSellThrough('2026-11-19', days, 50)).toEqual(direct.newProductSellThrough('2026-11-19', days, 50));
  // Product health, ABC and slow movers through the sales rollups and the stock cache equal the orders and the ledger.
  const products = createProductsService(db);
  const productsDirect = createProductsService(db, { cache: false });
  for (const period of periods) {
    for (const [slowDays, deadDays] of [[60, 180], [7, 30]] as const) {
      expect(products.productHealth({ ...period, slowDays, deadDays })).toEqual(productsDirect.productHealth({ ...period, slowDays, deadDays }));
    }
  }
  for (const asOf of ['2026-11-19', '2026-03-08']) {
    for (const windowDays of [30, 365]) {
      for (const measure of ['netSales', 'grossProfit'] as const) {
        expect(products.abc({ asOf, windowDays, measure, offset: 0, limit: 100 })).toEqual(productsDirect.abc({ asOf, windowDays, measure, offset: 0, limit: 100 }));
      }
    }
    for (const minDays of [1, 30, 365]) expect(products.slowMovers({ asOf, minDays, offset: 0, limit: 100 })).toEqual(productsDirect.slowMovers({ asOf, minDays, offset: 0, limit: 100 }));
  }
  // The stock at an instant: any instant, on a whole hour or not, strictly after it or not, with transit or not.
  const daily = createStockDaily(db);
  for (const instant of ['2026-11-19T05:00:00.000Z', '2026-10-10T18:30:00.000Z', '2025-03-09T07:13:21.000Z', '2024-01-01T00:00:00.000Z']) {
    for (const strict of [false, true]) {
      for (const transit of [false, true]) {
        const direct = db
          .prepare(
            `SELECT m.variant_id AS variantId, SUM(m.delta) AS delta FROM stock_movements m JOIN locations l ON l.id = m.location_id
             WHERE (m.occurred_at > ? OR (? = 0 AND m.occurred_at = ?)) AND (? = 1 OR l.kind <> 'transit') GROUP BY m.variant_id`,
          )
          .all(instant, strict ? 1 : 0, instant, transit ? 1 : 0) as { variantId: number; delta: number }[];
        const fromCache = new Map((daily.deltaSince(instant, { strict, transit }) ?? []).map((r) => [r.variantId, r.delta]));
        for (const row of direct) expect([instant, strict, transit, row.variantId, fromCache.get(row.variantId) ?? 0]).toEqual([instant, strict, transit, row.variantId, row.delta]);
        for (const [variantId, delta] of fromCache) if (!direct.some((r) => r.variantId === variantId)) expect(delta).toBe(0);
      }
    }
  }
  // The answers above came from the cache, brought up to date.
  expect(db.prepare('SELECT COUNT(*) AS n FROM stock_hourly_dirty').get()).toEqual({ n: 0 });
}

describe('stock cache agreement', () => {
  it('equals the ledger after every kind of stock change, back-dated movements and late orders (America/New_York)', () => {
    shop = testShop(seed('America/New_York'));
    const db = shop.db;
    history(db);
    expectTablesMatchLedger(db);
    expectAnswersAgree(db);
    // Found stock entered for last week, a stocktake back-dated into March that empties a variant for days,
    // and a receipt back-dated before every other movement of a variant.
    post(db, [{ variantId: 2, locationId: 1, delta: 4, reason: 'adjustment', actor: 'test', occurredAt: '2026-11-12T15:20:00.000Z' }]);
    post(db, [{ variantId: 3, locationId: 2, delta: -400, reason: 'stocktake', actor: 'test', occurredAt: '2026-03-05T12:00:00.000Z' }]);
    post(db, [{ variantId: 3, locationId: 2, delta: 400, reason: 'receive', actor: 'test', occurredAt: '2026-03-20T12:00:00.000Z' }]);
    post(db, [{ variantId: 4, locationId: 1, delta: 9, reason: 'receive', actor: 'test', occurredAt: '2024-06-01T10:00:00.000Z' }]);
    expectTablesMatchLedger(db);
    expectAnswersAgree(db);
    // Orders arriving late (a channel's sync): placed days ago, the stock leaving at the time they were placed.
    sell(db, 1, '2026-11-15T16:45:00.000Z', 30);
    sell(db, 6, '2026-11-02T05:30:00.000Z', 2, 2);
    sell(db, 7, '2026-11-18T23:59:59.000Z', 1, 1, 'cancelled');
    expectAnswersAgree(db);
    // A store becomes a transit location: its movements move between the selling and the in-transit sums.
    db.prepare("UPDATE locations SET kind = 'transit' WHERE id = 2").run();
    expectTablesMatchLedger(db);
    expectAnswersAgree(db);
  });

  it('equals the ledger on hand that disagrees with it, and in a half-hour time zone (direct day sums)', () => {
    shop = testShop(seed('Asia/Kolkata'));
    const db = shop.db;
    history(db);
    // On hand written without a movement (as an old import might): the cache's levels are not trusted for it.
    db.prepare('UPDATE stock_levels SET on_hand = on_hand + 50 WHERE variant_id = 8 AND location_id = 1').run();
    db.prepare("INSERT INTO stock_levels (variant_id, location_id, on_hand, updated_at) VALUES (9, 2, -200, '2026-01-01T00:00:00.000Z') ON CONFLICT DO UPDATE SET on_hand = on_hand - 200").run();
    expectAnswersAgree(db);
    db.prepare("UPDATE shop_settings SET time_zone = 'America/New_York'").run();
    expectAnswersAgree(db);
  });

  it('rebuilds from the whole ledger when many keys are dirty, with the same result', () => {
    shop = testShop(seed('Europe/Berlin'));
    const db = shop.db;
    history(db);
    const rows = (db.prepare('SELECT COUNT(*) AS n FROM stock_hourly_dirty').get() as { n: number }).n;
    expect(rows).toBeGreaterThan(100);
    expect(createStockDaily(db, { fullRebuildAbove: 10 }).refresh()).toBe(true);
    expectTablesMatchLedger(db);
    expectAnswersAgree(db);
  });
});
