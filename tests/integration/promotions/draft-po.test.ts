// 'promotions.draftPurchaseOrders': a promotion's shortfalls become one draft PO per preferred
// supplier, each shortfall rounded up by that supplier's MOQ and case pack; SKUs without a
// supplier are listed, not dropped.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { orderQuantity } from '../../../src/promotions/draft-po-service.js';
import { addDays } from '../../../src/shared/local-time.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { dailyOrders, insertPromotion, seedShop, stock } from './simulation-fixture.js';

const start = '2026-12-01';
const at = '2026-01-01T00:00:00.000Z';
let shop: TestShop;

afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

function supplier(db: Db, id: number, name: string): void {
  db.prepare("INSERT INTO suppliers (id, name, currency, created_at, updated_at) VALUES (?, ?, 'USD', ?, ?)").run(id, name, at, at);
}
function item(db: Db, supplierId: number, variantId: number, cost: number, moq: number, packSize: number, preferred: 0 | 1): void {
  db.prepare('INSERT INTO supplier_items (supplier_id, variant_id, supplier_sku, cost, pack_size, moq, is_preferred) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    supplierId,
    variantId,
    `S${supplierId}-${variantId}`,
    cost,
    packSize,
    moq,
    preferred,
  );
}

/** A 2 + 1 + 1 units a day history; over 7 days at +0 %: A 14, B 7, C 7 against 9, 4 and 5 in stock → short 5, 3, 2. */
function open(): TestShop {
  shop = testShop((path) => {
    const db = openDatabase(path);
    seedShop(db, [
      { id: 1, sku: 'A', price: 1000, cost: 400 },
      { id: 2, sku: 'B', price: 2000, cost: 1500 },
      { id: 3, sku: 'C', price: 500, cost: 100 },
    ]);
    const from = addDays(start, -120);
    dailyOrders(db, { variantId: 1, from, days: 120, units: 2 });
    dailyOrders(db, { variantId: 2, from, days: 120, units: 1 });
    dailyOrders(db, { variantId: 3, from, days: 120, units: 1 });
    stock(db, 1, 1, 9);
    stock(db, 2, 1, 4);
    stock(db, 3, 1, 5);
    supplier(db, 1, 'Acme');
    supplier(db, 2, 'Bolt');
    // A: preferred from Acme (MOQ 10, packs of 6) although Bolt is cheaper.
    item(db, 1, 1, 300, 10, 6, 1);
    item(db, 2, 1, 250, 1, 1, 0);
    // B: Bolt only, packs of 4.
    item(db, 2, 2, 1200, 1, 4, 0);
    // C: no supplier item.
    insertPromotion(db, {
      id: 1,
      name: 'Winter tea',
      type: 'percent_off',
      rule: { percentOffBp: 1000 },
      startsAt: `${start}T00:00:00Z`,
      endsAt: `${addDays(start, 7)}T00:00:00Z`,
      targets: [['category', 1]],
      upliftAssumptionBp: 0,
    });
    db.close();
  });
  return shop;
}

const poLines = (db: Db) =>
  db
    .prepare<[], { supplier: string; location: number; status: string; note: string; sku: string; quantity: number; unitCost: number; supplierSku: string }>(
      `SELECT s.name AS supplier, po.location_id AS location, po.status, po.note, v.sku, l.quantity_ordered AS quantity, l.unit_cost AS unitCost,
         l.supplier_sku AS supplierSku
       FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id JOIN purchase_order_lines l ON l.purchase_order_id = po.id
       JOIN variants v ON v.id = l.variant_id ORDER BY s.name, v.sku`,
    )
    .all();

describe('promotions.draftPurchaseOrders', () => {
  it('drafts one PO per supplier with MOQ and packs applied, and lists SKUs without a supplier', async () => {
    open();
    const simulated = await shop.ok('promotions.simulate', { promotionId: 1 });
    expect(simulated.shortfalls.map((r) => [r.sku, r.shortfall])).toEqual([
      ['A', 5],
      ['B', 3],
      ['C', 2],
    ]);
    const result = await shop.ok('promotions.draftPurchaseOrders', { promotionId: 1 });
    expect(result.purchaseOrders.map((po) => [po.supplierName, po.lines])).toEqual([
      ['Acme', 1],
      ['Bolt', 1],
    ]);
    expect(result.purchaseOrders.every((po) => /^PO-\d+$/.test(po.number))).toBe(true);
    expect(result.noSupplier).toEqual([{ variantId: 3, sku: 'C' }]);
    // A: max(MOQ 10, 5) = 10 → 2 packs of 6 = 12 at Acme's 300; B: 3 → 1 pack of 4 at 1200. Default location: the warehouse.
    expect(poLines(shop.db)).toEqual([
      { supplier: 'Acme', location: 1, status: 'draft', note: 'For the stock shortfall of promotion “Winter tea”', sku: 'A', quantity: 12, unitCost: 300, supplierSku: 'S1-1' },
      { supplier: 'Bolt', location: 1, status: 'draft', note: 'For the stock shortfall of promotion “Winter tea”', sku: 'B', quantity: 4, unitCost: 1200, supplierSku: 'S2-2' },
    ]);
  });

  it('drafts only the chosen SKUs, at the chosen location', async () => {
    open();
    const result = await shop.ok('promotions.draftPurchaseOrders', { promotionId: 1, variantIds: [2], locationId: 2 });
    expect(result.purchaseOrders.map((po) => po.supplierName)).toEqual(['Bolt']);
    expect(result.noSupplier).toEqual([]);
    expect(poLines(shop.db).map((l) => [l.sku, l.quantity, l.location])).toEqual([['B', 4, 2]]);
  });

  it('refuses a chosen SKU that is not short, and writes nothing', async () => {
    open();
    shop.db.prepare('UPDATE stock_levels SET on_hand = 100 WHERE variant_id = 2').run();
    const error = await shop.fail('promotions.draftPurchaseOrders', { promotionId: 1, variantIds: [1, 2] });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.map((i) => [i.path, i.key])).toEqual([['variantIds.1', 'notShort']]);
    expect(poLines(shop.db)).toEqual([]);
  });

  it('says there is nothing to order when no SKU is short', async () => {
    open();
    shop.db.prepare('UPDATE stock_levels SET on_hand = 100').run();
    const error = await shop.fail('promotions.draftPurchaseOrders', { promotionId: 1 });
    expect(error.details?.key).toBe('nothingToOrder');
  });

  it('rounds like reorder suggestions: max(MOQ, shortfall) up to whole packs', () => {
    shop = testShop();
    expect(orderQuantity(5, 10, 6)).toBe(12);
    expect(orderQuantity(13, 10, 6)).toBe(18);
    expect(orderQuantity(3, 1, 1)).toBe(3);
    expect(orderQuantity(7, 1, 7)).toBe(7);
  });
});
