// A small shop for coupon and audience tests (now = 2026-11-20T10:00Z, UTC): six customers with
// orders in two clear RFM groups, a customer without orders, and promotions inserted directly.
//  - customers 1-3: two orders each in November, 100.00 each -> every score 3 (mean 2): champions
//  - customers 4-6: one order in April, 10.00 -> every score 1: hibernating
import { openDatabase, type Db } from '../../../src/db/open.js';

const at = '2026-01-01T00:00:00.000Z';

export interface PromotionSeed {
  id: number;
  type?: 'coupon' | 'percent_off';
  status?: 'draft' | 'scheduled' | 'running' | 'ended' | 'cancelled';
  segment?: string | null;
  controlShareBp?: number;
}

const rules = {
  coupon: '{"type":"coupon","discount":{"kind":"percent","percentOffBp":1000}}',
  percent_off: '{"type":"percent_off","percentOffBp":1000}',
};

export function insertPromotion(db: Db, p: PromotionSeed): void {
  db.prepare(
    `INSERT INTO promotions (id, name, type, status, starts_at, ends_at, rule, segment_code, control_share_bp, created_at, updated_at)
     VALUES (?, ?, ?, ?, '2026-12-01T00:00:00.000Z', '2026-12-08T00:00:00.000Z', ?, ?, ?, ?, ?)`,
  ).run(p.id, `Promo ${p.id}`, p.type ?? 'coupon', p.status ?? 'draft', rules[p.type ?? 'coupon'], p.segment ?? null, p.controlShareBp ?? 0, at, at);
}

let orderNumber = 0;
export function insertOrder(db: Db, customerId: number | null, placedAt: string, amount: number, coupon: string | null = null, status = 'fulfilled'): void {
  orderNumber += 1;
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO orders (channel_id, order_number, customer_id, location_id, status, placed_at, currency, subtotal, total, coupon_code)
       VALUES (1, ?, ?, 1, ?, ?, 'USD', ?, ?, ?)`,
    )
    .run(`#${orderNumber}`, customerId, status, placedAt, amount, amount, coupon);
  db.prepare(`INSERT INTO order_lines (order_id, sku, title, quantity, unit_price) VALUES (?, 'X-1', 'Thing', 1, ?)`).run(lastInsertRowid, amount);
}

/** The shop's base rows; call from testShop's seed (the file path) or on an open connection. */
export function seedCouponShop(path: string, promotions: readonly PromotionSeed[] = []): void {
  const db = openDatabase(path);
  db.exec(`
    INSERT INTO locations (id, code, name, kind, created_at) VALUES (1, 'WH', 'Warehouse', 'warehouse', '${at}');
    INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'web', 'Web', 'manual', '${at}');
    INSERT INTO customers (id, email, name, phone, created_at) VALUES
      (1, 'ann@example.com', 'Ann', '+1 555 0101', '${at}'), (2, 'bob@example.com', 'Bob', NULL, '${at}'),
      (3, 'cy@example.com', 'Cy', '+1 555 0103', '${at}'), (4, 'dee@example.com', 'Dee', NULL, '${at}'),
      (5, 'eve@example.com', 'Eve', NULL, '${at}'), (6, 'fay@example.com', 'Fay', NULL, '${at}'),
      (7, 'gus@example.com', 'Gus', NULL, '${at}');`);
  for (const customer of [1, 2, 3]) {
    insertOrder(db, customer, '2026-11-02T12:00:00.000Z', 10_000);
    insertOrder(db, customer, '2026-11-15T12:00:00.000Z', 10_000);
  }
  for (const customer of [4, 5, 6]) insertOrder(db, customer, '2026-04-10T12:00:00.000Z', 1_000);
  for (const p of promotions) insertPromotion(db, p);
  db.close();
}
