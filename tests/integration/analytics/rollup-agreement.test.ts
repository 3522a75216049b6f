// The rollups per channel, variant, customer, product and category (migrations 0006, 0014) are a cache of
// the orders, never a second definition: on the small demo shop, after each kind of change a sync,
// an import or a person makes — new orders, edited lines, cancellations, refunds, returns, orders
// arriving late for long-past days, a variant moved to another product, a product to another
// category, an order left without lines — the sums the rollups give for a period equal the same sums read
// from the orders.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesRollup } from '../../../src/analytics/sales-rollup.js';
import { lineDiscountSql } from '../../../src/analytics/line-discount-sql.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { generateDemoShop } from '../../../src/demo/generate.js';
import { addOrder, addReturn } from './order-changes.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'shopdesk-rollup-agreement-'));
let db: Db;

/** Periods as UTC hour keys [from, to): the whole history, the last year, the last 30 days, one old week. */
const periods = [
  ['2000-01-01T00', '2100-01-01T00'],
  ['2025-11-20T00', '2026-11-20T12'],
  ['2026-10-21T00', '2026-11-20T12'],
  ['2025-03-03T00', '2025-03-10T00'],
] as const;
const instant = (hour: string) => `${hour}:00:00.000Z`;

type Row = Record<string, number | string | null>;
/** Rows keyed and sorted, money and units exact, the discount shares to a millionth. */
function normalised(rows: Row[], key: string): Row[] {
  return rows
    .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e6) / 1e6 : v])))
    .sort((a, b) => Number(a[key]) - Number(b[key]));
}

function variantsFromRollup(from: string, to: string): Row[] {
  return db
    .prepare(
      `SELECT variant_id AS id, SUM(orders) AS orders, SUM(units) AS units, SUM(gmv) AS gmv, SUM(own_discounts) AS own, SUM(discounts) AS discounts,
              SUM(cogs_sold) AS cogs, MAX(last_placed_at) AS lastAt, SUM(units_returned) AS unitsReturned,
              SUM(refunds) AS refunds, SUM(cogs_returned) AS cogsReturned, SUM(units_refunded) AS unitsRefunded
       FROM sales_variant_hourly WHERE hour >= ? AND hour < ? GROUP BY variant_id
       HAVING SUM(orders) > 0 OR SUM(units_returned) > 0 OR SUM(units_refunded) > 0 OR SUM(refunds) > 0`,
    )
    .all(from, to) as Row[];
}

function variantsFromOrders(from: string, to: string): Row[] {
  return db
    .prepare(
      `WITH sold AS (
         SELECT COALESCE(l.variant_id, 0) AS id, o.id AS orderId, o.placed_at AS placedAt, l.quantity AS units, l.quantity * l.unit_price AS gmv,
                l.discount AS own, ${lineDiscountSql} AS discount, l.quantity * COALESCE(l.unit_cost, 0) AS cogs,
                (SELECT COALESCE(SUM(rl.quantity), 0) FROM return_lines rl WHERE rl.order_line_id = l.id) AS unitsReturned
         FROM orders o JOIN order_lines l ON l.order_id = o.id
         WHERE o.placed_at >= @from AND o.placed_at < @to AND o.status <> 'cancelled'
         WINDOW w AS (PARTITION BY o.id)
       ), refunded AS (
         SELECT COALESCE(ol.variant_id, 0) AS id, SUM(rl.refund_amount) AS refunds, SUM(rl.quantity * COALESCE(ol.unit_cost, 0)) AS cogsReturned,
                SUM(rl.quantity) AS unitsRefunded
         FROM returns r JOIN return_lines rl ON rl.return_id = r.id JOIN order_lines ol ON ol.id = rl.order_line_id
         JOIN orders o ON o.id = r.order_id AND o.status <> 'cancelled'
         WHERE r.returned_at >= @from AND r.returned_at < @to
         GROUP BY 1
       ), ids AS (SELECT id FROM sold UNION SELECT id FROM refunded)
       SELECT ids.id,
              (SELECT COUNT(DISTINCT orderId) FROM sold s WHERE s.id = ids.id) AS orders,
              (SELECT COALESCE(SUM(units), 0) FROM sold s WHERE s.id = ids.id) AS units,
              (SELECT COALESCE(SUM(gmv), 0) FROM sold s WHERE s.id = ids.id) AS gmv,
              (SELECT COALESCE(SUM(own), 0) FROM sold s WHERE s.id = ids.id) AS own,
              (SELECT COALESCE(SUM(discount), 0) FROM sold s WHERE s.id = ids.id) AS discounts,
              (SELECT COALESCE(SUM(cogs), 0) FROM sold s WHERE s.id = ids.id) AS cogs,
              (SELECT MAX(placedAt) FROM sold s WHERE s.id = ids.id) AS lastAt,
              (SELECT COALESCE(SUM(unitsReturned), 0) FROM sold s WHERE s.id = ids.id) AS unitsReturned,
              COALESCE(r.refunds, 0) AS refunds, COALESCE(r.cogsReturned, 0) AS cogsReturned, COALESCE(r.unitsRefunded, 0) AS unitsRefunded
       FROM ids LEFT JOIN refunded r ON r.id = ids.id`,
    )
    .all({ from: instant(from), to: instant(to) }) as Row[];
}

function customersFromRollup(from: string, to: string): Row[] {
  return db
    .prepare(
      `SELECT customer_id AS id, SUM(orders) AS orders, SUM(gmv) AS gmv, SUM(discounts) AS discounts, SUM(units) AS units, SUM(cogs_sold) AS cogs,
              MIN(first_placed_at) AS firstAt, MAX(last_placed_at) AS lastAt, SUM(refunds) AS refunds, SUM(cogs_returned) AS cogsReturned
       FROM sales_customer_hourly WHERE hour >= ? AND hour < ? GROUP BY customer_id HAVING SUM(orders) > 0 OR SUM(refunds) > 0 OR SUM(cogs_returned) > 0`,
    )
    .all(from, to) as Row[];
}

function customersFromOrders(from: string, to: string): Row[] {
  return db
    .prepare(
      `WITH placed AS (
         SELECT o.customer_id AS id, COUNT(*) AS orders,
                COALESCE(SUM((SELECT SUM(quantity * unit_price) FROM order_lines WHERE order_id = o.id)), 0) AS gmv,
                SUM(o.discount_total) AS discounts,
                COALESCE(SUM((SELECT SUM(quantity) FROM order_lines WHERE order_id = o.id)), 0) AS units,
                COALESCE(SUM((SELECT SUM(quantity * COALESCE(unit_cost, 0)) FROM order_lines WHERE order_id = o.id)), 0) AS cogs,
                MIN(o.placed_at) AS firstAt, MAX(o.placed_at) AS lastAt
         FROM orders o WHERE o.placed_at >= @from AND o.placed_at < @to AND o.status <> 'cancelled' AND o.customer_id IS NOT NULL
         GROUP BY o.customer_id
       ), refunded AS (
         SELECT o.customer_id AS id, SUM(rl.refund_amount) AS refunds, SUM(rl.quantity * COALESCE(ol.unit_cost, 0)) AS cogsReturned
         FROM returns r JOIN return_lines rl ON rl.return_id = r.id JOIN order_lines ol ON ol.id = rl.order_line_id
         JOIN orders o ON o.id = r.order_id AND o.status <> 'cancelled'
         WHERE r.returned_at >= @from AND r.returned_at < @to AND o.customer_id IS NOT NULL
         GROUP BY 1
       ), ids AS (SELECT id FROM placed UNION SELECT id FROM refunded)
       SELECT ids.id, COALESCE(p.orders, 0) AS orders, COALESCE(p.gmv, 0) AS gmv, COALESCE(p.discounts, 0) AS discounts, COALESCE(p.units, 0) AS units,
              COALESCE(p.cogs, 0) AS cogs, p.firstAt, p.lastAt, COALESCE(f.refunds, 0) AS refunds, COALESCE(f.cogsReturned, 0) AS cogsReturned
       FROM ids LEFT JOIN placed p ON p.id = ids.id LEFT JOIN refunded f ON f.id = ids.id`,
    )
    .all({ from: instant(from), to: instant(to) }) as Row[];
}

/** Distinct orders per product and per category. */
function ordersPer(kind: 'product' | 'category', from: string, to: string, fromRollup: boolean): Row[] {
  if (fromRollup) {
    const table = kind === 'product' ? 'sales_product_hourly' : 'sales_category_hourly';
    return db.prepare(`SELECT ${kind}_id AS id, SUM(orders) AS orders FROM ${table} WHERE hour >= ? AND hour < ? GROUP BY 1 HAVING SUM(orders) > 0`).all(from, to) as Row[];
  }
  const key = kind === 'product' ? 'COALESCE(v.product_id, 0)' : 'COALESCE(p.category_id, 0)';
  return db
    .prepare(
      `SELECT ${key} AS id, COUNT(DISTINCT o.id) AS orders FROM orders o JOIN order_lines l ON l.order_id = o.id
       LEFT JOIN variants v ON v.id = l.variant_id LEFT JOIN products p ON p.id = v.product_id
       WHERE o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled' GROUP BY 1`,
    )
    .all(instant(from), instant(to)) as Row[];
}

/** Per channel: the sums of sales_hourly, and the same read from the orders (kpi-store.ts's rules). */
function channelsFromRollup(from: string, to: string): Row[] {
  return db
    .prepare(
      `SELECT channel_id AS id, SUM(orders) AS orders, SUM(gmv) AS gmv, SUM(discounts) AS discounts, SUM(units) AS units, SUM(cogs_sold) AS cogs,
              SUM(new_customers) AS newCustomers, SUM(units_returned) AS unitsReturned, SUM(refunds) AS refunds, SUM(cogs_returned) AS cogsReturned
       FROM sales_hourly WHERE hour >= ? AND hour < ? GROUP BY channel_id
       HAVING SUM(orders) > 0 OR SUM(units_returned) > 0 OR SUM(refunds) > 0 OR SUM(cogs_returned) > 0`,
    )
    .all(from, to) as Row[];
}

function channelsFromOrders(from: string, to: string): Row[] {
  return db
    .prepare(
      `WITH placed AS (
         SELECT o.channel_id AS id, COUNT(*) AS orders,
                COALESCE(SUM((SELECT SUM(quantity * unit_price) FROM order_lines WHERE order_id = o.id)), 0) AS gmv,
                SUM(o.discount_total) AS discounts,
                COALESCE(SUM((SELECT SUM(quantity) FROM order_lines WHERE order_id = o.id)), 0) AS units,
                COALESCE(SUM((SELECT SUM(quantity * COALESCE(unit_cost, 0)) FROM order_lines WHERE order_id = o.id)), 0) AS cogs,
                SUM(o.customer_id IS NOT NULL AND o.id = (SELECT f.id FROM orders f WHERE f.customer_id = o.customer_id AND f.status <> 'cancelled'
                                                         ORDER BY f.placed_at, f.id LIMIT 1)) AS newCustomers,
                COALESCE(SUM((SELECT SUM(rl.quantity) FROM returns r JOIN return_lines rl ON rl.return_id = r.id WHERE r.order_id = o.id)), 0) AS unitsReturned
         FROM orders o WHERE o.placed_at >= @from AND o.placed_at < @to AND o.status <> 'cancelled'
         GROUP BY o.channel_id
       ), refunded AS (
         SELECT o.channel_id AS id, SUM(rl.refund_amount) AS refunds, SUM(rl.quantity * COALESCE(ol.unit_cost, 0)) AS cogsReturned
         FROM returns r JOIN return_lines rl ON rl.return_id = r.id JOIN order_lines ol ON ol.id = rl.order_line_id
         JOIN orders o ON o.id = r.order_id AND o.status <> 'cancelled'
         WHERE r.returned_at >= @from AND r.returned_at < @to
         GROUP BY 1
       ), ids AS (SELECT id FROM placed UNION SELECT id FROM refunded)
       SELECT ids.id, COALESCE(p.orders, 0) AS orders, COALESCE(p.gmv, 0) AS gmv, COALESCE(p.discounts, 0) AS discounts, COALESCE(p.units, 0) AS units,
              COALESCE(p.cogs, 0) AS cogs, COALESCE(p.newCustomers, 0) AS newCustomers, COALESCE(p.unitsReturned, 0) AS unitsReturned,
              COALESCE(f.refunds, 0) AS refunds, COALESCE(f.cogsReturned, 0) AS cogsReturned
       FROM ids LEFT JOIN placed p ON p.id = ids.id LEFT JOIN refunded f ON f.id = ids.id`,
    )
    .all({ from: instant(from), to: instant(to) }) as Row[];
}

function expectAgreement(): void {
  expect(createSalesRollup(db).refresh()).toBe(true);
  for (const [from, to] of periods) {
    const label = `${from} … ${to}`;
    expect(normalised(variantsFromRollup(from, to), 'id'), `variants ${label}`).toEqual(normalised(variantsFromOrders(from, to), 'id'));
    expect(normalised(customersFromRollup(from, to), 'id'), `customers ${label}`).toEqual(normalised(customersFromOrders(from, to), 'id'));
    expect(normalised(channelsFromRollup(from, to), 'id'), `channels ${label}`).toEqual(normalised(channelsFromOrders(from, to), 'id'));
    for (const kind of ['product', 'category'] as const) {
      expect(normalised(ordersPer(kind, from, to, true), 'id'), `${kind} orders ${label}`).toEqual(normalised(ordersPer(kind, from, to, false), 'id'));
    }
  }
}

const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;

beforeAll(async () => {
  const path = join(dir, 'shop.db');
  await generateDemoShop({ path, size: 'small', seed: 7, locale: 'en', now: NOW });
  db = openDatabase(path);
}, 120_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('rollups per variant, customer, product and category', () => {
  it('agree with the orders on the demo shop as generated', () => {
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM sales_variant_hourly').n).toBeGreaterThan(1000);
    expectAgreement();
  });

  it('agree after new, edited, cancelled, refunded, returned and late-arriving orders', () => {
    const customer = one<{ id: number }>('SELECT customer_id AS id FROM orders WHERE customer_id IS NOT NULL ORDER BY id LIMIT 1').id;
    const [a, b, c] = (db.prepare('SELECT id FROM variants ORDER BY id LIMIT 3').all() as { id: number }[]).map((v) => v.id) as [number, number, number];
    // New orders today, one a guest's.
    const today = addOrder(db, '2026-11-20T09:15:00.000Z', customer, [[a, 2], [b, 1]]);
    addOrder(db, '2026-11-20T09:40:00.000Z', null, [[c, 3]]);
    expectAgreement();
    // Edited: a line's quantity, price and variant, and the order's discount.
    const line = one<{ id: number }>('SELECT id FROM order_lines WHERE order_id = ? ORDER BY id LIMIT 1', today);
    db.prepare('UPDATE order_lines SET quantity = 5, unit_price = unit_price + 100, variant_id = ?, discount = 50 WHERE id = ?').run(c, line.id);
    db.prepare('UPDATE orders SET discount_total = 1200 WHERE id = ?').run(today);
    expectAgreement();
    // Returned and refunded later, then the order is cancelled (its refunds leave the shop's sales).
    addReturn(db, today, '2026-11-20T11:05:00.000Z', 2, 2500);
    expectAgreement();
    db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(today);
    expectAgreement();
    // An order arriving late for a day in March 2025, returned a week later; another customer's order moves to them.
    const late = addOrder(db, '2025-03-05T03:20:00.000Z', customer, [[b, 1], [a, 1]]);
    addReturn(db, late, '2025-03-12T08:00:00.000Z', 1, 900);
    const other = one<{ id: number }>('SELECT id FROM orders WHERE customer_id <> ? AND status <> ? ORDER BY id DESC LIMIT 1', customer, 'cancelled');
    db.prepare('UPDATE orders SET customer_id = ?, placed_at = ? WHERE id = ?').run(customer, '2025-03-06T10:10:00.000Z', other.id);
    expectAgreement();
    // An order left without lines (a channel's edit) still counts as an order, with nothing sold.
    const bare = addOrder(db, '2026-11-20T10:10:00.000Z', customer, [[b, 1]]);
    db.prepare('DELETE FROM order_lines WHERE order_id = ?').run(bare);
    expectAgreement();
    // A return deleted, a line deleted, an order deleted.
    db.prepare('DELETE FROM returns WHERE order_id = ?').run(late);
    db.prepare('DELETE FROM order_lines WHERE id = (SELECT MAX(id) FROM order_lines WHERE order_id = ?)').run(late);
    expectAgreement();
    db.prepare('DELETE FROM return_lines WHERE return_id IN (SELECT id FROM returns WHERE order_id = ?)').run(other.id);
    db.prepare('DELETE FROM returns WHERE order_id = ?').run(other.id);
    db.prepare('DELETE FROM order_lines WHERE order_id = ?').run(other.id);
    db.prepare('DELETE FROM orders WHERE id = ?').run(other.id);
    expectAgreement();
  });

  it('agree after a variant moves to another product and a product to another category', () => {
    const sold = one<{ variantId: number; productId: number }>(
      'SELECT l.variant_id AS variantId, v.product_id AS productId FROM order_lines l JOIN variants v ON v.id = l.variant_id GROUP BY l.variant_id ORDER BY COUNT(*) DESC LIMIT 1',
    );
    const otherProduct = one<{ id: number; categoryId: number | null }>('SELECT id, category_id AS categoryId FROM products WHERE id <> ? ORDER BY id LIMIT 1', sold.productId);
    db.prepare('UPDATE variants SET product_id = ? WHERE id = ?').run(otherProduct.id, sold.variantId);
    expectAgreement();
    const otherCategory = one<{ id: number }>('SELECT id FROM categories WHERE id IS NOT ? ORDER BY id DESC LIMIT 1', otherProduct.categoryId);
    db.prepare('UPDATE products SET category_id = ? WHERE id = ?').run(otherCategory.id, otherProduct.id);
    expectAgreement();
  });
});
