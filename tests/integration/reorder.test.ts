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

/**
 * Today is 2026-11-20 (UTC shop); a 14-day window covers 11-06 … 11-19.
 * Tea sold 7 on 11-06 and 2 a day 11-13 … 11-19; 25 of its 40 are committed; 5 are on a sent PO.
 * Hoodie L (none on hand) sold 1 a day for 14 days and has no supplier.
 */
function seedSales(path: string): void {
  seedCatalog(path);
  const db = openDatabase(path);
  db.exec(`
    UPDATE shop_settings SET demand_window_days = 14, service_level = 0.95, review_period_days = 7;
    UPDATE stock_levels SET committed = 25 WHERE variant_id = 3;
    INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'web', 'Web shop', 'shopify', '2026-01-01');
    INSERT INTO suppliers (id, name, currency, lead_time_days, created_at, updated_at) VALUES (1, 'Acme Tea Co', 'USD', 30, '2026-01-01', '2026-01-01');
    INSERT INTO supplier_items (supplier_id, variant_id, supplier_sku, cost, pack_size, moq, lead_time_days, is_preferred) VALUES (1, 3, 'AC-LJ', 4800, 6, 12, 9, 1);
    INSERT INTO purchase_orders (id, number, supplier_id, location_id, status, currency, created_at, updated_at, sent_at, actor)
      VALUES (1, 'PO-000001', 1, 1, 'sent', 'USD', '2026-11-18', '2026-11-18', '2026-11-18T09:00:00Z', 'owner');
    INSERT INTO purchase_order_lines (purchase_order_id, variant_id, quantity_ordered, quantity_received, unit_cost) VALUES (1, 3, 5, 0, 4800);
  `);
  const order = db.prepare(
    "INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total) VALUES (1, ?, 1, ?, ?, 'USD', 0, 0)",
  );
  const line = db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price) VALUES (?, ?, 'x', 'x', ?, 100)");
  let n = 0;
  const sell = (variantId: number, day: string, quantity: number, status = 'fulfilled') => {
    n += 1;
    const id = order.run(`#${n}`, status, `${day}T15:00:00Z`).lastInsertRowid;
    line.run(id, variantId, quantity);
  };
  sell(3, '2026-11-06', 7);
  for (let d = 13; d <= 19; d += 1) sell(3, `2026-11-${d}`, 2);
  for (let d = 6; d <= 19; d += 1) sell(2, `2026-11-${String(d).padStart(2, '0')}`, 1);
  sell(3, '2026-11-19', 50, 'cancelled'); // counts nowhere
  sell(3, '2026-11-20', 30); // today: not a whole day yet
  sell(3, '2026-11-05', 30); // before the window
  db.close();
}

describe('reorder suggestions', () => {
  it('explains a suggestion that counts open POs, MOQ and pack size, and turns it into a draft PO', async () => {
    shop = testShop(seedSales);
    const result = await shop.ok('reorder.suggestions', {});
    expect(result.suppliers.map((s) => s.supplier)).toEqual(['Acme Tea Co']);
    const tea = result.suppliers[0]?.lines[0];
    // d̄ = 5/3, σd = √(20/9) (weights 1 for the older week, 2 for the last); L = 9 (the item's), z = 1.65.
    // SS = 1.65 × √(20/9) × 3 = 7.3790…; ROP = 5/3 × 9 + SS = 22.379…; target = 5/3 × 16 + SS = 34.046…
    // available 40 − 25 = 15, on order 5: 20 ≤ ROP → max(MOQ 12, 34.046 − 20) = 14.05 → 3 packs of 6 = 18.
    expect(tea).toMatchObject({ sku: 'TEA-100', leadTimeDays: 9, z: 1.65, available: 15, onOrder: 5, moq: 12, packSize: 6, quantity: 18, lineCost: 18 * 4800 });
    expect(tea?.dailyDemand).toBeCloseTo(5 / 3, 10);
    expect(tea?.safetyStock).toBeCloseTo(1.65 * Math.sqrt(20 / 9) * 3, 10);
    expect(tea?.reorderPoint).toBeCloseTo(15 + 1.65 * Math.sqrt(20 / 9) * 3, 10);
    // Hoodie L sells 1 a day with no supplier: L defaults to 14 days, ROP 14 ≥ 0 available.
    expect(result.withoutSupplier.map((v) => [v.sku, v.dailyDemand, v.available])).toEqual([['HOD-001-BLK-L', 1, 0]]);

    const draft = await shop.ok('reorder.createDraft', { supplierId: 1, locationId: 1 });
    expect(draft).toMatchObject({ number: 'PO-000002', lines: 1, units: 18 });
    const po = await shop.ok('purchaseOrders.get', { purchaseOrderId: draft.purchaseOrderId });
    expect(po.lines.map((l) => [l.sku, l.quantityOrdered, l.unitCost, l.supplierSku])).toEqual([['TEA-100', 18, 4800, 'AC-LJ']]);
    // Still suggested (a draft is not on order yet), and flagged as already on a draft.
    expect((await shop.ok('reorder.suggestions', {})).suppliers[0]?.lines[0]).toMatchObject({ quantity: 18, onDraft: true });
  });

  it('stops suggesting once enough is on order, and follows the settings', async () => {
    shop = testShop(seedSales);
    shop.db.prepare('UPDATE purchase_order_lines SET quantity_ordered = 20 WHERE purchase_order_id = 1').run();
    // 15 available + 20 on order = 35 > ROP 22.4
    expect((await shop.ok('reorder.suggestions', {})).suppliers).toEqual([]);
    // At 98 % the safety stock grows (z 2.05) but 35 still covers ROP 15 + 9.17.
    const settings = await shop.ok('reorder.updateSettings', { serviceLevel: 0.98 });
    expect(settings.serviceLevel).toBe(0.98);
    expect((await shop.ok('reorder.suggestions', {})).suppliers).toEqual([]);
    expect((await shop.fail('reorder.createDraft', { supplierId: 1, locationId: 1 })).details.key).toBe('nothingToOrder');
  });
});
