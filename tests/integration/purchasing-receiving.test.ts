// Receiving purchase orders: over-receipts need confirming, foreign-currency orders
// need a rate, cost changes land in history, and refused input changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';
import { costOf, HOD_M, levelOf, MUG, purchasingState, seedPurchasing, STORE, TEA, WAREHOUSE } from './purchasing-fixture.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

/** A sent order from a supplier in `currency` for the lines given, into the warehouse. */
async function sentOrder(s: TestShop, currency: string, lines: { variantId: number; quantity: number; unitCost: number }[]) {
  const supplier = await s.ok('suppliers.create', { name: `Supplier ${currency}`, currency });
  const po = await s.ok('purchaseOrders.create', { supplierId: supplier.id, locationId: WAREHOUSE, lines });
  return s.ok('purchaseOrders.send', { purchaseOrderId: po.id });
}

describe('receiving', () => {
  it('refuses more than outstanding until confirmed, then takes it all without a negative incoming', async () => {
    shop = testShop(seedPurchasing);
    const po = await sentOrder(shop, 'USD', [{ variantId: TEA, quantity: 10, unitCost: 4800 }]);
    const before = purchasingState(shop.db);

    const over = await shop.fail('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: TEA, quantity: 15 }] });
    expect(over).toMatchObject({ code: 'CONFLICT', details: { key: 'overReceipt', params: { number: 'PO-000001' } } });
    expect(over.details.issues?.map((i) => [i.path, i.key])).toEqual([['lines.0.quantity', 'overReceipt']]);
    expect(over.message).toContain('Nothing was changed');
    expect(purchasingState(shop.db)).toEqual(before);

    const taken = await shop.ok('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: TEA, quantity: 15 }], confirmOver: true });
    expect(taken).toMatchObject({ status: 'received', receivedAt: '2026-11-20T10:00:00.000Z', receivedUnits: 15 });
    expect(taken.lines[0]).toMatchObject({ quantityOrdered: 10, quantityReceived: 15, outstanding: 0 });
    expect(levelOf(shop.db, TEA, WAREHOUSE)).toEqual({ onHand: 55, incoming: 0 });
    // (40 × 50.00 + 15 × 48.00) ÷ 55 = 49.4545… → 49.45
    expect(costOf(shop.db, TEA)).toBe(4945);
  });

  it('receives into another location while the expected quantity leaves the PO location', async () => {
    shop = testShop(seedPurchasing);
    const po = await sentOrder(shop, 'USD', [{ variantId: HOD_M, quantity: 8, unitCost: 2400 }]);
    await shop.ok('purchaseOrders.receive', { purchaseOrderId: po.id, locationId: STORE, lines: [{ variantId: HOD_M, quantity: 3 }] });
    expect(levelOf(shop.db, HOD_M, WAREHOUSE)).toEqual({ onHand: 12, incoming: 5 });
    expect(levelOf(shop.db, HOD_M, STORE)).toEqual({ onHand: 3, incoming: 0 });
    // (12 × 21.00 + 3 × 24.00) ÷ 15 = 21.60
    expect(costOf(shop.db, HOD_M)).toBe(2160);
  });

  it('needs an exchange rate for an order in another currency and values stock in the shop currency', async () => {
    shop = testShop(seedPurchasing);
    const cny = await sentOrder(shop, 'CNY', [{ variantId: MUG, quantity: 10, unitCost: 700 }]);
    const before = purchasingState(shop.db);
    const noRate = await shop.fail('purchaseOrders.receive', { purchaseOrderId: cny.id, lines: [{ variantId: MUG, quantity: 10 }] });
    expect(noRate.details.issues?.map((i) => [i.path, i.key])).toEqual([['exchangeRate', 'exchangeRateRequired']]);
    expect(purchasingState(shop.db)).toEqual(before);

    await shop.ok('purchaseOrders.receive', { purchaseOrderId: cny.id, lines: [{ variantId: MUG, quantity: 10 }], exchangeRate: 0.14 });
    // ¥7.00 × 0.14 USD/CNY = $0.98; the mug had no cost, so the receipt sets it.
    expect(costOf(shop.db, MUG)).toBe(98);
    expect(shop.db.prepare('SELECT unit_cost AS unitCost, landed_unit_cost AS landed FROM receipt_lines').get()).toEqual({ unitCost: 700, landed: 98 });
    const movement = (await shop.ok('stock.movements', { variantId: MUG, reason: 'receive' })).rows[0];
    expect(movement).toMatchObject({ delta: 10, unitCost: 98 });

    // Yen have no minor unit: ¥1,500 at 0.0067 USD/JPY is $10.05.
    const jpy = await sentOrder(shop, 'JPY', [{ variantId: TEA, quantity: 10, unitCost: 1500 }]);
    await shop.ok('purchaseOrders.receive', { purchaseOrderId: jpy.id, lines: [{ variantId: TEA, quantity: 10 }], exchangeRate: 0.0067 });
    // (40 × 50.00 + 10 × 10.05) ÷ 50 = 42.01
    expect(costOf(shop.db, TEA)).toBe(4201);
  });

  it('does not default a foreign-currency order line to the shop-currency variant cost', async () => {
    shop = testShop(seedPurchasing);
    const yen = await shop.ok('suppliers.create', { name: 'Tokyo Tea', currency: 'JPY' });
    const refused = await shop.fail('purchaseOrders.create', { supplierId: yen.id, locationId: WAREHOUSE, lines: [{ variantId: TEA, quantity: 5 }] });
    expect(refused.details.issues?.map((i) => [i.path, i.key])).toEqual([['lines.0.unitCost', 'costRequired']]);
  });

  it('records the cost change in history as a po_receipt that cannot be undone on its own', async () => {
    shop = testShop(seedPurchasing);
    const po = await sentOrder(shop, 'USD', [{ variantId: TEA, quantity: 10, unitCost: 5200 }]);
    await shop.ok('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: TEA, quantity: 10 }] });
    const [latest] = (await shop.ok('history.list', {})).changeSets;
    expect(latest).toMatchObject({ kind: 'po_receipt', itemCount: 1 });
    const detail = await shop.ok('history.get', { changeSetId: latest?.id ?? 0 });
    expect(detail.items[0]).toMatchObject({ entity: 'variants', entityId: TEA, field: 'cost', before: 5000, after: 5040 });
    const receipt = shop.db.prepare('SELECT change_set_id AS changeSetId FROM receipts').get();
    expect(receipt).toEqual({ changeSetId: latest?.id });

    const before = purchasingState(shop.db);
    const undo = await shop.fail('history.undo', { changeSetId: latest?.id ?? 0 });
    expect(undo).toMatchObject({ code: 'CONFLICT', details: { key: 'notUndoable' } });
    expect(purchasingState(shop.db)).toEqual(before);
    expect(costOf(shop.db, TEA)).toBe(5040);

    // A posted stocktake is history only too.
    const stocktakeSet = Number(
      shop.db.prepare("INSERT INTO change_sets (kind, summary, actor, created_at) VALUES ('stocktake', 'Count posted', 'owner', '2026-11-20')").run().lastInsertRowid,
    );
    expect((await shop.fail('history.undo', { changeSetId: stocktakeSet })).details.key).toBe('notUndoable');
  });
});

describe('bad input names the field and changes nothing', () => {
  it('refuses negative quantities, receiving a draft, unknown lines and locations', async () => {
    shop = testShop(seedPurchasing);
    const supplier = await shop.ok('suppliers.create', { name: 'Acme Tea Co', currency: 'USD' });
    const draft = await shop.ok('purchaseOrders.create', { supplierId: supplier.id, locationId: WAREHOUSE, lines: [{ variantId: TEA, quantity: 6 }] });
    const s = shop;
    const before = purchasingState(s.db);
    const paths = async (method: Parameters<TestShop['fail']>[0], input: unknown) =>
      (await s.fail(method, input as never)).details.issues?.map((i) => [i.path, i.key]);

    expect(await paths('purchaseOrders.create', { supplierId: supplier.id, locationId: WAREHOUSE, lines: [{ variantId: TEA, quantity: -5 }] })).toEqual([
      ['lines.0.quantity', 'quantityPositive'],
    ]);
    expect(await paths('purchaseOrders.create', { supplierId: 99, locationId: 42, lines: [{ variantId: 77, quantity: 1, unitCost: 100 }] })).toEqual([
      ['supplierId', 'unknownSupplier'],
      ['locationId', 'unknownLocation'],
      ['lines.0.variantId', 'unknownVariant'],
    ]);
    const receiveDraft = await s.fail('purchaseOrders.receive', { purchaseOrderId: draft.id, lines: [{ variantId: TEA, quantity: 1 }] });
    expect(receiveDraft).toMatchObject({ code: 'CONFLICT', details: { key: 'poState', params: { number: 'PO-000001', status: 'draft' } } });
    expect(purchasingState(s.db)).toEqual(before);

    await s.ok('purchaseOrders.send', { purchaseOrderId: draft.id });
    const sent = purchasingState(s.db);
    expect(await paths('purchaseOrders.receive', { purchaseOrderId: draft.id, lines: [{ variantId: TEA, quantity: -2 }] })).toEqual([
      ['lines.0.quantity', 'quantityPositive'],
    ]);
    expect(
      await paths('purchaseOrders.receive', {
        purchaseOrderId: draft.id,
        lines: [{ variantId: TEA, quantity: 1 }, { lineId: 999, quantity: 1 }, { variantId: MUG, quantity: 1 }, { variantId: TEA, quantity: 1 }],
      }),
    ).toEqual([
      ['lines.1.lineId', 'notOnOrder'],
      ['lines.2.variantId', 'notOnOrder'],
      ['lines.3.variantId', 'duplicateLine'],
    ]);
    expect(await paths('purchaseOrders.receive', { purchaseOrderId: draft.id, lines: [{ lineId: 1, variantId: TEA, quantity: 1 }] })).toEqual([
      ['lines.0.lineId', 'lineOrVariant'],
    ]);
    expect(await paths('purchaseOrders.receive', { purchaseOrderId: draft.id, locationId: 42, lines: [{ variantId: TEA, quantity: 1 }] })).toEqual([
      ['locationId', 'unknownLocation'],
    ]);
    expect((await s.fail('purchaseOrders.receive', { purchaseOrderId: 404, lines: [{ variantId: TEA, quantity: 1 }] })).code).toBe('NOT_FOUND');
    expect(purchasingState(s.db)).toEqual(sent);
    expect(levelOf(s.db, TEA, WAREHOUSE)).toEqual({ onHand: 40, incoming: 6 });
  });
});
