// What a receipt will do, shown before it happens: only the lines with a quantity
// are received, the preview's units, value and moving-average costs are exactly
// what posting then writes, and a foreign-currency rate is remembered per
// supplier and currency and proposed for the next receipt.
import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';
import { costOf, HOD_L, HOD_M, levelOf, purchasingState, seedPurchasing, TEA, WAREHOUSE } from './purchasing-fixture.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

async function sentOrder(s: TestShop, supplierId: number, lines: { variantId: number; quantity: number; unitCost: number }[]) {
  const po = await s.ok('purchaseOrders.create', { supplierId, locationId: WAREHOUSE, lines });
  return s.ok('purchaseOrders.send', { purchaseOrderId: po.id });
}

describe('receipt preview', () => {
  it('previews a one-line receipt of a two-line order without writing, and posting it receives only that line', async () => {
    shop = testShop(seedPurchasing);
    const supplier = await shop.ok('suppliers.create', { name: 'Acme', currency: 'USD' });
    const po = await sentOrder(shop, supplier.id, [
      { variantId: TEA, quantity: 10, unitCost: 5200 },
      { variantId: HOD_M, quantity: 8, unitCost: 2400 },
    ]);
    const before = purchasingState(shop.db);

    const preview = await shop.ok('purchaseOrders.previewReceipt', { purchaseOrderId: po.id, lines: [{ variantId: TEA, quantity: 1 }] });
    expect(purchasingState(shop.db)).toEqual(before);
    expect(preview).toMatchObject({ units: 1, orderValue: 5200, value: 5200, rateSource: 'sameCurrency', exchangeRate: null });
    // (40 × 50.00 + 1 × 52.00) ÷ 41 = 50.0487… → 50.05
    expect(preview.lines).toEqual([
      expect.objectContaining({ sku: 'TEA-100', quantity: 1, outstanding: 10, over: false, landedUnitCost: 5200, onHandBefore: 40, costBefore: 5000, costAfter: 5005 }),
    ]);

    const received = await shop.ok('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: TEA, quantity: 1 }] });
    expect(received.status).toBe('partially_received');
    expect(received.lines.map((l) => [l.sku, l.quantityReceived, l.outstanding])).toEqual([
      ['TEA-100', 1, 9],
      ['HOD-001-BLK-M', 0, 8],
    ]);
    expect(levelOf(shop.db, HOD_M, WAREHOUSE)).toEqual({ onHand: 12, incoming: 8 });
    expect(costOf(shop.db, TEA)).toBe(preview.lines[0]?.costAfter);
    expect(costOf(shop.db, HOD_M)).toBe(2100);
  });

  it('flags lines beyond what is still ordered instead of refusing the preview', async () => {
    shop = testShop(seedPurchasing);
    const supplier = await shop.ok('suppliers.create', { name: 'Acme', currency: 'USD' });
    const po = await sentOrder(shop, supplier.id, [{ variantId: TEA, quantity: 2, unitCost: 5000 }]);
    const preview = await shop.ok('purchaseOrders.previewReceipt', { purchaseOrderId: po.id, lines: [{ variantId: TEA, quantity: 5 }] });
    expect(preview.lines[0]).toMatchObject({ quantity: 5, outstanding: 2, over: true });
    const notOnOrder = await shop.fail('purchaseOrders.previewReceipt', { purchaseOrderId: po.id, lines: [{ variantId: HOD_L, quantity: 1 }] });
    expect(notOnOrder.details.issues?.map((i) => [i.path, i.key])).toEqual([['lines.0.variantId', 'notOnOrder']]);
  });

  it('shows the cost change a foreign-currency rate causes, remembers the rate when posted and proposes it next time', async () => {
    shop = testShop(seedPurchasing);
    const supplier = await shop.ok('suppliers.create', { name: 'Yiwu Knit', currency: 'CNY' });
    // The issue's case: a variant with no stock at $21.00 received at ¥25.43 × 0.14 = $3.56.
    const po = await sentOrder(shop, supplier.id, [{ variantId: HOD_L, quantity: 5, unitCost: 2543 }]);
    expect(po.rememberedRate).toBeNull();

    const noRate = await shop.ok('purchaseOrders.previewReceipt', { purchaseOrderId: po.id, lines: [{ variantId: HOD_L, quantity: 5 }] });
    expect(noRate).toMatchObject({ currency: 'CNY', shopCurrency: 'USD', rateSource: 'missing', exchangeRate: null, value: null, orderValue: 12715 });
    expect(noRate.lines[0]).toMatchObject({ landedUnitCost: null, costBefore: 2100, costAfter: null });

    const atRate = await shop.ok('purchaseOrders.previewReceipt', { purchaseOrderId: po.id, lines: [{ variantId: HOD_L, quantity: 5 }], exchangeRate: 0.14 });
    expect(atRate).toMatchObject({ rateSource: 'given', exchangeRate: 0.14, value: 1780 });
    expect(atRate.lines[0]).toMatchObject({ landedUnitCost: 356, costBefore: 2100, costAfter: 356 });

    const received = await shop.ok('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: HOD_L, quantity: 2 }], exchangeRate: 0.14 });
    expect(costOf(shop.db, HOD_L)).toBe(356);
    expect(received.rememberedRate).toMatchObject({ rate: 0.14, updatedAt: '2026-11-20T10:00:00.000Z' });

    // The next receipt in CNY from this supplier proposes 0.14 and values with it.
    const next = await shop.ok('purchaseOrders.previewReceipt', { purchaseOrderId: po.id, lines: [{ variantId: HOD_L, quantity: 3 }] });
    expect(next).toMatchObject({ rateSource: 'remembered', exchangeRate: 0.14, rememberedRate: { rate: 0.14 } });
    // Posting still needs the rate sent: the person confirms the proposal, the core never assumes it.
    const refused = await shop.fail('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: HOD_L, quantity: 3 }] });
    expect(refused.details.issues?.map((i) => i.key)).toEqual(['exchangeRateRequired']);
  });

  it('does not remember a rate when the receipt is refused', async () => {
    shop = testShop(seedPurchasing);
    const supplier = await shop.ok('suppliers.create', { name: 'Yiwu Knit', currency: 'CNY' });
    const po = await sentOrder(shop, supplier.id, [{ variantId: HOD_L, quantity: 5, unitCost: 2543 }]);
    await shop.fail('purchaseOrders.receive', { purchaseOrderId: po.id, lines: [{ variantId: HOD_L, quantity: 9 }], exchangeRate: 0.2 });
    expect((await shop.ok('purchaseOrders.get', { purchaseOrderId: po.id })).rememberedRate).toBeNull();
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM supplier_exchange_rates').get()).toEqual({ n: 0 });
  });
});
