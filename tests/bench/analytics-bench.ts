// Analytics on the large demo shop (1,000,000 order lines): each call through
// the core beside one bare SQL scan aggregating all order lines (the issue's
// yardstick: the dashboard should cost at most 3x that scan).
import type { Core } from '../../src/core.js';
import type { MethodInput, MethodName } from '../../src/contract.js';
import { openDatabase } from '../../src/db/open.js';
import { median, ms, printTable, ratio } from './measure.js';

export interface AnalyticsFigures {
  bareScanMs: number;
  rows: { what: string; ms: number }[];
}

async function once<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<number> {
  const started = performance.now();
  const answer = await core.call(method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return performance.now() - started;
}

/** New orders arriving today (as a sync or import would write them): `count` orders of two lines each. */
function addOrders(dbPath: string, count: number, today: string): void {
  const db = openDatabase(dbPath);
  const pick = db.prepare<[], { channelId: number; locationId: number; customerId: number; variantId: number; sku: string; price: number; cost: number }>(
    `SELECT o.channel_id AS channelId, o.location_id AS locationId, o.customer_id AS customerId, l.variant_id AS variantId, l.sku, l.unit_price AS price, COALESCE(l.unit_cost, 0) AS cost
     FROM orders o JOIN order_lines l ON l.order_id = o.id ORDER BY o.id DESC LIMIT 1`,
  ).get();
  if (!pick) throw new Error('the bench shop has no orders');
  const order = db.prepare(
    `INSERT INTO orders (channel_id, order_number, customer_id, location_id, status, placed_at, currency, subtotal, discount_total, total)
     VALUES (?, ?, ?, ?, 'open', ?, 'USD', ?, 0, ?)`,
  );
  const line = db.prepare('INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, unit_cost) VALUES (?, ?, ?, ?, 1, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const at = new Date(Date.parse(`${today}T01:00:00Z`) + i * 30_000).toISOString();
      const id = Number(order.run(pick.channelId, `BENCH-${Date.now()}-${i}`, pick.customerId, pick.locationId, at, pick.price * 2, pick.price * 2).lastInsertRowid);
      line.run(id, pick.variantId, pick.sku, 'bench', pick.price, pick.cost);
      line.run(id, pick.variantId, pick.sku, 'bench', pick.price, pick.cost);
    }
  })();
  db.close();
}

async function timed<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<number> {
  return median(async () => {
    const answer = await core.call(method, input);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  }, 3);
}

function removeBenchOrders(dbPath: string): void {
  const db = openDatabase(dbPath);
  db.prepare("DELETE FROM orders WHERE order_number LIKE 'BENCH-%'").run();
  db.close();
}

export async function benchAnalytics(core: Core, dbPath: string, today: string): Promise<AnalyticsFigures> {
  const db = openDatabase(dbPath, { readonly: true });
  const bareScanMs = await median(() => db.prepare('SELECT COUNT(*), SUM(quantity * unit_price), SUM(quantity), SUM(discount) FROM order_lines').get(), 3);
  db.close();
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const last30 = { from: day(-29), to: today };
  const last365 = { from: day(-364), to: today };
  const dashboardLoad = async (): Promise<number> =>
    (await once(core, 'analytics.kpis', last30)) +
    (await once(core, 'analytics.salesSeries', { ...last30, granularity: 'day' })) +
    (await once(core, 'analytics.forecast', { scope: { kind: 'shop' }, today, horizonDays: 14 })) +
    (await once(core, 'analytics.salesMix', last30));
  // The first read after a migration or a new demo shop builds the hourly rollup.
  const firstLoad = await dashboardLoad();
  const rows = [
    { what: 'dashboard KPIs, 30 days (+ previous, last year, per channel)', ms: await timed(core, 'analytics.kpis', last30) },
    { what: 'dashboard trend, 30 days by day (+ last year)', ms: await timed(core, 'analytics.salesSeries', { ...last30, granularity: 'day' }) },
    { what: 'dashboard units forecast, shop, 14 days', ms: await timed(core, 'analytics.forecast', { scope: { kind: 'shop' }, today, horizonDays: 14 }) },
    { what: 'dashboard sales mix (categories, top and bottom products), 30 days', ms: await timed(core, 'analytics.salesMix', last30) },
    { what: 'sales report by product, 365 days', ms: await timed(core, 'analytics.salesReport', { ...last365, by: 'product' }) },
    { what: 'sales report by channel, 365 days', ms: await timed(core, 'analytics.salesReport', { ...last365, by: 'channel' }) },
    { what: 'returns by category, 365 days', ms: await timed(core, 'analytics.returns', { ...last365, by: 'category' }) },
    { what: 'sales report by day, 365 days', ms: await timed(core, 'analytics.salesReport', { ...last365, by: 'day' }) },
    { what: 'sales report by customer segment, 30 days', ms: await timed(core, 'analytics.salesReport', { ...last30, by: 'segment' }) },
    { what: 'product health (sell-through, turnover…), 30 days', ms: await timed(core, 'analytics.productHealth', last30) },
    { what: 'ABC classes, 365 days', ms: await timed(core, 'analytics.abc', { asOf: today }) },
    { what: 'RFM segments, 365 days', ms: await timed(core, 'analytics.segments', { asOf: today }) },
    { what: 'stock-outs with lost sales, 30 days', ms: await timed(core, 'analytics.stockOuts', last30) },
    { what: 'inventory aging (FIFO)', ms: await timed(core, 'analytics.inventoryAging', { asOf: today }) },
    { what: 'new-product sell-through, 90 days', ms: await timed(core, 'analytics.newProductSellThrough', { asOf: today }) },
    { what: 'alerts: one evaluation of every rule', ms: await timed(core, 'alerts.evaluate', {}) },
    { what: 'cohort retention, 12 months', ms: await timed(core, 'analytics.cohorts', { asOf: today, months: 12 }) },
    // Both read every customer's lifetime once per write stamp: the first call pays, the second shares it.
    { what: 'customer lifetime value, first page (cold)', ms: await once(core, 'analytics.customerValue', { asOf: today }) },
    { what: 'silent customers, 90 days, first page (after the above)', ms: await once(core, 'analytics.silentCustomers', { asOf: today, days: 90 }) },
  ];
  const dashboard = rows.slice(0, 4).reduce((sum, row) => sum + row.ms, 0);
  // Incremental: 1,000 new orders arrive; the next load recomputes only the hours they touched.
  addOrders(dbPath, 1000, today);
  const afterNewOrders = await dashboardLoad();
  removeBenchOrders(dbPath);
  printTable('Analytics on the large shop (median of 3)', ['call', 'time', 'vs bare scan'], [
    ['bare scan: SUM over all order lines', ms(bareScanMs), '1.00x'],
    ...rows.map((row) => [row.what, ms(row.ms), ratio(row.ms, bareScanMs)]),
    ['dashboard load (KPIs + trend + forecast + mix)', ms(dashboard), ratio(dashboard, bareScanMs)],
    ['dashboard load after 1,000 new orders (incremental)', ms(afterNewOrders), ratio(afterNewOrders, bareScanMs)],
    ['first dashboard load, building the hourly rollup', ms(firstLoad), ratio(firstLoad, bareScanMs)],
  ]);
  return { bareScanMs, rows: [...rows, { what: 'dashboard after 1,000 new orders', ms: afterNewOrders }, { what: 'first load (rollup build)', ms: firstLoad }] };
}

if (process.argv[1]?.endsWith('analytics-bench.ts')) {
  const { createCore } = await import('../../src/core.js');
  const path = process.argv[2] ?? '.tmp/bench/large.db';
  const core = createCore({ dbPath: path, appVersion: 'bench', background: false });
  await benchAnalytics(core, path, process.argv[3] ?? '2026-11-19');
  await core.close();
}
