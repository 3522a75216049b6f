// The order puller against a real Vendure 3 server (tests/vendure-peer): a paid order placed on
// Vendure arrives with its prices, customer and committed stock, an unlinked variant's line
// waits for review, and a cancellation on Vendure releases the stock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createVendureConnector } from '../../../src/sync/connectors/vendure/connector.js';
import { type PeerVariant, VendurePeerClient } from '../../vendure-peer/client.js';
import { placeOrder, prepareOrderSetup } from '../../vendure-peer/orders.js';
import { ensureVendurePeerInstalled, startVendurePeer, type RunningVendurePeer } from '../../vendure-peer/peer.js';
import { HOD_M, TEA } from '../purchasing-fixture.js';
import { removeTempDirs } from '../temp-shop.js';
import { CH, channelOrders, level, linesOf, orderRow, pullerShop, reviews, type PullerShop } from './order-puller-helpers.js';

let peer: RunningVendurePeer | undefined;
let client: VendurePeerClient;
let ctx: PullerShop | undefined;
let teaVariant: PeerVariant;
let hoodieVariant: PeerVariant;
let posterVariant: PeerVariant;

beforeAll(async () => {
  await ensureVendurePeerInstalled(200_000);
  peer = await startVendurePeer();
  client = await VendurePeerClient.login(peer.adminApiUrl, peer.superadmin, peer.password);
  await client.bootstrapFreshDatabase();
  const setup = await prepareOrderSetup(client);
  const tea = await client.seedProduct('Tea', 'tea', [{ sku: 'TEA-100', name: 'Tea 100 g', price: 12800, stockOnHand: 30 }]);
  const hoodie = await client.seedProduct('Hoodie', 'hoodie', [{ sku: 'HOD-001-BLK-M', name: 'Hoodie M', price: 5999, stockOnHand: 30 }]);
  const poster = await client.seedProduct('Poster', 'poster', [{ sku: 'POSTER', name: 'Poster', price: 500, stockOnHand: 30 }]);
  const need = (v: PeerVariant | undefined): PeerVariant => v ?? (() => { throw new Error('variant not seeded'); })();
  teaVariant = need(tea.variants[0]);
  hoodieVariant = need(hoodie.variants[0]);
  posterVariant = need(poster.variants[0]);
  await placeOrder(client, setup, [{ productVariantId: teaVariant.id, quantity: 2 }, { productVariantId: posterVariant.id, quantity: 1 }], 'mei@example.com');
}, 240_000);

afterAll(async () => {
  await ctx?.shop.close();
  await peer?.stop();
  removeTempDirs();
}, 30_000);

describe('order puller × Vendure peer', () => {
  it('imports a paid Vendure order with prices and customer, holds its unlinked line, and releases stock when it is cancelled', async () => {
    if (!peer) throw new Error('peer not started');
    ctx = pullerShop({ [teaVariant.id]: TEA, [hoodieVariant.id]: HOD_M }, {}, 'vendure');
    const { db } = ctx;
    const connector = createVendureConnector(
      {
        settings: { adminApiUrl: peer.adminApiUrl },
        credentials: { username: peer.superadmin, password: peer.password },
        fetch,
        requestTimeoutMs: 10_000,
        currencyDigits: 2,
      },
      { retry: { attempts: 2, baseDelayMs: 20, maxDelayMs: 50 } },
    );
    const run = ctx.puller(connector);

    expect(await run.runOnce(CH)).toMatchObject({ status: 'done', created: 1, held: 1 });
    const [order] = channelOrders(db);
    expect(order?.state).toBe('held');
    expect(linesOf(db, order?.orderId ?? null)).toEqual([{ variantId: TEA, sku: 'TEA-100', quantity: 2, unitPrice: 12800 }]);
    const local = orderRow(db, order?.orderId ?? null);
    expect(local).toMatchObject({ status: 'open', subtotal: 25600 });
    const email = db.prepare<[number], { email: string }>('SELECT email FROM customers WHERE id = ?').get(local?.customerId ?? -1)?.email;
    expect(email).toBe('mei@example.com');
    expect(level(db, TEA).committed).toBe(2);
    expect(reviews(db).map((r) => [r.kind, JSON.parse(r.vals).sku])).toEqual([['unlinked_line', 'POSTER']]);

    expect(await run.runOnce(CH)).toMatchObject({ created: 0, updated: 0, unchanged: 1 });

    const { cancelOrder } = await client.request(
      `mutation Cancel($input: CancelOrderInput!) { cancelOrder(input: $input) { __typename ... on ErrorResult { message } } }`,
      { input: { orderId: order?.remoteOrderId ?? '', reason: 'buyer asked' } },
      z.object({ cancelOrder: z.object({ __typename: z.string(), message: z.string().optional() }) }),
    );
    expect(cancelOrder.__typename).toBe('Order');
    // Vendure stores updatedAt in whole seconds: the overlap re-reads the order whatever the second.
    expect(await run.runOnce(CH)).toMatchObject({ status: 'done', updated: 1 });
    expect(channelOrders(db)[0]).toMatchObject({ status: 'cancelled', state: 'imported' });
    expect(level(db, TEA).committed).toBe(0);
    // Nothing is left to link on a cancelled order: its review item is closed.
    expect(reviews(db)).toEqual([]);
  });
});
