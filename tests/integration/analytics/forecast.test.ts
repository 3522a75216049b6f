// A variant that sells the same week after week: the forecast repeats it and
// says the holdout error is zero; the shop and category scopes add up sales.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

// Units per weekday, Monday first. 2026-01-05 is a Monday; twelve weeks up to Sunday 2026-03-29.
const week = [1, 2, 3, 4, 5, 9, 6];

function seed(path: string): void {
  const db = openDatabase(path);
  const at = '2026-01-01T00:00:00.000Z';
  db.transaction(() => {
    db.prepare("INSERT INTO categories (id, name, path, created_at) VALUES (1, 'Home', 'Home', ?), (2, 'Kitchen', 'Home > Kitchen', ?)").run(at, at);
    db.prepare("INSERT INTO products (id, handle, title, category_id, created_at, updated_at) VALUES (1, 'mug', 'Mug', 2, ?, ?)").run(at, at);
    db.prepare("INSERT INTO variants (id, product_id, sku, price, created_at, updated_at) VALUES (1, 1, 'MUG', 1000, ?, ?)").run(at, at);
    db.prepare("INSERT INTO locations (id, code, name, kind, created_at) VALUES (1, 'WH', 'Warehouse', 'warehouse', ?)").run(at);
    db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'a', 'A', 'manual', ?)").run(at);
    const order = db.prepare("INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total) VALUES (1, ?, 1, ?, ?, 'USD', 0, 0)");
    const line = db.prepare("INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price) VALUES (?, 1, 'MUG', 'Mug', ?, 1000)");
    for (let day = 0; day < 84; day += 1) {
      const date = new Date(Date.UTC(2026, 0, 5 + day, 12)).toISOString();
      const id = Number(order.run(`O${day}`, 'fulfilled', date).lastInsertRowid);
      line.run(id, week[day % 7] ?? 0);
    }
    // A cancelled order counts nowhere.
    const cancelled = Number(order.run('X', 'cancelled', '2026-03-10T12:00:00.000Z').lastInsertRowid);
    line.run(cancelled, 100);
  })();
  db.close();
}

describe('analytics.forecast', () => {
  it('repeats a steady week for a variant, its product, its category (and parent) and the shop, with zero holdout error', async () => {
    shop = testShop(seed);
    for (const scope of [{ kind: 'variant', id: 1 }, { kind: 'product', id: 1 }, { kind: 'category', id: 2 }, { kind: 'category', id: 1 }, { kind: 'shop' }] as const) {
      const answer = await shop.ok('analytics.forecast', { scope, today: '2026-03-29', horizonDays: 7 });
      expect(answer.history).toHaveLength(84);
      expect(answer.history[0]).toEqual({ day: '2026-01-05', units: 1 });
      expect(answer.wape).toBe(0);
      expect(answer.forecast.map((p) => [p.day, Math.round(p.units * 100) / 100])).toEqual([
        ['2026-03-30', 1],
        ['2026-03-31', 2],
        ['2026-04-01', 3],
        ['2026-04-02', 4],
        ['2026-04-03', 5],
        ['2026-04-04', 9],
        ['2026-04-05', 6],
      ]);
    }
  });
});
