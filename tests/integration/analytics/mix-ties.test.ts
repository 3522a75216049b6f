// The sales mix picks its top and bottom products in SQL from the product rollup (only the ranked
// candidates get their titles), and from every product's row when it reads the orders. Products
// tied on net sales at the edge of the shown rows are ordered by title as JavaScript compares
// titles (not as SQLite's binary order would: 'Apple' before 'banana', 'echo' before 'Echo'), and
// products with the same title keep their id order — the same rows either way.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open.js';
import { testShop, type TestShop } from '../shop-harness.js';

// [title, category, net sales] — product ids 1… in this order.
const catalog: [string, string, number][] = [
  ['banana', 'Fruit', 5000],
  ['Apple', 'Fruit', 5000],
  ['cherry', 'Fruit', 5000],
  ['Zed', 'Letters', 9000],
  ['echo', 'Letters', 1000],
  ['Echo', 'Letters', 1000],
  ['delta', 'Letters', 1000],
  ['delta', 'Letters', 1000],
];
const march = { from: '2026-03-01', to: '2026-03-31' };

function seed(path: string): void {
  const db = openDatabase(path);
  const at = '2026-01-01T00:00:00.000Z';
  db.transaction(() => {
    const location = Number(db.prepare("INSERT INTO locations (code, name, kind, created_at) VALUES ('WH-1', 'Main', 'warehouse', ?)").run(at).lastInsertRowid);
    db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'a', 'Shop A', 'manual', ?)").run(at);
    const categories = new Map<string, number>();
    for (const name of ['Fruit', 'Letters']) categories.set(name, Number(db.prepare('INSERT INTO categories (name, path, created_at) VALUES (?, ?, ?)').run(name, name, at).lastInsertRowid));
    catalog.forEach(([title, category, net], i) => {
      const id = i + 1;
      db.prepare("INSERT INTO products (id, handle, title, category_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'active', ?, ?)").run(id, `p-${id}`, title, categories.get(category), at, at);
      db.prepare("INSERT INTO variants (id, product_id, sku, price, cost, status, position, created_at, updated_at) VALUES (?, ?, ?, ?, 100, 'active', 1, ?, ?)").run(id, id, `SKU-${id}`, net, at, at);
      db.prepare(
        `INSERT INTO orders (id, channel_id, order_number, location_id, status, placed_at, currency, subtotal, discount_total, total)
         VALUES (?, 1, ?, ?, 'fulfilled', '2026-03-05T04:00:00.000Z', 'USD', ?, 0, ?)`,
      ).run(id, `O${id}`, location, net, net);
      db.prepare('INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, unit_cost, discount) VALUES (?, ?, ?, ?, 1, ?, 100, 0)').run(id, id, `SKU-${id}`, title, net);
    });
  })();
  db.close();
}

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
});

const dirtyHours = (open: TestShop) => (open.db.prepare('SELECT COUNT(*) AS n FROM sales_hourly_dirty').get() as { n: number }).n;

describe('the sales mix with products tied on net sales', () => {
  it('breaks ties by title as JavaScript compares them, then by product id, through the rollup and from the orders', async () => {
    const open = testShop(seed);
    shop = open;
    for (const [products, top, bottom] of [
      [2, [4, 2], [6, 5]],
      [3, [4, 2, 1], [6, 5, 8]],
      [20, [4, 2, 1, 3, 7, 8, 5, 6], [6, 5, 8, 7, 3, 1, 2, 4]],
    ] as const) {
      const read = () => open.ok('analytics.salesMix', { ...march, products, categories: 1 });
      const rolled = await read();
      expect(dirtyHours(open)).toBe(0);
      expect(rolled.top.map((r) => r.key), `top ${products}`).toEqual(top);
      expect(rolled.bottom.map((r) => r.key), `bottom ${products}`).toEqual(bottom);
      expect(rolled.top[0]).toEqual({ key: 4, label: 'Zed', netSales: 9000, units: 1, grossProfit: 8900 });
      // Fruit 15,000 − 300 cost; Letters 13,000 (9,000 + 4 × 1,000) − 500 cost shown as the rest.
      expect(rolled.categories).toEqual([{ key: 1, label: 'Fruit', netSales: 15000, units: 3, grossProfit: 14700 }]);
      expect(rolled.otherCategories).toEqual({ key: -1, label: '', netSales: 13000, units: 5, grossProfit: 12500 });
      // The same from the orders, while another connection holds the write lock and an hour is dirty.
      open.db.prepare("INSERT OR IGNORE INTO sales_hourly_dirty (hour) VALUES ('2000-01-01T00')").run();
      open.db.exec('BEGIN IMMEDIATE');
      try {
        expect(await read()).toEqual(rolled);
        expect(dirtyHours(open)).toBe(1);
      } finally {
        open.db.exec('ROLLBACK');
      }
    }
  });
});
