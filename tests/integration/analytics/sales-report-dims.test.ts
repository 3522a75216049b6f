// The sales report by day and month, by RFM segment, one category's products,
// and new vs returning customers per day — all worked out by hand from the
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
const byLabel = { column: 'label', direction: 'asc' } as const;

describe('analytics.salesReport dimensions', () => {
  it('splits the period by day and by month', async () => {
    shop = testShop(seedOrders);
    const days = await shop.ok('analytics.salesReport', { ...march, by: 'day', sort: byLabel });
    // Net: 1 Mar O1 200 − 10; 2 Mar O5's refund 60; 5 Mar O2 50; 6 Mar O1's refund 95; 7 Mar O3 90.
    // Gross profit: 1 Mar 190 − 80 = 110; 2 Mar −60 + 25 = −35; 5 Mar 50 − 20 = 30; 6 Mar −95 + 40 = −55; 7 Mar 90 − 30 = 60.
    expect(days.rows.map((r) => [r.label, r.netSales, r.grossProfit, r.orders])).toEqual([
      ['2026-03-01', 19000, 11000, 1],
      ['2026-03-02', -6000, -3500, 0],
      ['2026-03-03', 0, 0, 0],
      ['2026-03-04', 0, 0, 0],
      ['2026-03-05', 5000, 3000, 1],
      ['2026-03-06', -9500, -5500, 0],
      ['2026-03-07', 9000, 6000, 1],
    ]);
    const month = await shop.ok('analytics.salesReport', { ...march, by: 'month' });
    expect(month.rows.map((r) => [r.label, r.gmv, r.netSales, r.orders, r.units, r.grossProfit])).toEqual([['2026-03-01', 34000, 17500, 3, 6, 11000]]);
  });

  it("groups the period's sales by each customer's RFM segment on its last day", async () => {
    shop = testShop(seedOrders);
    // Window: the 365 days to 7 March. R days / F orders / M net spend:
    // C1 2 / 2 / 145.00 (O1 190 + O2 50 − 95 refund); C2 0 / 2 / 90.00 (O5 60 + O3 90 − 60); C3 10 / 1 / 100.00 (O7).
    // Scores (1 + floor(5k/3)): R C2 4, C1 2, C3 1 (mean 2.33); F 2, 2, 1 (mean 1.67); M C1 4, C3 2, C2 1 (mean 2.33).
    // C1 low R, high F, high M: at-risk big spender; C2 high, high, low: loyal low spender; C3 hibernating (no sales in March).
    const report = await shop.ok('analytics.salesReport', { ...march, by: 'segment', sort: byLabel });
    // In March: C1's O1 and O2 (net 190 + 50 − 95 = 145.00); C2's O3 and O5's refund (90 − 60 = 30.00).
    expect(report.rows.map((r) => [r.label, r.netSales, r.orders])).toEqual([
      ['atRiskBigSpenders', 14500, 2],
      ['loyalLowSpenders', 3000, 1],
    ]);
  });

  it('exports segment rows under the names the grid shows (codes are the core’s, names the UI language’s)', async () => {
    shop = testShop(seedOrders);
    const file = await shop.ok('exports.grid', {
      source: 'analytics.salesReport',
      query: { ...march, by: 'segment' },
      columns: [
        { field: 'label', header: '客户分层', kind: 'text', labels: { atRiskBigSpenders: '重要保持客户', loyalLowSpenders: '一般价值客户', unscored: '未评分（RFM 年度内无订单）' } },
        { field: 'netSales', header: '净销售额', kind: 'money' },
      ],
      format: 'csv',
      fileName: 'segments',
    });
    const lines = Buffer.from(file.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toEqual(['客户分层,净销售额', '重要保持客户,145.00', '一般价值客户,30.00']);
  });

  it("keeps to one category's products, with their share of the order discount", async () => {
    shop = testShop((path) => {
      seedOrders(path);
    });
    // O1's line is a hoodie (category Apparel); the others are not.
    const hoodie = shop.db.prepare("SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id WHERE p.title LIKE '%Hoodie%' LIMIT 1").get() as { id: number };
    shop.db.prepare('UPDATE order_lines SET variant_id = ? WHERE id = 11').run(hoodie.id);
    const apparel = shop.db.prepare("SELECT id FROM categories WHERE name = 'Apparel'").get() as { id: number };
    const report = await shop.ok('analytics.salesReport', { ...march, by: 'product', categoryId: apparel.id });
    // O1: 2 × 100.00, the order's 10.00 discount all on its only line, one unit refunded at 95.00.
    expect(report.rows.map((r) => [r.label.includes('Hoodie'), r.gmv, r.netSales, r.units])).toEqual([[true, 20000, 9500, 2]]);

    // The dashboard's mix, from the rollup. Hoodie: net 95.00, cost 80 − 40 → gross profit 55.00.
    // Lines without a product (key 0): O2 50 + O3 90 − O5's refund 60 = 80.00; cost 20 + 30 − 25 → 55.00.
    const expectMix = async () => {
      const mix = await shop.ok('analytics.salesMix', { ...march, products: 5, categories: 1 });
      expect(mix.top.map((r) => [r.key === 0 ? 'none' : r.label.includes('Hoodie') ? 'hoodie' : r.label, r.netSales, r.units, r.grossProfit])).toEqual([
        ['hoodie', 9500, 2, 5500],
        ['none', 8000, 4, 5500],
      ]);
      expect(mix.bottom.map((r) => r.netSales)).toEqual([8000, 9500]);
      expect(mix.categories).toEqual([{ key: apparel.id, label: 'Apparel', netSales: 9500, units: 2, grossProfit: 5500 }]);
      expect(mix.otherCategories).toMatchObject({ netSales: 8000, units: 4 });
    };
    await expectMix();
    // The same from the orders, while another connection holds the write lock (an import applying) and an hour is dirty.
    shop.db.prepare("UPDATE orders SET discount_total = 0 WHERE id = 6").run();
    shop.db.exec('BEGIN IMMEDIATE');
    try {
      await expectMix();
      expect((shop.db.prepare('SELECT COUNT(*) AS n FROM sales_hourly_dirty').get() as { n: number }).n).toBeGreaterThan(0);
    } finally {
      shop.db.exec('ROLLBACK');
    }
  });

  it('counts new and returning customers per day', async () => {
    shop = testShop(seedOrders);
    const series = await shop.ok('analytics.salesSeries', { ...march, granularity: 'day' });
    // 1 Mar C1's first order ever (new); 5 Mar C1 again (returning); 7 Mar C2, first ordered 20 Feb (returning).
    expect(series.points.filter((p) => p.customers > 0).map((p) => [p.bucket, p.customers, p.newCustomers])).toEqual([
      ['2026-03-01', 1, 1],
      ['2026-03-05', 1, 0],
      ['2026-03-07', 1, 0],
    ]);
  });

  it("exports exactly the rows a report grid shows, in the grid's order", async () => {
    shop = testShop(seedOrders);
    const file = await shop.ok('exports.grid', {
      source: 'analytics.salesReport',
      query: { ...march, by: 'channel' },
      columns: [
        { field: 'label', header: 'Channel', kind: 'text' },
        { field: 'netSales', header: 'Net sales', kind: 'money' },
      ],
      format: 'csv',
      fileName: 'Sales',
      // The grid filtered to Shop B and Shop A, in that order (the report itself sorts A first).
      rowKeys: { field: 'key', values: [102, 101] },
    });
    const lines = Buffer.from(file.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    // Shop A: O1 190 + O2 50 − refunds 95 + 60 = 85.00; Shop B: O3 90.00.
    expect(lines).toEqual(['Channel,Net sales', 'Shop B,90.00', 'Shop A,85.00']);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    shop = testShop(seedOrders);
    const error = await shop.fail('analytics.salesSeries', { from: '2026-03-07', to: '2026-03-01', granularity: 'day' });
    expect(error.code).toBe('VALIDATION');
    expect(JSON.stringify(error)).toContain('periodOrder');
  });
});
