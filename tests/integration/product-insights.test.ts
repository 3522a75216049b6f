import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { seedCatalog } from './catalog-fixture.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

/** Cloud Hoodie (HOD-001-BLK-M = variant 1, HOD-001-BLK-L = variant 2) sold, returned and bought. */
function seedHoodieHistory(path: string): void {
  seedCatalog(path);
  const db = openDatabase(path);
  const at = '2026-11-01T00:00:00.000Z';
  db.exec(`
    INSERT INTO channels (id, code, name, platform, created_at) VALUES
      (1, 'shopify', 'Shopify store', 'shopify', '${at}'), (2, 'pos', 'Shop counter', 'pos', '${at}'),
      (3, 'tmall', 'Tmall', 'tmall', '${at}');
    INSERT INTO channel_listings (product_id, channel_id, external_id, status, listed_at) VALUES (1, 1, 'gid://1', 'active', '2026-01-05T00:00:00Z');
    INSERT INTO orders (id, channel_id, order_number, location_id, status, placed_at, currency, subtotal, discount_total, total) VALUES
      (1, 1, '#1001', 1, 'fulfilled', '2026-11-16T10:00:00Z', 'USD', 11998, 1000, 10998),
      (2, 2, 'P-77', 1, 'fulfilled', '2026-11-10T10:00:00Z', 'USD', 23996, 0, 23996),
      (3, 1, '#1002', 1, 'cancelled', '2026-11-17T10:00:00Z', 'USD', 29995, 0, 29995),
      (4, 1, '#0900', 1, 'fulfilled', '2025-01-01T10:00:00Z', 'USD', 23996, 0, 23996);
    INSERT INTO order_lines (id, order_id, variant_id, sku, title, quantity, unit_price, discount, unit_cost) VALUES
      (1, 1, 1, 'HOD-001-BLK-M', 'Cloud Hoodie', 2, 5999, 1000, 2100),
      (2, 2, 1, 'HOD-001-BLK-M', 'Cloud Hoodie', 1, 5999, 0, 2100),
      (3, 2, 2, 'HOD-001-BLK-L', 'Cloud Hoodie', 3, 5999, 0, 2100),
      (4, 3, 2, 'HOD-001-BLK-L', 'Cloud Hoodie', 5, 5999, 0, 2100),
      (5, 4, 1, 'HOD-001-BLK-M', 'Cloud Hoodie', 4, 5999, 0, 2100);
    INSERT INTO returns (id, order_id, returned_at, location_id) VALUES (1, 2, '2026-11-12T09:00:00Z', 1), (2, 1, '2026-11-19T09:00:00Z', 1);
    INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount, restocked) VALUES
      (1, 3, 1, 'too_small', 5999, 1), (2, 1, 1, 'defective', 5499, 0);
    INSERT INTO suppliers (id, name, currency, lead_time_days, created_at, updated_at) VALUES (1, 'Acme Textiles', 'USD', 21, '${at}', '${at}');
    INSERT INTO supplier_items (supplier_id, variant_id, supplier_sku, cost, pack_size, moq, lead_time_days, is_preferred) VALUES
      (1, 1, 'AC-HM', 2000, 6, 12, NULL, 1);
    INSERT INTO purchase_orders (id, number, supplier_id, location_id, status, currency, created_at, updated_at, sent_at, actor) VALUES
      (1, 'PO-000001', 1, 1, 'received', 'USD', '2026-10-01T00:00:00Z', '${at}', '2026-10-01T08:00:00Z', 'owner'),
      (2, 'PO-000002', 1, 1, 'draft', 'USD', '2026-11-18T00:00:00Z', '${at}', NULL, 'owner');
    INSERT INTO purchase_order_lines (purchase_order_id, variant_id, quantity_ordered, quantity_received, unit_cost) VALUES
      (1, 1, 24, 24, 2100), (2, 1, 12, 0, 9999);
  `);
  db.close();
}

describe('product 360 view', () => {
  it('shows stock, ledger, weekly sales, returns with reasons, suppliers and channels of one product', async () => {
    shop = testShop(seedHoodieHistory);
    const view = await shop.ok('products.insights', { productId: 1 });

    expect(view.stock.map((s) => [s.sku, s.location, s.onHand, s.available])).toEqual([
      ['HOD-001-BLK-M', 'Main warehouse', 12, 12],
      ['HOD-001-BLK-L', 'Main warehouse', 0, 0],
    ]);
    expect(view.movementsTotal).toBe(1);
    expect(view.movements[0]).toMatchObject({ sku: 'HOD-001-BLK-M', delta: 12, reason: 'initial' });

    // 52 Monday-weeks ending with the week of 2026-11-20; the cancelled order and the 2025 order count nowhere.
    expect(view.salesTrend).toHaveLength(52);
    expect(view.salesTrend[0]?.weekStart).toBe('2025-11-24');
    expect(view.salesTrend.at(-1)).toEqual({ weekStart: '2026-11-16', units: 2, netSales: 2 * 5999 - 1000, orders: 1 });
    expect(view.salesTrend.at(-2)).toEqual({ weekStart: '2026-11-09', units: 4, netSales: 4 * 5999, orders: 1 });
    expect(view.sales).toEqual({ units: 6, netSales: 10998 + 23996, orders: 2, lastSoldAt: '2026-11-16T10:00:00Z' });
    // The summary strip's 30 days (to 2026-11-20): both November orders, not the 2025 one nor the cancelled one.
    expect(view.last30Days).toEqual({ units: 6, netSales: 10998 + 23996 });

    // 2 of the 6 units sold came back.
    expect(view.returns.units).toBe(2);
    expect(view.returns.rate).toBeCloseTo(2 / 6, 10);
    expect(view.returns.reasons.map((r) => [r.code, r.group, r.units])).toEqual([
      ['defective', 'quality', 1],
      ['too_small', 'fit', 1],
    ]);

    // The last purchase is the sent PO; the draft does not count. Lead time falls back to the supplier's.
    expect(view.suppliers).toEqual([
      expect.objectContaining({
        supplier: 'Acme Textiles',
        sku: 'HOD-001-BLK-M',
        supplierSku: 'AC-HM',
        cost: 2000,
        leadTimeDays: 21,
        preferred: true,
        lastPurchase: { number: 'PO-000001', unitCost: 2100, at: '2026-10-01T08:00:00Z' },
      }),
    ]);
    // Listed on Shopify; sold at the counter without a listing; Tmall neither (left out).
    expect(view.channels.map((c) => [c.channel, c.listing, c.units, c.netSales])).toEqual([
      ['Shopify store', 'active', 2, 10998],
      ['Shop counter', 'unlisted', 4, 23996],
    ]);
  });

  it('counts the last 30 days from today back, for the summary strip', async () => {
    shop = testShop((path) => {
      seedHoodieHistory(path);
      const db = openDatabase(path);
      // 2026-10-22 is the 30th day back from 2026-11-20 (in the window); 2026-10-21 the 31st (outside).
      db.exec(`
        INSERT INTO orders (id, channel_id, order_number, location_id, status, placed_at, currency, subtotal, discount_total, total) VALUES
          (5, 1, '#1003', 1, 'fulfilled', '2026-10-22T12:00:00Z', 'USD', 5999, 0, 5999),
          (6, 1, '#1004', 1, 'fulfilled', '2026-10-21T12:00:00Z', 'USD', 11998, 0, 11998);
        INSERT INTO order_lines (id, order_id, variant_id, sku, title, quantity, unit_price, discount, unit_cost) VALUES
          (6, 5, 1, 'HOD-001-BLK-M', 'Cloud Hoodie', 1, 5999, 0, 2100),
          (7, 6, 2, 'HOD-001-BLK-L', 'Cloud Hoodie', 2, 5999, 0, 2100);
      `);
      db.close();
    });
    const view = await shop.ok('products.insights', { productId: 1 });
    expect(view.last30Days).toEqual({ units: 7, netSales: 10998 + 23996 + 5999 });
    expect(view.sales.units).toBe(9);
  });

  it('answers NOT_FOUND for a product that does not exist', async () => {
    shop = testShop(seedCatalog);
    expect((await shop.fail('products.insights', { productId: 999 })).code).toBe('NOT_FOUND');
  });
});
