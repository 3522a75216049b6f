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

async function timed<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<number> {
  return median(async () => {
    const answer = await core.call(method, input);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  }, 3);
}

export async function benchAnalytics(core: Core, dbPath: string, today: string): Promise<AnalyticsFigures> {
  const db = openDatabase(dbPath, { readonly: true });
  const bareScanMs = await median(() => db.prepare('SELECT COUNT(*), SUM(quantity * unit_price), SUM(quantity), SUM(discount) FROM order_lines').get(), 3);
  db.close();
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const last30 = { from: day(-29), to: today };
  const last365 = { from: day(-364), to: today };
  const rows = [
    { what: 'dashboard KPIs, 30 days (+ previous, last year, per channel)', ms: await timed(core, 'analytics.kpis', last30) },
    { what: 'dashboard trend, 30 days by day (+ last year)', ms: await timed(core, 'analytics.salesSeries', { ...last30, granularity: 'day' }) },
    { what: 'dashboard units forecast, shop, 14 days', ms: await timed(core, 'analytics.forecast', { scope: { kind: 'shop' }, today, horizonDays: 14 }) },
    { what: 'sales report by product, 365 days', ms: await timed(core, 'analytics.salesReport', { ...last365, by: 'product' }) },
    { what: 'sales report by channel, 365 days', ms: await timed(core, 'analytics.salesReport', { ...last365, by: 'channel' }) },
    { what: 'returns by category, 365 days', ms: await timed(core, 'analytics.returns', { ...last365, by: 'category' }) },
  ];
  const dashboard = (rows[0]?.ms ?? 0) + (rows[1]?.ms ?? 0) + (rows[2]?.ms ?? 0);
  printTable('Analytics on the large shop (median of 3)', ['call', 'time', 'vs bare scan'], [
    ['bare scan: SUM over all order lines', ms(bareScanMs), '1.00x'],
    ...rows.map((row) => [row.what, ms(row.ms), ratio(row.ms, bareScanMs)]),
    ['dashboard load (the three above)', ms(dashboard), ratio(dashboard, bareScanMs)],
  ]);
  return { bareScanMs, rows };
}

if (process.argv[1]?.endsWith('analytics-bench.ts')) {
  const { createCore } = await import('../../src/core.js');
  const path = process.argv[2] ?? '.tmp/bench/large.db';
  const core = createCore({ dbPath: path, appVersion: 'bench' });
  await benchAnalytics(core, path, process.argv[3] ?? '2026-11-19');
  await core.close();
}
