import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { seedCatalog } from './catalog-fixture.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

// seedCatalog at location 1: HOD-001-BLK-M (id 1) 12 on hand cost 21.00; TEA-100 (id 3) 40 at 50.00; MUG-50% (id 4) 3, no cost.
const HOD_M = 1;
const TEA = 3;
const MUG = 4;
const WH = 1;
const level = (s: TestShop, variantId: number) =>
  s.db.prepare('SELECT on_hand AS onHand, incoming FROM stock_levels WHERE variant_id = ? AND location_id = 1').get(variantId) as {
    onHand: number;
    incoming: number;
  };
const cost = (s: TestShop, variantId: number) => (s.db.prepare('SELECT cost FROM variants WHERE id = ?').get(variantId) as { cost: number | null }).cost;

async function acmeWithOrder(s: TestShop) {
  const acme = await s.ok('suppliers.create', { name: 'Acme Tea Co', currency: 'USD', leadTimeDays: 10, email: 'orders@acme.test' });
  await s.ok('supplierItems.upsert', { supplierId: acme.id, variantId: TEA, supplierSku: 'AC-LJ', cost: 4800, packSize: 6, moq: 12, preferred: true });
  const po = await s.ok('purchaseOrders.create', {
    supplierId: acme.id,
    locationId: WH,
    lines: [
      { variantId: TEA, quantity: 24 },
      { variantId: HOD_M, quantity: 10, unitCost: 2000 },
    ],
  });
  return { acme, po };
}

describe('purchase orders', () => {
  it('goes from draft to sent to partly received to closed, keeping incoming, stock and moving-average cost right', async () => {
    shop = testShop(seedCatalog);
    const { po } = await acmeWithOrder(shop);
    expect(po).toMatchObject({ number: 'PO-000001', status: 'draft', total: 24 * 4800 + 10 * 2000, orderedUnits: 34 });
    expect(po.lines.map((l) => [l.sku, l.supplierSku, l.unitCost])).toEqual([
      ['TEA-100', 'AC-LJ', 4800],
      ['HOD-001-BLK-M', null, 2000],
    ]);

    const sent = await shop.ok('purchaseOrders.send', { purchaseOrderId: po.id });
    // Promised: now (2026-11-20 10:00) + the supplier's 10 days.
    expect(sent).toMatchObject({ status: 'sent', expectedAt: '2026-11-30T10:00:00.000Z' });
    expect([level(shop, TEA).incoming, level(shop, HOD_M).incoming]).toEqual([24, 10]);

    const part = await shop.ok('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: TEA, quantity: 10, unitCost: 5200 }] });
    expect(part.status).toBe('partially_received');
    expect(level(shop, TEA)).toEqual({ onHand: 50, incoming: 14 });
    // (40 × 50.00 + 10 × 52.00) ÷ 50 = 50.40
    expect(cost(shop, TEA)).toBe(5040);
    const receipt = (await shop.ok('stock.movements', { variantId: TEA, reason: 'receive' })).rows[0];
    expect(receipt).toMatchObject({ delta: 10, unitCost: 5200, refType: 'receipt' });

    // 20 more than the 14 outstanding: refused until confirmed.
    const over = await shop.fail('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: TEA, quantity: 20 }] });
    expect(over).toMatchObject({ code: 'CONFLICT', details: { key: 'overReceipt' } });
    expect(over.details.issues?.map((i) => i.path)).toEqual(['lines.0.quantity']);
    expect(level(shop, TEA)).toEqual({ onHand: 50, incoming: 14 });

    await shop.ok('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: TEA, quantity: 20 }], confirmOver: true });
    expect(level(shop, TEA)).toEqual({ onHand: 70, incoming: 0 });
    // (50 × 50.40 + 20 × 48.00) ÷ 70 = 49.714… → 49.71
    expect(cost(shop, TEA)).toBe(4971);

    const closed = await shop.ok('purchaseOrders.close', { purchaseOrderId: po.id });
    expect(closed).toMatchObject({ status: 'closed', receivedUnits: 30 });
    expect(level(shop, HOD_M)).toEqual({ onHand: 12, incoming: 0 });
    expect(closed.receipts.map((r) => r.units)).toEqual([10, 20]);
  });

  it('records cost changes from receipts in history, which cannot be undone on their own', async () => {
    shop = testShop(seedCatalog);
    const { po } = await acmeWithOrder(shop);
    await shop.ok('purchaseOrders.send', { purchaseOrderId: po.id });
    await shop.ok('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: TEA, quantity: 10, unitCost: 5200 }] });
    const [latest] = (await shop.ok('history.list', {})).changeSets;
    expect(latest).toMatchObject({ kind: 'po_receipt', itemCount: 1 });
    const detail = await shop.ok('history.get', { changeSetId: latest?.id ?? 0 });
    expect(detail.items[0]).toMatchObject({ entity: 'variants', entityId: TEA, field: 'cost', before: 5000, after: 5040 });
    expect((await shop.fail('history.undo', { changeSetId: latest?.id ?? 0 })).details.key).toBe('notUndoable');
  });

  it('needs an exchange rate to receive an order in another currency, and values stock in the shop currency', async () => {
    shop = testShop(seedCatalog);
    const factory = await shop.ok('suppliers.create', { name: '义乌杯业', currency: 'CNY', leadTimeDays: 30 });
    const po = await shop.ok('purchaseOrders.create', { supplierId: factory.id, locationId: WH, lines: [{ variantId: MUG, quantity: 10, unitCost: 700 }] });
    await shop.ok('purchaseOrders.send', { purchaseOrderId: po.id });
    const noRate = await shop.fail('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: MUG, quantity: 10 }] });
    expect(noRate.details.issues?.map((i) => [i.path, i.key])).toEqual([['exchangeRate', 'exchangeRateRequired']]);
    await shop.ok('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: MUG, quantity: 10 }], exchangeRate: 0.14 });
    // ¥7.00 × 0.14 = $0.98; the mug had no cost, so the receipt sets it.
    expect(cost(shop, MUG)).toBe(98);
    expect((await shop.ok('purchaseOrders.get', { purchaseOrderId: po.id })).status).toBe('received');
  });

  it('refuses bad input with the field named and changes nothing', async () => {
    shop = testShop(seedCatalog);
    const { acme, po } = await acmeWithOrder(shop);
    const negative = await shop.fail('purchaseOrders.create', { supplierId: acme.id, locationId: WH, lines: [{ variantId: TEA, quantity: -5 }] });
    expect(negative).toMatchObject({ code: 'VALIDATION' });
    expect(negative.details.issues?.map((i) => i.path)).toEqual(['lines.0.quantity']);
    const noCost = await shop.fail('purchaseOrders.create', { supplierId: acme.id, locationId: WH, lines: [{ variantId: MUG, quantity: 5 }] });
    expect(noCost.details.issues?.map((i) => [i.path, i.key])).toEqual([['lines.0.unitCost', 'costRequired']]);
    const draft = await shop.fail('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: TEA, quantity: 1 }] });
    expect(draft.details).toMatchObject({ key: 'poState', params: { status: 'draft' } });
    await shop.ok('purchaseOrders.send', { purchaseOrderId: po.id });
    const stranger = await shop.fail('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: MUG, quantity: 1 }] });
    expect(stranger.details.issues?.map((i) => [i.path, i.key])).toEqual([['lines.0.variantId', 'notOnOrder']]);
    const duplicate = await shop.fail('suppliers.create', { name: 'acme tea co', currency: 'USD' });
    expect(duplicate.details.issues?.map((i) => i.path)).toEqual(['name']);
    expect(level(shop, TEA)).toEqual({ onHand: 40, incoming: 24 });
    expect((await shop.ok('purchaseOrders.list', {})).total).toBe(1);

    // A sent order with nothing received can be cancelled; its incoming goes away.
    expect((await shop.ok('purchaseOrders.cancel', { purchaseOrderId: po.id })).status).toBe('cancelled');
    expect(level(shop, TEA).incoming).toBe(0);
  });
});

/** Acme's history: PO1 on time and complete; PO2 late and short then closed; PO3 still open. */
function seedAcmeHistory(path: string): void {
  seedCatalog(path);
  const db = openDatabase(path);
  db.exec(`
    INSERT INTO suppliers (id, name, currency, lead_time_days, created_at, updated_at) VALUES (1, 'Acme Tea Co', 'USD', 10, '2026-01-01', '2026-01-01');
    INSERT INTO purchase_orders (id, number, supplier_id, location_id, status, currency, created_at, updated_at, sent_at, expected_at, closed_at, actor) VALUES
      (1, 'PO-000001', 1, 1, 'received', 'USD', '2026-10-01T12:00:00Z', '2026-10-01', '2026-10-01T12:00:00Z', '2026-10-11T12:00:00Z', NULL, 'owner'),
      (2, 'PO-000002', 1, 1, 'closed', 'USD', '2026-10-15T12:00:00Z', '2026-10-15', '2026-10-15T12:00:00Z', '2026-10-25T12:00:00Z', '2026-10-29T12:00:00Z', 'owner'),
      (3, 'PO-000003', 1, 1, 'sent', 'USD', '2026-11-01T12:00:00Z', '2026-11-01', '2026-11-01T12:00:00Z', '2026-11-11T12:00:00Z', NULL, 'owner');
    INSERT INTO purchase_order_lines (id, purchase_order_id, variant_id, quantity_ordered, quantity_received, unit_cost) VALUES
      (1, 1, 3, 10, 10, 4800), (2, 2, 3, 20, 18, 5040), (3, 3, 3, 12, 0, 5040);
    INSERT INTO receipts (id, purchase_order_id, location_id, received_at, actor) VALUES
      (1, 1, 1, '2026-10-10T12:00:00Z', 'owner'), (2, 2, 1, '2026-10-28T12:00:00Z', 'owner');
    INSERT INTO receipt_lines (receipt_id, purchase_order_line_id, quantity, unit_cost, landed_unit_cost) VALUES (1, 1, 10, 4800, 4800), (2, 2, 18, 5040, 5040);
  `);
  db.close();
}

describe('supplier scorecard', () => {
  it('computes on-time and fill rates, lead times and price changes from the order history', async () => {
    shop = testShop(seedAcmeHistory);
    const [acme] = (await shop.ok('suppliers.scorecard', {})).suppliers;
    expect(acme).toMatchObject({
      supplier: 'Acme Tea Co',
      ordersSent: 3,
      ordersCompleted: 2,
      onTimeRate: 0.5, // PO1 on 10-10 ≤ 10-11; PO2 on 10-28 > 10-25
      promisedLeadDays: 10, // (10 + 10) ÷ 2
      actualLeadDays: 11, // (9 + 13) ÷ 2
      priceChanges: 1, // 48.00 → 50.40 between PO1 and PO2; PO3 unchanged
    });
    expect(acme?.fillRate).toBeCloseTo(28 / 30, 10);
    expect(acme?.averagePriceChange).toBeCloseTo(0.05, 10);
    expect(acme?.largestPriceChanges[0]).toMatchObject({ sku: 'TEA-100', from: 4800, to: 5040 });
  });
});
