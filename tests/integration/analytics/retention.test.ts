// Cohorts, CLV and silent customers on a small shop worked out by hand
// (Asia/Shanghai, as of 31 March 2026; every order one unit at 100.00, cost 40.00).
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

// [customer, UTC instant, status]
const orders: [number, string, string][] = [
  // A (1): first order 10 Jan, then February and March.
  [1, '2026-01-10T04:00:00.000Z', 'fulfilled'],
  [1, '2026-02-05T04:00:00.000Z', 'fulfilled'],
  [1, '2026-03-03T04:00:00.000Z', 'fulfilled'],
  // B (2): 31 Jan 23:30 local (January cohort), then 1 March 00:10 local.
  [2, '2026-01-31T15:30:00.000Z', 'fulfilled'],
  [2, '2026-02-28T16:10:00.000Z', 'fulfilled'],
  // C (3): 1 Feb 00:30 local (February cohort), 20 Feb; a cancelled March order counts nowhere.
  [3, '2026-01-31T16:30:00.000Z', 'fulfilled'],
  [3, '2026-02-20T04:00:00.000Z', 'fulfilled'],
  [3, '2026-03-20T04:00:00.000Z', 'cancelled'],
  // D (4): ordered in the year before last (1 Mar 2025) and stayed: 15 Dec 2025, 5 Jan 2026.
  [4, '2025-03-01T04:00:00.000Z', 'fulfilled'],
  [4, '2025-12-15T04:00:00.000Z', 'fulfilled'],
  [4, '2026-01-05T04:00:00.000Z', 'fulfilled'],
  // E (5): a cancelled December order, so the first order is 10 Feb; then 15 March.
  [5, '2025-12-01T04:00:00.000Z', 'cancelled'],
  [5, '2026-02-10T04:00:00.000Z', 'fulfilled'],
  [5, '2026-03-15T04:00:00.000Z', 'fulfilled'],
  // F (6): one order in June 2024, never again (churned).
  [6, '2024-06-01T04:00:00.000Z', 'fulfilled'],
];

function seed(path: string): void {
  const db = openDatabase(path);
  const at = '2024-01-01T00:00:00.000Z';
  db.transaction(() => {
    db.prepare("UPDATE shop_settings SET time_zone = 'Asia/Shanghai'").run();
    db.prepare("INSERT INTO locations (id, code, name, kind, created_at) VALUES (1, 'WH', 'Warehouse', 'warehouse', ?)").run(at);
    db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'a', 'A', 'manual', ?)").run(at);
    for (let c = 1; c <= 6; c += 1) db.prepare('INSERT INTO customers (id, email, name, created_at) VALUES (?, ?, ?, ?)').run(c, `c${c}@x`, `C${c}`, at);
    const order = db.prepare("INSERT INTO orders (channel_id, order_number, customer_id, location_id, status, placed_at, currency, subtotal, total) VALUES (1, ?, ?, 1, ?, ?, 'USD', 10000, 10000)");
    const line = db.prepare("INSERT INTO order_lines (order_id, sku, title, quantity, unit_price, unit_cost) VALUES (?, 'X', 'X', 1, 10000, 4000)");
    orders.forEach(([customer, placed, status], i) => line.run(Number(order.run(`O${i}`, customer, status, placed).lastInsertRowid)));
    // A guest order (no customer): in sales, but no customer to come back.
    line.run(Number(order.run('GUEST', null, 'fulfilled', '2026-02-15T04:00:00.000Z').lastInsertRowid));
  })();
  db.close();
}

describe('customer retention and value', () => {
  it('builds the cohort table by first-order month and the weighted next-month retention', async () => {
    shop = testShop(seed);
    const answer = await shop.ok('analytics.cohorts', { asOf: '2026-03-31', months: 3 });
    expect(answer.months).toEqual(['2026-01', '2026-02', '2026-03']);
    // January: A, B (D first ordered in 2025) — February: A; March: A, B. February: C, E — March: E only.
    expect(answer.cohorts.map((c) => [c.month, c.size, c.retained])).toEqual([
      ['2026-01', 2, [2, 1, 2]],
      ['2026-02', 2, [2, 1]],
      ['2026-03', 0, [0]],
    ]);
    expect(answer.cohorts[0]?.shares).toEqual([1, 0.5, 1]);
    // (1 + 1) of (2 + 2) customers ordered again the month after their first.
    expect(answer.nextMonth).toEqual({ retained: 2, customers: 4, rate: 0.5 });
    // On 30 March, March is not over: only January's next month counts.
    expect((await shop.ok('analytics.cohorts', { asOf: '2026-03-30', months: 3 })).nextMonth).toEqual({ retained: 1, customers: 2, rate: 0.5 });
  });

  it("computes CLV from the shop's own churn, with each customer's historical and expected value", async () => {
    shop = testShop(seed);
    const answer = await shop.ok('analytics.customerValue', { asOf: '2026-03-31' });
    // Last year (1 Apr 2025 – 31 Mar 2026): 12 orders (11 by 5 customers, 1 guest), net 1,200.00, gross profit 720.00.
    // Frequency counts the customers' orders only: 11 / 5 = 2.2 (not 12 / 5).
    // Year before: D and F ordered; only D ordered again → churn 1/2, lifetime 2 years. CLV 100 × 2.2 × 2 × 0.6 = 264.00.
    expect(answer.shop).toEqual({
      netSales: 120000,
      orders: 12,
      customerOrders: 11,
      customers: 5,
      previousYearCustomers: 2,
      stayedCustomers: 1,
      aov: 10000,
      frequency: 2.2,
      churn: 0.5,
      lifetimeYears: 2,
      margin: 0.6,
      clv: 26400,
    });
    // A: 300.00 so far, 3 orders last year → 100 × 3 × 2 × 0.6 = 360.00; D: 300.00, 2 last year → 240.00; F: 100.00, none → 0.
    expect(answer.customers.map((c) => [c.name, c.historicalValue, c.expectedValue])).toEqual([
      ['C1', 30000, 36000],
      ['C4', 30000, 24000],
      ['C2', 20000, 24000],
      ['C3', 20000, 24000],
      ['C5', 20000, 24000],
      ['C6', 10000, 0],
    ]);
  });

  it('lists customers silent for N days, most valuable first', async () => {
    shop = testShop(seed);
    const ninety = await shop.ok('analytics.silentCustomers', { asOf: '2026-03-31', days: 90 });
    expect(ninety.counts).toEqual({ customers: 6, silent90: 1, silent180: 1 });
    expect(ninety.customers.map((c) => [c.name, c.lastOrderDate, c.daysSinceLastOrder])).toEqual([['C6', '2024-06-01', 668]]);
    // D last ordered 5 January: 85 days.
    const eighty = await shop.ok('analytics.silentCustomers', { asOf: '2026-03-31', days: 80 });
    expect(eighty.customers.map((c) => [c.name, c.daysSinceLastOrder])).toEqual([
      ['C4', 85],
      ['C6', 668],
    ]);
  });
});
