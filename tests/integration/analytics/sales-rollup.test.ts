// The hourly rollup behind the dashboard stays exact as orders arrive, change,
// are cancelled or returned: each step's KPIs are worked out by hand from the
// seven orders of sales-fixture.ts (period 1–7 March 2026, Asia/Shanghai).
import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { seedOrders } from './sales-fixture.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const march = { from: '2026-03-01', to: '2026-03-07' };
const dirtyHours = () => (shop.db.prepare('SELECT COUNT(*) AS n FROM sales_hourly_dirty').get() as { n: number }).n;
const kpis = async () => (await shop.ok('analytics.kpis', march)).current;

describe('the hourly sales rollup', () => {
  it('is built on the first read and answers from it afterwards', async () => {
    shop = testShop(seedOrders);
    expect(dirtyHours()).toBeGreaterThan(0);
    const first = await kpis();
    expect(dirtyHours()).toBe(0);
    // O1 (2 × 100.00, −10.00) and O2 (50.00) in Shop A; O3 (3 × 30.00) in Shop B; O4 cancelled.
    const rows = shop.db.prepare('SELECT hour, channel_id AS channel, orders, gmv, units FROM sales_hourly WHERE orders > 0 ORDER BY hour').all();
    expect(rows).toEqual([
      { hour: '2026-02-20T04', channel: 101, orders: 1, gmv: 6000, units: 1 },
      { hour: '2026-02-25T04', channel: 101, orders: 1, gmv: 10000, units: 1 },
      { hour: '2026-02-28T16', channel: 101, orders: 1, gmv: 20000, units: 2 },
      { hour: '2026-03-05T04', channel: 101, orders: 1, gmv: 5000, units: 1 },
      { hour: '2026-03-07T15', channel: 102, orders: 1, gmv: 9000, units: 3 },
      { hour: '2026-03-07T16', channel: 102, orders: 1, gmv: 7000, units: 1 },
    ]);
    expect(first.gmv).toBe(34000);
  });

  it('follows new, cancelled and returned orders, recomputing only the hours they touched', async () => {
    shop = testShop(seedOrders);
    await kpis();
    const location = (shop.db.prepare('SELECT id FROM locations ORDER BY id LIMIT 1').get() as { id: number }).id;

    // A new customer's order on 4 March 10:00 local: 2 × 25.00.
    shop.db.prepare("INSERT INTO customers (id, email, name, created_at) VALUES (4, 'c4@x', 'C4', '2026-01-01T00:00:00.000Z')").run();
    shop.db
      .prepare(`INSERT INTO orders (id, channel_id, order_number, customer_id, location_id, status, placed_at, currency, subtotal, discount_total, total) VALUES (8, 102, 'O8', 4, ${location}, 'open', '2026-03-04T02:00:00.000Z', 'USD', 0, 0, 0)`)
      .run();
    shop.db.prepare("INSERT INTO order_lines (id, order_id, sku, title, quantity, unit_price, unit_cost) VALUES (81, 8, 'X', 'X', 2, 2500, 1000)").run();
    expect(dirtyHours()).toBe(1);
    let now = await kpis();
    // GMV 340 + 50 = 390.00; net 175 + 50 = 225.00; orders 4; units 8; customers C1, C2, C4; new: C1, C4.
    expect(now).toMatchObject({ gmv: 39000, netSales: 22500, orders: 4, units: 8, customers: 3, newCustomers: 2, returningCustomers: 1 });

    // C4 turns out to have ordered on 1 February (imported late): C4 is no longer new in March.
    shop.db
      .prepare(`INSERT INTO orders (id, channel_id, order_number, customer_id, location_id, status, placed_at, currency, subtotal, discount_total, total) VALUES (9, 101, 'O9', 4, ${location}, 'open', '2026-02-01T02:00:00.000Z', 'USD', 0, 0, 0)`)
      .run();
    shop.db.prepare("INSERT INTO order_lines (id, order_id, sku, title, quantity, unit_price, unit_cost) VALUES (91, 9, 'X', 'X', 1, 1000, 500)").run();
    now = await kpis();
    expect(now).toMatchObject({ gmv: 39000, customers: 3, newCustomers: 1, returningCustomers: 2 });

    // O2 (1 × 50.00, cost 20.00) is cancelled: out of GMV, orders, units and COGS.
    shop.db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = 2").run();
    now = await kpis();
    // GMV 390 − 50 = 340.00; discounts 10; refunds 155; net 175.00; COGS sold 130 − 20 + 20 = 130, returned 65 → 65.
    expect(now).toMatchObject({ gmv: 34000, netSales: 17500, orders: 3, units: 7, cogs: 6500 });

    // O3's two units come back on 6 March, refunded 60.00: refunds 215.00, return rate 3 of 7 units.
    shop.db.prepare("INSERT INTO returns (id, order_id, returned_at) VALUES (3, 3, '2026-03-06T06:00:00.000Z')").run();
    shop.db.prepare("INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount) VALUES (3, 31, 2, 'too_small', 6000)").run();
    now = await kpis();
    expect(now).toMatchObject({ refunds: 21500, netSales: 11500, unitsReturned: 3, returnRate: 3 / 7, cogs: 4500 });

    // The return is deleted again: back to the figures before it.
    shop.db.prepare('DELETE FROM returns WHERE id = 3').run();
    now = await kpis();
    expect(now).toMatchObject({ refunds: 15500, netSales: 17500, unitsReturned: 1, cogs: 6500 });
  });

  it("counts a new customer once, on the channel of their first order, with and without the rollup", async () => {
    shop = testShop(seedOrders);
    const location = (shop.db.prepare('SELECT id FROM locations ORDER BY id LIMIT 1').get() as { id: number }).id;
    // C1's first order ever (O1) is in Shop A on 1 March; C1 now also orders in Shop B on 6 March.
    shop.db
      .prepare(`INSERT INTO orders (id, channel_id, order_number, customer_id, location_id, status, placed_at, currency, subtotal, discount_total, total) VALUES (8, 102, 'O8', 1, ${location}, 'open', '2026-03-06T02:00:00.000Z', 'USD', 0, 0, 0)`)
      .run();
    shop.db.prepare("INSERT INTO order_lines (id, order_id, sku, title, quantity, unit_price, unit_cost) VALUES (81, 8, 'X', 'X', 1, 1000, 500)").run();
    const newPerChannel = async () => {
      const answer = await shop.ok('analytics.kpis', march);
      return [answer.current.newCustomers, ...answer.byChannel.map((c) => [c.channel, c.values.customers, c.values.newCustomers])];
    };
    // Shop A: C1 (new); Shop B: C2 (first ordered in February) and C1 (new, but on Shop A): 2 customers, none new.
    const expected = [1, ['Shop A', 1, 1], ['Shop B', 2, 0]];
    expect(await newPerChannel()).toEqual(expected);
    // The same rule in a half-hour time zone, read from the orders. O1 moved to 1 March 07:30 local so it stays inside;
    // the period now ends 7 March 18:30 UTC, so C3's O6 (Shop B, 16:10 UTC) is inside too — C3 first ordered in February.
    shop.db.prepare("UPDATE orders SET placed_at = '2026-03-01T02:00:00.000Z' WHERE id = 1").run();
    shop.db.prepare("UPDATE shop_settings SET time_zone = 'Asia/Kolkata'").run();
    expect(await newPerChannel()).toEqual([1, ['Shop A', 1, 1], ['Shop B', 3, 0]]);
  });

  it('gives the same trend and forecast history as reading the orders', async () => {
    shop = testShop(seedOrders);
    const series = await shop.ok('analytics.salesSeries', { ...march, granularity: 'day' });
    // 1 March: O1 200 − 10 = 190.00; 2 March: O5's refund −60.00; 5 March: 50.00; 6 March: O1's refund −95.00; 7 March: 90.00.
    expect(series.points.map((p) => [p.bucket, p.netSales])).toEqual([
      ['2026-03-01', 19000],
      ['2026-03-02', -6000],
      ['2026-03-03', 0],
      ['2026-03-04', 0],
      ['2026-03-05', 5000],
      ['2026-03-06', -9500],
      ['2026-03-07', 9000],
    ]);
    const forecast = await shop.ok('analytics.forecast', { scope: { kind: 'shop' }, today: '2026-03-08', horizonDays: 7 });
    // Units by local day from the first sale (20 Feb): 20 Feb 1, 25 Feb 1, 1 Mar 2, 5 Mar 1, 7 Mar 3, 8 Mar 1 (O6 at 00:10).
    const sold = forecast.history.filter((d) => d.units > 0).map((d) => [d.day, d.units]);
    expect(sold).toEqual([
      ['2026-02-20', 1],
      ['2026-02-25', 1],
      ['2026-03-01', 2],
      ['2026-03-05', 1],
      ['2026-03-07', 3],
      ['2026-03-08', 1],
    ]);
  });

  it('reads the orders in a time zone with a half-hour offset, with the same definitions', async () => {
    shop = testShop((path) => {
      seedOrders(path);
    });
    shop.db.prepare("UPDATE shop_settings SET time_zone = 'Asia/Kolkata'").run();
    const answer = await kpis();
    // Kolkata is UTC+5:30: 1 March starts 28 Feb 18:30 UTC, so O1 (16:30 UTC) falls in February;
    // 7 March ends 7 March 18:30 UTC, so O6 (16:10) is inside. Orders: O2, O3, O6.
    expect(answer).toMatchObject({ orders: 3, gmv: 5000 + 9000 + 7000, units: 5 });
    // The rollup was not touched by this read (no whole-hour period bounds).
    expect(dirtyHours()).toBeGreaterThan(0);
  });
});
