// Product and inventory analytics on a small shop whose every number is worked
// out by hand below (metrics.md "Products and stock"; shop time zone UTC).
// The service runs on the harness's side connection (shop.db).
import { afterEach, describe, expect, it } from 'vitest';
import { productsAnalyticsContract } from '../../../src/analytics/products-contract.js';
import { createProductsService } from '../../../src/analytics/products-service.js';
import { openDatabase } from '../../../src/db/open.js';
import { seedCatalog } from '../catalog-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

// The catalog fixture (stock put in on 1 November): HOD-001-BLK-M 12 on hand, cost 21.00 (Apparel);
// HOD-001-BLK-L 0, cost 21.00 (Apparel); TEA-100 40, cost 50.00 (moved here to 'Food > Tea');
// MUG-50% 3, no cost; SOCK_7 7, cost 4.00 (no category).
//
// Period 11–20 November 2026. Orders (variant, qty × price − line discount, cost):
//   O0  1 Aug   MUG 1 × 9.90                         — before the period: MUG's last sale
//   O1 12 Nov   HOD-M 2 × 59.99 − 10.00, cost 21.00; TEA 1 × 128.00, cost 50.00
//   O2 15 Nov   TEA 3 × 128.00 − 24.00, cost 50.00
//   O3 16 Nov   CANCELLED: SOCK 5, MUG 1               — counts nowhere, not even as a last sale
//   O4 18 Nov   HOD-L 1 × 59.99, cost 21.00             — received 1 on 17 Nov, none left at the end
//   O5 21 Nov   HOD-M 1                                 — after the period
// Return: 19 Nov, 1 TEA of O2 refunded 120.00 ((384 − 24) ÷ 3), restocked.
// Ledger after 1 Nov: +10 TEA 5 Nov; −2 HOD-M, −1 TEA 12 Nov; −3 TEA 15 Nov; +1 HOD-L 17 Nov; −1 HOD-L 18 Nov;
//   +1 TEA 19 Nov; +5 SOCK 21 Nov 08:00; −1 HOD-M 21 Nov 09:00.
// On hand now: HOD-M 9, HOD-L 0, TEA 47, MUG 3, SOCK 12.
// At the start (11 Nov 00:00, now − deltas since): HOD-M 9+3 = 12, HOD-L 0, TEA 47−(−3) = 50, MUG 3, SOCK 12−5 = 7.
// At the end   (21 Nov 00:00):                    HOD-M 9+1 = 10, HOD-L 0, TEA 47,            MUG 3, SOCK 12−5 = 7.
function seedShop(path: string): void {
  seedCatalog(path);
  const db = openDatabase(path);
  const at = '2026-11-01T00:00:00.000Z';
  db.transaction(() => {
    const id = (sku: string) => (db.prepare('SELECT id FROM variants WHERE sku = ?').get(sku) as { id: number }).id;
    const [hodM, hodL, tea, mug, sock] = ['HOD-001-BLK-M', 'HOD-001-BLK-L', 'TEA-100', 'MUG-50%', 'SOCK_7'].map(id) as [number, number, number, number, number];
    const food = db.prepare("INSERT INTO categories (name, path, created_at) VALUES ('Food', 'Food', ?)").run(at).lastInsertRowid;
    const teaCategory = db.prepare("INSERT INTO categories (parent_id, name, path, created_at) VALUES (?, 'Tea', 'Food > Tea', ?)").run(food, at).lastInsertRowid;
    db.prepare('UPDATE products SET category_id = ? WHERE id = (SELECT product_id FROM variants WHERE id = ?)').run(teaCategory, tea);
    const location = (db.prepare('SELECT id FROM locations ORDER BY id LIMIT 1').get() as { id: number }).id;
    db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'web', 'Web', 'manual', ?)").run(at);
    const order = db.prepare(
      `INSERT INTO orders (id, channel_id, order_number, location_id, status, placed_at, currency, subtotal, discount_total, total)
       VALUES (?, 1, ?, ${location}, ?, ?, 'USD', 0, 0, 0)`,
    );
    const line = db.prepare("INSERT INTO order_lines (id, order_id, variant_id, sku, title, quantity, unit_price, discount, unit_cost) VALUES (?, ?, ?, 'X', 'X', ?, ?, ?, ?)");
    const move = db.prepare("INSERT INTO stock_movements (variant_id, location_id, delta, reason, actor, occurred_at) VALUES (?, ?, ?, ?, 'test', ?)");
    const stock = db.prepare('UPDATE stock_levels SET on_hand = on_hand + ? WHERE variant_id = ? AND location_id = ?');
    const movement = (variant: number, delta: number, reason: string, when: string) => {
      move.run(variant, location, delta, reason, when);
      stock.run(delta, variant, location);
    };
    order.run(100, 'O0', 'fulfilled', '2026-08-01T10:00:00.000Z');
    line.run(1001, 100, mug, 1, 990, 0, null);
    order.run(1, 'O1', 'fulfilled', '2026-11-12T10:00:00.000Z');
    line.run(11, 1, hodM, 2, 5999, 1000, 2100);
    line.run(12, 1, tea, 1, 12800, 0, 5000);
    order.run(2, 'O2', 'fulfilled', '2026-11-15T10:00:00.000Z');
    line.run(21, 2, tea, 3, 12800, 2400, 5000);
    order.run(3, 'O3', 'cancelled', '2026-11-16T10:00:00.000Z');
    line.run(31, 3, sock, 5, 1290, 0, 400);
    line.run(32, 3, mug, 1, 990, 0, null);
    order.run(4, 'O4', 'fulfilled', '2026-11-18T10:00:00.000Z');
    line.run(41, 4, hodL, 1, 5999, 0, 2100);
    order.run(5, 'O5', 'fulfilled', '2026-11-21T09:00:00.000Z');
    line.run(51, 5, hodM, 1, 5999, 0, 2100);
    db.prepare("INSERT INTO returns (id, order_id, returned_at) VALUES (1, 2, '2026-11-19T10:00:00.000Z')").run();
    db.prepare("INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount, restocked) VALUES (1, 21, 1, 'changed_mind', 12000, 1)").run();
    movement(tea, 10, 'receive', '2026-11-05T10:00:00.000Z');
    movement(hodM, -2, 'sale', '2026-11-12T12:00:00.000Z');
    movement(tea, -1, 'sale', '2026-11-12T12:00:00.000Z');
    movement(tea, -3, 'sale', '2026-11-15T12:00:00.000Z');
    movement(hodL, 1, 'receive', '2026-11-17T10:00:00.000Z');
    movement(hodL, -1, 'sale', '2026-11-18T12:00:00.000Z');
    movement(tea, 1, 'return', '2026-11-19T10:00:00.000Z');
    movement(sock, 5, 'receive', '2026-11-21T08:00:00.000Z');
    movement(hodM, -1, 'sale', '2026-11-21T09:00:00.000Z');
  })();
  db.close();
}

describe('product health', () => {
  it('computes sell-through, active-selling rate, turnover, days of inventory, slow and dead stock for the shop', () => {
    shop = testShop(seedShop);
    const report = createProductsService(shop.db).productHealth({ from: '2026-11-11', to: '2026-11-20', slowDays: 60, deadDays: 180 });
    expect(report.days).toBe(10);
    expect(report.averageInventoryMethod).toBe('meanOfStartAndEnd');
    // Units sold: HOD-M 2 + TEA 1 + 3 + HOD-L 1 = 7 (the return does not reduce it; O3 cancelled, O5 after).
    // On hand at the end: 10 + 0 + 47 + 3 + 7 = 67; sell-through 7 ÷ 74.
    // SKUs sold 3 (HOD-M, TEA, HOD-L — HOD-L is sold out but still counts) ÷ in stock at the end 4 (HOD-M, TEA, MUG, SOCK).
    // COGS: 2×21 + 4×50 + 1×21 = 263.00 sold − 50.00 returned = 213.00.
    // Value at start: 12×21 + 50×50 + 3×0 (no cost) + 7×4 = 252 + 2500 + 28 = 2780.00;
    // at the end: 10×21 + 47×50 + 7×4 = 210 + 2350 + 28 = 2588.00; average (2780 + 2588) ÷ 2 = 2684.00.
    // Turnover (annualised) 213 × 365 ÷ 10 ÷ 2684 ≈ 2.9 a year; days of inventory 2684 ÷ (213 ÷ 10) = 26840 ÷ 213 ≈ 126.0.
    // Slow (≥ 60 days, in stock): MUG (last sale 1 Aug: 31 + 30 + 31 + 19 = 111 days) and SOCK (never sold; its only
    // order was cancelled) = 2 of 4; dead (≥ 180): SOCK only = 1 of 4. MUG is the one in-stock SKU without a cost.
    expect(report.shop).toEqual({
      unitsSold: 7,
      onHandEnd: 67,
      sellThrough: 7 / 74,
      skusSold: 3,
      skusInStock: 4,
      activeSellingRate: 3 / 4,
      cogs: 21300,
      inventoryValueStart: 278000,
      inventoryValueEnd: 258800,
      averageInventoryValue: 268400,
      turnover: (21300 * 365) / 10 / 268400,
      daysOfInventory: 2684000 / 21300,
      slowMovers: 2,
      slowMoversShare: 0.5,
      deadStock: 1,
      deadStockShare: 0.25,
      skusInStockWithoutCost: 1,
    });
    expect(report.shop.daysOfInventory).toBeCloseTo(126.01, 2);
    // The two say the same thing: a year's turns × days per turn = 365.
    expect((report.shop.turnover ?? 0) * (report.shop.daysOfInventory ?? 0)).toBeCloseTo(365, 9);
  });

  it('splits the same figures by top-level category', () => {
    shop = testShop(seedShop);
    const report = createProductsService(shop.db).productHealth({ from: '2026-11-11', to: '2026-11-20', slowDays: 60, deadDays: 180 });
    // '' (no category): MUG, SOCK — nothing sold, 10 on hand, value 28.00 at both ends, COGS 0 → no days of inventory.
    // Apparel: HOD-M, HOD-L — 3 sold, 10 on hand; 2 sold ÷ 1 in stock; COGS 63.00; value 252 → 210, average 231.00.
    // Food ('Food > Tea' counts under Food): TEA — 4 sold, 47 on hand; COGS 200 − 50 = 150.00; value 2500 → 2350, average 2425.00.
    expect(report.byCategory.map((c) => [c.category, c.unitsSold, c.onHandEnd, c.sellThrough, c.skusSold, c.skusInStock, c.activeSellingRate, c.cogs, c.averageInventoryValue, c.turnover, c.daysOfInventory, c.slowMovers, c.deadStock])).toEqual([
      ['', 0, 10, 0, 0, 2, 0, 0, 2800, 0, null, 2, 1],
      ['Apparel', 3, 10, 3 / 13, 2, 1, 2, 6300, 23100, (6300 * 365) / 10 / 23100, 231000 / 6300, 0, 0],
      ['Food', 4, 47, 4 / 51, 1, 1, 1, 15000, 242500, (15000 * 365) / 10 / 242500, 2425000 / 15000, 0, 0],
    ]);
  });

  it('counts a SKU whose last sale is exactly N days ago as slow (≥ N)', () => {
    shop = testShop(seedShop);
    const service = createProductsService(shop.db);
    // MUG's last sale is 111 days before 20 Nov: dead at 111 days, not at 112.
    expect(service.productHealth({ from: '2026-11-11', to: '2026-11-20', slowDays: 60, deadDays: 111 }).shop.deadStock).toBe(2);
    expect(service.productHealth({ from: '2026-11-11', to: '2026-11-20', slowDays: 60, deadDays: 112 }).shop.deadStock).toBe(1);
  });
});

describe('ABC analysis', () => {
  it('ranks SKUs by net sales in the window and classes them', () => {
    shop = testShop(seedShop);
    const abc = createProductsService(shop.db).abc({ asOf: '2026-11-20', windowDays: 10, measure: 'netSales', offset: 0, limit: 100 });
    expect(abc.window).toEqual({ from: '2026-11-11', to: '2026-11-20' });
    // Net sales: TEA 128 + (384 − 24) − 120 refunded = 368.00; HOD-M 2 × 59.99 − 10 = 109.98; HOD-L 59.99;
    // MUG 0 (its sale is in August; the cancelled one counts nowhere); SOCK 0. Total 537.97.
    // TEA before 0 % → A; HOD-M before 368/537.97 = 68 % → A (crosses 80 %); HOD-L before 477.98/537.97 = 89 % → B;
    // MUG and SOCK: no sales → C, tie at 0 broken by SKU ('MUG-50%' < 'SOCK_7').
    expect(abc.total).toBe(53797);
    expect(abc.rows.map((r) => [r.rank, r.sku, r.value, r.cumulativeShareBefore, r.class])).toEqual([
      [1, 'TEA-100', 36800, 0, 'A'],
      [2, 'HOD-001-BLK-M', 10998, 36800 / 53797, 'A'],
      [3, 'HOD-001-BLK-L', 5999, 47798 / 53797, 'B'],
      [4, 'MUG-50%', 0, 1, 'C'],
      [5, 'SOCK_7', 0, 1, 'C'],
    ]);
    expect(abc.classes).toEqual([
      { class: 'A', skus: 2, shareOfSkus: 0.4, value: 47798, shareOfMeasure: 47798 / 53797 },
      { class: 'B', skus: 1, shareOfSkus: 0.2, value: 5999, shareOfMeasure: 5999 / 53797 },
      { class: 'C', skus: 2, shareOfSkus: 0.4, value: 0, shareOfMeasure: 0 },
    ]);
    expect(abc.totalRows).toBe(5);
  });

  it('ranks by gross profit when asked, and pages within one class', () => {
    shop = testShop(seedShop);
    const service = createProductsService(shop.db);
    // Gross profit: TEA 368 − (200 − 50) = 218.00; HOD-M 109.98 − 42 = 67.98; HOD-L 59.99 − 21 = 38.99. Total 324.97.
    const profit = service.abc({ asOf: '2026-11-20', windowDays: 10, measure: 'grossProfit', offset: 0, limit: 3 });
    expect(profit.total).toBe(32497);
    expect(profit.rows.map((r) => [r.sku, r.value, r.class])).toEqual([
      ['TEA-100', 21800, 'A'],
      ['HOD-001-BLK-M', 6798, 'A'],
      ['HOD-001-BLK-L', 3899, 'B'],
    ]);
    const classC = service.abc({ asOf: '2026-11-20', windowDays: 10, measure: 'netSales', offset: 1, limit: 1, class: 'C' });
    expect(classC.totalRows).toBe(2);
    expect(classC.rows.map((r) => [r.rank, r.sku])).toEqual([[5, 'SOCK_7']]);
    // A window of 8 days (13–20 Nov) leaves O1 out: TEA 360 − 120 = 240.00, HOD-L 59.99; HOD-M has no sales.
    const shorter = service.abc({ asOf: '2026-11-20', windowDays: 8, measure: 'netSales', offset: 0, limit: 2 });
    expect(shorter.rows.map((r) => [r.sku, r.value])).toEqual([
      ['TEA-100', 24000],
      ['HOD-001-BLK-L', 5999],
    ]);
  });
});

describe('slow movers', () => {
  it('lists in-stock SKUs without a sale for ≥ N days, never sold first', () => {
    shop = testShop(seedShop);
    const service = createProductsService(shop.db);
    // In stock at the end of 20 Nov: HOD-M 10, TEA 47, MUG 3, SOCK 7 (HOD-L sold out; SOCK's +5 came on 21 Nov).
    const sixty = service.slowMovers({ asOf: '2026-11-20', minDays: 60, offset: 0, limit: 100 });
    expect(sixty.totalRows).toBe(2);
    expect(sixty.rows).toEqual([
      { variantId: sixty.rows[0]?.variantId, sku: 'SOCK_7', title: 'Wool socks · Grey / S', lastSaleDate: null, daysSinceLastSale: null, onHand: 7, unitCost: 400, stockValue: 2800 },
      { variantId: sixty.rows[1]?.variantId, sku: 'MUG-50%', title: 'Half-price mug · White', lastSaleDate: '2026-08-01', daysSinceLastSale: 111, onHand: 3, unitCost: null, stockValue: 0 },
    ]);
    // 5 days: HOD-M last sold 12 Nov (8 days) and TEA 15 Nov (exactly 5 days) join; HOD-M's 21 Nov sale is after asOf.
    const five = service.slowMovers({ asOf: '2026-11-20', minDays: 5, offset: 0, limit: 100 });
    expect(five.rows.map((r) => [r.sku, r.daysSinceLastSale, r.onHand, r.stockValue])).toEqual([
      ['SOCK_7', null, 7, 2800],
      ['MUG-50%', 111, 3, 0],
      ['HOD-001-BLK-M', 8, 10, 21000],
      ['TEA-100', 5, 47, 235000],
    ]);
    const six = service.slowMovers({ asOf: '2026-11-20', minDays: 6, offset: 2, limit: 5 });
    expect(six.totalRows).toBe(3);
    expect(six.rows.map((r) => r.sku)).toEqual(['HOD-001-BLK-M']);
  });
});

describe('input checks', () => {
  it('refuses a period that ends before it starts, and pages over 1000 rows', () => {
    shop = testShop();
    const health = productsAnalyticsContract['analytics.productHealth'].input.safeParse({ from: '2026-11-20', to: '2026-11-11' });
    expect(health.success).toBe(false);
    expect(health.error?.issues[0]?.path).toEqual(['to']);
    const abc = productsAnalyticsContract['analytics.abc'].input.safeParse({ asOf: '2026-11-20', limit: 1001 });
    expect(abc.error?.issues[0]?.path).toEqual(['limit']);
    expect(productsAnalyticsContract['analytics.abc'].input.parse({ asOf: '2026-11-20' })).toEqual({ asOf: '2026-11-20', windowDays: 365, measure: 'netSales', offset: 0, limit: 100 });
    expect(productsAnalyticsContract['analytics.productHealth'].input.parse({ from: '2026-11-01', to: '2026-11-30' })).toMatchObject({ slowDays: 60, deadDays: 180 });
  });
});
