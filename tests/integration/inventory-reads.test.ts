// What a shop team reads about stock: the levels grid (sorted, filtered, paged in
// SQL), one variant's card across locations, the ledger history, reasons,
// valuation, and bundles consuming their components.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { bundleMovements, componentsFromDb } from '../../src/inventory/bundle-consumption.js';
import { createLedger } from '../../src/inventory/ledger.js';
import type { CoreEvent } from '../../src/events.js';
import { seedCatalog } from './catalog-fixture.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

// seedCatalog at location 1 "Main warehouse": 1 HOD-001-BLK-M 12 (cost 21.00, Apparel), 2 HOD-001-BLK-L 0 (21.00, Apparel),
// 3 TEA-100 40 (50.00, no category), 4 MUG-50% 3 (no cost), 5 SOCK_7 7 (4.00). Here socks move to "Apparel > Socks",
// 2 mugs are committed to open orders, Acme is tea's preferred supplier, Wool Co only a non-preferred one for socks.
const HOD_M = 1;
const TEA = 3;
const MUG = 4;
const SOCK = 5;
const WH = 1;

function seedMore(path: string): void {
  seedCatalog(path);
  const db = openDatabase(path);
  const at = '2026-11-01T00:00:00.000Z';
  db.exec(`
    INSERT INTO categories (id, parent_id, name, path, created_at) VALUES (2, 1, 'Socks', 'Apparel > Socks', '${at}');
    UPDATE products SET category_id = 2 WHERE id = (SELECT product_id FROM variants WHERE id = ${SOCK});
    UPDATE stock_levels SET committed = 2 WHERE variant_id = ${MUG};
    INSERT INTO suppliers (id, name, currency, created_at, updated_at) VALUES (1, 'Acme Tea Co', 'USD', '${at}', '${at}'),
      (2, 'Wool Co', 'USD', '${at}', '${at}');
    INSERT INTO supplier_items (supplier_id, variant_id, cost, is_preferred) VALUES (1, ${TEA}, 4800, 1), (2, ${SOCK}, 380, 0);
  `);
  db.close();
}

/** Store (id 2) with 5 teas found there; safety stock 5 for tea at the store; mugs low at 1 available. */
async function withStore(s: TestShop): Promise<number> {
  const store = (await s.ok('locations.create', { code: 'ST-1', name: 'High Street store', kind: 'store' })).id;
  await s.ok('stock.adjust', { lines: [{ variantId: TEA, locationId: store, delta: 5, reasonCode: 'found', note: 'back room' }] });
  await s.ok('stock.setRules', { variantId: MUG, lowStockAt: 1 });
  await s.ok('stock.setRules', { variantId: TEA, safetyMode: 'computed', serviceLevel: 0.95, safetyStock: [{ locationId: store, quantity: 5 }] });
  return store;
}

const rowsOf = (rows: { sku: string; locationId: number }[]) => rows.map((r) => `${r.sku}@${r.locationId}`);

describe('the stock levels grid', () => {
  it('pages in SKU order, both directions, with available, value and low flags per row', async () => {
    shop = testShop(seedMore);
    await withStore(shop);
    const all = await shop.ok('stock.levels', {});
    expect(all.total).toBe(6);
    expect(rowsOf(all.rows)).toEqual(['HOD-001-BLK-L@1', 'HOD-001-BLK-M@1', 'MUG-50%@1', 'SOCK_7@1', 'TEA-100@1', 'TEA-100@2']);
    expect(all.rows.find((r) => r.sku === 'MUG-50%')).toMatchObject({
      title: 'Half-price mug',
      options: 'White',
      location: 'Main warehouse',
      onHand: 3,
      committed: 2,
      available: 1,
      lowStockAt: 1,
      unitCost: null,
      value: 0,
      isLow: true,
    });
    // Low is per variant (all shelves): TEA has 45 available and a computed safety stock, so neither of its rows is low;
    // HOD-L has nothing left, so it is.
    expect(all.rows.find((r) => r.sku === 'TEA-100' && r.locationId === 2)).toMatchObject({ onHand: 5, safetyStock: 5, value: 25000, isLow: false });
    expect(all.rows.find((r) => r.sku === 'HOD-001-BLK-L')).toMatchObject({ onHand: 0, isLow: true });
    const page = await shop.ok('stock.levels', { offset: 1, limit: 2, sort: { column: 'sku', direction: 'desc' } });
    expect(rowsOf(page.rows)).toEqual(['TEA-100@1', 'SOCK_7@1']);
    expect(page.total).toBe(6);
  });

  it('sorts by numeric columns with variant and location breaking ties, nulls last when descending', async () => {
    shop = testShop(seedMore);
    await withStore(shop);
    const cost = await shop.ok('stock.levels', { sort: { column: 'unitCost', direction: 'desc' } });
    expect(rowsOf(cost.rows)).toEqual(['TEA-100@2', 'TEA-100@1', 'HOD-001-BLK-L@1', 'HOD-001-BLK-M@1', 'SOCK_7@1', 'MUG-50%@1']);
    const available = await shop.ok('stock.levels', { sort: { column: 'available', direction: 'asc' } });
    expect(available.rows.map((r) => [r.sku, r.available])).toEqual([
      ['HOD-001-BLK-L', 0],
      ['MUG-50%', 1],
      ['TEA-100', 5],
      ['SOCK_7', 7],
      ['HOD-001-BLK-M', 12],
      ['TEA-100', 40],
    ]);
    const value = await shop.ok('stock.levels', { sort: { column: 'value', direction: 'desc' }, limit: 3, offset: 1 });
    expect(value.rows.map((r) => r.value)).toEqual([25200, 25000, 2800]);
  });

  it('filters by location, quick search (SKU, barcode, title; wildcards literal), category subtree and low stock', async () => {
    shop = testShop(seedMore);
    const store = await withStore(shop);
    expect(rowsOf((await shop.ok('stock.levels', { locationId: store })).rows)).toEqual(['TEA-100@2']);
    expect(rowsOf((await shop.ok('stock.levels', { search: '400638' })).rows)).toEqual(['HOD-001-BLK-L@1', 'HOD-001-BLK-M@1']);
    expect(rowsOf((await shop.ok('stock.levels', { search: 'longjing' })).rows)).toEqual(['TEA-100@1', 'TEA-100@2']);
    expect(rowsOf((await shop.ok('stock.levels', { search: 'MUG-5%' })).rows)).toEqual([]);
    expect(rowsOf((await shop.ok('stock.levels', { search: 'SOCK_' })).rows)).toEqual(['SOCK_7@1']);
    expect(rowsOf((await shop.ok('stock.levels', { categoryId: 1 })).rows)).toEqual(['HOD-001-BLK-L@1', 'HOD-001-BLK-M@1', 'SOCK_7@1']);
    expect(rowsOf((await shop.ok('stock.levels', { categoryId: 2 })).rows)).toEqual(['SOCK_7@1']);
    // Low is the one rule of every stock view (inventory/low-stock-store.ts), per variant over the shelves:
    // HOD-L is out of stock, MUG's 1 available is at its mark of 1. TEA's 5 at the store would be at the
    // store's safety stock, but TEA's safety stock is computed (the manual figure does not apply) and it
    // has 45 available in all.
    const low = await shop.ok('stock.levels', { lowOnly: true });
    expect(rowsOf(low.rows)).toEqual(['HOD-001-BLK-L@1', 'MUG-50%@1']);
    expect(low.total).toBe(2);
    // A write changes the count: no stale cached total.
    await shop.ok('stock.adjust', { lines: [{ variantId: 2, locationId: WH, delta: 1, reasonCode: 'found' }] });
    expect((await shop.ok('stock.levels', { lowOnly: true })).total).toBe(1);
  });
});

describe("one variant's stock card", () => {
  it('lists every active shelf location, plus units in transit, with totals and rules', async () => {
    shop = testShop(seedMore);
    const store = await withStore(shop);
    await shop.ok('transfers.create', { fromLocationId: WH, toLocationId: store, lines: [{ variantId: TEA, quantity: 4 }], send: true });
    const tea = await shop.ok('stock.forVariant', { variantId: TEA });
    expect(tea).toMatchObject({ sku: 'TEA-100', unitCost: 5000, lowStockAt: null, safetyMode: 'computed', serviceLevel: 0.95 });
    expect(tea.rows.map((r) => [r.code, r.kind, r.onHand, r.available, r.safetyStock, r.value])).toEqual([
      ['WH-1', 'warehouse', 36, 36, null, 180000],
      ['ST-1', 'store', 5, 5, 5, 25000],
      ['TRANSIT', 'transit', 4, 4, null, 20000],
    ]);
    expect(tea.totals).toEqual({ onHand: 45, committed: 0, available: 45, incoming: 0, value: 225000 });

    const mug = await shop.ok('stock.forVariant', { variantId: MUG });
    expect(mug.rows.map((r) => [r.code, r.onHand, r.committed, r.available])).toEqual([
      ['WH-1', 3, 2, 1],
      ['ST-1', 0, 0, 0],
    ]);
    expect((await shop.fail('stock.forVariant', { variantId: 999 })).code).toBe('NOT_FOUND');
  });
});

describe('the ledger history', () => {
  it('lists movements newest first with reason, code, note, reference and location, filtered and paged', async () => {
    shop = testShop(seedMore);
    const store = await withStore(shop);
    await shop.ok('transfers.create', { fromLocationId: WH, toLocationId: store, lines: [{ variantId: TEA, quantity: 4 }], send: true });
    const tea = await shop.ok('stock.movements', { variantId: TEA });
    expect(tea.total).toBe(4);
    expect(tea.rows.map((m) => [m.reason, m.location, m.delta, m.refType, m.refId])).toEqual([
      ['transfer_in', 'In transit', 4, 'transfer', 'TR-000001'],
      ['transfer_out', 'Main warehouse', -4, 'transfer', 'TR-000001'],
      ['adjustment', 'High Street store', 5, 'adjustment', null],
      ['initial', 'Main warehouse', 40, null, null],
    ]);
    expect(tea.rows[2]).toMatchObject({ sku: 'TEA-100', reasonCode: 'found', note: 'back room', actor: 'owner', occurredAt: '2026-11-20T10:00:00.000Z' });
    const recent = await shop.ok('stock.movements', { variantId: TEA, from: '2026-11-10T00:00:00.000Z' });
    expect(recent.total).toBe(3);
    const old = await shop.ok('stock.movements', { to: '2026-11-10T00:00:00.000Z', locationId: WH });
    expect(old.rows.map((m) => m.sku)).toEqual(['SOCK_7', 'MUG-50%', 'TEA-100', 'HOD-001-BLK-M']);
    const page = await shop.ok('stock.movements', { variantId: TEA, offset: 1, limit: 1 });
    expect(page.rows.map((m) => m.reason)).toEqual(['transfer_out']);
    expect((await shop.ok('stock.movements', { reason: 'transfer_in' })).rows.map((m) => m.sku)).toEqual(['TEA-100']);
  });
});

describe('adjustment reasons', () => {
  it('adds a shop reason, uses it, and retires it without losing history', async () => {
    shop = testShop(seedMore);
    const events: CoreEvent[] = [];
    shop.core.on((event) => events.push(event));
    const promo = await shop.ok('adjustmentReasons.create', { code: 'promo', label: 'Promotion giveaway', direction: 'out' });
    expect(promo).toEqual({ code: 'promo', label: 'Promotion giveaway', direction: 'out', builtin: false, active: true });
    await shop.ok('stock.adjust', { lines: [{ variantId: SOCK, locationId: WH, delta: -1, reasonCode: 'promo' }] });
    await shop.ok('adjustmentReasons.update', { code: 'promo', active: false });
    const reasons = (await shop.ok('adjustmentReasons.list', {})).reasons;
    expect(reasons.map((r) => r.code)).toEqual(['correction', 'damage', 'expired', 'found', 'loss', 'sample', 'theft', 'promo']);
    expect(reasons.at(-1)).toMatchObject({ code: 'promo', active: false });
    expect((await shop.ok('stock.movements', { variantId: SOCK })).rows[0]).toMatchObject({ reason: 'adjustment', reasonCode: 'promo', delta: -1 });
    // Damage keeps its own ledger reason so damage reports need no code lookup.
    await shop.ok('stock.adjust', { lines: [{ variantId: SOCK, locationId: WH, delta: -1, reasonCode: 'damage' }] });
    expect((await shop.ok('stock.movements', { variantId: SOCK })).rows[0]).toMatchObject({ reason: 'damage', reasonCode: 'damage' });
    const stockEvents = events.filter((e) => e.name === 'data.changed');
    expect(stockEvents).toHaveLength(4);
    expect(stockEvents.every((e) => JSON.stringify(e.payload) === JSON.stringify({ areas: ['stock'] }))).toBe(true);
  });
});

describe('stock valuation', () => {
  it('groups capital by location, top-level or full category, and preferred supplier', async () => {
    shop = testShop(seedMore);
    await withStore(shop);
    // Hoodie M 12 × 21.00 = 252.00; tea 40 × 50.00 + 5 × 50.00 = 2,250.00; socks 7 × 4.00 = 28.00; mugs have no cost.
    const top = await shop.ok('stock.valuation', {});
    expect(top).toMatchObject({ totalValue: 25200 + 225000 + 2800, totalUnits: 12 + 45 + 3 + 7, variantsWithoutCost: 1 });
    expect(top.byLocation.map((g) => [g.label, g.units, g.value, g.variants])).toEqual([
      ['Main warehouse', 62, 228000, 4],
      ['High Street store', 5, 25000, 1],
    ]);
    expect(top.byCategory.map((g) => [g.label, g.units, g.value])).toEqual([
      ['No category', 48, 225000],
      ['Apparel', 19, 28000],
    ]);
    expect(top.bySupplier.map((g) => [g.label, g.units, g.value, g.variants])).toEqual([
      ['Acme Tea Co', 45, 225000, 1],
      ['No supplier', 22, 28000, 3],
    ]);
    const full = await shop.ok('stock.valuation', { categoryLevel: 'full' });
    expect(full.byCategory.map((g) => [g.label, g.value])).toEqual([
      ['No category', 225000],
      ['Apparel', 25200],
      ['Apparel > Socks', 2800],
    ]);
  });
});

describe('bundles', () => {
  it('selling a bundle takes its components out of stock, quantity × component quantity', async () => {
    shop = testShop(seedMore);
    const at = '2026-11-20T10:00:00.000Z';
    shop.db.exec(`
      INSERT INTO products (id, handle, title, status, created_at, updated_at) VALUES (90, 'gift', 'Tea gift set', 'active', '${at}', '${at}');
      INSERT INTO variants (id, product_id, sku, price, status, position, created_at, updated_at)
        VALUES (90, 90, 'GIFT-SET', 15900, 'active', 1, '${at}', '${at}');
      INSERT INTO bundle_components (bundle_variant_id, component_variant_id, quantity) VALUES (90, ${TEA}, 1), (90, ${MUG}, 2);
    `);
    const ledger = createLedger(shop.db);
    const components = componentsFromDb(shop.db);
    const sale = [
      { variantId: 90, locationId: WH, quantity: 1 },
      { variantId: HOD_M, locationId: WH, quantity: 2 },
    ];
    shop.db.transaction(() => ledger.post(bundleMovements(sale, components, { reason: 'sale', actor: 'test', occurredAt: at, refType: 'order', refId: 'SO-1' })))();
    const level = (variantId: number) =>
      (shop?.db.prepare('SELECT on_hand AS n FROM stock_levels WHERE variant_id = ? AND location_id = ?').get(variantId, WH) as { n: number } | undefined)?.n;
    expect([level(TEA), level(MUG), level(HOD_M), level(90)]).toEqual([39, 1, 10, undefined]);
    // A second bundle needs 2 more mugs than the 1 left: refused as a whole.
    expect(() =>
      shop?.db.transaction(() => ledger.post(bundleMovements([{ variantId: 90, locationId: WH, quantity: 1 }], components, { reason: 'sale', actor: 'test', occurredAt: at })))(),
    ).toThrow(/Only 1 of MUG-50% on hand/);
    expect([level(TEA), level(MUG)]).toEqual([39, 1]);
  });
});

describe('locations and the transfer list', () => {
  it('lists shelf locations with their stock, renames and retires one, and pages transfers by status', async () => {
    shop = testShop(seedMore);
    const store = await withStore(shop);
    const outlet = (await shop.ok('locations.create', { code: 'OUT', name: 'Outlet', kind: 'store' })).id;
    expect(await shop.ok('locations.update', { locationId: outlet, name: 'Harbour outlet', active: false })).toMatchObject({
      name: 'Harbour outlet',
      active: false,
    });
    const first = await shop.ok('transfers.create', { fromLocationId: WH, toLocationId: store, lines: [{ variantId: TEA, quantity: 2 }], send: true });
    await shop.ok('transfers.create', { fromLocationId: WH, toLocationId: store, lines: [{ variantId: HOD_M, quantity: 1 }], note: 'window display' });
    const active = (await shop.ok('locations.list', {})).locations;
    // Hoodie M 12 × 21.00 + tea 38 × 50.00 + socks 7 × 4.00 at the warehouse; the transit location comes last.
    expect(active.map((l) => [l.code, l.kind, l.onHand, l.value])).toEqual([
      ['WH-1', 'warehouse', 60, 25200 + 190000 + 2800],
      ['ST-1', 'store', 5, 25000],
      ['TRANSIT', 'transit', 2, 10000],
    ]);
    expect((await shop.ok('locations.list', { includeInactive: true })).locations.map((l) => l.code)).toContain('OUT');

    const drafts = await shop.ok('transfers.list', { status: 'draft' });
    expect(drafts.rows.map((t) => [t.number, t.note, t.units])).toEqual([['TR-000002', 'window display', 1]]);
    const all = await shop.ok('transfers.list', { limit: 1 });
    expect([all.total, all.rows[0]?.number]).toEqual([2, 'TR-000002']);
    expect(await shop.ok('transfers.get', { transferId: first.id })).toMatchObject({
      fromLocation: 'Main warehouse',
      toLocation: 'High Street store',
      status: 'in_transit',
      sentAt: '2026-11-20T10:00:00.000Z',
      lines: [{ sku: 'TEA-100', quantity: 2, receivedQuantity: 0, outstanding: 2 }],
    });
  });
});
