// One test per area: a change made through the core appears in the audit log with
// the person who made it, where from, and each field's before and after.
import { afterEach, describe, expect, it } from 'vitest';
import { seedPurchasing, TEA, HOD_M, WAREHOUSE } from '../purchasing-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs, testNow } from '../temp-shop.js';
import { teeSale } from '../promotions/lifecycle-fixture.js';
import { audited, changeOf } from './audit-harness.js';
import { createAuditService } from '../../../src/audit/service.js';
import { fixedClock } from '../../../src/shared/clock.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

describe('the audit log records every area with who and before → after', () => {
  it('settings', async () => {
    shop = testShop();
    const { row, expectedPerson } = await audited(shop, 'settings.update', { name: 'Tea & Mugs' });
    expect(row).toMatchObject({ kind: 'settings.update', area: 'settings', personName: expectedPerson });
    expect(changeOf(row, 'shop_settings', 'name')).toMatchObject({ before: 'Test shop', after: 'Tea & Mugs' });
    // Only what changed is listed.
    expect(changeOf(row, 'shop_settings', 'currency')).toBeUndefined();
  });

  it('suppliers: created and changed', async () => {
    shop = testShop(seedPurchasing);
    const created = await audited(shop, 'suppliers.create', { name: 'Acme Tea Co', currency: 'USD', leadTimeDays: 10 });
    expect(created.row).toMatchObject({ kind: 'suppliers.create', area: 'suppliers', personName: created.expectedPerson, subject: `suppliers:${created.value.id}` });
    expect(changeOf(created.row, 'suppliers', 'name')).toMatchObject({ before: null, after: 'Acme Tea Co' });
    const updated = await audited(shop, 'suppliers.update', { supplierId: created.value.id, leadTimeDays: 14 });
    expect(changeOf(updated.row, 'suppliers', 'lead_time_days')).toMatchObject({ before: 10, after: 14, label: 'Acme Tea Co' });
  });

  it('supplier items: the cost a supplier charges', async () => {
    shop = testShop(seedPurchasing);
    const supplier = await shop.ok('suppliers.create', { name: 'Acme Tea Co', currency: 'USD' });
    await audited(shop, 'supplierItems.upsert', { supplierId: supplier.id, variantId: TEA, supplierSku: 'AC-LJ', cost: 4800 });
    const { row, expectedPerson } = await audited(shop, 'supplierItems.upsert', { supplierId: supplier.id, variantId: TEA, supplierSku: 'AC-LJ', cost: 5100 });
    expect(row).toMatchObject({ kind: 'supplierItems.upsert', personName: expectedPerson });
    expect(changeOf(row, 'supplier_items', 'cost')).toMatchObject({ before: 4800, after: 5100 });
  });

  it('locations', async () => {
    shop = testShop(seedPurchasing);
    const created = await audited(shop, 'locations.create', { code: 'OUT', name: 'Outlet', kind: 'store' });
    expect(changeOf(created.row, 'locations', 'name')).toMatchObject({ before: null, after: 'Outlet' });
    const renamed = await audited(shop, 'locations.update', { locationId: created.value.id, name: 'Outlet North' });
    expect(renamed.row).toMatchObject({ kind: 'locations.update', area: 'stock', personName: renamed.expectedPerson });
    expect(changeOf(renamed.row, 'locations', 'name')).toMatchObject({ before: 'Outlet', after: 'Outlet North' });
  });

  it('purchase orders and their receipt', async () => {
    shop = testShop(seedPurchasing);
    const supplier = await shop.ok('suppliers.create', { name: 'Acme Tea Co', currency: 'USD' });
    const created = await audited(shop, 'purchaseOrders.create', { supplierId: supplier.id, locationId: WAREHOUSE, lines: [{ variantId: TEA, quantity: 10, unitCost: 4500 }] });
    expect(changeOf(created.row, 'purchase_orders', 'status')).toMatchObject({ before: null, after: 'draft' });
    expect(changeOf(created.row, 'purchase_order_lines', 'quantity_ordered')).toMatchObject({ before: null, after: 10 });
    const sent = await audited(shop, 'purchaseOrders.send', { purchaseOrderId: created.value.id });
    expect(changeOf(sent.row, 'purchase_orders', 'status')).toMatchObject({ before: 'draft', after: 'sent' });
    const received = await audited(shop, 'purchaseOrders.receive', { purchaseOrderId: created.value.id, lines: [{ variantId: TEA, quantity: 4 }] });
    expect(received.row).toMatchObject({ kind: 'purchaseOrders.receive', area: 'purchasing', personName: received.expectedPerson });
    expect(changeOf(received.row, 'purchase_order_lines', 'quantity_received')).toMatchObject({ before: 0, after: 4 });
    expect(changeOf(received.row, 'receipt_lines', 'quantity')).toMatchObject({ before: null, after: 4 });
    // The stock it brought in is in the ledger, linked by count (the movements keep the quantities).
    expect(received.row.movements).toBe(1);
  });

  it('alert limits', async () => {
    shop = testShop();
    const { row, expectedPerson } = await audited(shop, 'alerts.limits.set', { kpi: 'orders', lower: 5, upper: 50 });
    expect(row).toMatchObject({ kind: 'alerts.limits.set', area: 'alerts', personName: expectedPerson });
    expect(changeOf(row, 'alert_limits', 'upper_limit')).toMatchObject({ after: 50 });
  });

  it('reorder settings', async () => {
    shop = testShop(seedPurchasing);
    const { row, expectedPerson } = await audited(shop, 'reorder.settings.update', { serviceLevel: 0.98 });
    expect(row).toMatchObject({ kind: 'reorder.settings.update', area: 'purchasing', personName: expectedPerson });
    const change = changeOf(row, 'shop_settings', 'service_level');
    expect(change?.after).toBe(0.98);
    expect(change?.before).not.toBe(0.98);
  });

  it('promotions: settings and a promotion', async () => {
    shop = testShop(seedPurchasing);
    const settings = await audited(shop, 'promotions.settings.update', { minMarginBp: 1500 });
    expect(changeOf(settings.row, 'promotion_settings', 'min_margin_bp')).toMatchObject({ after: 1500 });
    const promotion = await audited(shop, 'promotions.create', teeSale({ name: 'Tea week' }));
    expect(promotion.row).toMatchObject({ area: 'promotions', personName: promotion.expectedPerson });
    expect(changeOf(promotion.row, 'promotions', 'name')?.after).toBe('Tea week');
  });

  it('catalog: the row links the change set, whose items are the before and after', async () => {
    shop = testShop(seedPurchasing);
    const { row, expectedPerson } = await audited(shop, 'variants.update', { variantId: HOD_M, changes: { price: 2999 } });
    expect(row).toMatchObject({ kind: 'variants.update', area: 'catalog', personName: expectedPerson });
    expect(row.changeSetId).not.toBeNull();
    expect(changeOf(row, 'variants', 'price')).toMatchObject({ after: 2999, label: 'HOD-001-BLK-M' });
  });

  it('stock adjustment: the ledger movements are linked', async () => {
    shop = testShop(seedPurchasing);
    const { row, expectedPerson } = await audited(shop, 'stock.adjust', { lines: [{ variantId: TEA, locationId: WAREHOUSE, delta: 3, reasonCode: 'found' }] });
    expect(row).toMatchObject({ kind: 'stock.adjust', area: 'stock', personName: expectedPerson, movements: 1 });
  });

  it('a mutating call that changed nothing is still recorded (who tried what); a read is not', async () => {
    shop = testShop();
    const settings = await shop.ok('settings.get', {});
    const { row } = await audited(shop, 'settings.update', { name: settings.name });
    expect(row).toMatchObject({ kind: 'settings.update', changeCount: 0 });
    const before = (shop.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    await audited(shop, 'suppliers.list', {}).catch(() => undefined);
    expect((shop.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(before);
  });
});

describe('costs in the audit log', () => {
  it('are blanked for a reader without costs.view, and shown to one with it', async () => {
    shop = testShop(seedPurchasing);
    const supplier = await shop.ok('suppliers.create', { name: 'Acme Tea Co', currency: 'USD' });
    await audited(shop, 'supplierItems.upsert', { supplierId: supplier.id, variantId: TEA, supplierSku: 'AC-LJ', cost: 4800 });
    const service = createAuditService(shop.db, fixedClock(testNow));
    const id = service.list({ kind: 'supplierItems.upsert' }, { offset: 0, limit: 1 }, true).rows[0]?.id ?? 0;
    const withCosts = service.get(id, 0, 10, true);
    const without = service.get(id, 0, 10, false);
    expect(changeOf(withCosts.row, 'supplier_items', 'cost')?.after).toBe(4800);
    expect(changeOf(without.row, 'supplier_items', 'cost')?.after).toBe('•••');
    expect(without.input).toMatchObject({ cost: '•••', supplierSku: 'AC-LJ' });
    expect(JSON.stringify(without)).not.toContain('4800');
  });
});
