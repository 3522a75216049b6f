// Alerts on a small hand-made shop (UTC, now = Friday 2026-11-20 10:00):
// - Longjing tea sold one unit (128.00) every day from 18 Sep to 12 Nov, then
//   only on 13 and 14 Nov, and its price went 128.00 → 148.00 on 12 Nov.
//   Last 7 days (13–19 Nov): 2 × 12800 = 25600. Baseline: each of those days'
//   same weekday in the 8 weeks before sold 12800 every time → median 12800,
//   × 7 days = 89600. Change −64000 = −5/7.
// - Cloud Hoodie Black L has nothing on hand and sold 2 units on 10 Nov → stock-out.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../../src/events.js';
import { openDatabase } from '../../../src/db/open.js';
import { seedCatalog } from '../catalog-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs, testNow } from '../temp-shop.js';

function seedAlertShop(path: string): void {
  seedCatalog(path);
  const db = openDatabase(path);
  db.transaction(() => {
    const location = (db.prepare('SELECT id FROM locations ORDER BY id LIMIT 1').get() as { id: number }).id;
    db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (1, 'web', 'Web', 'manual', '2026-01-01T00:00:00.000Z')").run();
    const variant = (sku: string) => (db.prepare('SELECT id FROM variants WHERE sku = ?').get(sku) as { id: number }).id;
    const order = db.prepare(
      `INSERT INTO orders (channel_id, order_number, location_id, status, placed_at, currency, subtotal, total)
       VALUES (1, ?, ${location}, 'fulfilled', ?, 'USD', ?, ?)`,
    );
    const line = db.prepare('INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, unit_cost) VALUES (?, ?, ?, ?, ?, ?, 0)');
    const sell = (n: number, date: string, sku: string, quantity: number, price: number) => {
      const id = order.run(`N${n}`, `${date}T12:00:00.000Z`, quantity * price, quantity * price).lastInsertRowid;
      line.run(id, variant(sku), sku, sku, quantity, price);
    };
    let n = 0;
    for (let day = Date.parse('2026-09-18T00:00:00Z'); day <= Date.parse('2026-11-14T00:00:00Z'); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      sell((n += 1), date, 'TEA-100', 1, 12800);
    }
    sell(n + 1, '2026-11-10', 'HOD-001-BLK-L', 2, 5999);
    const set = db
      .prepare("INSERT INTO change_sets (kind, summary, actor, created_at) VALUES ('price_change', 'Tea price', 'owner', '2026-11-12T09:00:00.000Z')")
      .run().lastInsertRowid;
    db.prepare("INSERT INTO change_set_items (change_set_id, entity, entity_id, field, before_value, after_value) VALUES (?, 'variants', ?, 'price', '12800', '14800')").run(
      set,
      variant('TEA-100'),
    );
    db.prepare("UPDATE variants SET price = 14800 WHERE sku = 'TEA-100'").run();
  })();
  db.close();
}

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const productId = (sku: string) => (shop.db.prepare('SELECT product_id AS id FROM variants WHERE sku = ?').get(sku) as { id: number }).id;
const variantId = (sku: string) => (shop.db.prepare('SELECT id FROM variants WHERE sku = ?').get(sku) as { id: number }).id;
const alertCount = () => (shop.db.prepare('SELECT COUNT(*) AS n FROM alerts').get() as { n: number }).n;

describe('alerts that explain themselves', () => {
  it('raises a sales drop with its baseline and causes, and a stock-out with an action', async () => {
    shop = testShop(seedAlertShop);
    const events: CoreEvent[] = [];
    shop.core.on((event) => events.push(event));

    const run = await shop.ok('alerts.evaluate', {});
    const listed = await shop.ok('alerts.list', { status: 'new' });
    const rules = listed.alerts.map((a) => `${a.rule}:${a.subjectType}:${a.subjectId}`).sort();
    expect(rules).toEqual([
      `belowReorderPoint:variant:${variantId('HOD-001-BLK-L')}`,
      `salesDrop:product:${productId('TEA-100')}`,
      `stockOut:variant:${variantId('HOD-001-BLK-L')}`,
    ]);
    expect(run).toEqual({ opened: 3, resolved: 0, open: 3 });
    expect(listed.counts).toEqual({ new: 3, seen: 0, resolved: 0 });
    expect(events.filter((e) => e.name === 'alerts.raised').map((e) => e.payload)).toEqual([
      expect.objectContaining({ count: 3 }),
    ]);

    const drop = listed.alerts.find((a) => a.rule === 'salesDrop');
    expect(drop?.status).toBe('new');
    expect(drop?.raisedAt).toBe(testNow);
    expect(drop?.explanation).toMatchObject({
      title: { key: 'alerts.title.salesDrop.product', params: { name: '龙井绿茶 Longjing tea' } },
      unit: 'money',
      value: 25600,
      baseline: 89600,
      change: -64000,
      window: { from: '2026-11-13', to: '2026-11-19' },
      causes: [{ key: 'alerts.cause.priceChange', params: { sku: 'TEA-100', before: 12800, after: 14800, date: '2026-11-12', count: 1 } }],
      action: { kind: 'openProduct', productId: productId('TEA-100') },
    });
    expect(drop?.explanation.changeRatio).toBeCloseTo(-5 / 7, 10);

    const out = listed.alerts.find((a) => a.rule === 'stockOut');
    // 2 units in 28 days is under one a week: a warning, not critical.
    expect(out?.severity).toBe('warning');
    expect(out?.explanation).toMatchObject({
      value: 0,
      baselineText: { key: 'alerts.baseline.soldRecently', params: { units: 2, days: 28 } },
      causes: [{ key: 'alerts.cause.nothingOnOrder', params: {} }],
      action: { kind: 'openProduct', productId: productId('HOD-001-BLK-L') },
    });
  });

  it('re-evaluating keeps open alerts without duplicates; new → seen → resolved', async () => {
    shop = testShop(seedAlertShop);
    await shop.ok('alerts.evaluate', {});
    expect(await shop.ok('alerts.evaluate', {})).toEqual({ opened: 0, resolved: 0, open: 3 });
    expect(alertCount()).toBe(3);

    const { alerts } = await shop.ok('alerts.list', {});
    const drop = alerts.find((a) => a.rule === 'salesDrop');
    if (!drop) throw new Error('no sales drop');
    expect(await shop.ok('alerts.setStatus', { ids: [drop.id], status: 'seen' })).toEqual({ updated: 1 });
    let listed = await shop.ok('alerts.list', { status: 'seen' });
    expect(listed.counts).toEqual({ new: 2, seen: 1, resolved: 0 });
    expect(listed.alerts.map((a) => [a.id, a.seenAt])).toEqual([[drop.id, testNow]]);

    // An unknown id among known ones changes nothing.
    const bad = await shop.fail('alerts.setStatus', { ids: [drop.id, 999_999], status: 'resolved' });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.details.issues?.map((i) => [i.path, i.key])).toEqual([['ids.1', 'unknownAlert']]);
    expect((await shop.ok('alerts.list', {})).counts).toEqual({ new: 2, seen: 1, resolved: 0 });

    expect(await shop.ok('alerts.setStatus', { ids: [drop.id], status: 'resolved' })).toEqual({ updated: 1 });
    listed = await shop.ok('alerts.list', { status: 'resolved' });
    expect(listed.alerts.map((a) => [a.id, a.resolvedAt])).toEqual([[drop.id, testNow]]);
    // The owner resolved it: the still-low week does not raise it again.
    expect(await shop.ok('alerts.evaluate', {})).toEqual({ opened: 0, resolved: 0, open: 2 });
    const seenAgain = await shop.fail('alerts.setStatus', { ids: [drop.id], status: 'seen' });
    expect(seenAgain.details.issues?.map((i) => [i.path, i.key])).toEqual([['ids.0', 'alertResolved']]);
  });

  it('an alert resolves itself when its condition is gone', async () => {
    shop = testShop(seedAlertShop);
    await shop.ok('alerts.evaluate', {});
    // 30 units of Black L arrive (on hand through the ledger row and the level it sums to).
    const v = variantId('HOD-001-BLK-L');
    shop.db.prepare("INSERT INTO stock_movements (variant_id, location_id, delta, reason, actor, occurred_at) VALUES (?, 1, 30, 'receive', 'test', ?)").run(v, testNow);
    shop.db.prepare('UPDATE stock_levels SET on_hand = 30 WHERE variant_id = ?').run(v);

    const run = await shop.ok('alerts.evaluate', {});
    expect(run).toEqual({ opened: 0, resolved: 2, open: 1 });
    const resolved = await shop.ok('alerts.list', { status: 'resolved' });
    expect(resolved.alerts.map((a) => [a.rule, a.resolvedAt]).sort()).toEqual([
      ['belowReorderPoint', testNow],
      ['stockOut', testNow],
    ]);
  });

  it('owner limits on a daily KPI raise an alert; bad limits change nothing', async () => {
    shop = testShop(seedAlertShop);
    // Yesterday (Thu 19 Nov) had 0 orders; each of the 8 Thursdays before had 1 (MAD 0: no default band).
    await shop.ok('alerts.evaluate', {});
    expect((await shop.ok('alerts.list', {})).alerts.some((a) => a.rule === 'kpiLimit')).toBe(false);

    const set = await shop.ok('alerts.limits.set', { kpi: 'orders', lower: 1, upper: null });
    expect(set.limits.find((l) => l.kpi === 'orders')).toEqual({ kpi: 'orders', lower: 1, upper: null, updatedAt: testNow });
    expect(await shop.ok('alerts.evaluate', {})).toMatchObject({ opened: 1 });
    const kpi = (await shop.ok('alerts.list', {})).alerts.find((a) => a.rule === 'kpiLimit');
    expect(kpi?.explanation).toMatchObject({
      title: { key: 'alerts.title.kpi.below', params: { kpi: 'orders', date: '2026-11-19' } },
      value: 0,
      baseline: 1,
      change: -1,
      changeRatio: -1,
      band: { lower: 1, upper: null, source: 'owner' },
    });

    const bad = await shop.fail('alerts.limits.set', { kpi: 'netSales', lower: 5000, upper: 100 });
    expect(bad.details.issues?.map((i) => [i.path, i.key])).toEqual([['upper', 'limitOrder']]);
    const limits = await shop.ok('alerts.limits.get', {});
    expect(limits.limits.find((l) => l.kpi === 'netSales')).toEqual({ kpi: 'netSales', lower: null, upper: null, updatedAt: null });

    // Both null: back to the history band, and the alert resolves itself.
    await shop.ok('alerts.limits.set', { kpi: 'orders', lower: null, upper: null });
    expect(await shop.ok('alerts.evaluate', {})).toMatchObject({ opened: 0, resolved: 1 });
  });

  it('a data change makes the core evaluate by itself (2 s later) and announce the new alerts', { timeout: 15_000 }, async () => {
    shop = testShop(seedAlertShop);
    const raised: number[] = [];
    shop.core.on((event) => {
      if (event.name === 'alerts.raised') raised.push(event.payload.count);
    });
    await shop.ok('settings.update', { name: 'Tea & hoodies' });
    // Never inside the request that wrote.
    expect(alertCount()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(alertCount()).toBe(0); // still settling
    await vi.waitFor(() => expect(raised).toEqual([3]), { timeout: 5_000, interval: 100 });
    expect(alertCount()).toBe(3);
  });
});
