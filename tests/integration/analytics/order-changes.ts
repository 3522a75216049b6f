// Orders and returns written straight into a shop file, as a sync or an import would write them,
// for the tests that prove a cache (rollups) answers like the orders after every kind of change.
import { expect } from 'vitest';
import { createSalesRollup } from '../../../src/analytics/sales-rollup.js';
import { openDatabase, type Db } from '../../../src/db/open.js';

const one = <T>(db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;

/**
 * A new order of `lines` [variantId, quantity] at `placedAt`, with a line discount on the first line and an order
 * discount; a null variant is a line whose variant was deleted since (kept by SKU and title only).
 */
export function addOrder(db: Db, placedAt: string, customerId: number | null, lines: [number | null, number][]): number {
  const base = one<{ channelId: number; locationId: number }>(db, 'SELECT channel_id AS channelId, location_id AS locationId FROM orders ORDER BY id LIMIT 1');
  const orderId = Number(
    db
      .prepare(
        `INSERT INTO orders (channel_id, order_number, customer_id, location_id, status, placed_at, currency, subtotal, discount_total, total)
         VALUES (?, ?, ?, ?, 'open', ?, 'USD', 0, 700, 0)`,
      )
      .run(base.channelId, `AGREE-${placedAt}-${Math.random()}`, customerId, base.locationId, placedAt).lastInsertRowid,
  );
  lines.forEach(([variantId, quantity], i) => {
    const v =
      variantId === null
        ? { sku: 'GONE-1', price: 1234, cost: 400 }
        : one<{ sku: string; price: number; cost: number | null }>(db, 'SELECT sku, price, cost FROM variants WHERE id = ?', variantId);
    db.prepare('INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, unit_cost, discount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      orderId, variantId, v.sku, `${v.sku} as sold`, quantity, v.price, v.cost, i === 0 ? 300 : 0,
    );
  });
  return orderId;
}

/** A return of `quantity` units of the order's first line, refunded `refund`. */
export function addReturn(db: Db, orderId: number, returnedAt: string, quantity: number, refund: number, reason = 'too_small'): void {
  const line = one<{ id: number }>(db, 'SELECT id FROM order_lines WHERE order_id = ? ORDER BY id LIMIT 1', orderId);
  const returnId = Number(db.prepare('INSERT INTO returns (order_id, returned_at) VALUES (?, ?)').run(orderId, returnedAt).lastInsertRowid);
  db.prepare("INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount) VALUES (?, ?, ?, ?, ?)").run(returnId, line.id, quantity, reason, refund);
}

/** `answers()` read from the orders: another connection holds the write lock while an hour is dirty, so the rollups cannot answer. */
export function directAnswers(db: Db, path: string, answers: () => Record<string, unknown>): Record<string, unknown> {
  db.prepare("INSERT OR IGNORE INTO sales_hourly_dirty (hour) VALUES ('2000-01-01T00')").run();
  const other = openDatabase(path);
  other.exec('BEGIN IMMEDIATE');
  try {
    // The check the reports make first.
    expect(createSalesRollup(db).hours('2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z')).toBeUndefined();
    return answers();
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
}

/** Every answer through the rollups equals the same answer read from the orders. */
export function expectRollupAgreement(db: Db, path: string, answers: () => Record<string, unknown>): void {
  const direct = directAnswers(db, path, answers);
  const rolled = answers();
  expect(createSalesRollup(db).hours('2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z')).toBeDefined();
  for (const key of Object.keys(direct)) expect(rolled[key], key).toEqual(direct[key]);
}
