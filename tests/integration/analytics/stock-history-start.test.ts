// Stock history that knows where it begins: a shop (Asia/Shanghai) whose
// warehouse stock was first recorded by an opening count dated D = 31 October
// 2026, local midnight; a store that began empty (its first record a receipt,
// 1 September) and an in-transit location do not move the start. Every number
// below is worked out by hand.
//
// Costs: A 1.00, B 2.00, C 0.50, E 0.10, F 0.30 (minor units 100, 200, 50, 10, 30).
// Ledger (posted through src/inventory/ledger.ts):
//   1 Sep 10:00  Store      C +3 receive      — the store's first record: it began empty
//   31 Oct 00:00 Warehouse  A +10, B +5, E +4 opening ('initial') — the warehouse's first record = D
//   3 Nov        Warehouse  A −3 sale (O2)
//   8 Nov 10:00  Warehouse  F +6 receive (F's first receipt: a new product)
//   9 Nov        Warehouse  F −2 sale (O5)
//   12 Nov       Store      C −1 sale (O3)
//   13 Nov       Warehouse  B −4 sale (O4)
//   14 Nov       Warehouse  B −1 → In transit +1
// Orders (noon local): O1 10 Oct A ×2 (before D: no ledger record), O2 3 Nov A ×3, O5 9 Nov F ×2,
// O3 12 Nov C ×1, O4 13 Nov B ×4; every unit at 10.00, cost as above.
// On hand now: A 7, B 1 (in transit), C 2, E 4, F 4.
import { afterEach, describe, expect, it } from 'vitest';
import { ruleContext } from '../../../src/alerts/rule-context.js';
import { deadStockGrowthRule } from '../../../src/alerts/rules/dead-stock-growth.js';
import { stockOutRule } from '../../../src/alerts/rules/stock-out.js';
import { openDatabase } from '../../../src/db/open.js';
import { createLedger, type Movement } from '../../../src/inventory/ledger.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const at = '2026-01-01T00:00:00.000Z';
/** Local midnight of 31 October 2026 in Shanghai (UTC+8). */
const opening = '2026-10-30T16:00:00.000Z';
const noon = (date: string) => `${date}T04:00:00.000Z`;

function seed(path: string): void {
  const db = openDatabase(path);
  db.transaction(() => {
    db.prepare("UPDATE shop_settings SET time_zone = 'Asia/Shanghai'").run();
    db.prepare("INSERT INTO locations (id, code, name, kind, created_at) VALUES (1, 'WH', 'Warehouse', 'warehouse', ?), (2, 'ST', 'Store', 'store', ?), (3, 'TR', 'In transit', 'transit', ?)").run(at, at, at);
    db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'web', 'Web', 'manual', ?)").run(at);
    const product = db.prepare('INSERT INTO products (id, handle, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    const variant = db.prepare('INSERT INTO variants (id, product_id, sku, price, cost, created_at, updated_at) VALUES (?, ?, ?, 1000, ?, ?, ?)');
    const costs = { A: 100, B: 200, C: 50, E: 10, F: 30 } as const;
    const ids = { A: 1, B: 2, C: 3, E: 4, F: 5 } as const;
    for (const sku of ['A', 'B', 'C', 'E', 'F'] as const) {
      product.run(ids[sku], sku.toLowerCase(), `Product ${sku}`, at, at);
      variant.run(ids[sku], ids[sku], sku, costs[sku], at, at);
    }
    const order = db.prepare("INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total) VALUES (1, ?, ?, 'fulfilled', ?, 'USD', 0, 0)");
    const line = db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, unit_cost) VALUES (?, ?, 'X', 'X', ?, 1000, ?)");
    const sell = (number: string, sku: keyof typeof ids, quantity: number, date: string, location: number) =>
      line.run(Number(order.run(number, location, noon(date)).lastInsertRowid), ids[sku], quantity, costs[sku]);
    sell('O1', 'A', 2, '2026-10-10', 1);
    sell('O2', 'A', 3, '2026-11-03', 1);
    sell('O5', 'F', 2, '2026-11-09', 1);
    sell('O3', 'C', 1, '2026-11-12', 2);
    sell('O4', 'B', 4, '2026-11-13', 1);

    const move = (sku: keyof typeof ids, locationId: number, delta: number, reason: Movement['reason'], occurredAt: string): Movement => ({ variantId: ids[sku], locationId, delta, reason, actor: 'test', occurredAt });
    createLedger(db).post([
      move('C', 2, 3, 'receive', '2026-09-01T02:00:00.000Z'),
      move('A', 1, 10, 'initial', opening),
      move('B', 1, 5, 'initial', opening),
      move('E', 1, 4, 'initial', opening),
      move('A', 1, -3, 'sale', noon('2026-11-03')),
      move('F', 1, 6, 'receive', '2026-11-08T02:00:00.000Z'),
      move('F', 1, -2, 'sale', noon('2026-11-09')),
      move('C', 2, -1, 'sale', noon('2026-11-12')),
      move('B', 1, -4, 'sale', noon('2026-11-13')),
      move('B', 1, -1, 'transfer_out', noon('2026-11-14')),
      move('B', 3, 1, 'transfer_in', noon('2026-11-14')),
    ]);
  })();
  db.close();
}

const history = (coverage: 'full' | 'fromStart' | 'none') => ({
  from: '2026-10-31',
  recorded: true,
  coverage,
  locations: [
    { locationId: 1, name: 'Warehouse', from: '2026-10-31', opening: true },
    { locationId: 2, name: 'Store', from: '2026-09-01', opening: false },
  ],
});

describe('stock history start: product health', () => {
  it('says the stock history starts at D for a period before it: no stock figures, only the sales side', async () => {
    shop = testShop(seed);
    const report = await shop.ok('analytics.productHealth', { from: '2026-10-01', to: '2026-10-20' });
    expect(report.stockHistory).toEqual(history('none'));
    // Rebuilt from the ledger this period would read 0 on hand, 100 % sell-through and no dead stock.
    expect(report.shop).toMatchObject({ unitsSold: 2, skusSold: 1, cogs: 200, onHandEnd: null, sellThrough: null, skusInStock: null, activeSellingRate: null });
    expect(report.shop).toMatchObject({ inventoryValueStart: null, averageInventoryValue: null, turnover: null, daysOfInventory: null, slowMovers: null, deadStock: null, deadStockShare: null });
  });

  it('computes a period after D normally', async () => {
    shop = testShop(seed);
    const report = await shop.ok('analytics.productHealth', { from: '2026-11-01', to: '2026-11-15' });
    expect(report.stockHistory).toEqual(history('full'));
    // At the start (1 Nov): A 10, B 5, C 3, E 4 → 1000 + 1000 + 150 + 40 = 2190; at the end (16 Nov 00:00):
    // A 7, B 1 (in transit), C 2, E 4, F 4 = 18 units, 700 + 200 + 100 + 40 + 120 = 1160; average 1675.
    // Sold A 3 + F 2 + C 1 + B 4 = 10; COGS 300 + 60 + 50 + 800 = 1210. E in stock and never sold: slow and dead.
    expect(report.shop).toEqual({
      unitsSold: 10,
      onHandEnd: 18,
      sellThrough: 10 / 28,
      skusSold: 4,
      skusInStock: 5,
      activeSellingRate: 4 / 5,
      cogs: 1210,
      inventoryValueStart: 2190,
      inventoryValueEnd: 1160,
      averageInventoryValue: 1675,
      turnover: (1210 * 365) / 15 / 1675,
      daysOfInventory: (1675 * 15) / 1210,
      slowMovers: 1,
      slowMoversShare: 1 / 5,
      deadStock: 1,
      deadStockShare: 1 / 5,
      skusInStockWithoutCost: 0,
    });
  });

  it('takes the stock at the start from the history start for a period that begins before it', async () => {
    shop = testShop(seed);
    // 25 Oct – 5 Nov: the stock at the start is the stock just after the opening count (2190); the end
    // (6 Nov 00:00): A 7, B 5, C 3, E 4 = 19 units, 1890. Sold 3 (O2; O1 is before the period).
    const partial = await shop.ok('analytics.productHealth', { from: '2026-10-25', to: '2026-11-05' });
    expect(partial.stockHistory.coverage).toBe('fromStart');
    expect(partial.shop).toMatchObject({ unitsSold: 3, onHandEnd: 19, sellThrough: 3 / 22, inventoryValueStart: 2190, inventoryValueEnd: 1890, averageInventoryValue: 2040, cogs: 300 });
    expect(partial.shop.daysOfInventory).toBeCloseTo((2040 * 12) / 300, 10);
    // A period starting on D itself is fully on record: the opening count is its starting stock (not 0).
    const fromD = await shop.ok('analytics.productHealth', { from: '2026-10-31', to: '2026-11-05' });
    expect(fromD.stockHistory.coverage).toBe('full');
    expect(fromD.shop.inventoryValueStart).toBe(2190);
  });

  it('lists no slow movers as of a day before D', async () => {
    shop = testShop(seed);
    const before = await shop.ok('analytics.slowMovers', { asOf: '2026-10-20' });
    expect(before).toMatchObject({ totalRows: 0, rows: [], stockHistory: history('none') });
    const after = await shop.ok('analytics.slowMovers', { asOf: '2026-11-15' });
    expect(after.rows.map((r) => [r.sku, r.onHand, r.daysSinceLastSale])).toEqual([['E', 4, null]]);
    expect(after.stockHistory.coverage).toBe('full');
  });
});

describe('stock history start: inventory', () => {
  it('gives no stock-out rate for a period before D, and counts SKU-days only from D', async () => {
    shop = testShop(seed);
    const before = await shop.ok('analytics.stockOuts', { from: '2026-10-01', to: '2026-10-20' });
    expect(before).toMatchObject({ skuDays: 0, outDays: 0, rate: null, total: 0, stockHistory: history('none') });
    // 25 Oct – 5 Nov: A, B, E (first record on D) and C (at the store since September, but the shop's stock is
    // known only from D) count 31 Oct – 5 Nov: 4 × 6 = 24 SKU-days, none out.
    const partial = await shop.ok('analytics.stockOuts', { from: '2026-10-25', to: '2026-11-05' });
    expect(partial).toMatchObject({ skuDays: 24, outDays: 0, rate: 0, stockHistory: history('fromStart') });
    // 1–15 Nov: A, B, C, E 15 days each, F from 8 Nov (8) = 68; B has nothing on a selling location
    // at the end of 14 and 15 Nov (its last unit in transit) → 2 of 68.
    const after = await shop.ok('analytics.stockOuts', { from: '2026-11-01', to: '2026-11-15' });
    expect(after).toMatchObject({ skuDays: 68, outDays: 2, rate: 2 / 68, stockHistory: history('full') });
    expect(after.episodes.map((e) => [e.sku, e.from, e.to, e.ongoing])).toEqual([['B', '2026-11-14', '2026-11-15', true]]);
  });

  it('ages stock only from D, and does not take the opening count for new products', async () => {
    shop = testShop(seed);
    expect(await shop.ok('analytics.inventoryAging', { asOf: '2026-10-20' })).toMatchObject({ shop: [], byCategory: [], stockHistory: history('none') });
    const aging = await shop.ok('analytics.inventoryAging', { asOf: '2026-11-15' });
    // The history is younger than the oldest bucket: stock from the opening count is aged from D.
    expect(aging.stockHistory.coverage).toBe('fromStart');
    // On selling locations: A 7, E 4, F 4 came in within 30 days; C's 2 on 1 Sep (75 days); B's unit is in transit.
    expect(aging.shop.map((b) => [b.bucket, b.units])).toEqual([['d0_30', 15], ['d31_90', 2], ['d91_180', 0], ['d181_365', 0], ['over365', 0]]);
    // New products of the 90 days to 15 Nov: F only (first received 8 Nov: 2 sold, 4 left). A, B, E came with
    // the opening count, and C's receipt (1 Sep) is before the shop's stock history starts.
    const fresh = await shop.ok('analytics.newProductSellThrough', { asOf: '2026-11-15', days: 90 });
    expect(fresh).toMatchObject({ variants: 1, sold: 2, onHand: 4, sellThrough: 1 / 3, stockHistory: history('fromStart') });
    expect(await shop.ok('analytics.newProductSellThrough', { asOf: '2026-10-20', days: 30 })).toMatchObject({ variants: 0, sellThrough: null, stockHistory: history('none') });
  });
});

describe('stock history start: alerts', () => {
  it('raises no dead-stock growth while the stock a week ago is not on record', () => {
    shop = testShop(seed);
    // 3 Nov: a week ago (27 Oct) is before D. Rebuilt from the ledger, B and E would be "newly dead".
    expect(deadStockGrowthRule(ruleContext(shop.db, new Date('2026-11-03T10:00:00.000Z')))).toEqual([]);
  });

  it('raises no stock-out while no stock is recorded at all, and does once it is', () => {
    shop = testShop((path) => {
      const db = openDatabase(path);
      db.transaction(() => {
        db.prepare("INSERT INTO locations (id, code, name, kind, created_at) VALUES (1, 'WH', 'Warehouse', 'warehouse', ?)").run(at);
        db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'web', 'Web', 'manual', ?)").run(at);
        db.prepare("INSERT INTO products (id, handle, title, created_at, updated_at) VALUES (1, 'a', 'A', ?, ?), (2, 'b', 'B', ?, ?)").run(at, at, at, at);
        db.prepare("INSERT INTO variants (id, product_id, sku, price, created_at, updated_at) VALUES (1, 1, 'A', 1000, ?, ?), (2, 2, 'B', 1000, ?, ?)").run(at, at, at, at);
        const order = db.prepare("INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total) VALUES (1, ?, 1, 'fulfilled', '2026-11-18T04:00:00.000Z', 'USD', 0, 0)");
        const line = db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price) VALUES (?, ?, 'X', 'X', 1, 1000)");
        line.run(Number(order.run('O1').lastInsertRowid), 1);
        line.run(Number(order.run('O2').lastInsertRowid), 2);
      })();
      db.close();
    });
    const now = new Date('2026-11-20T10:00:00.000Z');
    expect(stockOutRule(ruleContext(shop.db, now))).toEqual([]);
    // Stock is counted: A has 5, B none (its one unit sold) — now B's stock-out is real.
    shop.db.transaction(() =>
      createLedger(shop.db).post([
        { variantId: 1, locationId: 1, delta: 5, reason: 'initial', actor: 'test', occurredAt: '2026-11-19T16:00:00.000Z' },
        { variantId: 2, locationId: 1, delta: 1, reason: 'initial', actor: 'test', occurredAt: '2026-11-19T16:00:00.000Z' },
        { variantId: 2, locationId: 1, delta: -1, reason: 'sale', actor: 'test', occurredAt: '2026-11-19T17:00:00.000Z' },
      ]),
    )();
    expect(stockOutRule(ruleContext(shop.db, now)).map((f) => f.subjectId)).toEqual(['2']);
  });
});
