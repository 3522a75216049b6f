// Suppliers and supplier items: contact details, partial updates, one preferred supplier per variant.
import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';
import { purchasingState, seedPurchasing, TEA, HOD_M, WAREHOUSE } from './purchasing-fixture.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

describe('suppliers', () => {
  it('creates a supplier and updates only the fields sent', async () => {
    shop = testShop(seedPurchasing);
    const created = await shop.ok('suppliers.create', {
      name: 'Hangzhou Tea Garden',
      contactName: '王芳',
      email: 'sales@hz-tea.test',
      phone: '+86 571 0000 0000',
      currency: 'CNY',
      paymentTerms: '30% deposit, 70% before shipping',
      leadTimeDays: 35,
      notes: 'Ships from Ningbo',
    });
    expect(created).toMatchObject({ currency: 'CNY', leadTimeDays: 35, items: 0, openOrders: 0 });

    const updated = await shop.ok('suppliers.update', { supplierId: created.id, notes: 'Ships from Shanghai since 2026' });
    expect(updated).toEqual({ ...created, notes: 'Ships from Shanghai since 2026' });
    expect((await shop.ok('suppliers.get', { supplierId: created.id })).paymentTerms).toBe('30% deposit, 70% before shipping');

    const before = purchasingState(shop.db);
    const badCurrency = await shop.fail('suppliers.update', { supplierId: created.id, currency: 'XYZ' });
    expect(badCurrency.details.issues?.map((i) => [i.path, i.key])).toEqual([['currency', 'currencyUnknown']]);
    expect(purchasingState(shop.db)).toEqual(before);
    await shop.ok('suppliers.create', { name: 'Acme Tea Co', currency: 'USD' });
    const afterAcme = purchasingState(shop.db);
    const taken = await shop.fail('suppliers.update', { supplierId: created.id, name: 'ACME tea co' });
    expect(taken).toMatchObject({ code: 'CONFLICT', details: { key: 'supplierNameTaken' } });
    expect(taken.details.issues?.map((i) => i.path)).toEqual(['name']);
    expect(purchasingState(shop.db)).toEqual(afterAcme);
    expect((await shop.fail('suppliers.get', { supplierId: 404 })).code).toBe('NOT_FOUND');
  });

  it('keeps one preferred supplier item per variant and counts items and open orders', async () => {
    shop = testShop(seedPurchasing);
    const acme = await shop.ok('suppliers.create', { name: 'Acme Tea Co', currency: 'USD' });
    const hz = await shop.ok('suppliers.create', { name: 'Hangzhou Tea Garden', currency: 'CNY' });
    await shop.ok('supplierItems.upsert', { supplierId: acme.id, variantId: TEA, cost: 4800, preferred: true });
    await shop.ok('supplierItems.upsert', { supplierId: acme.id, variantId: HOD_M, cost: 1900, packSize: 6, moq: 12 });
    const hzTea = await shop.ok('supplierItems.upsert', { supplierId: hz.id, variantId: TEA, supplierSku: 'LJ-250', cost: 30_000, leadTimeDays: 40, preferred: true });
    expect(hzTea).toMatchObject({ supplier: 'Hangzhou Tea Garden', sku: 'TEA-100', supplierSku: 'LJ-250', cost: 30_000, packSize: 1, moq: 1, leadTimeDays: 40, preferred: true });

    const forTea = await shop.ok('supplierItems.list', { variantId: TEA });
    expect(forTea.rows.map((r) => [r.supplier, r.preferred])).toEqual([['Acme Tea Co', false], ['Hangzhou Tea Garden', true]]);
    // Upserting again changes the existing item rather than adding one.
    await shop.ok('supplierItems.upsert', { supplierId: acme.id, variantId: HOD_M, cost: 1850, packSize: 6, moq: 12 });
    const forAcme = await shop.ok('supplierItems.list', { supplierId: acme.id });
    expect(forAcme.total).toBe(2);
    expect(forAcme.rows.map((r) => [r.sku, r.cost, r.packSize, r.moq])).toEqual([['HOD-001-BLK-M', 1850, 6, 12], ['TEA-100', 4800, 1, 1]]);

    const unknown = await shop.fail('supplierItems.upsert', { supplierId: acme.id, variantId: 999, cost: 100 });
    expect(unknown.details.issues?.map((i) => i.path)).toEqual(['variantId']);
    const negative = await shop.fail('supplierItems.upsert', { supplierId: acme.id, variantId: TEA, cost: -1 });
    expect(negative.details.issues?.map((i) => i.path)).toEqual(['cost']);

    await shop.ok('purchaseOrders.create', { supplierId: acme.id, locationId: WAREHOUSE, lines: [{ variantId: TEA, quantity: 12 }] });
    const listed = await shop.ok('suppliers.list', {});
    expect(listed.suppliers.map((s) => [s.name, s.items, s.openOrders])).toEqual([
      ['Acme Tea Co', 2, 1],
      ['Hangzhou Tea Garden', 1, 0],
    ]);
    expect((await shop.ok('suppliers.list', { search: 'hang' })).suppliers.map((s) => s.name)).toEqual(['Hangzhou Tea Garden']);

    expect(await shop.ok('supplierItems.remove', { supplierItemId: hzTea.id })).toEqual({ removed: true });
    expect(await shop.ok('supplierItems.remove', { supplierItemId: hzTea.id })).toEqual({ removed: false });
    expect((await shop.ok('supplierItems.list', { variantId: TEA })).total).toBe(1);
  });
});
