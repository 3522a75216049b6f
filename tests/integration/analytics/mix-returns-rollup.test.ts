// The sales mix and the returns report over long periods read the product rollup product by product
// (migration 0018's covering index) instead of by hour; short periods still read it by hour. The orders
// stay the definition: on the small demo shop, the product rollup read either way gives the same sums,
// and the mix and the returns report through the rollup equal the same answers read from the orders
// (another connection holds the write lock while an hour is dirty, so the rollup cannot answer), for a
// month and for more than a year — after new orders, returns with reasons of different groups, a
// refund, a cancellation and an order arriving late for a long-past day.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMixService } from '../../../src/analytics/mix-service.js';
import { createReturnsService } from '../../../src/analytics/returns-service.js';
import { isLongProductPeriod, productRowsIn, salesRollupOf } from '../../../src/analytics/sales-rollup.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { generateDemoShop } from '../../../src/demo/generate.js';
import { addOrder } from './order-changes.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'shopdesk-mix-returns-rollup-'));
const path = join(dir, 'shop.db');
let db: Db;

const month = { from: '2026-10-22', to: '2026-11-20' };
const longer = { from: '2025-09-01', to: '2026-11-20' };

function answers(): Record<string, unknown> {
  const mix = createMixService(db);
  const returns = createReturnsService(db);
  const out: Record<string, unknown> = {};
  for (const period of [month, longer]) {
    out[`mix ${period.from}`] = mix.salesMix(period, 5, 12);
    for (const by of ['product', 'category', 'channel'] as const) out[`returns ${by} ${period.from}`] = returns.report(period, by);
  }
  return out;
}

function expectRollupAgreesWithOrders(): void {
  db.prepare("INSERT OR IGNORE INTO sales_hourly_dirty (hour) VALUES ('2000-01-01T00')").run();
  const other = openDatabase(path);
  other.exec('BEGIN IMMEDIATE');
  let direct: Record<string, unknown>;
  try {
    expect(salesRollupOf(db).hours('2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z')).toBeUndefined();
    direct = answers();
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  const rolled = answers();
  expect(salesRollupOf(db).hours('2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z')).toBeDefined();
  for (const key of Object.keys(direct)) expect(rolled[key], key).toEqual(direct[key]);
}

/** Per product sums of the rollup read by hour and read product by product: the same rows. */
function expectBothReadsAgree(): void {
  expect(salesRollupOf(db).refresh()).toBe(true);
  const read = (long: boolean, fromHour: string, toHour: string) =>
    db
      .prepare(
        `SELECT product_id AS productId, SUM(orders) AS orders, SUM(gmv) AS gmv, SUM(discounts) AS discounts, SUM(units) AS units,
                SUM(cogs_sold) AS cogsSold, SUM(refunds) AS refunds, SUM(cogs_returned) AS cogsReturned
         FROM ${productRowsIn(long)} GROUP BY product_id ORDER BY product_id`,
      )
      .all({ fromHour, toHour }) as Record<string, number>[];
  const round = (rows: Record<string, number>[]) => rows.map((r) => ({ ...r, discounts: Math.round((r.discounts ?? 0) * 1e6) / 1e6 }));
  for (const [fromHour, toHour] of [['2026-10-22T05', '2026-11-20T05'], ['2025-09-01T00', '2026-11-20T12'], ['2000-01-01T00', '2100-01-01T00']] as const) {
    const byHour = read(false, fromHour, toHour);
    expect(byHour.length, fromHour).toBeGreaterThan(10);
    expect(round(read(true, fromHour, toHour)), fromHour).toEqual(round(byHour));
  }
}

beforeAll(async () => {
  await generateDemoShop({ path, size: 'small', seed: 13, locale: 'en', now: NOW });
  db = openDatabase(path);
}, 180_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sales mix and returns through the product rollup', () => {
  it('takes the product-by-product read for the long period only', () => {
    expect(isLongProductPeriod('2026-10-22T05', '2026-11-20T05')).toBe(false);
    expect(isLongProductPeriod('2025-09-01T00', '2026-11-20T12')).toBe(true);
  });

  it('agrees with the orders on the demo shop as generated', () => {
    expectBothReadsAgree();
    expectRollupAgreesWithOrders();
  }, 120_000);

  it('agrees after new orders, returns of several reasons, a refund, a cancellation and a late order', () => {
    const customer = (db.prepare('SELECT customer_id AS id FROM orders WHERE customer_id IS NOT NULL ORDER BY id LIMIT 1').get() as { id: number }).id;
    const [a, b, c] = (db.prepare('SELECT id FROM variants ORDER BY id LIMIT 3').all() as { id: number }[]).map((v) => v.id) as [number, number, number];
    const fresh = addOrder(db, '2026-11-19T09:15:00.000Z', customer, [[a, 3], [b, 2]]);
    const late = addOrder(db, '2025-10-03T03:20:00.000Z', null, [[c, 2]]);
    const lineOf = (order: number) => (db.prepare('SELECT id FROM order_lines WHERE order_id = ? ORDER BY id LIMIT 1').get(order) as { id: number }).id;
    const returned = (order: number, at: string, quantity: number, reason: string, refund: number) => {
      const id = Number(db.prepare('INSERT INTO returns (order_id, returned_at) VALUES (?, ?)').run(order, at).lastInsertRowid);
      db.prepare('INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount) VALUES (?, ?, ?, ?, ?)').run(id, lineOf(order), quantity, reason, refund);
    };
    returned(fresh, '2026-11-20T08:00:00.000Z', 2, 'defective', 2400);
    returned(late, '2025-10-20T08:00:00.000Z', 1, 'too_small', 900);
    expectBothReadsAgree();
    expectRollupAgreesWithOrders();
    // The late order is cancelled: its sale and its return leave both periods.
    db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(late);
    expectBothReadsAgree();
    expectRollupAgreesWithOrders();
  }, 300_000);
});
