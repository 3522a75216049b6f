// Return rates and reasons on a shop whose numbers are worked out by hand.
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
  const at = '2026-01-01T00:00:00.000Z';
  db.transaction(() => {
    db.prepare("INSERT INTO categories (id, name, path, created_at) VALUES (1, 'Apparel', 'Apparel', ?), (2, 'Home', 'Home', ?)").run(at, at);
    db.prepare("INSERT INTO products (id, handle, title, category_id, created_at, updated_at) VALUES (1, 'hoodie', 'Hoodie', 1, ?, ?), (2, 'mug', 'Mug', 2, ?, ?)").run(at, at, at, at);
    db.prepare(
      "INSERT INTO variants (id, product_id, sku, price, created_at, updated_at) VALUES (11, 1, 'H-S', 5000, ?, ?), (12, 1, 'H-M', 5000, ?, ?), (21, 2, 'MUG', 1000, ?, ?)",
    ).run(at, at, at, at, at, at);
    db.prepare("INSERT INTO locations (id, code, name, kind, created_at) VALUES (1, 'WH', 'Warehouse', 'warehouse', ?)").run(at);
    db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (101, 'a', 'Shop A', 'manual', ?), (102, 'b', 'Shop B', 'manual', ?)").run(at, at);
    const order = db.prepare("INSERT INTO orders (id, channel_id, order_number, location_id, status, placed_at, currency, subtotal, total) VALUES (?, ?, ?, 1, ?, ?, 'USD', 0, 0)");
    const line = db.prepare("INSERT INTO order_lines (id, order_id, variant_id, sku, title, quantity, unit_price) VALUES (?, ?, ?, 'x', 'x', ?, 1000)");
    order.run(1, 101, 'O1', 'fulfilled', '2026-03-02T10:00:00.000Z');
    line.run(1, 1, 11, 4);
    line.run(2, 1, 21, 2);
    order.run(2, 102, 'O2', 'fulfilled', '2026-03-10T10:00:00.000Z');
    line.run(3, 2, 12, 6);
    order.run(3, 102, 'O3', 'cancelled', '2026-03-11T10:00:00.000Z');
    line.run(4, 3, 21, 10);
    order.run(4, 101, 'O4', 'fulfilled', '2026-02-20T10:00:00.000Z');
    line.run(5, 4, 11, 5);
    const ret = db.prepare('INSERT INTO returns (id, order_id, returned_at) VALUES (?, ?, ?)');
    const retLine = db.prepare('INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount) VALUES (?, ?, ?, ?, ?)');
    ret.run(1, 1, '2026-03-05T10:00:00.000Z');
    retLine.run(1, 1, 1, 'defective', 1000);
    retLine.run(1, 2, 2, 'damaged_in_transit', 800);
    // Returned after the period, from an order placed in it: counts.
    ret.run(2, 2, '2026-04-15T10:00:00.000Z');
    retLine.run(2, 3, 2, 'too_small', 3000);
    // Returned in the period, from an order placed before it: does not.
    ret.run(3, 4, '2026-03-03T10:00:00.000Z');
    retLine.run(3, 5, 1, 'defective', 1000);
  })();
  db.close();
}

describe('analytics.returns', () => {
  it('gives return rates by product with the quality / transit / fit split, and the reasons', async () => {
    shop = testShop(seed);
    const report = await shop.ok('analytics.returns', { from: '2026-03-01', to: '2026-03-31', by: 'product' });
    // Hoodie: sold 4 + 6 = 10, returned 1 (defective) + 2 (too small) = 3. Mug: sold 2, returned 2 (transit). O3 cancelled, O4 before the period.
    expect(report.rows).toEqual([
      { key: 1, label: 'Hoodie', unitsSold: 10, unitsReturned: 3, refunds: 4000, returnRate: 0.3, byGroup: { quality: 1, transit: 0, fit: 2, preference: 0, other: 0 } },
      { key: 2, label: 'Mug', unitsSold: 2, unitsReturned: 2, refunds: 800, returnRate: 1, byGroup: { quality: 0, transit: 2, fit: 0, preference: 0, other: 0 } },
    ]);
    expect(report.total).toEqual({ unitsSold: 12, unitsReturned: 5, returnRate: 5 / 12, byGroup: { quality: 1, transit: 2, fit: 2, preference: 0, other: 0 } });
    expect(report.reasons).toEqual([
      { code: 'damaged_in_transit', reasonGroup: 'transit', unitsReturned: 2 },
      { code: 'too_small', reasonGroup: 'fit', unitsReturned: 2 },
      { code: 'defective', reasonGroup: 'quality', unitsReturned: 1 },
    ]);
  });

  it('splits the same by channel and by category', async () => {
    shop = testShop(seed);
    const byChannel = await shop.ok('analytics.returns', { from: '2026-03-01', to: '2026-03-31', by: 'channel' });
    expect(byChannel.rows.map((r) => [r.label, r.unitsSold, r.unitsReturned])).toEqual([
      ['Shop A', 6, 3],
      ['Shop B', 6, 2],
    ]);
    const byCategory = await shop.ok('analytics.returns', { from: '2026-03-01', to: '2026-03-31', by: 'category' });
    expect(byCategory.rows.map((r) => [r.label, r.unitsSold, r.unitsReturned, r.returnRate])).toEqual([
      ['Apparel', 10, 3, 0.3],
      ['Home', 2, 2, 1],
    ]);
  });
});

describe('analytics.salesReport by product', () => {
  it("splits an order's discount over its lines by their share of its GMV, on top of each line's own discount", async () => {
    shop = testShop(seed);
    // O1: Hoodie line 4 × 10.00 with its own 1.00 off, Mug line 2 × 10.00; 6.00 off the order in all.
    // The other 5.00 is split 40 : 20 → Hoodie 1.00 + 3.3333 = 4.33, Mug 1.67.
    shop.db.prepare('UPDATE orders SET discount_total = 600 WHERE id = 1').run();
    shop.db.prepare('UPDATE order_lines SET discount = 100 WHERE id = 1').run();
    const report = await shop.ok('analytics.salesReport', { from: '2026-03-01', to: '2026-03-31', by: 'product', sort: { column: 'label', direction: 'asc' } });
    // Hoodie: GMV 40 + 60 = 100.00, − 4.33, − refunds 10.00 (O1, 6 March) and 10.00 (O4, placed in February,
    // refunded 3 March: refunds count when they happen; the April refund is outside) = 75.67.
    // Mug: GMV 20.00 − 1.67 − refund 8.00 = 10.33.
    expect(report.rows.map((r) => [r.label, r.gmv, r.netSales, r.orders, r.units])).toEqual([
      ['Hoodie', 10000, 7567, 2, 10],
      ['Mug', 2000, 1033, 1, 2],
    ]);
  });
});
