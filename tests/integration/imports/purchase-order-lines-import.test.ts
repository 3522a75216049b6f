// Lines for a draft purchase order from a spreadsheet: by SKU or the
// supplier's SKU, cost defaulted from the line, the supplier's price list or
// the product cost, a SKU already on the order updating its line, undo
// putting the order back. Seed: tests/integration/catalog-fixture.ts
// (HOD-001-BLK-M cost 2100, HOD-001-BLK-L 2100, TEA-100 5000, MUG-50% no cost,
// SOCK_7 400; shop currency USD).
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

const idOf = (sku: string) => (shop.db.prepare('SELECT id FROM variants WHERE sku = ?').get(sku) as { id: number }).id;
const warehouse = () => (shop.db.prepare("SELECT id FROM locations WHERE code = 'WH-1'").get() as { id: number }).id;
const lines = (orderId: number) =>
  shop.db
    .prepare(
      `SELECT v.sku, l.supplier_sku AS supplierSku, l.quantity_ordered AS qty, l.unit_cost AS cost
       FROM purchase_order_lines l JOIN variants v ON v.id = l.variant_id WHERE l.purchase_order_id = ? ORDER BY v.sku`,
    )
    .all(orderId);

/** A draft order from Acme (USD) with 5 × HOD-001-BLK-L at 20.00; Acme lists HOD-001-BLK-M as AC-HOD-M at 19.00. */
async function draftOrder(currency = 'USD') {
  const supplier = await shop.ok('suppliers.create', { name: 'Acme', currency });
  await shop.ok('supplierItems.upsert', { supplierId: supplier.id, variantId: idOf('HOD-001-BLK-M'), cost: 1900, supplierSku: 'AC-HOD-M' });
  return shop.ok('purchaseOrders.create', {
    supplierId: supplier.id,
    locationId: warehouse(),
    lines: [{ variantId: idOf('HOD-001-BLK-L'), quantity: 5, unitCost: 2000 }],
  });
}

const sheet = [
  '商品编码,供应商货号,采购数量,采购单价',
  'HOD-001-BLK-L,,8,', // on the order: quantity 5 -> 8, its agreed cost stays
  ',AC-HOD-M,12,', // by supplier SKU: new line at the price-list cost 19.00
  'TEA-100,,6,', // new line at the product cost 50.00
  'MUG-50%,,2,', // no cost anywhere
  'SOCK_7,,0,4.00', // quantity must be at least 1
  'NOPE,,1,1', // unknown SKU
  'TEA-100,,1,1', // the same SKU twice
].join('\n');

describe('purchase order lines import', () => {
  it('adds and updates lines of a draft order, names bad rows and columns, applies valid rows only when chosen, and undo restores the order', async () => {
    shop = testShop(seedCatalog);
    const order = await draftOrder();
    const session = await openImport(shop, 'purchaseOrderLines', 'lines.csv', sheet, { options: { purchaseOrderId: order.id } });
    expect(session.columns.map((c) => c.field)).toEqual(['sku', 'supplierSku', 'quantity', 'unitCost']);
    expect(session.counts).toEqual({ create: 2, update: 1, unchanged: 0, skip: 0, error: 4 });
    expect((await rows(shop, session.sessionId)).filter((r) => r.outcome !== 'error').map((r) => [r.row, r.outcome, r.label, r.changes])).toEqual([
      [2, 'update', 'Cloud Hoodie / Black', [{ field: 'quantity', before: 5, after: 8 }]],
      [
        3,
        'create',
        'Cloud Hoodie / Black',
        [
          { field: 'quantity', before: null, after: 12 },
          { field: 'unitCost', before: null, after: 1900 },
        ],
      ],
      [
        4,
        'create',
        '龙井绿茶 Longjing tea',
        [
          { field: 'quantity', before: null, after: 6 },
          { field: 'unitCost', before: null, after: 5000 },
        ],
      ],
    ]);
    expect((await rows(shop, session.sessionId, 'error')).map((r) => r.issues.map((i) => i.message))).toEqual([
      ['Row 5, 采购单价: no cost is known for "MUG-50%" (no price-list cost from this supplier, no product cost); enter one'],
      ['Row 6, 采购数量: "0" is below the minimum'],
      ['Row 7, 商品编码: no product has the SKU "NOPE"'],
      ['Row 8, 商品编码: "TEA-100" appears again on row 4'],
    ]);

    const refused = await applyImport(shop, session.sessionId, 'all');
    expect(refused.error?.details.key).toBe('importHasErrors');
    expect(lines(order.id)).toEqual([{ sku: 'HOD-001-BLK-L', supplierSku: null, qty: 5, cost: 2000 }]);

    expect((await applyImport(shop, session.sessionId, 'validOnly')).status).toBe('succeeded');
    expect(lines(order.id)).toEqual([
      { sku: 'HOD-001-BLK-L', supplierSku: null, qty: 8, cost: 2000 },
      { sku: 'HOD-001-BLK-M', supplierSku: 'AC-HOD-M', qty: 12, cost: 1900 },
      { sku: 'TEA-100', supplierSku: null, qty: 6, cost: 5000 },
    ]);
    // The order's own view adds the new lines up (no stored totals to keep in step).
    const detail = await shop.ok('purchaseOrders.get', { purchaseOrderId: order.id });
    expect(detail.lines.length).toBe(3);

    const applied = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied;
    await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
    expect(lines(order.id)).toEqual([{ sku: 'HOD-001-BLK-L', supplierSku: null, qty: 5, cost: 2000 }]);
  });

  it('uses the product cost only for orders in the shop currency', async () => {
    shop = testShop(seedCatalog);
    const order = await draftOrder('EUR');
    const session = await openImport(shop, 'purchaseOrderLines', 'lines.csv', 'SKU,Quantity,Unit cost\nTEA-100,6,\nTEA-100x,1,\n', {
      options: { purchaseOrderId: order.id },
    });
    expect((await rows(shop, session.sessionId, 'error')).map((r) => r.issues[0]?.key)).toEqual(['noCostKnown', 'unknownSku']);
  });

  it('refuses every row when the order is no longer a draft', async () => {
    shop = testShop(seedCatalog);
    const order = await draftOrder();
    await shop.ok('purchaseOrders.send', { purchaseOrderId: order.id });
    const session = await openImport(shop, 'purchaseOrderLines', 'lines.csv', 'SKU,Quantity,Unit cost\nTEA-100,6,50\nHOD-001-BLK-L,1,20\n', {
      options: { purchaseOrderId: order.id },
    });
    expect(session.counts).toEqual({ create: 0, update: 0, unchanged: 0, skip: 0, error: 2 });
    expect((await rows(shop, session.sessionId, 'error')).map((r) => r.issues.map((i) => i.key))).toEqual([['notDraft'], ['notDraft']]);
    expect((await applyImport(shop, session.sessionId, 'validOnly')).status).toBe('succeeded');
    expect(lines(order.id)).toEqual([{ sku: 'HOD-001-BLK-L', supplierSku: null, qty: 5, cost: 2000 }]);
  });
});
