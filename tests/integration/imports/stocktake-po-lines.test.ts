import { afterEach, describe, expect, it } from 'vitest';
import { seedCatalog } from '../catalog-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, openImport, rows } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const firstSkus = (shop: TestShop, n: number) => (shop.db.prepare('SELECT id, sku FROM variants ORDER BY id LIMIT ?').all(n) as { id: number; sku: string }[]);
const warehouseId = (shop: TestShop) => (shop.db.prepare("SELECT id FROM locations WHERE kind = 'warehouse' ORDER BY id LIMIT 1").get() as { id: number }).id;

describe('stocktake counts import', () => {
  it('needs an open stocktake, adds up rows of the same item, and undo puts the earlier counts back', async () => {
    shop = testShop(seedCatalog);
    const [a, b] = firstSkus(shop, 2);
    const stocktake = await shop.ok('stocktakes.open', { locationId: warehouseId(shop) });
    const file = ['盘点单', 'Bin,SKU,Counted', `A-01,${a?.sku},4`, `B-02,${a?.sku},3`, `A-03,${b?.sku},`, 'A-04,NOPE,1'].join('\n');
    const session = await openImport(shop, 'stocktakeCounts', 'counts.csv', file);
    expect(session.fileIssues.map((i) => i.key)).toEqual(['optionNeeded']);
    const chosen = await shop.ok('imports.update', { sessionId: session.sessionId, options: { blankClears: false, stocktakeId: stocktake.id } });
    expect(chosen.headerRow).toBe(2);
    expect(chosen.counts).toEqual({ create: 0, update: 2, unchanged: 1, skip: 0, error: 1 });
    expect((await rows(shop, session.sessionId, 'update')).map((r) => r.changes)).toEqual([
      [{ field: 'counted', before: null, after: 4 }],
      [{ field: 'counted', before: null, after: 7 }],
    ]);
    await applyImport(shop, session.sessionId, 'validOnly');
    const counted = () => shop.db.prepare('SELECT variant_id AS id, counted FROM stocktake_lines WHERE stocktake_id = ? AND counted IS NOT NULL').all(stocktake.id);
    expect(counted()).toEqual([{ id: a?.id, counted: 7 }]);
    const applied = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied;
    await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
    expect(counted()).toEqual([]);
  });
});

describe('purchase order lines import', () => {
  it('adds lines to a draft order with costs from the price list, updates a line already there, refuses a sent order', async () => {
    shop = testShop(seedCatalog);
    const [a, b] = firstSkus(shop, 2);
    const supplier = await shop.ok('suppliers.create', { name: 'Acme', currency: 'USD' });
    await shop.ok('supplierItems.upsert', { supplierId: supplier.id, variantId: b?.id ?? 0, cost: 450, supplierSku: 'ACME-B' });
    const order = await shop.ok('purchaseOrders.create', { supplierId: supplier.id, locationId: warehouseId(shop), lines: [{ variantId: a?.id ?? 0, quantity: 5, unitCost: 100 }] });
    const file = ['SKU,Supplier SKU,Quantity,Unit cost', `${a?.sku},,8,`, ',ACME-B,12,', `${a?.sku},,1,1`].join('\n');
    const session = await openImport(shop, 'purchaseOrderLines', 'lines.csv', file, { options: { purchaseOrderId: order.id } });
    expect(session.counts).toEqual({ create: 1, update: 1, unchanged: 0, skip: 0, error: 1 });
    await applyImport(shop, session.sessionId, 'validOnly');
    const lines = () => shop.db.prepare('SELECT variant_id AS id, quantity_ordered AS qty, unit_cost AS cost FROM purchase_order_lines WHERE purchase_order_id = ? ORDER BY variant_id').all(order.id);
    expect(lines()).toEqual([
      { id: a?.id, qty: 8, cost: 100 },
      { id: b?.id, qty: 12, cost: 450 },
    ]);
    const applied = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied;
    await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
    expect(lines()).toEqual([{ id: a?.id, qty: 5, cost: 100 }]);

    await shop.ok('purchaseOrders.send', { purchaseOrderId: order.id });
    const sent = await openImport(shop, 'purchaseOrderLines', 'lines.csv', file, { options: { purchaseOrderId: order.id } });
    expect((await rows(shop, sent.sessionId, 'error'))[0]?.issues[0]?.key).toBe('notDraft');
  });
});
