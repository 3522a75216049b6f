// The KPIs' distinct and repeat customers over a long period are read through
// orders_customers_by_channel (migration 0017: the non-cancelled orders with a customer),
// a short one through orders_by_placed. On the small demo shop, after new, cancelled,
// guest and reassigned orders, both equal a plain count of the orders (no index chosen),
// in total and per channel, through the rollup path and through the direct path (the
// write lock held by another connection while an hour is dirty).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKpiService } from '../../../src/analytics/kpi-service.js';
import { customerIndexAboveDays } from '../../../src/analytics/kpi-store.js';
import { utcRange } from '../../../src/analytics/periods.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { generateDemoShop } from '../../../src/demo/generate.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'shopdesk-kpi-customers-'));
const path = join(dir, 'shop.db');
let db: Db;

const periods = [
  { from: '2025-11-20', to: '2026-11-19' },
  { from: '2026-10-21', to: '2026-11-19' },
];

/** Customers with a non-cancelled order in [from, to) and those with two or more, per channel (null: the shop). */
function plainCounts(from: string, to: string): Map<number | null, [number, number]> {
  const counts = new Map<number | null, [number, number]>();
  const rows = db
    .prepare(
      `SELECT channel_id AS channelId, customer_id AS customerId, COUNT(*) AS n FROM orders NOT INDEXED
       WHERE +placed_at >= ? AND +placed_at < ? AND +status <> 'cancelled' AND +customer_id IS NOT NULL
       GROUP BY channel_id, customer_id`,
    )
    .all(from, to) as { channelId: number; customerId: number; n: number }[];
  const shop = new Map<number, number>();
  for (const row of rows) {
    const [customers, repeaters] = counts.get(row.channelId) ?? [0, 0];
    counts.set(row.channelId, [customers + 1, repeaters + (row.n >= 2 ? 1 : 0)]);
    shop.set(row.customerId, (shop.get(row.customerId) ?? 0) + row.n);
  }
  counts.set(null, [shop.size, [...shop.values()].filter((n) => n >= 2).length]);
  return counts;
}

function expectPlainCounts(): void {
  const kpis = createKpiService(db);
  for (const period of periods) {
    const [from, to] = utcRange(period, 'America/New_York');
    const expected = plainCounts(from, to);
    const answer = kpis.kpis(period);
    const [customers, repeaters] = expected.get(null) ?? [0, 0];
    expect(customers, period.from).toBeGreaterThan(0);
    expect([answer.current.customers, answer.current.repurchaseRate], period.from).toEqual([customers, repeaters / customers]);
    for (const channel of answer.byChannel) {
      const [n, r] = expected.get(channel.channelId) ?? [0, 0];
      expect([channel.values.customers, channel.values.repurchaseRate], `${period.from} ${channel.channel}`).toEqual([n, n === 0 ? null : r / n]);
    }
  }
}

function expectAgreement(): void {
  expectPlainCounts();
  // The direct path: the rollups cannot be brought up to date while another connection writes.
  db.prepare("INSERT OR IGNORE INTO sales_hourly_dirty (hour) VALUES ('2000-01-01T00')").run();
  const other = openDatabase(path);
  other.exec('BEGIN IMMEDIATE');
  try {
    expectPlainCounts();
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
}

beforeAll(async () => {
  await generateDemoShop({ path, size: 'small', seed: 17, locale: 'en', now: NOW });
  db = openDatabase(path);
  db.prepare("UPDATE shop_settings SET time_zone = 'America/New_York'").run();
}, 180_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('distinct and repeat customers over long and short periods', () => {
  it('reads the year through the customer index and the month through the dates', () => {
    const [yearFrom, yearTo] = utcRange(periods[0]!, 'America/New_York');
    const [monthFrom, monthTo] = utcRange(periods[1]!, 'America/New_York');
    expect(Date.parse(yearTo) - Date.parse(yearFrom)).toBeGreaterThan(customerIndexAboveDays * 86_400_000);
    expect(Date.parse(monthTo) - Date.parse(monthFrom)).toBeLessThan(customerIndexAboveDays * 86_400_000);
    expectAgreement();
  }, 120_000);

  it('equal a plain count after new, cancelled, guest and reassigned orders', () => {
    const order = db.prepare('SELECT id, customer_id AS customerId, channel_id AS channelId FROM orders WHERE customer_id IS NOT NULL AND placed_at >= ? ORDER BY id LIMIT 3').all('2026-06-01') as {
      id: number;
      customerId: number;
      channelId: number;
    }[];
    const [a, b, c] = order as [(typeof order)[0], (typeof order)[0], (typeof order)[0]];
    const otherChannel = (db.prepare('SELECT id FROM channels WHERE id <> ? ORDER BY id LIMIT 1').get(a.channelId) as { id: number }).id;
    // A customer's second order on another channel; a cancellation; a guest order; an order given to another customer.
    db.prepare(
      `INSERT INTO orders (channel_id, order_number, customer_id, location_id, status, placed_at, currency, subtotal, discount_total, total)
       SELECT ?, 'KPI-NEW', customer_id, location_id, 'open', '2026-11-18T15:00:00.000Z', 'USD', 0, 0, 0 FROM orders WHERE id = ?`,
    ).run(otherChannel, a.id);
    db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(b.id);
    db.prepare('UPDATE orders SET customer_id = NULL WHERE id = ?').run(c.id);
    db.prepare('UPDATE orders SET customer_id = ?, channel_id = ? WHERE id = (SELECT MAX(id) FROM orders WHERE customer_id IS NOT NULL AND customer_id <> ?)').run(a.customerId, otherChannel, a.customerId);
    expectAgreement();
  }, 120_000);
});
