// One category's sales by day, week and month answer from the product rollup (sums) and one
// count of the orders (distinct orders: no rollup holds an order with lines of two of the
// category's products once); the orders stay the definition. On the small demo shop, after new,
// edited, returned, refunded, cancelled and late-arriving orders, a variant moved to another product
// and a product moved into the category, every bucket equals the bucket read from the orders (the
// write lock held by a second connection while an hour is dirty forces that path). Also: the sales
// report's two access paths to the orders (a range of orders_by_placed, or the orders in id order)
// give the same rows for every dimension.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrder, addReturn, expectRollupAgreement } from './order-changes.js';
import { createReportService } from '../../../src/analytics/report-service.js';
import { type ReportDimension, type ReportRow, reportSql } from '../../../src/analytics/report-store.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { generateDemoShop } from '../../../src/demo/generate.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const TODAY = '2026-11-20';
const dir = mkdtempSync(join(tmpdir(), 'shopdesk-report-category-'));
const path = join(dir, 'shop.db');
let db: Db;

const periods = [
  { from: '2026-10-22', to: TODAY },
  { from: '2025-11-21', to: TODAY },
  { from: '2025-03-03', to: '2025-03-16' },
];

const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;

/** A top-level category with subcategories, and one of its leaves. */
function categories(): number[] {
  const top = one<{ id: number }>("SELECT id FROM categories WHERE instr(path, ' > ') = 0 AND EXISTS (SELECT 1 FROM categories c WHERE c.parent_id = categories.id) ORDER BY id LIMIT 1").id;
  const leaf = one<{ id: number }>('SELECT id FROM categories WHERE parent_id = ? ORDER BY id LIMIT 1', top).id;
  return [top, leaf];
}

function answers(): Record<string, unknown> {
  const report = createReportService(db);
  const sort = { column: 'label', direction: 'asc' } as const;
  const out: Record<string, unknown> = {};
  for (const period of periods) {
    for (const by of ['day', 'week', 'month'] as const) {
      for (const category of categories()) out[`${by} ${category} ${period.from}…${period.to}`] = report.salesReport(period, by, sort, 0, 1_000, category);
    }
  }
  return out;
}





/** Two variants of different products in the category (an order with both counts once), and one outside it. */
function variantsAround(category: number): [number, number, number] {
  const inside = db
    .prepare(
      `SELECT MIN(v.id) AS id FROM variants v JOIN products p ON p.id = v.product_id JOIN categories c ON c.id = p.category_id
       WHERE c.id = ? OR c.parent_id = ? GROUP BY p.id ORDER BY p.id LIMIT 2`,
    )
    .all(category, category) as { id: number }[];
  const outside = one<{ id: number }>(
    `SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id JOIN categories c ON c.id = p.category_id
     WHERE c.id <> ? AND c.parent_id IS NOT ? ORDER BY v.id LIMIT 1`,
    category,
    category,
  );
  expect(inside).toHaveLength(2);
  return [inside[0]!.id, inside[1]!.id, outside.id];
}

beforeAll(async () => {
  await generateDemoShop({ path, size: 'small', seed: 16, locale: 'en', now: NOW });
  db = openDatabase(path);
}, 180_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("one category's sales by day, week and month through the product rollup", () => {
  it('agree with the orders on the demo shop as generated', () => {
    expectRollupAgreement(db, path, answers);
  }, 120_000);

  it('agree after new, edited, returned, refunded, cancelled and late-arriving orders', () => {
    const [top] = categories() as [number, number];
    const [a, b, outside] = variantsAround(top);
    const customer = one<{ id: number }>('SELECT customer_id AS id FROM orders WHERE customer_id IS NOT NULL ORDER BY id LIMIT 1').id;
    // An order with two of the category's products (one order, not two), a guest's with a line outside it and one without a variant.
    const both = addOrder(db, '2026-11-19T09:15:00.000Z', customer, [[a, 2], [b, 1]]);
    addOrder(db, '2026-11-19T09:40:00.000Z', null, [[a, 1], [outside, 3], [null, 1]]);
    expectRollupAgreement(db, path, answers);
    // Edited: a line's quantity, price, variant and discount, and the order's discount; returned; then cancelled.
    const line = one<{ id: number }>('SELECT id FROM order_lines WHERE order_id = ? ORDER BY id LIMIT 1', both);
    db.prepare('UPDATE order_lines SET quantity = 5, unit_price = unit_price + 100, variant_id = ?, discount = 50 WHERE id = ?').run(b, line.id);
    db.prepare('UPDATE orders SET discount_total = 1250 WHERE id = ?').run(both);
    addReturn(db, both, '2026-11-20T11:05:00.000Z', 2, 2500);
    expectRollupAgreement(db, path, answers);
    db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(both);
    // Late for a day in March 2025, returned a week later (inside the old fortnight).
    const late = addOrder(db, '2025-03-05T03:20:00.000Z', customer, [[b, 1], [a, 1], [outside, 2]]);
    addReturn(db, late, '2025-03-12T08:00:00.000Z', 1, 900);
    expectRollupAgreement(db, path, answers);
  }, 300_000);

  it('agree after a variant moves to another product and a product into the category', () => {
    const [top] = categories() as [number, number];
    const [, b, outside] = variantsAround(top);
    const outsideProduct = one<{ id: number }>('SELECT product_id AS id FROM variants WHERE id = ?', outside).id;
    const insideProduct = one<{ id: number }>('SELECT product_id AS id FROM variants WHERE id = ?', b).id;
    db.prepare('UPDATE variants SET product_id = ? WHERE id = ?').run(outsideProduct, b);
    db.prepare('UPDATE products SET category_id = ? WHERE id = ?').run(top, outsideProduct);
    db.prepare('UPDATE products SET category_id = NULL WHERE id = ?').run(insideProduct);
    expectRollupAgreement(db, path, answers);
  }, 300_000);
});

describe('the sales report read from the orders', () => {
  const sorted = (rows: ReportRow[]) => [...rows].sort((x, y) => x.key - y.key);
  const windows = [
    ['2025-11-21T05:00:00.000Z', '2026-11-21T05:00:00.000Z'],
    ['2026-10-22T04:00:00.000Z', '2026-11-21T05:00:00.000Z'],
  ] as const;

  it('gives the same rows through a range of orders_by_placed and through the orders in id order', () => {
    const [top] = categories() as [number, number];
    for (const [from, to] of windows) {
      for (const dimension of ['channel', 'location', 'category', 'product', 'customer', 'total'] as ReportDimension[]) {
        for (const category of [undefined, top]) {
          const params = category === undefined ? { from, to } : { from, to, category };
          const range = sorted(db.prepare(reportSql(dimension, 'range', category !== undefined)).all(params) as ReportRow[]);
          const scan = sorted(db.prepare(reportSql(dimension, 'scan', category !== undefined)).all(params) as ReportRow[]);
          expect(range.length, `${dimension} ${from}`).toBeGreaterThan(0);
          expect(scan, `${dimension} ${from} ${category}`).toEqual(range);
        }
      }
    }
  }, 120_000);

  it('sums whole orders exactly as it sums their lines (each line its share of the order discount)', () => {
    // Orders whose lines have no GMV keep only their lines' own discounts; an order without lines counts nowhere.
    const customer = one<{ id: number }>('SELECT customer_id AS id FROM orders WHERE customer_id IS NOT NULL ORDER BY id DESC LIMIT 1').id;
    const [a] = (db.prepare('SELECT id FROM variants ORDER BY id LIMIT 1').all() as { id: number }[]).map((v) => v.id) as [number];
    const free = addOrder(db, '2026-11-18T10:00:00.000Z', customer, [[a, 2], [a, 1]]);
    db.prepare('UPDATE order_lines SET unit_price = 0 WHERE order_id = ?').run(free);
    addOrder(db, '2026-11-18T11:00:00.000Z', null, []);
    addOrder(db, '2026-11-18T12:00:00.000Z', customer, [[a, 3], [null, 1], [a, 1]]);
    for (const [from, to] of windows) {
      for (const dimension of ['channel', 'location', 'customer', 'total'] as ReportDimension[]) {
        for (const access of ['range', 'scan'] as const) {
          const byLine = sorted(db.prepare(reportSql(dimension, access, false, 'line')).all({ from, to }) as ReportRow[]);
          const byOrder = sorted(db.prepare(reportSql(dimension, access, false, 'order')).all({ from, to }) as ReportRow[]);
          expect(byLine.length, `${dimension} ${from}`).toBeGreaterThan(0);
          expect(byOrder, `${dimension} ${access} ${from}`).toEqual(byLine);
        }
      }
    }
  }, 120_000);
});
