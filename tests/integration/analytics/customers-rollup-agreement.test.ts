// RFM, cohorts, lifetime value and silent customers read the per-customer hourly rollup
// (customer-hourly.ts) when it can answer; the orders' SQL stays the definition. On the small demo
// shop, after each kind of change — new orders, edited lines and discounts, returns and refunds,
// cancellations, orders arriving late for long-past days, orders moving between customers,
// deletions — every read through the rollup equals the same read from the orders, and the reports
// themselves are the same whether they were answered from the rollup or (another connection
// holding the write lock, so the rollup cannot be brought up to date) from the orders.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRetentionService } from '../../../src/analytics/retention-service.js';
import { createRetentionStore } from '../../../src/analytics/retention-store.js';
import { createSegmentsService } from '../../../src/analytics/segments-service.js';
import { createSegmentsStore } from '../../../src/analytics/segments-store.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { generateDemoShop } from '../../../src/demo/generate.js';
import { addOrder, addReturn } from './order-changes.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'shopdesk-customers-agreement-'));
let path: string;
let db: Db;

/** RFM windows [from, to) on whole UTC hours: the last year, the last 30 days, one old week. */
const windows = [
  ['2025-11-20T05:00:00.000Z', '2026-11-20T05:00:00.000Z'],
  ['2026-10-21T04:00:00.000Z', '2026-11-20T12:00:00.000Z'],
  ['2025-03-03T00:00:00.000Z', '2025-03-10T00:00:00.000Z'],
] as const;
/** Month starts of a cohort table (13 months to November 2026) and its end. */
const monthStarts = Array.from({ length: 13 }, (_, i) => {
  const month = 10 + i; // from November 2025
  return `${2024 + Math.floor(month / 12) + 1}-${String((month % 12) + 1).padStart(2, '0')}-01T05:00:00.000Z`;
});
const cohortEnd = '2026-11-20T12:00:00.000Z';
/** Lifetime value bounds: the year before last, the last year, the end. */
const lifetime = ['2024-11-21T05:00:00.000Z', '2025-11-20T05:00:00.000Z', '2026-11-20T05:00:00.000Z'] as const;

const byId = <T extends { customerId: number }>(rows: T[]) => [...rows].sort((a, b) => a.customerId - b.customerId);
const byCell = <T extends { firstMonth: number; activeMonth: number }>(rows: T[]) =>
  [...rows].sort((a, b) => a.firstMonth - b.firstMonth || a.activeMonth - b.activeMonth);

/** The reports as the pages ask for them, each from a fresh service (no cached answer carried over). */
async function reports() {
  const asOf = '2026-11-19';
  const segments = createSegmentsService(db);
  const retention = createRetentionService(db);
  return {
    segments: segments.segments(asOf, 365, undefined, 0, 100_000),
    segments90: segments.segments(asOf, 90, undefined, 0, 100_000),
    segmentOf: [...segments.segmentOf(asOf, 30)].sort((a, b) => a[0] - b[0]),
    cohorts: retention.cohorts(asOf, 12),
    value: retention.customerValue(asOf, 'historicalValue', 0, 100_000),
    valueByLastOrder: retention.customerValue(asOf, 'lastOrderAt', 0, 50),
    silent: retention.silentCustomers(asOf, 90, 0, 100_000),
  };
}

/** The reports answered from the orders: a second connection holds the write lock, so the dirty rollup cannot be refreshed. */
async function reportsFromOrders() {
  // A touched hour, so the rollup has something to bring up to date and must give way.
  db.prepare("UPDATE orders SET discount_total = discount_total WHERE id = (SELECT MIN(id) FROM orders WHERE status <> 'cancelled')").run();
  const other = openDatabase(path);
  other.exec('BEGIN IMMEDIATE');
  try {
    expect(createSegmentsStore(db).windowFromRollup(windows[0][0], windows[0][1])).toBeUndefined();
    return await reports();
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
}

async function expectAgreement(): Promise<void> {
  const segments = createSegmentsStore(db);
  const retention = createRetentionStore(db);
  for (const [from, to] of windows) {
    const rolled = segments.windowFromRollup(from, to);
    expect(rolled, `RFM window ${from}`).toBeDefined();
    expect(byId(rolled ?? []), `RFM window ${from}`).toEqual(byId(segments.windowFromOrders(from, to)));
  }
  const cells = retention.cohortCellsFromRollup(monthStarts, cohortEnd);
  expect(cells).toBeDefined();
  expect(byCell(cells ?? [])).toEqual(byCell(retention.cohortCellsFromOrders(monthStarts, cohortEnd)));
  const totals = retention.totalsFromRollup(...lifetime);
  expect(totals).toBeDefined();
  expect(byId(totals ?? [])).toEqual(byId(retention.totalsFromOrders(...lifetime)));

  const fromRollup = await reports();
  expect(fromRollup.segments.scoredCustomers).toBeGreaterThan(0);
  expect(fromRollup).toEqual(await reportsFromOrders());
}

const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;

beforeAll(async () => {
  path = join(dir, 'shop.db');
  await generateDemoShop({ path, size: 'small', seed: 11, locale: 'en', now: NOW });
  db = openDatabase(path);
  // A whole-hour zone (the windows above start at its midnights): the rollup can answer.
  db.prepare("UPDATE shop_settings SET time_zone = 'America/New_York'").run();
}, 120_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('customer reports through the per-customer rollup', () => {
  it('agree with the orders on the demo shop as generated', async () => {
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM sales_customer_hourly').n).toBeGreaterThan(100);
    await expectAgreement();
  });

  it('agree after new, edited, cancelled, refunded, returned, late-arriving, moved and deleted orders', async () => {
    const customer = one<{ id: number }>('SELECT customer_id AS id FROM orders WHERE customer_id IS NOT NULL ORDER BY id LIMIT 1').id;
    const newcomer = Number(
      db.prepare("INSERT INTO customers (email, name, created_at) VALUES ('new@x', 'Newcomer', '2026-11-20T00:00:00Z')").run().lastInsertRowid,
    );
    const [a, b, c] = (db.prepare('SELECT id FROM variants ORDER BY id LIMIT 3').all() as { id: number }[]).map((v) => v.id) as [number, number, number];
    // New orders today: a known customer's, a brand-new customer's (a new cohort member), a guest's.
    const today = addOrder(db, '2026-11-20T09:15:00.000Z', customer, [[a, 2], [b, 1]]);
    addOrder(db, '2026-11-20T09:20:00.000Z', newcomer, [[b, 1]]);
    addOrder(db, '2026-11-20T09:40:00.000Z', null, [[c, 3]]);
    await expectAgreement();
    // Edited: a line's quantity, price and variant, and the order's discount.
    const line = one<{ id: number }>('SELECT id FROM order_lines WHERE order_id = ? ORDER BY id LIMIT 1', today);
    db.prepare('UPDATE order_lines SET quantity = 5, unit_price = unit_price + 100, variant_id = ?, discount = 50 WHERE id = ?').run(c, line.id);
    db.prepare('UPDATE orders SET discount_total = 1200 WHERE id = ?').run(today);
    await expectAgreement();
    // Returned and refunded, then cancelled.
    addReturn(db, today, '2026-11-20T11:05:00.000Z', 2, 2500);
    await expectAgreement();
    db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(today);
    await expectAgreement();
    // Late: an order for March 2025 (before the customer's first order, so their first month moves), returned a week later;
    // a refund dated in the RFM window for an order placed before it; another customer's order moves to them.
    const late = addOrder(db, '2025-03-05T03:20:00.000Z', customer, [[b, 1], [a, 1]]);
    addReturn(db, late, '2025-03-12T08:00:00.000Z', 1, 900);
    const old = one<{ id: number }>("SELECT id FROM orders WHERE customer_id IS NOT NULL AND status <> 'cancelled' AND placed_at < '2025-10-01' ORDER BY id DESC LIMIT 1");
    addReturn(db, old.id, '2026-11-02T15:00:00.000Z', 1, 1300);
    const other = one<{ id: number }>('SELECT id FROM orders WHERE customer_id <> ? AND status <> ? ORDER BY id DESC LIMIT 1', customer, 'cancelled');
    db.prepare('UPDATE orders SET customer_id = ?, placed_at = ? WHERE id = ?').run(customer, '2025-03-06T10:10:00.000Z', other.id);
    await expectAgreement();
    // A return deleted, a line deleted, an order deleted.
    db.prepare('DELETE FROM returns WHERE order_id = ?').run(late);
    db.prepare('DELETE FROM order_lines WHERE id = (SELECT MAX(id) FROM order_lines WHERE order_id = ?)').run(late);
    await expectAgreement();
    db.prepare('DELETE FROM return_lines WHERE return_id IN (SELECT id FROM returns WHERE order_id = ?)').run(other.id);
    db.prepare('DELETE FROM returns WHERE order_id = ?').run(other.id);
    db.prepare('DELETE FROM order_lines WHERE order_id = ?').run(other.id);
    db.prepare('DELETE FROM orders WHERE id = ?').run(other.id);
    await expectAgreement();
  });
});
