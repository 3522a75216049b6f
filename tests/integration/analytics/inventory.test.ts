// Stock-outs with lost sales, FIFO aging and new-product sell-through on a
// small shop worked out by hand (Asia/Shanghai; period 1–10 March 2026).
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

function seed(path: string): void {
  const db = openDatabase(path);
  const at = '2025-01-01T00:00:00.000Z';
  db.transaction(() => {
    db.prepare("UPDATE shop_settings SET time_zone = 'Asia/Shanghai'").run();
    db.prepare("INSERT INTO locations (id, code, name, kind, created_at) VALUES (1, 'WH', 'Warehouse', 'warehouse', ?), (2, 'TR', 'In transit', 'transit', ?)").run(at, at);
    db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'a', 'A', 'manual', ?)").run(at);
    db.prepare("INSERT INTO categories (id, name, path, created_at) VALUES (1, 'Apparel', 'Apparel', ?), (2, 'Home', 'Home', ?)").run(at, at);
    db.prepare("INSERT INTO products (id, handle, title, category_id, created_at, updated_at) VALUES (1, 'tee', 'Tee', 1, ?, ?), (2, 'cap', 'Cap', 1, ?, ?), (3, 'mug', 'Mug', NULL, ?, ?), (4, 'vase', 'Vase', 2, ?, ?)").run(at, at, at, at, at, at, at, at);
    const variant = db.prepare('INSERT INTO variants (id, product_id, sku, price, cost, created_at, updated_at) VALUES (?, ?, ?, 1000, ?, ?, ?)');
    variant.run(1, 1, 'TEE', 400, at, at);
    variant.run(2, 2, 'CAP', 200, at, at);
    variant.run(3, 3, 'MUG', 300, at, at);
    variant.run(4, 4, 'VASE', 100, at, at);
    const move = db.prepare("INSERT INTO stock_movements (variant_id, location_id, delta, reason, actor, occurred_at) VALUES (?, ?, ?, ?, 'test', ?)");
    const order = db.prepare("INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total) VALUES (1, ?, 1, 'fulfilled', ?, 'USD', 1000, 1000)");
    const line = db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, unit_cost) VALUES (?, ?, 'X', 'X', 1, 1000, 0)");
    const sell = (variantId: number, iso: string) => {
      line.run(Number(order.run(`O${variantId}-${iso}`, iso).lastInsertRowid), variantId);
      move.run(variantId, 1, -1, 'sale', iso);
    };
    // TEE: 10 in on 1 Feb; one sold a day at noon 20 Feb – 1 Mar (the last on 1 March); 6 received at
    // 01:30 on 4 March Shanghai time (still 3 March in UTC); one sold 7 March.
    move.run(1, 1, 10, 'initial', '2026-02-01T04:00:00.000Z');
    for (let d = 0; d < 10; d += 1) sell(1, new Date(Date.UTC(2026, 1, 20 + d, 4)).toISOString());
    move.run(1, 1, 6, 'receive', '2026-03-03T17:30:00.000Z');
    sell(1, '2026-03-07T04:00:00.000Z');
    // CAP: new — first stocked 6 March (4), one sold 9 March.
    move.run(2, 1, 4, 'initial', '2026-03-06T04:00:00.000Z');
    sell(2, '2026-03-09T04:00:00.000Z');
    // MUG: 3 in on 1 Feb, all sent to another warehouse on 8 March and still in transit.
    move.run(3, 1, 3, 'initial', '2026-02-01T04:00:00.000Z');
    move.run(3, 1, -3, 'transfer_out', '2026-03-08T04:00:00.000Z');
    move.run(3, 2, 3, 'transfer_in', '2026-03-08T04:00:00.000Z');
    // VASE: 8 in on 1 June 2025, 2 more on 15 January 2026; never sold.
    move.run(4, 1, 8, 'initial', '2025-06-01T04:00:00.000Z');
    move.run(4, 1, 2, 'receive', '2026-01-15T04:00:00.000Z');
    const level = db.prepare("INSERT INTO stock_levels (variant_id, location_id, on_hand, updated_at) VALUES (?, ?, ?, '2026-03-10T00:00:00.000Z')");
    level.run(1, 1, 5);
    level.run(2, 1, 3);
    level.run(3, 1, 0);
    level.run(3, 2, 3);
    level.run(4, 1, 10);
  })();
  db.close();
}

describe('inventory analytics', () => {
  it('finds the stock-outs of a period and estimates the sales they cost', async () => {
    shop = testShop(seed);
    const answer = await shop.ok('analytics.stockOuts', { from: '2026-03-01', to: '2026-03-10' });
    // SKU-days: TEE, MUG, VASE 10 each, CAP 5 (from 6 March) = 35.
    // Out: TEE 1–3 March local (3 days; back in stock 4 March), MUG 8–10 March in transit (3) = 6.
    expect(answer).toMatchObject({ skuDays: 35, outDays: 6, rate: 6 / 35, variantsOut: 2, total: 2 });
    // TEE's forecast demand: its last 28 in-stock days are 1–28 Feb, 9 units sold → 9/28 a day; the window before
    // it (tracked from 1 Feb: the same 28 days) sold at the same rate, so the weighting changes nothing;
    // 3 days → 27/28 units at 10.00 each = 9.64. MUG never sold: no demand, no loss.
    expect(answer.episodes.map((e) => [e.sku, e.from, e.to, e.days, e.variantOutDays, e.ongoing, e.baselineDays, e.lostNetSales])).toEqual([
      ['TEE', '2026-03-01', '2026-03-03', 3, 3, false, 28, 964],
      ['MUG', '2026-03-08', '2026-03-10', 3, 3, true, 28, 0],
    ]);
    expect(answer.episodes[0]?.demandPerDay).toBeCloseTo(9 / 28, 10);
    expect(answer.episodes[0]?.lostUnits).toBeCloseTo(27 / 28, 10);
    expect(answer.lostNetSales).toBe(964);
    // At most: demand of 27/28 a unit over 3 days stays at or under 3 units 95 times in 100 (P(N ≤ 2) = 0.926,
    // P(N ≤ 3) = 0.983) → 3 units, 30.00.
    expect(answer.episodes[0]).toMatchObject({ lostUnitsHigh: 3, lostNetSalesHigh: 3000 });
    expect(answer).toMatchObject({ lostUnitsHigh: 3, lostNetSalesHigh: 3000 });
    // The check beside it: the two variants sold TEE 1 March + 7 March = 2 units (20.00) on their 7 + 7 in-stock days.
    expect(answer).toMatchObject({ soldUnits: 2, soldNetSales: 2000, soldInStockDays: 14 });
    // Paging: the second episode alone.
    const page = await shop.ok('analytics.stockOuts', { from: '2026-03-01', to: '2026-03-10', offset: 1, limit: 1 });
    expect(page.episodes.map((e) => e.sku)).toEqual(['MUG']);
    expect(page.total).toBe(2);
  });

  it('exports every stock-out with the columns on screen', async () => {
    shop = testShop(seed);
    const file = await shop.ok('exports.grid', {
      source: 'analytics.stockOuts',
      query: { from: '2026-03-01', to: '2026-03-10' },
      columns: [
        { field: 'sku', header: 'SKU', kind: 'text' },
        { field: 'from', header: 'From', kind: 'text' },
        { field: 'days', header: 'Days', kind: 'number' },
        { field: 'lostNetSales', header: 'Lost net sales', kind: 'money' },
      ],
      format: 'csv',
      fileName: 'Stock-outs',
    });
    expect(file.rows).toBe(2);
    const lines = Buffer.from(file.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['SKU,From,Days,Lost net sales', 'TEE,2026-03-01,3,9.64', 'MUG,2026-03-08,3,0.00']);
  });

  it('refuses a period that ends before it starts', async () => {
    shop = testShop(seed);
    const error = await shop.fail('analytics.stockOuts', { from: '2026-03-10', to: '2026-03-01' });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.issues?.[0]?.path).toBe('to');
  });

  it('ages what is on hand by its latest receipts', async () => {
    shop = testShop(seed);
    const answer = await shop.ok('analytics.inventoryAging', { asOf: '2026-03-10' });
    // TEE: 5 from the 4 March receipt (cost 4.00); CAP: 3 from its 6 March stock (2.00) — 0–30 days, 8 units, 26.00.
    // VASE: 2 from 15 January (54 days), 8 from 1 June 2025 (282 days), cost 1.00. MUG is in transit: not on hand to sell.
    expect(answer.shop).toEqual([
      { bucket: 'd0_30', units: 8, value: 2600 },
      { bucket: 'd31_90', units: 2, value: 200 },
      { bucket: 'd91_180', units: 0, value: 0 },
      { bucket: 'd181_365', units: 8, value: 800 },
      { bucket: 'over365', units: 0, value: 0 },
    ]);
    expect(answer.byCategory.map((c) => [c.category, c.buckets.reduce((n, b) => n + b.units, 0)])).toEqual([
      ['Apparel', 8],
      ['Home', 10],
    ]);
  });

  it('ages what was on hand at the end of an earlier day', async () => {
    shop = testShop(seed);
    const answer = await shop.ok('analytics.inventoryAging', { asOf: '2026-03-04' });
    // End of 4 March: TEE 6 just received (cost 4.00); CAP not yet stocked; MUG 3 still in the warehouse
    // from 1 Feb (31 days, 3.00); VASE 2 from 15 Jan (48 days) and 8 from 1 June 2025 (276 days), 1.00.
    expect(answer.shop).toEqual([
      { bucket: 'd0_30', units: 6, value: 2400 },
      { bucket: 'd31_90', units: 5, value: 1100 },
      { bucket: 'd91_180', units: 0, value: 0 },
      { bucket: 'd181_365', units: 8, value: 800 },
      { bucket: 'over365', units: 0, value: 0 },
    ]);
  });

  it('measures sell-through since first receipt for new products', async () => {
    shop = testShop(seed);
    const answer = await shop.ok('analytics.newProductSellThrough', { asOf: '2026-03-10', days: 30 });
    // Only CAP was first received in the 30 days to 10 March: 1 sold, 3 left → 25 %.
    expect(answer).toMatchObject({ variants: 1, sold: 1, onHand: 3, sellThrough: 0.25 });
    expect(answer.lowest.map((r) => [r.sku, r.firstReceived, r.sellThrough])).toEqual([['CAP', '2026-03-06', 0.25]]);
  });
});
