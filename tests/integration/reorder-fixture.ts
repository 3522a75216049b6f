// Sales, suppliers and purchase orders for the reorder tests, small enough to
// compute every figure by hand. Today is 2026-11-20 (testNow, UTC shop).
//
// Shop window 14 days → 2026-11-06 … 11-19 (today is not over, so left out):
//   the older week (11-06 … 11-12) weighs 1, the last week (11-13 … 11-19) weighs 2.
// Apparel (the hoodies' category) sets a 7-day window → 11-13 … 11-19, one week, unweighted.
import { openDatabase } from '../../src/db/open.js';
import { seedCatalog } from './catalog-fixture.js';

export const HOD_M = 1;
export const HOD_L = 2;
export const TEA = 3;
export const MUG = 4;
export const WAREHOUSE = 1;
export const TRANSIT = 2;
export const ACME = 1;
export const BOREAL = 2;

export function seedReorder(path: string): void {
  seedCatalog(path);
  const db = openDatabase(path);
  db.exec(`
    UPDATE shop_settings SET demand_window_days = 14, service_level = 0.95, review_period_days = 7;
    UPDATE categories SET demand_window_days = 7 WHERE path = 'Apparel';
    INSERT INTO locations (id, code, name, kind, created_at) VALUES (2, 'TR', 'In transit', 'transit', '2026-11-01');
    -- 28 of the tea's 40 are committed → available 12; 30 more sit in transit (not available).
    UPDATE stock_levels SET committed = 28 WHERE variant_id = 3;
    INSERT INTO stock_levels (variant_id, location_id, on_hand, updated_at) VALUES (3, 2, 30, '2026-11-01');
    INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'web', 'Web shop', 'shopify', '2026-01-01');
    INSERT INTO suppliers (id, name, currency, lead_time_days, created_at, updated_at) VALUES
      (1, 'Acme Tea Co', 'USD', 30, '2026-01-01', '2026-01-01'),
      (2, 'Boreal Knit', 'EUR', 16, '2026-01-01', '2026-01-01');
    -- Tea: no preferred item → the cheapest (Acme 48.00, lead 9 d, MOQ 12, packs of 6).
    -- Hoodie M: Boreal is preferred although Acme is cheaper; Boreal's item has no lead time → 16 d.
    INSERT INTO supplier_items (supplier_id, variant_id, supplier_sku, cost, pack_size, moq, lead_time_days, is_preferred) VALUES
      (1, 3, 'AC-LJ', 4800, 6, 12, 9, 0),
      (2, 3, 'BK-TEA', 5200, 1, 1, 3, 0),
      (2, 1, 'BK-HOD-M', 2500, 12, 50, NULL, 1),
      (1, 1, 'AC-HOD-M', 2000, 1, 1, 5, 0);
    -- Hoodie M computes its safety stock at 90 %.
    INSERT INTO variant_stock_rules (variant_id, safety_mode, service_level, updated_at) VALUES (1, 'computed', 0.9, '2026-11-01');
    INSERT INTO purchase_orders (id, number, supplier_id, location_id, status, currency, created_at, updated_at, actor) VALUES
      (1, 'PO-000001', 1, 1, 'sent', 'USD', '2026-11-18', '2026-11-18', 'owner'),
      (2, 'PO-000002', 1, 1, 'partially_received', 'USD', '2026-11-10', '2026-11-10', 'owner'),
      (3, 'PO-000003', 1, 1, 'draft', 'USD', '2026-11-19', '2026-11-19', 'owner'),
      (4, 'PO-000004', 1, 1, 'received', 'USD', '2026-11-01', '2026-11-01', 'owner'),
      (5, 'PO-000005', 1, 1, 'cancelled', 'USD', '2026-11-01', '2026-11-01', 'owner');
    -- Tea on order: 5 (sent) + 10 − 6 (partially received) = 9; the draft, received and cancelled ones do not count.
    INSERT INTO purchase_order_lines (purchase_order_id, variant_id, quantity_ordered, quantity_received, unit_cost) VALUES
      (1, 3, 5, 0, 4800), (2, 3, 10, 6, 4800), (3, 3, 100, 0, 4800), (4, 3, 50, 20, 4800), (5, 3, 70, 0, 4800);
  `);
  const order = db.prepare(
    "INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total) VALUES (1, ?, 1, ?, ?, 'USD', 0, 0)",
  );
  const line = db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price) VALUES (?, ?, 'x', 'x', ?, 100)");
  let n = 0;
  const sell = (variantId: number, placedAt: string, quantity: number, status = 'fulfilled') => {
    n += 1;
    line.run(order.run(`#${n}`, status, placedAt).lastInsertRowid, variantId, quantity);
  };
  // Tea: 7 on 11-06, then 2 a day over the last week → d̄ 5/3, σd √(20/9).
  sell(TEA, '2026-11-06T00:00:00Z', 7); // the window's first instant
  for (let d = 13; d <= 19; d += 1) sell(TEA, `2026-11-${d}T15:00:00Z`, 2);
  sell(TEA, '2026-11-19T16:00:00Z', 50, 'cancelled'); // counts nowhere
  sell(TEA, '2026-11-20T00:00:00Z', 30); // today: not a whole day yet
  sell(TEA, '2026-11-05T23:59:59Z', 30); // before the window
  // Hoodie M (7-day window): 3 on 11-13, 4 on 11-16 → d̄ 1, σd √(18/7); the 10 on 11-08 fall outside its window.
  sell(HOD_M, '2026-11-08T12:00:00Z', 10);
  sell(HOD_M, '2026-11-13T09:00:00Z', 3);
  sell(HOD_M, '2026-11-16T09:00:00Z', 4);
  // Hoodie L: 1 a day over its window, none on hand, no supplier item.
  for (let d = 13; d <= 19; d += 1) sell(HOD_L, `2026-11-${d}T08:00:00Z`, 1);
  // The mug is a draft listing: it sells but is not suggested.
  sell(MUG, '2026-11-15T08:00:00Z', 9);
  db.close();
}
