// Alert groups on hand-built alerts (issue 16). The shop:
//   suppliers Acme (1), Boreal (2); categories Apparel (root) > Hoodies, Home (root)
//   V1 hoodie (Hoodies): items from Acme (preferred, 900) and Boreal (800) → Acme is its supplier
//   V2 hoodie (Hoodies): Boreal only;  V3 vase (Home): no supplier;  V4 hoodie: Acme only
// The alerts (a9 resolved, the rest new):
//   a1 below ROP V1 → Acme, position 4 at 2/day → 2.0 days of cover
//   a2 below ROP V4 → Acme, position 5 at 1/day → 5.0 days
//   a3 stock-out V1, critical, 20 sold in 28 d (a fast mover: urgent): V1 also has a1 open → Acme's reorder group
//   a4 stock-out V2, warning, 2 sold: no reorder alert → its own stock-out group of Boreal
//   a11 stock-out V4, critical, 13 sold: not a fast mover → Acme's reorder group, not urgent by itself
//   a5 low stock V3, info, no supplier → low stock × Home
//   a6 sales drop of V3's product (Home), −5000;  a7 sales drop of category Home, −8000 → one group
//   a8 KPI limit (net sales) and a10 sync failure (critical) → a group each
//   a9 below ROP V2 → Boreal, resolved
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertExplanation } from '../../../src/alerts/contract.js';
import { openDatabase } from '../../../src/db/open.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

const at = '2026-11-01T00:00:00.000Z';

function explanation(over: Partial<AlertExplanation>): AlertExplanation {
  return {
    title: { key: 'alerts.title.kpi.below', params: { kpi: 'netSales', date: '2026-11-19' } },
    metric: { key: 'alerts.metric.available', params: {} },
    unit: 'units',
    value: 0,
    baseline: null,
    baselineText: { key: 'alerts.baseline.reorderPoint', params: {} },
    change: null,
    changeRatio: null,
    band: null,
    causes: [],
    action: null,
    window: null,
    ...over,
  };
}

const reorderAlert = (supplierId: number, variantId: number, position: number, perDay: number) =>
  explanation({
    title: { key: 'alerts.title.belowReorderPoint', params: { sku: `V${variantId}`, product: 'Hoodie' } },
    value: position,
    baseline: 10,
    change: position - 10,
    causes: [{ key: 'alerts.cause.demand', params: { perDay, days: 28 } }],
    action: { kind: 'createPo', supplierId, locationId: 1, variantIds: [variantId] },
  });
const stockOut = (variantId: number, units: number) =>
  explanation({
    title: { key: 'alerts.title.stockOut', params: { sku: `V${variantId}`, product: 'Hoodie' } },
    baselineText: { key: 'alerts.baseline.soldRecently', params: { units, days: 28 } },
    action: { kind: 'openProduct', productId: 1 },
  });
const drop = (name: string, change: number) =>
  explanation({ title: { key: 'alerts.title.salesDrop.product', params: { name } }, unit: 'money', value: 10000 + change, baseline: 10000, change });

function seed(path: string): void {
  const db = openDatabase(path);
  db.transaction(() => {
    const supplier = db.prepare("INSERT INTO suppliers (id, name, currency, created_at, updated_at) VALUES (?, ?, 'USD', ?, ?)");
    supplier.run(1, 'Acme', at, at);
    supplier.run(2, 'Boreal', at, at);
    const category = db.prepare('INSERT INTO categories (id, parent_id, name, path, created_at) VALUES (?, ?, ?, ?, ?)');
    category.run(1, null, 'Apparel', 'Apparel', at);
    category.run(2, 1, 'Hoodies', 'Apparel > Hoodies', at);
    category.run(3, null, 'Home', 'Home', at);
    const product = db.prepare("INSERT INTO products (id, handle, title, category_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'active', ?, ?)");
    product.run(1, 'hoodie', 'Hoodie', 2, at, at);
    product.run(2, 'vase', 'Vase', 3, at, at);
    const variant = db.prepare(
      "INSERT INTO variants (id, product_id, sku, price, status, position, created_at, updated_at) VALUES (?, ?, ?, 1000, 'active', ?, ?, ?)",
    );
    for (const [id, productId] of [[1, 1], [2, 1], [3, 2], [4, 1]] as const) variant.run(id, productId, `V${id}`, id, at, at);
    const item = db.prepare('INSERT INTO supplier_items (supplier_id, variant_id, cost, is_preferred) VALUES (?, ?, ?, ?)');
    item.run(1, 1, 900, 1);
    item.run(2, 1, 800, 0);
    item.run(2, 2, 800, 0);
    item.run(1, 4, 900, 0);
    const alert = db.prepare(
      `INSERT INTO alerts (id, rule, subject_type, subject_id, fingerprint, status, severity, raised_at, checked_at, resolved_at, explanation)
       VALUES (?, ?, ?, ?, ?, ?, ?, '2026-11-20T09:00:00.000Z', '2026-11-20T09:00:00.000Z', ?, ?)`,
    );
    const add = (id: number, rule: string, type: string, subject: string | null, severity: string, e: AlertExplanation, status = 'new') =>
      alert.run(id, rule, type, subject, `${rule}:${type}:${subject}`, status, severity, status === 'resolved' ? at : null, JSON.stringify(e));
    add(1, 'belowReorderPoint', 'variant', '1', 'warning', reorderAlert(1, 1, 4, 2));
    add(2, 'belowReorderPoint', 'variant', '4', 'warning', reorderAlert(1, 4, 5, 1));
    add(3, 'stockOut', 'variant', '1', 'critical', stockOut(1, 20));
    add(4, 'stockOut', 'variant', '2', 'warning', stockOut(2, 2));
    add(5, 'lowStock', 'variant', '3', 'info', explanation({ title: { key: 'alerts.title.lowStock', params: { sku: 'V3', product: 'Vase' } }, change: 0 }));
    add(6, 'salesDrop', 'product', '2', 'warning', drop('Vase', -5000));
    add(7, 'salesDrop', 'category', '3', 'warning', drop('Home', -8000));
    add(8, 'kpiLimit', 'kpi', 'netSales', 'warning', explanation({ action: { kind: 'openReport', report: 'dashboard' } }));
    add(9, 'belowReorderPoint', 'variant', '2', 'warning', reorderAlert(2, 2, 1, 1), 'resolved');
    add(11, 'stockOut', 'variant', '4', 'critical', stockOut(4, 13));
    add(10, 'syncFailure', 'channel', '1', 'critical', explanation({ title: { key: 'alerts.title.syncFailure', params: { channel: 'Tmall' } }, action: { kind: 'openChannel', channelId: 1 } }));
  })();
  db.close();
}

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

describe('alert groups', () => {
  it('groups by rule × supplier / top-level category / subject, with counts, worst items, action and the badge count', async () => {
    shop = testShop(seed);
    const answer = await shop.ok('alerts.groups', { status: 'new' });
    expect(answer.groups.map((g) => [g.key, g.name, g.count, g.newCount, g.severity, g.needsAction, g.urgent])).toEqual([
      ['belowReorderPoint:supplier:1', 'Acme', 4, 4, 'critical', true, true],
      ['syncFailure:subject:channel:1', null, 1, 1, 'critical', true, true],
      ['salesDrop:category:3', 'Home', 2, 2, 'warning', true, false],
      ['kpiLimit:subject:kpi:netSales', null, 1, 1, 'warning', true, false],
      ['stockOut:supplier:2', 'Boreal', 1, 1, 'warning', true, false],
      ['lowStock:category:3', 'Home', 1, 1, 'info', false, false],
    ]);
    expect(answer.needAction).toBe(5);
    expect(answer.urgent).toBe(2);
    expect(answer.counts).toEqual({ new: 10, seen: 0, resolved: 1 });

    const acme = answer.groups[0];
    // Worst first: the critical stock-outs by units sold, then by days of cover (V1 shows once: its stock-out; V4 likewise).
    expect(acme?.worst.map((w) => [w.alert.id, w.measure])).toEqual([
      [3, { kind: 'unitsSold', unit: 'units', value: 20 }],
      [11, { kind: 'unitsSold', unit: 'units', value: 13 }],
    ]);
    expect(acme?.rule).toBe('belowReorderPoint');
    expect(acme?.action).toEqual({ kind: 'createPos', supplierId: 1 });
    const byKey = new Map(answer.groups.map((g) => [g.key, g]));
    expect(byKey.get('salesDrop:category:3')?.worst.map((w) => [w.alert.id, w.measure.value])).toEqual([
      [7, -8000],
      [6, -5000],
    ]);
    expect(byKey.get('salesDrop:category:3')?.action).toEqual({ kind: 'openReport', report: 'sales' });
    expect(byKey.get('stockOut:supplier:2')?.action).toEqual({ kind: 'openStock' });
    expect(byKey.get('kpiLimit:subject:kpi:netSales')?.title).toEqual({ key: 'alerts.title.kpi.below', params: { kpi: 'netSales', date: '2026-11-19' } });
    expect(byKey.get('kpiLimit:subject:kpi:netSales')?.action).toEqual({ kind: 'openReport', report: 'dashboard' });
    expect(byKey.get('syncFailure:subject:channel:1')?.action).toEqual({ kind: 'openChannel', channelId: 1 });

    // Every status: the resolved reorder alert of Boreal is its own group, needing nothing.
    const all = await shop.ok('alerts.groups', {});
    expect(all.groups.find((g) => g.key === 'belowReorderPoint:supplier:2')).toMatchObject({ count: 1, newCount: 0, needsAction: false });
    expect(all.needAction).toBe(5);
  });

  it('lists a group worst first and marks a whole group seen or resolved', async () => {
    shop = testShop(seed);
    const acme = await shop.ok('alerts.list', { group: 'belowReorderPoint:supplier:1' });
    expect(acme.alerts.map((a) => a.id)).toEqual([3, 11, 1, 2]);
    expect(acme.total).toBe(4);
    const page = await shop.ok('alerts.list', { group: 'belowReorderPoint:supplier:1', offset: 1, limit: 1 });
    expect([page.alerts.map((a) => a.id), page.total]).toEqual([[11], 4]);

    expect(await shop.ok('alerts.groups.setStatus', { group: 'belowReorderPoint:supplier:1', status: 'seen' })).toEqual({ updated: 4 });
    const after = await shop.ok('alerts.groups', { status: 'new' });
    expect(after.needAction).toBe(4);
    expect(after.urgent).toBe(1);
    expect(after.groups.some((g) => g.key === 'belowReorderPoint:supplier:1')).toBe(false);

    expect(await shop.ok('alerts.groups.setStatus', { group: 'salesDrop:category:3', status: 'resolved' })).toEqual({ updated: 2 });
    const rows = shop.db.prepare('SELECT id, status, suppressed FROM alerts WHERE id IN (6, 7) ORDER BY id').all();
    expect(rows).toEqual([
      { id: 6, status: 'resolved', suppressed: 1 },
      { id: 7, status: 'resolved', suppressed: 1 },
    ]);
    expect((await shop.ok('alerts.groups', { status: 'new' })).needAction).toBe(3);
    // Nothing left to mark: no change, no error.
    expect(await shop.ok('alerts.groups.setStatus', { group: 'salesDrop:category:3', status: 'seen' })).toEqual({ updated: 0 });
  });

  it('regroups open alerts when an item changes supplier', async () => {
    shop = testShop(seed);
    shop.db.prepare('UPDATE supplier_items SET is_preferred = 1 WHERE supplier_id = 2 AND variant_id = 2').run();
    shop.db.prepare('DELETE FROM supplier_items WHERE variant_id = 2 AND supplier_id = 2').run();
    shop.db.prepare('INSERT INTO supplier_items (supplier_id, variant_id, cost, is_preferred) VALUES (1, 2, 700, 1)').run();
    // V2's stock-out now joins Acme's reorder group (Acme is being reordered from: one draft PO brings it back).
    const groups = (await shop.ok('alerts.groups', { status: 'new' })).groups;
    expect(groups.map((g) => g.key)).not.toContain('stockOut:supplier:2');
    expect(groups.find((g) => g.key === 'belowReorderPoint:supplier:1')?.count).toBe(5);
  });

  it('refuses a group key it does not make', async () => {
    shop = testShop(seed);
    const refused = await shop.fail('alerts.list', { group: 'DROP TABLE alerts' });
    expect(refused.code).toBe('VALIDATION');
    expect((await shop.ok('alerts.list', { group: 'stockOut:supplier:99' })).alerts).toEqual([]);
  });
});
