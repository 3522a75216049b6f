// The order puller against the WooCommerce emulator: a shipped order sells stock through the
// ledger (and is never un-sold by a later refund), a cancelled one releases what it committed,
// and a pass killed between pages cannot lose an order even though WooCommerce pages by id, not
// by modification time.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultTestKey, startWooEmulator, type RunningWooEmulator } from '../../emulators/woocommerce/index.js';
import { HOD_M, TEA } from '../purchasing-fixture.js';
import { removeTempDirs } from '../temp-shop.js';
import {
  CH,
  channelOrders,
  ledgerMismatches,
  level,
  linesOf,
  orderRow,
  pullerShop,
  returnLines,
  saleRows,
  watermark,
  type PullerShop,
} from './order-puller-helpers.js';
import { wooConnector } from './woocommerce-connector-helpers.js';

let woo: RunningWooEmulator | undefined;
let ctx: PullerShop | undefined;
afterEach(async () => {
  await ctx?.shop.close();
  await woo?.stop();
  ctx = undefined;
  woo = undefined;
  removeTempDirs();
});

interface Setup extends PullerShop {
  woo: RunningWooEmulator;
  hoodie: number;
  tea: number;
}

async function setup(): Promise<Setup> {
  woo = await startWooEmulator();
  const hoodie = woo.sideDoor.seedProduct({ name: 'Hoodie', sku: 'HOD-001-BLK-M', regular_price: '59.99', manage_stock: true, stock_quantity: 50 }).id;
  const tea = woo.sideDoor.seedProduct({ name: 'Tea', sku: 'TEA-100', regular_price: '128.00', manage_stock: true, stock_quantity: 50 }).id;
  ctx = pullerShop({ [String(hoodie)]: HOD_M, [String(tea)]: TEA }, {}, 'woocommerce');
  return { ...ctx, woo, hoodie, tea };
}

describe('order puller × WooCommerce emulator', () => {
  it('posts sale movements when an order is completed, releases committed, and does not un-sell it on a later refund', async () => {
    const { woo: shop, db, puller, hoodie, tea } = await setup();
    const placed = shop.sideDoor.placeOrder([{ product_id: hoodie, quantity: 2 }, { product_id: tea, quantity: 1 }]);
    const run = puller(wooConnector(shop).connector);
    expect(await run.runOnce(CH)).toMatchObject({ status: 'done', created: 1 });
    const [order] = channelOrders(db);
    expect(orderRow(db, order?.orderId ?? null)).toMatchObject({ status: 'open', subtotal: 2 * 5999 + 12800, total: 2 * 5999 + 12800, currency: 'USD', locationId: 1 });
    expect(level(db, HOD_M)).toEqual({ onHand: 12, committed: 2 });

    shop.sideDoor.advanceClock(5_000);
    shop.sideDoor.changeOrderStatus(placed.id, 'completed');
    expect(await run.runOnce(CH)).toMatchObject({ updated: 1 });
    expect(orderRow(db, order?.orderId ?? null)?.status).toBe('fulfilled');
    expect(saleRows(db)).toEqual([
      { variantId: HOD_M, locationId: 1, delta: -2, refType: 'channel_order', refId: String(order?.id) },
      { variantId: TEA, locationId: 1, delta: -1, refType: 'channel_order', refId: String(order?.id) },
    ]);
    expect(level(db, HOD_M)).toEqual({ onHand: 10, committed: 0 });
    expect(level(db, TEA)).toEqual({ onHand: 39, committed: 0 });
    expect(ledgerMismatches(db)).toEqual([]);

    // Refunded after shipping: the refund is a return (money back); stock stays sold.
    shop.sideDoor.advanceClock(5_000);
    shop.sideDoor.refundOrder(placed.id, 2 * 59.99 + 128);
    expect(await run.runOnce(CH)).toMatchObject({ updated: 1 });
    expect(returnLines(db)).toEqual([
      { sku: 'HOD-001-BLK-M', quantity: 2, refund: 2 * 5999, restocked: 0 },
      { sku: 'TEA-100', quantity: 1, refund: 12800, restocked: 0 },
    ]);
    expect(orderRow(db, order?.orderId ?? null)?.status).toBe('fulfilled');
    expect(saleRows(db)).toHaveLength(2);
    expect(level(db, HOD_M)).toEqual({ onHand: 10, committed: 0 });
    expect(ledgerMismatches(db)).toEqual([]);
    expect(await run.runOnce(CH)).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it('releases committed stock when an order is cancelled', async () => {
    const { woo: shop, db, puller, tea } = await setup();
    const placed = shop.sideDoor.placeOrder([{ product_id: tea, quantity: 4 }]);
    const run = puller(wooConnector(shop).connector);
    await run.runOnce(CH);
    expect(level(db, TEA).committed).toBe(4);
    shop.sideDoor.advanceClock(5_000);
    shop.sideDoor.changeOrderStatus(placed.id, 'cancelled');
    expect(await run.runOnce(CH)).toMatchObject({ updated: 1 });
    expect(level(db, TEA)).toEqual({ onHand: 40, committed: 0 });
    expect(channelOrders(db)[0]?.status).toBe('cancelled');
    expect(saleRows(db)).toEqual([]);
  });

  it('loses no order when a pass over id-ordered pages is killed after a recently modified order', async () => {
    const { woo: shop, db, puller, hoodie, tea } = await setup();
    const run = puller(wooConnector(shop).connector, 1);
    shop.sideDoor.placeOrder([{ product_id: tea, quantity: 1 }]);
    await run.runOnce(CH);
    const first = watermark(db)?.value ?? '';

    shop.sideDoor.advanceClock(60_000);
    const a = shop.sideDoor.placeOrder([{ product_id: hoodie, quantity: 1 }]);
    shop.sideDoor.advanceClock(1_000);
    shop.sideDoor.placeOrder([{ product_id: tea, quantity: 2 }]);
    // A (lower id) is modified ten minutes later than B: id order is not modification order.
    shop.sideDoor.advanceClock(600_000);
    shop.sideDoor.changeOrderStatus(a.id, 'on-hold');

    const killed = run.runOnce(CH, {
      onProgress: (done) => {
        if (done === 2) throw new Error('killed');
      },
    });
    await expect(killed).rejects.toThrow('killed');
    expect(channelOrders(db)).toHaveLength(2);
    // The watermark moved to A's modification; the overlap still reaches back to the pass's start.
    const mark = watermark(db);
    expect(Date.parse(mark?.value ?? '')).toBeGreaterThan(Date.parse(first) + 600_000);
    expect(Date.parse(mark?.value ?? '') - (mark?.overlapSeconds ?? 0) * 1000).toBeLessThanOrEqual(Date.parse(first) - 120_000);

    expect(await run.runOnce(CH)).toMatchObject({ status: 'done', created: 1 });
    expect(channelOrders(db)).toHaveLength(3);
    expect(level(db, TEA).committed).toBe(3);
    expect(level(db, HOD_M).committed).toBe(1);
    expect(watermark(db)?.overlapSeconds).toBe(120);
    expect(linesOf(db, channelOrders(db)[2]?.orderId ?? null)).toEqual([{ variantId: TEA, sku: 'TEA-100', quantity: 2, unitPrice: 12800 }]);
  });

  it('keeps the consumer secret out of the pull log', async () => {
    const { woo: shop, db, puller, tea } = await setup();
    shop.sideDoor.placeOrder([{ product_id: tea, quantity: 1 }]);
    await puller(wooConnector(shop).connector).runOnce(CH);
    const text = JSON.stringify(db.prepare('SELECT * FROM sync_log').all());
    expect(text).not.toContain(defaultTestKey.consumerSecret);
    expect(text).toContain('sync.log.pulledOrders');
  });
});
