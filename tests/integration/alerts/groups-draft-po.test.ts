// One click on a supplier's below-reorder-point group makes the draft PO the
// Reorder page would make for those items (reorder-fixture.ts: Boreal's hoodie M
// → 60 at 25.00; Acme's tea → 18 at 48.00; hoodie L has no supplier).
import { afterEach, describe, expect, it } from 'vitest';
import { ACME, BOREAL, HOD_M, seedReorder, TEA, WAREHOUSE } from '../reorder-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

describe('alert group actions', () => {
  it('creates one draft PO for a supplier group, as reorder.createDraft does, and marks the group seen', async () => {
    shop = testShop(seedReorder);
    await shop.ok('alerts.evaluate', {});
    const groups = (await shop.ok('alerts.groups', { status: 'new' })).groups;
    const boreal = groups.find((g) => g.key === `belowReorderPoint:supplier:${BOREAL}`);
    expect(boreal).toMatchObject({ name: 'Boreal Knit', count: 1, action: { kind: 'createPos', supplierId: BOREAL } });
    expect(groups.find((g) => g.key === `belowReorderPoint:supplier:${ACME}`)?.action).toEqual({ kind: 'createPos', supplierId: ACME });
    // Hoodie L has no supplier: its group opens the Reorder page, where it is listed apart.
    expect(groups.filter((g) => g.rule === 'belowReorderPoint' && g.kind === 'category').map((g) => g.action)).toEqual([{ kind: 'openReorder' }]);

    const created = await shop.ok('alerts.groups.createPo', { group: `belowReorderPoint:supplier:${BOREAL}` });
    expect(created.lines).toEqual([{ variantId: HOD_M, sku: 'HOD-001-BLK-M', quantity: 60, unitCost: 2500 }]);
    expect(created.seen).toBe(1);
    expect(shop.db.prepare('SELECT supplier_id AS supplierId, location_id AS locationId, status FROM purchase_orders WHERE id = ?').get(created.purchaseOrderId)).toEqual({
      supplierId: BOREAL,
      locationId: WAREHOUSE,
      status: 'draft',
    });
    expect(shop.db.prepare('SELECT variant_id AS variantId, quantity_ordered AS quantity, unit_cost AS unitCost FROM purchase_order_lines WHERE purchase_order_id = ?').all(created.purchaseOrderId)).toEqual([
      { variantId: HOD_M, quantity: 60, unitCost: 2500 },
    ]);
    const after = await shop.ok('alerts.groups', { status: 'new' });
    expect(after.groups.some((g) => g.key === `belowReorderPoint:supplier:${BOREAL}`)).toBe(false);
  });

  it('refuses a group that is not a supplier reorder group, and one with nothing to order now', async () => {
    shop = testShop(seedReorder);
    await shop.ok('alerts.evaluate', {});
    const stockOut = (await shop.ok('alerts.groups', {})).groups.find((g) => g.rule === 'stockOut');
    expect(stockOut).toBeDefined();
    const notPurchase = await shop.fail('alerts.groups.createPo', { group: stockOut?.key ?? '' });
    expect([notPurchase.code, notPurchase.details.key]).toEqual(['CONFLICT', 'notAPurchaseGroup']);

    // 1000 teas on a sent PO: the Reorder page no longer suggests tea, so the (not yet re-evaluated) group orders nothing.
    shop.db.prepare("INSERT INTO purchase_orders (id, number, supplier_id, location_id, status, currency, created_at, updated_at, actor) VALUES (9, 'PO-000009', 1, 1, 'sent', 'USD', '2026-11-19', '2026-11-19', 'owner')").run();
    shop.db.prepare('INSERT INTO purchase_order_lines (purchase_order_id, variant_id, quantity_ordered, quantity_received, unit_cost) VALUES (9, ?, 1000, 0, 4800)').run(TEA);
    const nothing = await shop.fail('alerts.groups.createPo', { group: `belowReorderPoint:supplier:${ACME}` });
    expect([nothing.code, nothing.details.key]).toEqual(['CONFLICT', 'nothingToOrder']);
    expect((shop.db.prepare('SELECT COUNT(*) AS n FROM purchase_orders').get() as { n: number }).n).toBe(6);
  });
});
