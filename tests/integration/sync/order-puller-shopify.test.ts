// The order puller against the Shopify emulator: what a merchant sees after orders arrive and
// change on Shopify — stock committed, released, adjusted; refunds as returns; unlinked lines
// held for review and applied once linked; re-reads at the watermark boundary and after a kill
// between pages that never duplicate; a failing Shopify recorded in the channel's sync state.
import { afterEach, describe, expect, it } from 'vitest';
import { reapplyHeldOrders } from '../../../src/sync/channel-order-writer.js';
import { startShopifyEmulator, type ShopifyEmulator } from '../../emulators/shopify/server.js';
import { HOD_M, MUG, TEA } from '../purchasing-fixture.js';
import { removeTempDirs } from '../temp-shop.js';
import {
  CH,
  channelOrders,
  level,
  link,
  linesOf,
  pullerShop,
  pullLog,
  returnLines,
  reviews,
  syncState,
  watermark,
  type PullerShop,
} from './order-puller-helpers.js';
import { connectorFor } from './shopify-connector-helpers.js';

let emulator: ShopifyEmulator | undefined;
let ctx: PullerShop | undefined;
afterEach(async () => {
  await ctx?.shop.close();
  await emulator?.stop();
  ctx = undefined;
  emulator = undefined;
  removeTempDirs();
});

const REMOTE_T = '2026-12-06T10:00:00Z';

interface Remote {
  emulator: ShopifyEmulator;
  hoodie: string;
  tea: string;
  mug: string;
}

/** A Shopify shop with three variants; hoodie and tea are linked locally, the mug is not. */
async function setup(): Promise<Remote & PullerShop> {
  emulator = await startShopifyEmulator();
  const door = emulator.sideDoor;
  door.freezeClock(REMOTE_T);
  const wh = door.addLocation('Warehouse');
  const [hoodie, tea, mug] = [
    door.addProduct('Hoodie', [{ sku: 'HOD-001-BLK-M', price: '59.99', stock: { [wh]: 50 } }]),
    door.addProduct('Tea', [{ sku: 'TEA-100', price: '128.00', stock: { [wh]: 50 } }]),
    door.addProduct('Mug', [{ sku: 'MUG-1', price: '9.90', stock: { [wh]: 50 } }]),
  ].map((p) => p.variants[0]?.id ?? '');
  ctx = pullerShop({ [hoodie ?? '']: HOD_M, [tea ?? '']: TEA }, {}, 'shopify');
  return { ...ctx, emulator, hoodie: hoodie ?? '', tea: tea ?? '', mug: mug ?? '' };
}

const businessTables = ['orders', 'order_lines', 'returns', 'return_lines', 'customers', 'stock_levels', 'stock_movements', 'channel_orders', 'review_queue'];
const dump = (db: PullerShop['db']) => Object.fromEntries(businessTables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));

describe('order puller × Shopify emulator', () => {
  it('imports orders with their lines and commits stock; a second pull with nothing changed changes nothing', async () => {
    const { emulator: shopify, db, puller } = await setup();
    shopify.sideDoor.createOrder([{ sku: 'HOD-001-BLK-M', quantity: 2 }, { sku: 'TEA-100', quantity: 3 }]);
    shopify.sideDoor.advanceClock(1000);
    shopify.sideDoor.createOrder([{ sku: 'TEA-100', quantity: 1 }]);
    const run = puller(connectorFor(shopify));

    expect(await run.runOnce(CH)).toEqual({ status: 'done', created: 2, updated: 0, unchanged: 0, held: 0, pages: 1, error: null });
    const orders = channelOrders(db);
    expect(orders.map((o) => [o.orderNumber, o.status, o.state])).toEqual([['#1001', 'open', 'imported'], ['#1002', 'open', 'imported']]);
    // The emulator's subset has no line prices: the local catalogue prices the lines.
    expect(linesOf(db, orders[0]?.orderId ?? null)).toEqual([
      { variantId: HOD_M, sku: 'HOD-001-BLK-M', quantity: 2, unitPrice: 5999 },
      { variantId: TEA, sku: 'TEA-100', quantity: 3, unitPrice: 12800 },
    ]);
    expect(level(db, HOD_M)).toEqual({ onHand: 12, committed: 2 });
    expect(level(db, TEA)).toEqual({ onHand: 40, committed: 4 });
    expect(watermark(db)?.value).toBe('2026-12-06T10:00:01.000Z');

    const before = dump(db);
    expect(await run.runOnce(CH)).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 2 });
    expect(dump(db)).toEqual(before);
    expect(pullLog(db).map((l) => l.summaryKey)).toEqual(['sync.log.pulledOrders', 'sync.log.pulledOrders']);
    expect(pullLog(db).every((l) => !`${l.request}${l.answer}`.includes(shopify.accessToken))).toBe(true);
  });

  it('follows an order through an edit, a partial refund and a cancellation', async () => {
    const { emulator: shopify, db, puller } = await setup();
    const door = shopify.sideDoor;
    const order = door.createOrder([{ sku: 'HOD-001-BLK-M', quantity: 2 }, { sku: 'TEA-100', quantity: 3 }]);
    const run = puller(connectorFor(shopify));
    await run.runOnce(CH);
    expect([level(db, HOD_M).committed, level(db, TEA).committed]).toEqual([2, 3]);

    door.advanceClock(60_000);
    door.editOrderLines(order, [{ sku: 'TEA-100', quantity: 5 }]);
    expect(await run.runOnce(CH)).toMatchObject({ created: 0, updated: 1 });
    expect(level(db, TEA)).toEqual({ onHand: 40, committed: 5 });

    door.advanceClock(60_000);
    door.refundOrder(order, [{ sku: 'TEA-100', quantity: 2 }]);
    expect(await run.runOnce(CH)).toMatchObject({ updated: 1 });
    expect(returnLines(db)).toEqual([{ sku: 'TEA-100', quantity: 2, refund: 2 * 12800, restocked: 0 }]);
    // Refunded units are no longer promised; nothing came back on the shelf.
    expect(level(db, TEA)).toEqual({ onHand: 40, committed: 3 });

    door.advanceClock(60_000);
    door.cancelOrder(order);
    expect(await run.runOnce(CH)).toMatchObject({ updated: 1 });
    expect(channelOrders(db)[0]?.status).toBe('cancelled');
    expect(level(db, HOD_M)).toEqual({ onHand: 12, committed: 0 });
    expect(level(db, TEA)).toEqual({ onHand: 40, committed: 0 });
    expect(returnLines(db)).toHaveLength(1);
  });

  it('holds an order with an unlinked line for review, commits its linked lines, and applies the line once linked', async () => {
    const { emulator: shopify, db, clock, puller, mug } = await setup();
    const order = shopify.sideDoor.createOrder([{ sku: 'HOD-001-BLK-M', quantity: 1 }, { sku: 'MUG-1', quantity: 2 }]);
    const run = puller(connectorFor(shopify));

    expect(await run.runOnce(CH)).toMatchObject({ created: 1, held: 1 });
    expect(channelOrders(db)[0]?.state).toBe('held');
    expect(level(db, HOD_M).committed).toBe(1);
    expect(level(db, MUG).committed).toBe(0);
    const lineGid = shopify.sideDoor.order(order).lines[1]?.id ?? '';
    const [item] = reviews(db);
    expect(item).toMatchObject({ kind: 'unlinked_line', subject: `order:${order}:line:${lineGid}`, reasonKey: 'sync.review.unlinkedLine' });
    expect(JSON.parse(item?.vals ?? '{}')).toMatchObject({ sku: 'MUG-1', quantity: 2, orderNumber: '#1001' });

    // Re-read unchanged: still one review item, still held, nothing committed twice.
    expect(await run.runOnce(CH)).toMatchObject({ unchanged: 1, held: 1 });
    expect(reviews(db)).toHaveLength(1);
    expect(level(db, HOD_M).committed).toBe(1);

    link(db, mug, MUG);
    expect(reapplyHeldOrders(db, clock, CH, [MUG])).toEqual({ reapplied: 1 });
    expect(channelOrders(db)[0]?.state).toBe('imported');
    expect(level(db, MUG).committed).toBe(2);
    expect(level(db, HOD_M).committed).toBe(1);
    expect(linesOf(db, channelOrders(db)[0]?.orderId ?? null).map((l) => [l.sku, l.quantity])).toEqual([['HOD-001-BLK-M', 1], ['MUG-1', 2]]);
    expect(reviews(db)).toEqual([]);
    expect(reviews(db, 'resolved')).toHaveLength(1);
    expect(reapplyHeldOrders(db, clock, CH)).toEqual({ reapplied: 0 });
  });

  it('re-reads orders at the watermark boundary (same second) without duplicating them', async () => {
    const { emulator: shopify, db, puller } = await setup();
    const run = puller(connectorFor(shopify));
    shopify.sideDoor.createOrder([{ sku: 'TEA-100', quantity: 1 }]);
    expect(await run.runOnce(CH)).toMatchObject({ created: 1 });
    // Same second as the watermark: only an overlapping read finds it.
    shopify.sideDoor.createOrder([{ sku: 'TEA-100', quantity: 2 }]);
    expect(await run.runOnce(CH)).toMatchObject({ created: 1, unchanged: 1 });
    expect(channelOrders(db)).toHaveLength(2);
    expect(level(db, TEA).committed).toBe(3);
    expect(watermark(db)).toEqual({ value: '2026-12-06T10:00:00.000Z', overlapSeconds: 120 });
  });

  it('keeps page 1 and its watermark when killed between pages, and the next run completes without duplicates', async () => {
    const { emulator: shopify, db, puller } = await setup();
    for (const quantity of [1, 2, 3]) {
      shopify.sideDoor.createOrder([{ sku: 'TEA-100', quantity }]);
      shopify.sideDoor.advanceClock(1000);
    }
    const run = puller(connectorFor(shopify), 1);
    const killed = run.runOnce(CH, {
      onProgress: (done) => {
        if (done === 1) throw new Error('killed');
      },
    });
    await expect(killed).rejects.toThrow('killed');
    expect(channelOrders(db)).toHaveLength(1);
    expect(level(db, TEA).committed).toBe(1);
    expect(watermark(db)?.value).toBe('2026-12-06T10:00:00.000Z');

    expect(await run.runOnce(CH)).toMatchObject({ status: 'done', created: 2, unchanged: 1, pages: 3 });
    expect(channelOrders(db).map((o) => o.orderNumber)).toEqual(['#1001', '#1002', '#1003']);
    expect(level(db, TEA).committed).toBe(6);
    expect(watermark(db)).toEqual({ value: '2026-12-06T10:00:02.000Z', overlapSeconds: 120 });
  });

  it('answers failed on a 5xx, records since when the channel fails, and clears it on the next good pull', async () => {
    const { emulator: shopify, db, clock, puller } = await setup();
    shopify.sideDoor.createOrder([{ sku: 'TEA-100', quantity: 1 }]);
    // Two attempts per call, small pages: the connector's pacer books each failed request's
    // estimated cost, so long retries of big pages would wait for the bucket to refill.
    const run = puller(connectorFor(shopify, { tuning: { maxAttempts: 2 } }), 2);
    shopify.sideDoor.failNext(4, 503);
    const first = await run.runOnce(CH);
    expect(first.status).toBe('failed');
    expect(first.error?.key).toBe('syncServerError');
    const failedAt = clock.now().toISOString();
    expect(syncState(db)).toMatchObject({ failingSince: failedAt, lastErrorKey: 'syncServerError', lastPullOkAt: null });
    expect(channelOrders(db)).toEqual([]);
    expect(pullLog(db).map((l) => l.summaryKey)).toEqual(['sync.log.pullFailed']);

    clock.at += 60_000;
    expect((await run.runOnce(CH)).status).toBe('failed');
    expect(syncState(db)?.failingSince).toBe(failedAt);

    shopify.sideDoor.clearFaults();
    clock.at += 60_000;
    expect(await run.runOnce(CH)).toMatchObject({ status: 'done', created: 1 });
    expect(syncState(db)).toMatchObject({ failingSince: null, lastErrorKey: null, lastPullOkAt: clock.now().toISOString(), pulledToday: 1 });
  });
});
