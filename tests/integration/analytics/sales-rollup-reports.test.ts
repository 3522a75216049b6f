// The reports below the dashboard answer from the hourly rollups (sales-rollup-store.ts) when they
// can, and from the orders otherwise; the orders stay the definition. On the small demo shop, after
// each kind of change a sync, an import or a person makes — new orders (a guest's, a line without a
// variant), edited lines and discounts, returns and refunds, cancellations, orders arriving late for
// long-past days, a variant moved to another product, a product to another category — every answer
// through the rollups equals the answer read from the orders. The orders are read by holding the
// write lock from a second connection while hours are dirty: the rollups cannot be brought up to
// date then, so every report takes its direct path (as during an import being applied).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrder, addReturn, expectRollupAgreement } from './order-changes.js';
import { createMixService } from '../../../src/analytics/mix-service.js';
import { createProductsService } from '../../../src/analytics/products-service.js';
import { createReportService, type ReportBy } from '../../../src/analytics/report-service.js';
import { createReturnsService } from '../../../src/analytics/returns-service.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { generateDemoShop } from '../../../src/demo/generate.js';

const NOW = new Date('2026-11-20T12:00:00Z');
const TODAY = '2026-11-20';
const dir = mkdtempSync(join(tmpdir(), 'shopdesk-rollup-reports-'));
const path = join(dir, 'shop.db');
let db: Db;

/** Last 30 days, last year (both through today), one old week. */
const periods = [
  { from: '2026-10-22', to: TODAY },
  { from: '2025-11-21', to: TODAY },
  { from: '2025-03-03', to: '2025-03-09' },
];
const dimensions: ReportBy[] = ['product', 'category', 'segment', 'channel', 'day'];

const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;

/** Every report in scope, as the services answer now. */
function answers(): Record<string, unknown> {
  const report = createReportService(db);
  const returns = createReturnsService(db);
  const products = createProductsService(db);
  const mix = createMixService(db);
  const sort = { column: 'netSales', direction: 'desc' } as const;
  const category = one<{ id: number }>("SELECT id FROM categories WHERE instr(path, ' > ') = 0 ORDER BY id LIMIT 1").id;
  const out: Record<string, unknown> = {};
  for (const period of periods) {
    const at = `${period.from}…${period.to}`;
    for (const by of dimensions) {
      out[`report ${by} ${at}`] = report.salesReport(period, by, sort, 0, 100_000);
      out[`report ${by} in category ${at}`] = report.salesReport(period, by, sort, 0, 100_000, category);
    }
    for (const by of ['product', 'category', 'channel'] as const) out[`returns ${by} ${at}`] = returns.report(period, by);
    out[`mix ${at}`] = mix.salesMix(period, 5, 12);
    out[`health ${at}`] = products.productHealth({ ...period, slowDays: 60, deadDays: 180 });
  }
  for (const windowDays of [30, 365]) {
    for (const measure of ['netSales', 'grossProfit'] as const) out[`abc ${windowDays} ${measure}`] = products.abc({ asOf: TODAY, windowDays, measure, offset: 0, limit: 100_000 });
  }
  for (const minDays of [30, 365]) out[`slow movers ${minDays}`] = products.slowMovers({ asOf: TODAY, minDays, offset: 0, limit: 100_000 });
  return out;
}





beforeAll(async () => {
  await generateDemoShop({ path, size: 'small', seed: 11, locale: 'en', now: NOW });
  db = openDatabase(path);
}, 180_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('reports through the sales rollups', () => {
  it('agree with the orders on the demo shop as generated', () => {
    expect(one<{ n: number }>('SELECT COUNT(*) AS n FROM sales_variant_hourly').n).toBeGreaterThan(1000);
    expectRollupAgreement(db, path, answers);
  }, 120_000);

  it('agree after new, edited, returned, refunded, cancelled and late-arriving orders', () => {
    const customer = one<{ id: number }>('SELECT customer_id AS id FROM orders WHERE customer_id IS NOT NULL ORDER BY id LIMIT 1').id;
    const [a, b, c] = (db.prepare('SELECT id FROM variants ORDER BY id LIMIT 3').all() as { id: number }[]).map((v) => v.id) as [number, number, number];
    // New orders today: a customer's, a guest's with a line whose variant is gone from the catalogue.
    const today = addOrder(db, '2026-11-20T09:15:00.000Z', customer, [[a, 2], [b, 1]]);
    addOrder(db, '2026-11-20T09:40:00.000Z', null, [[c, 3], [null, 1]]);
    expectRollupAgreement(db, path, answers);
    // Edited: a line's quantity, price, variant and discount, and the order's discount.
    const line = one<{ id: number }>('SELECT id FROM order_lines WHERE order_id = ? ORDER BY id LIMIT 1', today);
    db.prepare('UPDATE order_lines SET quantity = 5, unit_price = unit_price + 100, variant_id = ?, discount = 50 WHERE id = ?').run(c, line.id);
    db.prepare('UPDATE orders SET discount_total = 1200 WHERE id = ?').run(today);
    // Returned and refunded (a quality reason), then the order is cancelled.
    addReturn(db, today, '2026-11-20T11:05:00.000Z', 2, 2500, 'defective');
    expectRollupAgreement(db, path, answers);
    db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(today);
    // An order arriving late for a day in March 2025, returned a week later.
    const late = addOrder(db, '2025-03-05T03:20:00.000Z', customer, [[b, 1], [a, 1]]);
    addReturn(db, late, '2025-03-12T08:00:00.000Z', 1, 900);
    expectRollupAgreement(db, path, answers);
  }, 300_000);

  it('agree after a variant moves to another product and a product to another category', () => {
    const sold = one<{ variantId: number; productId: number }>(
      'SELECT l.variant_id AS variantId, v.product_id AS productId FROM order_lines l JOIN variants v ON v.id = l.variant_id GROUP BY l.variant_id ORDER BY COUNT(*) DESC LIMIT 1',
    );
    const otherProduct = one<{ id: number; categoryId: number | null }>('SELECT id, category_id AS categoryId FROM products WHERE id <> ? ORDER BY id LIMIT 1', sold.productId);
    db.prepare('UPDATE variants SET product_id = ? WHERE id = ?').run(otherProduct.id, sold.variantId);
    const otherCategory = one<{ id: number }>('SELECT id FROM categories WHERE id IS NOT ? ORDER BY id DESC LIMIT 1', otherProduct.categoryId);
    db.prepare('UPDATE products SET category_id = ? WHERE id = ?').run(otherCategory.id, otherProduct.id);
    expectRollupAgreement(db, path, answers);
  }, 300_000);
});
