import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../src/events.js';
import { ACME, BOREAL, HOD_L, HOD_M, seedReorder, TEA, TRANSIT, WAREHOUSE } from './reorder-fixture.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

// Hand-computed (see reorder-fixture.ts for the sales):
// Tea: d̄ 5/3, σd √(20/9) = 1.490712, L 9 (Acme's item), z 1.65 (shop 95 %).
//   SS = 1.65 × 1.490712 × 3 = 7.379024; ROP = 5/3 × 9 + SS = 22.379024; target = 5/3 × 16 + SS = 34.045691.
//   available 40 − 28 = 12 (the 30 in transit do not count), on order 5 + 4 = 9: 21 ≤ 22.38 →
//   max(MOQ 12, 34.045691 − 21 = 13.045691) → packs of 6 → 18; 18 × 48.00 = 864.00.
// Hoodie M: d̄ 1, σd √(18/7) = 1.603567, L 16 (Boreal's default), z 1.28 (its own 90 %).
//   SS = 1.28 × 1.603567 × 4 = 8.210265; ROP = 16 + SS = 24.210265; target = 23 + SS = 31.210265.
//   available 12, on order 0: 12 ≤ 24.21 → max(MOQ 50, 19.210265) = 50 → packs of 12 → 60; 60 × 25.00 = 1500.00.
describe('reorder suggestions', () => {
  it('explains each suggestion: demand, open POs, MOQ and pack size, grouped per supplier', async () => {
    shop = testShop(seedReorder);
    const result = await shop.ok('reorder.suggestions', {});
    expect(result.suppliers.map((g) => g.supplier)).toEqual([
      { id: ACME, name: 'Acme Tea Co', currency: 'USD' },
      { id: BOREAL, name: 'Boreal Knit', currency: 'EUR' },
    ]);
    expect(result.total).toBe(2);
    const tea = result.suppliers[0]?.lines[0];
    expect(tea).toMatchObject({
      variantId: TEA,
      sku: 'TEA-100',
      supplierSku: 'AC-LJ',
      windowDays: 14,
      leadTimeDays: 9,
      serviceLevel: 0.95,
      z: 1.65,
      safetyMode: 'computed',
      available: 12,
      onOrder: 9,
      moq: 12,
      packSize: 6,
      quantity: 18,
      unitCost: 4800,
      lineCost: 86400,
      onDraft: true, // PO-000003 is a draft holding tea: flagged, not counted
    });
    expect(tea?.dailyDemand).toBeCloseTo(1.666667, 6);
    expect(tea?.demandStdDev).toBeCloseTo(1.490712, 6);
    expect(tea?.safetyStock).toBeCloseTo(7.379024, 6);
    expect(tea?.reorderPoint).toBeCloseTo(22.379024, 6);
    expect(tea?.target).toBeCloseTo(34.045691, 6);
    expect(tea?.explanation.position).toEqual({ available: 12, onOrder: 9, value: 21, atOrBelowReorderPoint: true });
    expect(tea?.explanation.quantity).toMatchObject({ moq: 12, beforePacks: 14, packSize: 6, value: 18 });
    expect(tea?.explanation.quantity.shortfall).toBeCloseTo(13.045691, 6);
    expect(result.suppliers[0]?.totals).toEqual({ lines: 1, units: 18, cost: 86400 });

    const hoodie = result.suppliers[1]?.lines[0];
    expect(hoodie).toMatchObject({ variantId: HOD_M, sku: 'HOD-001-BLK-M', title: 'Cloud Hoodie — Black / M', windowDays: 7, leadTimeDays: 16 });
    expect(hoodie).toMatchObject({ z: 1.28, available: 12, onOrder: 0, moq: 50, packSize: 12, quantity: 60, unitCost: 2500, lineCost: 150000, onDraft: false });
    expect(hoodie?.dailyDemand).toBeCloseTo(1, 9);
    expect(hoodie?.demandStdDev).toBeCloseTo(1.603567, 6);
    expect(hoodie?.safetyStock).toBeCloseTo(8.210265, 6);
    expect(hoodie?.reorderPoint).toBeCloseTo(24.210265, 6);
    expect(hoodie?.explanation.quantity).toMatchObject({ moq: 50, beforePacks: 50, packSize: 12, value: 60 });

    // Hoodie L sells 1 a day with no supplier item: listed apart (L defaults to 14 d → ROP 14 ≥ 0 available).
    expect(result.noSupplier).toEqual([
      { variantId: HOD_L, sku: 'HOD-001-BLK-L', title: 'Cloud Hoodie — Black / L', dailyDemand: 1, demandStdDev: 0, windowDays: 7, available: 0, onOrder: 0, reorderPoint: 14 },
    ]);
    expect(result.noSupplierTotal).toBe(1);
    expect(result.locationId).toBe(WAREHOUSE);
  });

  it('filters by supplier and search, and pages over the lines', async () => {
    shop = testShop(seedReorder);
    const boreal = await shop.ok('reorder.suggestions', { supplierId: BOREAL });
    expect(boreal.suppliers.map((g) => g.lines.map((l) => l.sku))).toEqual([['HOD-001-BLK-M']]);
    expect(boreal.noSupplier).toEqual([]);
    expect((await shop.ok('reorder.suggestions', { search: 'longjing' })).suppliers.map((g) => g.supplier.name)).toEqual(['Acme Tea Co']);
    const second = await shop.ok('reorder.suggestions', { offset: 1, limit: 1 });
    expect(second.total).toBe(2);
    expect(second.suppliers.map((g) => [g.supplier.name, g.lines.map((l) => l.sku), g.totals.units])).toEqual([['Boreal Knit', ['HOD-001-BLK-M'], 60]]);
  });

  it('uses a manual safety stock (summed over shelf locations) when the variant’s rule says manual', async () => {
    shop = testShop(seedReorder);
    shop.db.exec(`
      INSERT INTO variant_stock_rules (variant_id, safety_mode, updated_at) VALUES (3, 'manual', '2026-11-01');
      UPDATE stock_levels SET safety_stock = 20 WHERE variant_id = 3 AND location_id = 1;
      UPDATE stock_levels SET safety_stock = 99 WHERE variant_id = 3 AND location_id = 2; -- in transit: not counted
    `);
    // SS 20: ROP = 15 + 20 = 35; target = 5/3 × 16 + 20 = 46.666667; 21 ≤ 35 → 25.666667 → packs of 6 → 30.
    const tea = (await shop.ok('reorder.suggestions', { supplierId: ACME })).suppliers[0]?.lines[0];
    expect(tea).toMatchObject({ safetyMode: 'manual', safetyStock: 20, quantity: 30 });
    expect(tea?.reorderPoint).toBeCloseTo(35, 9);
    expect(tea?.explanation.safetyStock).toMatchObject({ mode: 'manual', value: 20 });
  });

  it('suggests nothing once stock and open POs are above the reorder point', async () => {
    shop = testShop(seedReorder);
    // Tea: 12 available + 20 sent + 4 partially received = 36 > ROP 22.38.
    shop.db.prepare('UPDATE purchase_order_lines SET quantity_ordered = 20 WHERE purchase_order_id = 1').run();
    // Hoodie M: 25 available > ROP 24.21 (on hand 37 − 12 committed).
    shop.db.prepare('UPDATE stock_levels SET on_hand = 37, committed = 12 WHERE variant_id = ? AND location_id = ?').run(HOD_M, WAREHOUSE);
    const result = await shop.ok('reorder.suggestions', {});
    expect(result.suppliers).toEqual([]);
    expect(result.total).toBe(0);
    const refused = await shop.fail('reorder.createDraft', { supplierId: ACME, locationId: WAREHOUSE });
    expect(refused.details.key).toBe('nothingToOrder');
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM purchase_orders').get()).toEqual({ n: 5 });
  });

  it('turns a supplier’s suggestions into one draft PO with those quantities', async () => {
    shop = testShop(seedReorder);
    const events: CoreEvent[] = [];
    shop.core.on((event) => events.push(event));
    const draft = await shop.ok('reorder.createDraft', { supplierId: BOREAL, locationId: WAREHOUSE });
    expect(draft).toMatchObject({ number: 'PO-000006', lines: [{ variantId: HOD_M, sku: 'HOD-001-BLK-M', quantity: 60, unitCost: 2500 }] });
    expect(shop.db.prepare('SELECT number, supplier_id, location_id, status, currency, actor FROM purchase_orders WHERE id = ?').get(draft.purchaseOrderId)).toEqual({
      number: 'PO-000006',
      supplier_id: BOREAL,
      location_id: WAREHOUSE,
      status: 'draft',
      currency: 'EUR',
      actor: expect.any(String) as string,
    });
    expect(
      shop.db.prepare('SELECT variant_id, supplier_sku, quantity_ordered, quantity_received, unit_cost FROM purchase_order_lines WHERE purchase_order_id = ?').all(draft.purchaseOrderId),
    ).toEqual([{ variant_id: HOD_M, supplier_sku: 'BK-HOD-M', quantity_ordered: 60, quantity_received: 0, unit_cost: 2500 }]);
    expect(events.filter((e) => e.name === 'data.changed').map((e) => e.payload)).toEqual([{ areas: ['purchasing'] }]);
    // A draft is not on order: still suggested, now flagged as on a draft.
    const after = await shop.ok('reorder.suggestions', { supplierId: BOREAL });
    expect(after.suppliers[0]?.lines[0]).toMatchObject({ quantity: 60, onOrder: 0, onDraft: true });
  });

  it('takes only the chosen variants, and refuses bad input without changing anything', async () => {
    shop = testShop(seedReorder);
    const before = shop.db.prepare('SELECT * FROM purchase_orders ORDER BY id').all();
    const notSuggested = await shop.fail('reorder.createDraft', { supplierId: ACME, locationId: WAREHOUSE, variantIds: [TEA, HOD_M] });
    expect(notSuggested.code).toBe('VALIDATION');
    expect(notSuggested.details.issues?.map((i) => [i.path, i.key])).toEqual([['variantIds.1', 'notSuggested']]);
    const badPlace = await shop.fail('reorder.createDraft', { supplierId: 99, locationId: TRANSIT });
    expect(badPlace.details.issues?.map((i) => [i.path, i.key])).toEqual([
      ['supplierId', 'unknownSupplier'],
      ['locationId', 'transitLocation'],
    ]);
    expect(shop.db.prepare('SELECT * FROM purchase_orders ORDER BY id').all()).toEqual(before);
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM purchase_order_lines').get()).toEqual({ n: 5 });

    const chosen = await shop.ok('reorder.createDraft', { supplierId: ACME, locationId: WAREHOUSE, variantIds: [TEA] });
    expect(chosen.lines).toEqual([{ variantId: TEA, sku: 'TEA-100', quantity: 18, unitCost: 4800 }]);
  });
});

describe('reorder settings', () => {
  it('reads and changes the model settings; a bad category changes nothing', async () => {
    shop = testShop(seedReorder);
    expect(await shop.ok('reorder.settings.get', {})).toEqual({
      demandWindowDays: 14,
      serviceLevel: 0.95,
      reviewPeriodDays: 7,
      categoryWindows: [{ categoryId: 1, path: 'Apparel', demandWindowDays: 7 }],
    });
    const refused = await shop.fail('reorder.settings.update', { serviceLevel: 0.98, categoryWindows: [{ categoryId: 42, demandWindowDays: 3 }] });
    expect(refused.details.issues?.map((i) => [i.path, i.key])).toEqual([['categoryWindows.0.categoryId', 'categoryNotFound']]);
    expect((await shop.ok('reorder.settings.get', {})).serviceLevel).toBe(0.95);
    expect((await shop.fail('reorder.settings.update', { serviceLevel: 1 })).code).toBe('VALIDATION');

    // 98 % (z 2.05) and no Apparel window (hoodies back on 14 days).
    const updated = await shop.ok('reorder.settings.update', { serviceLevel: 0.98, categoryWindows: [{ categoryId: 1, demandWindowDays: null }] });
    expect(updated).toMatchObject({ serviceLevel: 0.98, categoryWindows: [] });
    const tea = (await shop.ok('reorder.suggestions', { supplierId: ACME })).suppliers[0]?.lines[0];
    // SS = 2.05 × 1.490712 × 3 = 9.167880
    expect(tea?.z).toBe(2.05);
    expect(tea?.safetyStock).toBeCloseTo(9.16788, 5);
    const hoodieL = (await shop.ok('reorder.suggestions', {})).noSupplier[0];
    // 14-day window: 7 units in the last week (weight 2), none in the first → d̄ = 14/21 = 2/3.
    expect(hoodieL?.windowDays).toBe(14);
    expect(hoodieL?.dailyDemand).toBeCloseTo(0.666667, 6);
  });
});
