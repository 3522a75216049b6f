// Sales KPIs on a small shop whose every number is worked out by hand below
// (metrics.md definitions; shop time Asia/Shanghai, UTC+8).
import { afterEach, describe, expect, it } from 'vitest';
import { seedOrders } from './sales-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

describe('analytics.kpis', () => {
  it('computes every KPI of metrics.md for a period, the previous one and last year, and per channel', async () => {
    shop = testShop(seedOrders);
    const answer = await shop.ok('analytics.kpis', { from: '2026-03-01', to: '2026-03-07' });
    expect(answer.previous).toEqual({ from: '2026-02-22', to: '2026-02-28' });
    expect(answer.lastYear).toEqual({ from: '2025-03-01', to: '2025-03-07' });
    // GMV 2×100 + 1×50 + 3×30 = 340.00; discounts 10.00; refunds 95 + 60 = 155.00; net 175.00.
    // COGS: sold 2×40 + 1×20 + 3×10 = 130.00, minus returned 40 + 25 = 65.00; gross profit 175 − 65 = 110.00.
    expect(answer.current).toEqual({
      gmv: 34000,
      discounts: 1000,
      refunds: 15500,
      netSales: 17500,
      orders: 3,
      units: 6,
      aov: 17500 / 3,
      cogs: 6500,
      grossProfit: 11000,
      grossMargin: 11000 / 17500,
      unitsReturned: 1,
      returnRate: 1 / 6,
      customers: 2,
      newCustomers: 1,
      returningCustomers: 1,
      repurchaseRate: 0.5,
    });
    expect(answer.previousValues).toMatchObject({ gmv: 10000, netSales: 10000, orders: 1, units: 1, cogs: 5000, grossProfit: 5000, customers: 1, newCustomers: 1 });
    expect(answer.lastYearValues).toMatchObject({ gmv: 0, orders: 0, aov: null, grossMargin: null, returnRate: null, repurchaseRate: null });
    expect(answer.byChannel.map((c) => [c.channel, c.values.gmv, c.values.refunds, c.values.netSales, c.values.customers, c.values.newCustomers, c.values.repurchaseRate])).toEqual([
      ['Shop A', 25000, 15500, 8500, 1, 1, 1],
      ['Shop B', 9000, 0, 9000, 1, 0, 0],
    ]);
  });

  it('gives sales per local day and per ISO week, refunds in the bucket they happened, last year beside it', async () => {
    shop = testShop(seedOrders);
    const daily = await shop.ok('analytics.salesSeries', { from: '2026-03-01', to: '2026-03-07', granularity: 'day' });
    expect(daily.points.map((p) => [p.bucket, p.gmv, p.netSales, p.orders, p.units])).toEqual([
      ['2026-03-01', 20000, 19000, 1, 2],
      ['2026-03-02', 0, -6000, 0, 0],
      ['2026-03-03', 0, 0, 0, 0],
      ['2026-03-04', 0, 0, 0, 0],
      ['2026-03-05', 5000, 5000, 1, 1],
      ['2026-03-06', 0, -9500, 0, 0],
      ['2026-03-07', 9000, 9000, 1, 3],
    ]);
    expect(daily.lastYear.map((p) => p.bucket)).toEqual(['2025-03-01', '2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07']);
    // 1 March 2026 is a Sunday: its week began on Monday 23 February (clipped to the period's first day).
    const weekly = await shop.ok('analytics.salesSeries', { from: '2026-03-01', to: '2026-03-07', granularity: 'week' });
    expect(weekly.points.map((p) => [p.bucket, p.gmv, p.netSales, p.orders, p.units])).toEqual([
      ['2026-02-23', 20000, 19000, 1, 2],
      ['2026-03-02', 14000, -1500, 2, 4],
    ]);
  });

  it('reports the same KPIs per channel, sorted and paged, adding up to the shop total', async () => {
    shop = testShop(seedOrders);
    const report = await shop.ok('analytics.salesReport', { from: '2026-03-01', to: '2026-03-07', by: 'channel' });
    // Shop A: O1 + O2 (GMV 250.00, discounts 10.00), refunds of O1 (95.00) and of O5 (60.00, placed earlier, refunded now):
    // net 85.00; COGS 80 + 20 − 40 − 25 = 35.00; gross profit 50.00. Shop B: O3 only, 90.00, COGS 30.00.
    expect(report).toEqual({
      rows: [
        { key: 102, label: 'Shop B', gmv: 9000, netSales: 9000, orders: 1, units: 3, grossProfit: 6000, grossMargin: 6000 / 9000 },
        { key: 101, label: 'Shop A', gmv: 25000, netSales: 8500, orders: 2, units: 3, grossProfit: 5000, grossMargin: 5000 / 8500 },
      ],
      total: 2,
      // Not split by time: no row is a partial day.
      partialBucket: null,
    });
    const page = await shop.ok('analytics.salesReport', { from: '2026-03-01', to: '2026-03-07', by: 'channel', sort: { column: 'label', direction: 'asc' }, limit: 1 });
    expect(page.rows.map((r) => r.label)).toEqual(['Shop A']);
    expect(page.total).toBe(2);
  });

  it('answers product analytics through the router (variants that never sold are class C)', async () => {
    shop = testShop(seedOrders);
    const abc = await shop.ok('analytics.abc', { asOf: '2026-03-07' });
    expect(abc.totalRows).toBe(5);
    expect(abc.rows.every((row) => row.class === 'C')).toBe(true);
    const health = await shop.ok('analytics.productHealth', { from: '2026-03-01', to: '2026-03-07' });
    expect(health.averageInventoryMethod).toBe('meanOfStartAndEnd');
  });

  it('scores RFM over the year to the as-of date and exports one segment', async () => {
    shop = testShop(seedOrders);
    const answer = await shop.ok('analytics.segments', { asOf: '2026-03-07' });
    // C1: last order 5 March (2 days), 2 orders, 200 − 10 + 50 − 95 refunded = 145.00.
    // C2: last order 7 March 23:59 local (0 days), 2 orders (O3, O5), 90 + 60 − 60 refunded = 90.00.
    // C3: 25 February (10 days), 1 order (O4 cancelled, O6 after the date), 100.00.
    // R scores 2 / 4 / 1 (mean 2.33), F 2 / 2 / 1 (mean 1.67), M 4 / 1 / 2 (mean 2.33).
    expect(answer.customers.map((c) => [c.email, c.recencyDays, c.frequency, c.monetary, c.r, c.f, c.m, c.segment])).toEqual([
      ['c1@x', 2, 2, 14500, 2, 2, 4, 'atRiskBigSpenders'],
      ['c3@x', 10, 1, 10000, 1, 1, 2, 'hibernating'],
      ['c2@x', 0, 2, 9000, 4, 2, 1, 'loyalLowSpenders'],
    ]);
    expect(answer.summary.find((s) => s.segment === 'hibernating')).toEqual({ segment: 'hibernating', customers: 1, share: 1 / 3, meanRecencyDays: 10, meanFrequency: 1, meanMonetary: 10000 });
    const file = await shop.ok('exports.grid', {
      source: 'analytics.segments',
      query: { asOf: '2026-03-07', segment: 'loyalLowSpenders' },
      columns: [
        { field: 'email', header: 'Email', kind: 'text' },
        { field: 'name', header: 'Name', kind: 'text' },
        { field: 'monetary', header: 'Spend', kind: 'money' },
      ],
      format: 'csv',
      fileName: 'Loyal low spenders',
    });
    expect(Buffer.from(file.contentBase64, 'base64').toString('utf8')).toBe('\uFEFFEmail,Name,Spend\r\nc2@x,C2,90.00\r\n');
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    shop = testShop();
    const error = await shop.fail('analytics.kpis', { from: '2026-03-07', to: '2026-03-01' });
    expect(error.details.issues?.[0]?.path).toBe('to');
    const report = await shop.fail('analytics.salesReport', { from: '2026-03-07', to: '2026-03-01', by: 'channel' });
    expect(report.details.issues?.[0]?.path).toBe('to');
  });
});
