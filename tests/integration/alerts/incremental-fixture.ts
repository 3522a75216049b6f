// The small demo shop (now 2026-11-20 12:00 UTC) and the kinds of change a sync, an import or a
// person makes, for the incremental-evaluation and rollup-agreement tests of the alert rules and
// reorder suggestions: new orders today, cancelled and returned orders in the last weeks, orders
// arriving late for past days, stock taken away, supplier terms, purchase orders, safety stock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { generateDemoShop } from '../../../src/demo/generate.js';

export const NOW = new Date('2026-11-20T12:00:00Z');

export interface ChangeShop {
  db: Db;
  close(): void;
}

export async function openChangeShop(name: string): Promise<ChangeShop> {
  const dir = mkdtempSync(join(tmpdir(), `shopdesk-${name}-`));
  const path = join(dir, 'shop.db');
  await generateDemoShop({ path, size: 'small', seed: 7, locale: 'en', now: NOW });
  const db = openDatabase(path);
  return {
    db,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function one<T>(db: Db, sql: string, ...params: unknown[]): T {
  return db.prepare(sql).get(...params) as T;
}

/** A new order of `lines` [variantId, quantity] at `placedAt`. */
export function addOrder(db: Db, placedAt: string, lines: [number, number][]): number {
  const base = one<{ channelId: number; locationId: number }>(db, 'SELECT channel_id AS channelId, location_id AS locationId FROM orders ORDER BY id LIMIT 1');
  const orderId = Number(
    db
      .prepare(
        `INSERT INTO orders (channel_id, order_number, customer_id, location_id, status, placed_at, currency, subtotal, discount_total, total)
         VALUES (?, ?, NULL, ?, 'open', ?, 'USD', 0, 0, 0)`,
      )
      .run(base.channelId, `CHANGE-${placedAt}-${Math.random()}`, base.locationId, placedAt).lastInsertRowid,
  );
  for (const [variantId, quantity] of lines) {
    const v = one<{ sku: string; price: number; cost: number | null }>(db, 'SELECT sku, price, cost FROM variants WHERE id = ?', variantId);
    db.prepare('INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, unit_cost) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      orderId, variantId, v.sku, v.sku, quantity, v.price, v.cost,
    );
  }
  return orderId;
}

/** Returns `quantity` of the order's first line at `returnedAt`. */
export function addReturn(db: Db, orderId: number, returnedAt: string, quantity: number): void {
  const line = one<{ id: number; price: number }>(db, 'SELECT id, unit_price AS price FROM order_lines WHERE order_id = ? ORDER BY id LIMIT 1', orderId);
  const returnId = Number(db.prepare('INSERT INTO returns (order_id, returned_at) VALUES (?, ?)').run(orderId, returnedAt).lastInsertRowid);
  db.prepare("INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount) VALUES (?, ?, ?, 'too_small', ?)").run(
    returnId, line.id, quantity, quantity * line.price,
  );
}

/** The variants that sold most in the last 8 weeks (active, with stock levels), best first. */
export function bestSellers(db: Db, count: number): number[] {
  return (
    db
      .prepare(
        `SELECT l.variant_id AS id FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN variants v ON v.id = l.variant_id
         WHERE o.placed_at >= '2026-09-25' AND o.status <> 'cancelled' AND v.status = 'active'
           AND EXISTS (SELECT 1 FROM stock_levels sl WHERE sl.variant_id = v.id)
         GROUP BY l.variant_id ORDER BY SUM(l.quantity) DESC, l.variant_id LIMIT ?`,
      )
      .all(count) as { id: number }[]
  ).map((row) => row.id);
}

export interface Change {
  what: string;
  apply(db: Db): void;
}

/** Every kind of change, in order; each leaves the shop consistent for the next. */
export function changes(db: Db): Change[] {
  const [a, b, c, d, e] = bestSellers(db, 5) as [number, number, number, number, number];
  let today = 0;
  return [
    { what: 'new orders today', apply: () => void (today = addOrder(db, '2026-11-20T09:15:00.000Z', [[a, 3], [b, 1]])) },
    { what: 'stock taken to zero', apply: () => void db.prepare('UPDATE stock_levels SET on_hand = 0, committed = 0 WHERE variant_id IN (?, ?)').run(a, c) },
    { what: 'stock added back', apply: () => void db.prepare('UPDATE stock_levels SET on_hand = on_hand + 500 WHERE variant_id = ?').run(c) },
    {
      what: 'an order of last week cancelled',
      apply: () => {
        const order = one<{ id: number }>(db, "SELECT id FROM orders WHERE placed_at >= '2026-11-14' AND placed_at < '2026-11-19' AND status <> 'cancelled' ORDER BY id LIMIT 1");
        db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(order.id);
      },
    },
    {
      what: 'returns on orders of the last weeks',
      apply: () => {
        const order = one<{ id: number }>(db, "SELECT id FROM orders WHERE placed_at >= '2026-11-14' AND placed_at < '2026-11-19' AND status <> 'cancelled' ORDER BY id DESC LIMIT 1");
        addReturn(db, order.id, '2026-11-20T10:00:00.000Z', 1);
        addReturn(db, today, '2026-11-20T11:00:00.000Z', 1);
      },
    },
    { what: 'orders arriving late for past days', apply: () => void addOrder(db, '2026-11-16T15:30:00.000Z', [[d, 40], [e, 2]]) },
    {
      what: 'supplier terms changed',
      apply: () => void db.prepare('UPDATE supplier_items SET moq = moq + 7, lead_time_days = 45 WHERE variant_id IN (?, ?)').run(b, d),
    },
    {
      what: 'a purchase order sent',
      apply: () => {
        const item = one<{ supplierId: number; cost: number }>(db, 'SELECT supplier_id AS supplierId, cost FROM supplier_items WHERE variant_id = ? LIMIT 1', e);
        const location = one<{ id: number }>(db, "SELECT id FROM locations WHERE kind <> 'transit' ORDER BY id LIMIT 1");
        const po = Number(
          db
            .prepare(
              `INSERT INTO purchase_orders (number, supplier_id, location_id, status, currency, created_at, updated_at, actor)
               VALUES ('PO-CHANGE-1', ?, ?, 'sent', 'USD', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', 'test')`,
            )
            .run(item.supplierId, location.id).lastInsertRowid,
        );
        db.prepare('INSERT INTO purchase_order_lines (purchase_order_id, variant_id, quantity_ordered, unit_cost) VALUES (?, ?, 30, ?)').run(po, e, item.cost);
      },
    },
    { what: 'a safety stock set', apply: () => void db.prepare('UPDATE stock_levels SET safety_stock = 900 WHERE variant_id = ?').run(b) },
  ];
}
