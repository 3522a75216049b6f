// A small shop of seven orders in two channels (Asia/Shanghai), with returns,
// whose KPIs are worked out by hand in kpis.test.ts and sales-rollup.test.ts.
import { openDatabase } from '../../../src/db/open.js';
import { seedCatalog } from '../catalog-fixture.js';

export function seedOrders(path: string): void {
  seedCatalog(path);
  const db = openDatabase(path);
  const at = '2026-01-01T00:00:00.000Z';
  db.transaction(() => {
    db.prepare("UPDATE shop_settings SET time_zone = 'Asia/Shanghai'").run();
    const location = (db.prepare('SELECT id FROM locations ORDER BY id LIMIT 1').get() as { id: number }).id;
    db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (101, 'a', 'Shop A', 'manual', ?), (102, 'b', 'Shop B', 'manual', ?)").run(at, at);
    db.prepare("INSERT INTO customers (id, email, name, created_at) VALUES (1, 'c1@x', 'C1', ?), (2, 'c2@x', 'C2', ?), (3, 'c3@x', 'C3', ?)").run(at, at, at);
    const order = db.prepare(
      `INSERT INTO orders (id, channel_id, order_number, customer_id, location_id, status, placed_at, currency, subtotal, discount_total, total)
       VALUES (?, ?, ?, ?, ${location}, ?, ?, 'USD', 0, ?, 0)`,
    );
    const line = db.prepare("INSERT INTO order_lines (id, order_id, sku, title, quantity, unit_price, discount, unit_cost) VALUES (?, ?, 'X', 'X', ?, ?, 0, ?)");
    // O1: first minute of 1 March local (28 Feb 16:30 UTC) — inside the period, not the previous one.
    order.run(1, 101, 'O1', 1, 'fulfilled', '2026-02-28T16:30:00.000Z', 1000);
    line.run(11, 1, 2, 10000, 4000);
    order.run(2, 101, 'O2', 1, 'fulfilled', '2026-03-05T04:00:00.000Z', 0);
    line.run(21, 2, 1, 5000, 2000);
    // O3: 23:59 local on the last day.
    order.run(3, 102, 'O3', 2, 'fulfilled', '2026-03-07T15:59:00.000Z', 0);
    line.run(31, 3, 3, 3000, 1000);
    // O4: cancelled — counts nowhere.
    order.run(4, 102, 'O4', 3, 'cancelled', '2026-03-03T04:00:00.000Z', 0);
    line.run(41, 4, 1, 99900, 100);
    // O5: C2's first order, before the period.
    order.run(5, 101, 'O5', 2, 'fulfilled', '2026-02-20T04:00:00.000Z', 0);
    line.run(51, 5, 1, 6000, 2500);
    // O6: ten minutes after the period ends (8 March 00:10 local).
    order.run(6, 102, 'O6', 3, 'fulfilled', '2026-03-07T16:10:00.000Z', 0);
    line.run(61, 6, 1, 7000, 3000);
    // O7: in the previous period (25 February).
    order.run(7, 101, 'O7', 3, 'fulfilled', '2026-02-25T04:00:00.000Z', 0);
    line.run(71, 7, 1, 10000, 5000);
    // Returns are dated when they happen: one unit of O1 on 6 March at the net price paid ((200 - 10) / 2),
    // and O5's unit on 2 March (its refund counts now; its unit not in this period's return rate).
    db.prepare('INSERT INTO returns (id, order_id, returned_at) VALUES (1, 1, ?), (2, 5, ?)').run('2026-03-06T04:00:00.000Z', '2026-03-02T04:00:00.000Z');
    db.prepare("INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount) VALUES (1, 11, 1, 'defective', 9500), (2, 51, 1, 'too_small', 6000)").run();
  })();
  db.close();
}
