// The rollup refresh writes only what changed (rollup-apply.ts): a dirty hour whose orders did not change
// rewrites no rollup row, and a new order rewrites only the rows it touches — one per rollup table for its
// variant, product, category, customer and channel in its hour. The values themselves are proved equal to
// the orders by rollup-agreement.test.ts; here temporary triggers count the writes to the rollup tables.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesRollup } from '../../../src/analytics/sales-rollup.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { generateDemoShop } from '../../../src/demo/generate.js';
import { addOrder } from './order-changes.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'shopdesk-rollup-apply-'));
const tables = ['sales_hourly', 'sales_product_hourly', 'sales_category_hourly', 'sales_variant_hourly', 'sales_customer_hourly'] as const;
let db: Db;

/** Rows written per rollup table by `work` (inserted, updated or deleted). */
function writes(work: () => void): Record<string, number> {
  db.exec('DELETE FROM temp.rollup_writes');
  work();
  const counted = db.prepare('SELECT tbl, COUNT(*) AS n FROM temp.rollup_writes GROUP BY tbl').all() as { tbl: string; n: number }[];
  return Object.fromEntries(tables.map((t) => [t, counted.find((c) => c.tbl === t)?.n ?? 0]));
}

beforeAll(async () => {
  const path = join(dir, 'shop.db');
  await generateDemoShop({ path, size: 'small', seed: 3, locale: 'en', now: NOW });
  db = openDatabase(path);
  db.exec('CREATE TEMP TABLE rollup_writes (tbl TEXT NOT NULL)');
  for (const t of tables) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(`CREATE TEMP TRIGGER rollup_writes_${t}_${event.toLowerCase()} AFTER ${event} ON main.${t} BEGIN INSERT INTO rollup_writes VALUES ('${t}'); END`);
    }
  }
}, 120_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the rollup refresh', () => {
  it('rewrites nothing for dirty hours whose orders did not change', () => {
    const rollup = createSalesRollup(db);
    expect(rollup.refresh()).toBe(true);
    const busiest = db.prepare('SELECT hour FROM sales_variant_hourly GROUP BY hour ORDER BY COUNT(*) DESC, hour LIMIT 5').all() as { hour: string }[];
    expect(busiest.length).toBe(5);
    const mark = db.prepare('INSERT OR IGNORE INTO sales_hourly_dirty (hour) VALUES (?)');
    for (const { hour } of busiest) mark.run(hour);
    expect(writes(() => expect(rollup.refresh()).toBe(true))).toEqual(Object.fromEntries(tables.map((t) => [t, 0])));
    expect(db.prepare('SELECT COUNT(*) AS n FROM sales_hourly_dirty').get()).toEqual({ n: 0 });
  });

  it('rewrites only the rows a new order touches', () => {
    const rollup = createSalesRollup(db);
    // An hour that already has sales, and a variant and customer with no row in it.
    const hour = (db.prepare('SELECT hour FROM sales_variant_hourly GROUP BY hour ORDER BY COUNT(*) DESC, hour LIMIT 1').get() as { hour: string }).hour;
    const variant = (db.prepare('SELECT id FROM variants WHERE id NOT IN (SELECT variant_id FROM sales_variant_hourly WHERE hour = ?) ORDER BY id LIMIT 1').get(hour) as { id: number }).id;
    const customer = (db.prepare('SELECT id FROM customers WHERE id NOT IN (SELECT customer_id FROM sales_customer_hourly WHERE hour = ?) ORDER BY id LIMIT 1').get(hour) as { id: number }).id;
    const before = db.prepare('SELECT COUNT(*) AS n FROM sales_variant_hourly WHERE hour = ?').get(hour) as { n: number };
    const written = writes(() => {
      addOrder(db, `${hour}:30:00.000Z`, customer, [[variant, 2]]);
      expect(rollup.refresh()).toBe(true);
    });
    // The new order's own rows (one each), and whatever its customer's earlier first order changes (nothing: not new).
    expect(written.sales_variant_hourly).toBe(1);
    expect(written.sales_customer_hourly).toBe(1);
    expect(written.sales_hourly).toBe(1);
    expect(written.sales_product_hourly).toBe(1);
    expect(written.sales_category_hourly).toBe(1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM sales_variant_hourly WHERE hour = ?').get(hour)).toEqual({ n: before.n + 1 });
  });
});
