// Figures a person can believe: today is partial in every trend, comparisons
// are cut at the same hour, and a return rate whose returns are still coming
// says so. The shop is in UTC; now is 20 Nov 2026 10:00 (testNow), so today so
// far is 10 hours and the comparisons count 00:00–10:00 of their matching day.
//
// Orders (one unit at 100.00 each, web channel):
//   this period (14–20 Nov):      14 Nov 12:00; today 20 Nov 08:00
//   previous period (7–13 Nov):   7 Nov 12:00; 13 Nov 09:00 (counted); 13 Nov 15:00 (after the hour: left out)
//   last year (14–20 Nov 2025):   20 Nov 2025 09:30 (counted); 20 Nov 2025 20:00 (left out)
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open.js';
import { lagCovering } from '../../../src/analytics/return-maturity.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const at = '2024-01-01T00:00:00.000Z';

function seed(returnLags: readonly number[] = []) {
  return (path: string): void => {
    const db = openDatabase(path);
    db.transaction(() => {
      db.prepare("INSERT INTO locations (id, code, name, kind, created_at) VALUES (1, 'WH', 'Warehouse', 'warehouse', ?)").run(at);
      db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'web', 'Web', 'manual', ?)").run(at);
      const order = db.prepare(
        "INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total) VALUES (1, ?, 1, 'fulfilled', ?, 'USD', 10000, 10000)",
      );
      const line = db.prepare("INSERT INTO order_lines (order_id, sku, title, quantity, unit_price, unit_cost) VALUES (?, 'X', 'X', 1, 10000, 4000)");
      let number = 0;
      const place = (placedAt: string) => {
        number += 1;
        const orderId = Number(order.run(`O${number}`, placedAt).lastInsertRowid);
        const lineId = Number(line.run(orderId).lastInsertRowid);
        return { orderId, lineId };
      };
      for (const placedAt of [
        '2026-11-14T12:00:00.000Z',
        '2026-11-20T08:00:00.000Z',
        '2026-11-07T12:00:00.000Z',
        '2026-11-13T09:00:00.000Z',
        '2026-11-13T15:00:00.000Z',
        '2025-11-20T09:30:00.000Z',
        '2025-11-20T20:00:00.000Z',
      ]) {
        place(placedAt);
      }
      // Returns that set the shop's return lag: each one unit, `lag` days after an order of 1 June 2026.
      const ret = db.prepare('INSERT INTO returns (order_id, returned_at) VALUES (?, ?)');
      const retLine = db.prepare("INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount) VALUES (?, ?, 1, 'defective', 10000)");
      for (const lag of returnLags) {
        const { orderId, lineId } = place('2026-06-01T00:00:00.000Z');
        const returnId = Number(ret.run(orderId, new Date(Date.parse('2026-06-01T00:00:00.000Z') + lag * 86_400_000).toISOString()).lastInsertRowid);
        retLine.run(returnId, lineId);
      }
    })();
    db.close();
  };
}

describe('a period that reaches today', () => {
  it('says today is partial and compares with the same hours of the matching days', async () => {
    shop = testShop(seed());
    const kpis = await shop.ok('analytics.kpis', { from: '2026-11-14', to: '2026-11-20' });
    expect(kpis.partial).toEqual({ day: '2026-11-20', asOf: '2026-11-20T10:00:00.000Z', hours: 10 });
    expect(kpis.current.orders).toBe(2);
    // 13 Nov 15:00 is after 10:00 of the matching day: not in the comparison (otherwise 3 orders, a false −33 %).
    expect(kpis.previousValues.orders).toBe(2);
    expect(kpis.lastYearValues.orders).toBe(1);
    // A period over before today compares whole days.
    const past = await shop.ok('analytics.kpis', { from: '2026-11-13', to: '2026-11-19' });
    expect(past.partial).toBeNull();
    expect(past.current.orders).toBe(3);
  });

  it('names the partial bucket of the trend, and cuts last year’s at the same hour', async () => {
    shop = testShop(seed());
    const days = await shop.ok('analytics.salesSeries', { from: '2026-11-14', to: '2026-11-20', granularity: 'day' });
    expect(days.partial).toEqual({ bucket: '2026-11-20', day: '2026-11-20', asOf: '2026-11-20T10:00:00.000Z', hours: 10 });
    expect(days.points.at(-1)).toMatchObject({ bucket: '2026-11-20', orders: 1 });
    expect(days.lastYear.at(-1)).toMatchObject({ bucket: '2025-11-20', orders: 1 });
    // By week the partial bucket is the week holding today (Monday 16 Nov).
    const weeks = await shop.ok('analytics.salesSeries', { from: '2026-10-01', to: '2026-11-20', granularity: 'week' });
    expect(weeks.partial?.bucket).toBe('2026-11-16');
    expect((await shop.ok('analytics.salesSeries', { from: '2026-11-01', to: '2026-11-19', granularity: 'day' })).partial).toBeNull();
    // The sales report by day names the same row.
    const report = await shop.ok('analytics.salesReport', { from: '2026-11-14', to: '2026-11-20', by: 'day' });
    expect(report.partialBucket).toBe('2026-11-20');
  });

  it('fits the forecast on complete days and forecasts today whole', async () => {
    shop = testShop(seed());
    const answer = await shop.ok('analytics.forecast', { scope: { kind: 'shop' }, today: '2026-11-20', horizonDays: 7 });
    expect(answer.history.at(-1)).toEqual({ day: '2026-11-20', units: 1 });
    expect(answer.partial).toMatchObject({ day: '2026-11-20', hours: 10 });
    expect(answer.forecast[0]?.day).toBe('2026-11-21');
    const past = await shop.ok('analytics.forecast', { scope: { kind: 'shop' }, today: '2026-11-19', horizonDays: 7 });
    expect(past.partial).toBeNull();
  });
});

describe('a return rate whose returns are still coming', () => {
  it('uses a 30-day lag while the shop has too few returns to measure its own', async () => {
    shop = testShop(seed());
    const kpis = await shop.ok('analytics.kpis', { from: '2026-11-14', to: '2026-11-20' });
    // Orders placed from 22 Oct (20 Nov + 1 − 30) on may still see returns.
    expect(kpis.returnsMaturing).toEqual({ lagDays: 30, source: 'default', stillArrivingFrom: '2026-10-22', current: true, previous: true, lastYear: false });
    const old = await shop.ok('analytics.kpis', { from: '2026-09-01', to: '2026-09-30' });
    expect(old.returnsMaturing).toMatchObject({ current: false, previous: false });
  });

  it('measures the lag within which 90 % of returned units came back', async () => {
    // 36 returns after 3 days, 4 after 20: 90 % (36 of 40) came within 3 days.
    shop = testShop(seed([...Array.from({ length: 36 }, () => 3), 20, 20, 20, 20]));
    const kpis = await shop.ok('analytics.kpis', { from: '2026-11-14', to: '2026-11-20' });
    expect(kpis.returnsMaturing).toEqual({ lagDays: 3, source: 'shop', stillArrivingFrom: '2026-11-18', current: true, previous: false, lastYear: false });
    const returns = await shop.ok('analytics.returns', { from: '2026-11-07', to: '2026-11-13', by: 'product' });
    expect(returns.returnsMaturing).toEqual({ lagDays: 3, source: 'shop', stillArrivingFrom: '2026-11-18', current: false });
  });

  it('rounds the covering lag up to whole days and weighs returns by units', () => {
    expect(lagCovering([{ lagDays: 0.2, units: 1 }], 0.9)).toBe(1);
    expect(lagCovering([{ lagDays: 2.5, units: 9 }, { lagDays: 40, units: 1 }], 0.9)).toBe(3);
    expect(lagCovering([{ lagDays: 2.5, units: 8 }, { lagDays: 40, units: 2 }], 0.9)).toBe(40);
  });
});
