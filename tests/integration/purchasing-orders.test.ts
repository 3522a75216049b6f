// Purchase order life cycle: draft → sent → partially received → closed, and cancelling.
import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';
import { costOf, HOD_L, HOD_M, levelOf, seedPurchasing, STORE, TEA, WAREHOUSE } from './purchasing-fixture.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

/** Acme (USD, 10 days) sells TEA-100 (48.00, 7 days) and HOD-001-BLK-M (19.00, 12 days). */
async function acme(s: TestShop) {
  const supplier = await s.ok('suppliers.create', { name: 'Acme Tea Co', currency: 'USD', leadTimeDays: 10 });
  await s.ok('supplierItems.upsert', { supplierId: supplier.id, variantId: TEA, supplierSku: 'AC-LJ', cost: 4800, leadTimeDays: 7, preferred: true });
  await s.ok('supplierItems.upsert', { supplierId: supplier.id, variantId: HOD_M, supplierSku: 'AC-HOD-M', cost: 1900, leadTimeDays: 12 });
  return supplier;
}

describe('purchase order life cycle', () => {
  it('drafts, edits, sends, receives partly and short, then closes, keeping incoming, stock and cost right', async () => {
    shop = testShop(seedPurchasing);
    const supplier = await acme(shop);

    const draft = await shop.ok('purchaseOrders.create', {
      supplierId: supplier.id,
      locationId: WAREHOUSE,
      lines: [{ variantId: TEA, quantity: 24 }, { variantId: HOD_L, quantity: 5, unitCost: 2000 }],
    });
    // Cost and supplier SKU come from the supplier item; 24 × 48.00 + 5 × 20.00 = 1,252.00
    expect(draft).toMatchObject({ number: 'PO-000001', status: 'draft', currency: 'USD', total: 125_200, orderedUnits: 29, sentAt: null });
    expect(draft.lines.map((l) => [l.sku, l.supplierSku, l.unitCost, l.lineTotal])).toEqual([
      ['TEA-100', 'AC-LJ', 4800, 115_200],
      ['HOD-001-BLK-L', null, 2000, 10_000],
    ]);
    // A draft promises nothing yet.
    expect(levelOf(shop.db, TEA, WAREHOUSE)?.incoming).toBe(0);

    const edited = await shop.ok('purchaseOrders.update', {
      purchaseOrderId: draft.id,
      locationId: STORE,
      note: 'Spring restock',
      lines: [{ variantId: TEA, quantity: 24 }, { variantId: HOD_L, quantity: 5, unitCost: 2000 }, { variantId: HOD_M, quantity: 6 }],
    });
    expect(edited).toMatchObject({ locationId: STORE, location: 'City store', note: 'Spring restock', orderedUnits: 35 });
    expect(edited.lines.map((l) => [l.sku, l.unitCost])).toEqual([['TEA-100', 4800], ['HOD-001-BLK-L', 2000], ['HOD-001-BLK-M', 1900]]);

    const sent = await shop.ok('purchaseOrders.send', { purchaseOrderId: draft.id });
    // Slowest line: HOD-M's 12 days (TEA 7, HOD-L has no item → Acme's 10). 2026-11-20 10:00 + 12 days.
    expect(sent).toMatchObject({ status: 'sent', sentAt: '2026-11-20T10:00:00.000Z', expectedAt: '2026-12-02T10:00:00.000Z' });
    // The store had no level rows: sending creates them with the incoming quantities.
    expect([levelOf(shop.db, TEA, STORE), levelOf(shop.db, HOD_L, STORE), levelOf(shop.db, HOD_M, STORE)]).toEqual([
      { onHand: 0, incoming: 24 },
      { onHand: 0, incoming: 5 },
      { onHand: 0, incoming: 6 },
    ]);
    expect(levelOf(shop.db, TEA, WAREHOUSE)).toEqual({ onHand: 40, incoming: 0 });

    const lineOf = (sku: string) => sent.lines.find((l) => l.sku === sku)?.id ?? 0;
    const partly = await shop.ok('purchaseOrders.receive', {
      purchaseOrderId: draft.id,
      lines: [{ variantId: TEA, quantity: 10, unitCost: 5200 }, { lineId: lineOf('HOD-001-BLK-M'), quantity: 6 }],
      note: 'First pallet',
    });
    expect(partly).toMatchObject({ status: 'partially_received', receivedUnits: 16, receivedAt: null });
    expect(partly.lines.map((l) => [l.sku, l.quantityOrdered, l.quantityReceived, l.outstanding])).toEqual([
      ['TEA-100', 24, 10, 14],
      ['HOD-001-BLK-L', 5, 0, 5],
      ['HOD-001-BLK-M', 6, 6, 0],
    ]);
    expect(partly.receipts).toMatchObject([{ location: 'City store', units: 16, note: 'First pallet', receivedAt: '2026-11-20T10:00:00.000Z' }]);
    expect(levelOf(shop.db, TEA, STORE)).toEqual({ onHand: 10, incoming: 14 });
    expect(levelOf(shop.db, HOD_M, STORE)).toEqual({ onHand: 6, incoming: 0 });
    // Moving average over all locations: TEA (40 × 50.00 + 10 × 52.00) ÷ 50 = 50.40;
    // HOD-M (12 × 21.00 + 6 × 19.00) ÷ 18 = 20.333… → 20.33
    expect([costOf(shop.db, TEA), costOf(shop.db, HOD_M)]).toEqual([5040, 2033]);
    const movement = (await shop.ok('stock.movements', { variantId: TEA, reason: 'receive' })).rows[0];
    expect(movement).toMatchObject({ delta: 10, unitCost: 5200, refType: 'receipt', locationId: STORE });

    // Under-receipt: 12 of the 14 still expected arrive.
    const short = await shop.ok('purchaseOrders.receive', { purchaseOrderId: draft.id, lines: [{ variantId: TEA, quantity: 12 }] });
    expect(short.status).toBe('partially_received');
    expect(levelOf(shop.db, TEA, STORE)).toEqual({ onHand: 22, incoming: 2 });
    // (50 × 50.40 + 12 × 48.00) ÷ 62 = 49.935… → 49.94
    expect(costOf(shop.db, TEA)).toBe(4994);

    const closed = await shop.ok('purchaseOrders.close', { purchaseOrderId: draft.id });
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-11-20T10:00:00.000Z', receivedUnits: 28, orderedUnits: 35 });
    // What will not come any more leaves "incoming"; stock stays.
    expect([levelOf(shop.db, TEA, STORE), levelOf(shop.db, HOD_L, STORE)]).toEqual([
      { onHand: 22, incoming: 0 },
      { onHand: 0, incoming: 0 },
    ]);
    expect(closed.receipts.map((r) => r.units)).toEqual([16, 12]);

    const again = await shop.fail('purchaseOrders.close', { purchaseOrderId: draft.id });
    expect(again).toMatchObject({ code: 'CONFLICT', details: { key: 'poState', params: { status: 'closed' } } });
    const list = await shop.ok('purchaseOrders.list', { status: 'closed' });
    // Ordered value: 24 × 48.00 + 5 × 20.00 + 6 × 19.00 = 1,366.00
    expect(list).toMatchObject({ total: 1, rows: [{ number: 'PO-000001', orderedUnits: 35, receivedUnits: 28, total: 136_600 }] });
  });

  it('cancels a draft or a sent order (taking its incoming away), but not one partly received', async () => {
    shop = testShop(seedPurchasing);
    const supplier = await acme(shop);
    const create = () => shop!.ok('purchaseOrders.create', { supplierId: supplier.id, locationId: WAREHOUSE, lines: [{ variantId: TEA, quantity: 10 }] });

    const draft = await create();
    expect(await shop.ok('purchaseOrders.cancel', { purchaseOrderId: draft.id })).toMatchObject({ status: 'cancelled', cancelledAt: '2026-11-20T10:00:00.000Z' });

    const sent = await create();
    await shop.ok('purchaseOrders.send', { purchaseOrderId: sent.id, expectedAt: '2026-12-24T00:00:00.000Z' });
    expect(levelOf(shop.db, TEA, WAREHOUSE)).toEqual({ onHand: 40, incoming: 10 });
    // Nothing received: closing is refused (cancel is the way), cancelling works.
    const closeSent = await shop.fail('purchaseOrders.close', { purchaseOrderId: sent.id });
    expect(closeSent.details).toMatchObject({ key: 'poState', params: { number: 'PO-000002', status: 'sent', action: 'closed' } });
    expect(closeSent.message).toBe('Purchase order PO-000002 is sent; it cannot be closed (nothing was received: cancel it instead). Nothing was changed.');
    expect((await shop.ok('purchaseOrders.cancel', { purchaseOrderId: sent.id })).status).toBe('cancelled');
    expect(levelOf(shop.db, TEA, WAREHOUSE)).toEqual({ onHand: 40, incoming: 0 });

    const partly = await create();
    await shop.ok('purchaseOrders.send', { purchaseOrderId: partly.id });
    await shop.ok('purchaseOrders.receive', { purchaseOrderId: partly.id, lines: [{ variantId: TEA, quantity: 4 }] });
    const refused = await shop.fail('purchaseOrders.cancel', { purchaseOrderId: partly.id });
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { key: 'poState', params: { status: 'partially_received' } } });
    expect(levelOf(shop.db, TEA, WAREHOUSE)).toEqual({ onHand: 44, incoming: 6 });

    // Sent orders cannot be edited; the status filter and paging of the list.
    expect((await shop.fail('purchaseOrders.update', { purchaseOrderId: partly.id, note: 'late edit' })).details.key).toBe('poState');
    const cancelled = await shop.ok('purchaseOrders.list', { status: 'cancelled', limit: 1 });
    expect(cancelled.total).toBe(2);
    expect(cancelled.rows.map((r) => r.number)).toEqual(['PO-000002']);
    expect((await shop.ok('purchaseOrders.list', { supplierId: supplier.id, open: true })).rows.map((r) => r.number)).toEqual(['PO-000003']);
    expect((await shop.ok('suppliers.get', { supplierId: supplier.id })).openOrders).toBe(1);
  });
});
