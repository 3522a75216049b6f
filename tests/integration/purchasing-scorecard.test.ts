// Supplier scorecard on a hand-written order history; every expected number is worked out by hand.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';
import { seedPurchasing } from './purchasing-fixture.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

/**
 * Shop in Asia/Shanghai (UTC+8); "today" is 2026-11-20. Acme (USD), variants TEA-100 (3) and HOD-001-BLK-M (1):
 * - PO1 sent 10-01, promised 10-10T20:00Z (local 10-11), received in full 10-11T03:00Z (local 10-11): on time
 *   by local date, although late in UTC. TEA 10/10 at 48.00, HOD 5/5 at 20.00.
 * - PO2 sent 10-15, promised 10-25; received 10-24 (TEA 18 of 20 at 50.40, HOD 5/5 at 20.00), closed 10-28: late.
 * - PO3 sent 11-01, promised 11-11, nothing received: open and overdue, so late. TEA 12 at 52.92, HOD 5 at 22.00.
 * - PO4 sent 11-15, promised 11-25: open, not yet due, not judged. TEA 6 at 52.92.
 * - PO5 sent then cancelled (TEA at 99.99) and PO6 a draft: left out everywhere.
 * Beta (CNY), MUG-50% (4): PO7 sent 11-03, promised 11-10, received in full 11-09 (10/10 at ¥7.00).
 */
function seedHistory(path: string): void {
  seedPurchasing(path);
  const db = openDatabase(path);
  db.exec(`
    UPDATE shop_settings SET time_zone = 'Asia/Shanghai';
    INSERT INTO suppliers (id, name, currency, lead_time_days, created_at, updated_at) VALUES
      (1, 'Acme Tea Co', 'USD', 10, '2026-01-01', '2026-01-01'), (2, 'Beta Cups', 'CNY', 7, '2026-01-01', '2026-01-01');
    INSERT INTO purchase_orders (id, number, supplier_id, location_id, status, currency, created_at, updated_at, sent_at, expected_at, received_at, closed_at, cancelled_at, actor) VALUES
      (1, 'PO-000001', 1, 1, 'received', 'USD', '2026-10-01T02:00:00Z', 'x', '2026-10-01T02:00:00Z', '2026-10-10T20:00:00Z', '2026-10-11T03:00:00Z', NULL, NULL, 'owner'),
      (2, 'PO-000002', 1, 1, 'closed', 'USD', '2026-10-15T02:00:00Z', 'x', '2026-10-15T02:00:00Z', '2026-10-25T02:00:00Z', NULL, '2026-10-28T02:00:00Z', NULL, 'owner'),
      (3, 'PO-000003', 1, 1, 'sent', 'USD', '2026-11-01T02:00:00Z', 'x', '2026-11-01T02:00:00Z', '2026-11-11T02:00:00Z', NULL, NULL, NULL, 'owner'),
      (4, 'PO-000004', 1, 1, 'sent', 'USD', '2026-11-15T02:00:00Z', 'x', '2026-11-15T02:00:00Z', '2026-11-25T02:00:00Z', NULL, NULL, NULL, 'owner'),
      (5, 'PO-000005', 1, 1, 'cancelled', 'USD', '2026-11-02T02:00:00Z', 'x', '2026-11-02T02:00:00Z', '2026-11-12T02:00:00Z', NULL, NULL, '2026-11-03T02:00:00Z', 'owner'),
      (6, 'PO-000006', 1, 1, 'draft', 'USD', '2026-11-16T02:00:00Z', 'x', NULL, NULL, NULL, NULL, NULL, 'owner'),
      (7, 'PO-000007', 2, 1, 'received', 'CNY', '2026-11-03T02:00:00Z', 'x', '2026-11-03T02:00:00Z', '2026-11-10T02:00:00Z', '2026-11-09T02:00:00Z', NULL, NULL, 'owner');
    INSERT INTO purchase_order_lines (id, purchase_order_id, variant_id, quantity_ordered, quantity_received, unit_cost) VALUES
      (1, 1, 3, 10, 10, 4800), (2, 1, 1, 5, 5, 2000),
      (3, 2, 3, 20, 18, 5040), (4, 2, 1, 5, 5, 2000),
      (5, 3, 3, 12, 0, 5292), (6, 3, 1, 5, 0, 2200),
      (7, 4, 3, 6, 0, 5292),
      (8, 5, 3, 6, 0, 9999),
      (9, 6, 3, 6, 0, 1),
      (10, 7, 4, 10, 10, 700);
    INSERT INTO receipts (id, purchase_order_id, location_id, received_at, actor) VALUES
      (1, 1, 1, '2026-10-11T03:00:00Z', 'owner'), (2, 2, 1, '2026-10-24T02:00:00Z', 'owner'), (3, 7, 1, '2026-11-09T02:00:00Z', 'owner');
    INSERT INTO receipt_lines (receipt_id, purchase_order_line_id, quantity, unit_cost, landed_unit_cost) VALUES
      (1, 1, 10, 4800, 4800), (1, 2, 5, 2000, 2000), (2, 3, 18, 5040, 5040), (2, 4, 5, 2000, 2000), (3, 10, 10, 700, 98);
  `);
  db.close();
}

describe('supplier scorecard', () => {
  it('computes on-time and fill rates, lead times and price changes, and explains them', async () => {
    shop = testShop(seedHistory);
    const [acme, beta] = (await shop.ok('suppliers.scorecard', {})).suppliers;
    expect(acme).toMatchObject({
      supplier: 'Acme Tea Co',
      currency: 'USD',
      ordersSent: 4, // PO1–PO4
      ordersCompleted: 2, // PO1 received, PO2 closed
      ordersOverdue: 1, // PO3
      promisedLeadDays: 10, // PO1 10-01 → 10-11, PO2 10-15 → 10-25
      actualLeadDays: 9.5, // PO1 10-01 → 10-11 = 10, PO2 10-15 → 10-24 = 9
      priceChanges: 3, // TEA 48.00 → 50.40 → 52.92 (+5 %, +5 %), HOD 20.00 → 22.00 (+10 %); PO4 unchanged
    });
    expect(acme?.onTimeRate).toBeCloseTo(1 / 3, 10); // PO1 on time; PO2 and PO3 late
    expect(acme?.fillRate).toBeCloseTo(38 / 40, 10); // (10 + 5 + 18 + 5) ÷ (10 + 5 + 20 + 5)
    expect(acme?.averagePriceChange).toBeCloseTo((0.05 + 0.05 + 0.1) / 3, 10);
    expect(acme?.largestPriceChanges[0]).toMatchObject({ sku: 'HOD-001-BLK-M', from: 2000, to: 2200, previousOrder: 'PO-000002', order: 'PO-000003' });
    expect(acme?.largestPriceChanges.map((c) => [c.sku, c.from, c.to]).slice(1)).toEqual([
      ['TEA-100', 4800, 5040],
      ['TEA-100', 5040, 5292],
    ]);
    expect(acme?.explain.onTime).toContain('1 of 3 orders on time = 33.3 %');
    expect(acme?.explain.onTime).toContain('Asia/Shanghai');
    expect(acme?.explain.fill).toContain('38 of 40 units');
    expect(acme?.explain.lead).toContain('10.0 days over 2 completed orders');
    expect(acme?.explain.price).toContain('+6.7 %');

    expect(beta).toMatchObject({
      supplier: 'Beta Cups',
      ordersSent: 1,
      ordersCompleted: 1,
      onTimeRate: 1,
      fillRate: 1,
      promisedLeadDays: 7,
      actualLeadDays: 6,
      priceChanges: 0,
      averagePriceChange: null,
      largestPriceChanges: [],
    });
  });

  it('limits to orders sent in the period (comparing prices with older orders) and to one supplier', async () => {
    shop = testShop(seedHistory);
    const october = await shop.ok('suppliers.scorecard', { from: '2026-10-10T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' });
    expect(october.suppliers).toHaveLength(1);
    expect(october.suppliers[0]).toMatchObject({
      supplier: 'Acme Tea Co',
      ordersSent: 1, // PO2
      onTimeRate: 0,
      fillRate: 23 / 25,
      priceChanges: 1, // TEA 48.00 (PO1, before the period) → 50.40
      averagePriceChange: 0.05,
    });
    const onlyBeta = await shop.ok('suppliers.scorecard', { supplierId: 2 });
    expect(onlyBeta.suppliers.map((s) => s.supplier)).toEqual(['Beta Cups']);
  });
});
