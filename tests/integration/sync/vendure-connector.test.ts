// The Vendure connector against a real Vendure 3 server (tests/vendure-peer): one peer for the
// file, seeded through the peer client; every Connector method, the error reasons the merchant
// sees, and the transport's re-login, retry and timeout behaviour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConnectorError, type ConnectorContext } from '../../../src/sync/connector.js';
import { builtInConnectorFactories, createConnectorRegistry } from '../../../src/sync/connector-registry.js';
import { createVendureConnector, VendureConnector } from '../../../src/sync/connectors/vendure/connector.js';
import { orderStatus, toRemoteOrder, vendureOrderSchema } from '../../../src/sync/connectors/vendure/orders.js';
import type { VendureCredentials, VendureSettings } from '../../../src/sync/connectors/vendure/settings.js';
import { type PeerVariant, VendurePeerClient } from '../../vendure-peer/client.js';
import { placeOrder, prepareOrderSetup, type OrderSetup } from '../../vendure-peer/orders.js';
import { ensureVendurePeerInstalled, startVendurePeer, type RunningVendurePeer } from '../../vendure-peer/peer.js';
import { createLimitedAdmin, faultyFetch, recordWaits, scriptedFetch, type FaultyFetch } from './vendure-connector-helpers.js';

let peer: RunningVendurePeer | undefined;
let client: VendurePeerClient;
let orderSetup: OrderSetup;
let channelId: string;
let zoneId: string;
let taxCategoryId: string;
let mugs: PeerVariant[];
let poster: PeerVariant;
/** One signed-in connector for the data tests: each login costs the server a bcrypt hash. */
let vendure: VendureConnector;
let watched: FaultyFetch;

const fastRetry = { attempts: 3, baseDelayMs: 20, maxDelayMs: 50 };

function context(overrides: Partial<VendureCredentials> & { url?: string; fetch?: typeof globalThis.fetch; timeoutMs?: number } = {}): ConnectorContext<VendureSettings, VendureCredentials> {
  if (!peer) throw new Error('peer not started');
  return {
    settings: { adminApiUrl: overrides.url ?? peer.adminApiUrl },
    credentials: { username: overrides.username ?? peer.superadmin, password: overrides.password ?? peer.password },
    fetch: overrides.fetch ?? fetch,
    requestTimeoutMs: overrides.timeoutMs ?? 10_000,
    currencyDigits: 2,
  };
}

function connector(overrides: Parameters<typeof context>[0] = {}): VendureConnector {
  return createVendureConnector(context(overrides), { retry: fastRetry });
}

/** Waits until the wall clock enters the next second (Vendure on SQLite stamps whole seconds). */
async function nextSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error: unknown = await promise.then(
    () => new Error('expected a ConnectorError'),
    (caught: unknown) => caught,
  );
  if (!(error instanceof ConnectorError)) throw error;
  return error;
}

beforeAll(async () => {
  await ensureVendurePeerInstalled(200_000);
  peer = await startVendurePeer();
  client = await VendurePeerClient.login(peer.adminApiUrl, peer.superadmin, peer.password);
  ({ channelId, zoneId, taxCategoryId } = await client.bootstrapFreshDatabase());
  orderSetup = await prepareOrderSetup(client);
  mugs = (
    await client.seedProduct('Mug', 'mug', [
      { sku: 'MUG-RED', name: 'Mug red', price: 1299, stockOnHand: 7 },
      { sku: 'MUG-BLUE', name: 'Mug blue', price: 1399, stockOnHand: 3 },
    ])
  ).variants;
  const posters = await client.seedProduct('Poster', 'poster', [{ sku: 'POSTER', name: 'Poster', price: 500, stockOnHand: 20 }]);
  poster = posters.variants[0] ?? (() => { throw new Error('no poster variant'); })();
  watched = faultyFetch();
  vendure = connector({ fetch: watched.fetch });
}, 240_000);

afterAll(async () => {
  await peer?.stop();
}, 30_000);

describe('registration', () => {
  it('is a built-in connector kind whose schemas accept Vendure settings', () => {
    const factory = createConnectorRegistry(builtInConnectorFactories).get('vendure');
    expect(factory?.settingsSchema.safeParse({ adminApiUrl: 'http://localhost:3000/admin-api' }).success).toBe(true);
    expect(factory?.credentialsSchema.safeParse({ username: 'a', password: '' }).success).toBe(false);
  });

  it('declares what Vendure lacks', () => {
    const { capabilities } = connector();
    expect(capabilities).toMatchObject({ compareAndSet: false, idempotencyKeys: false, compareAtPrice: false, stockScope: 'variant', timestampPrecisionSeconds: 1 });
  });
});

describe('testConnection', () => {
  it('reports the channel, one location and the product count', async () => {
    const report = await vendure.testConnection();
    expect(report).toMatchObject({ shopName: '__default_channel__', locations: 1, products: 2 });
    expect(report.details.currency).toMatch(/^[A-Z]{3}$/);
  });

  it('says the credentials are wrong (an HTTP 200 InvalidCredentialsError) without echoing the password', async () => {
    const error = await failure(connector({ password: 'wrong-password-123' }).testConnection());
    expect(error.kind).toBe('auth');
    expect(error.reason.key).toBe('syncVendureBadCredentials');
    expect(error.reason.params.code).toBe('INVALID_CREDENTIALS_ERROR');
    expect(JSON.stringify([error.message, error.reason, error.answerExcerpt])).not.toContain('wrong-password-123');
  });

  it('says the URL is wrong when it is not the Admin API', async () => {
    if (!peer) throw new Error('peer not started');
    const error = await failure(connector({ url: peer.adminApiUrl.replace(/admin-api$/, 'no-such-api') }).testConnection());
    expect(error.kind).toBe('not_found');
    expect(error.reason.key).toBe('syncVendureWrongUrl');
  });

  it('says the connection failed when nothing listens there, after retrying', async () => {
    const counting = faultyFetch();
    const error = await failure(connector({ url: 'http://127.0.0.1:1/admin-api', fetch: counting.fetch }).testConnection());
    expect(error.kind).toBe('transient');
    expect(error.reason.key).toBe('syncConnectionLost');
    expect(counting.requests).toBe(fastRetry.attempts);
  });

  it('says permission is missing for an administrator who cannot read the catalogue', async () => {
    const limited = await createLimitedAdmin(client, channelId);
    const watched = faultyFetch();
    const error = await failure(connector({ ...limited, fetch: watched.fetch }).testConnection());
    expect(error.kind).toBe('permission');
    expect(error.reason.key).toBe('syncVendureNoPermission');
    // FORBIDDEN is first taken for an expired session: one re-login, then it is a permission.
    expect(watched.logins).toBe(2);
  });
});

describe('transport', () => {
  it('logs in again once when the session is refused, and keeps working', async () => {
    const watched = faultyFetch();
    const vendure = connector({ fetch: watched.fetch });
    await vendure.listLocations();
    watched.inject('badToken');
    await expect(vendure.listLocations()).resolves.toHaveLength(1);
    expect(watched.logins).toBe(2);
  });

  it('retries a 5xx and a request that exceeds the timeout, with growing jittered waits', async () => {
    const stub = scriptedFetch(['503', 'hang', 'ok']);
    const waits: number[] = [];
    const vendure = new VendureConnector(context({ fetch: stub.fetch, timeoutMs: 50 }), { retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 }, sleep: recordWaits(waits), random: () => 0.5 });
    await expect(vendure.listLocations()).resolves.toEqual([{ remoteLocationId: '1', name: 'Main', active: true }]);
    expect(stub.calls).toEqual(['login', 'api', 'api', 'api']);
    expect(waits).toEqual([50, 100]);
  });

  it('gives up with a timeout reason when every try times out', async () => {
    const stub = scriptedFetch(['hang', 'hang']);
    const vendure = new VendureConnector(context({ fetch: stub.fetch, timeoutMs: 50 }), { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const error = await failure(vendure.listLocations());
    expect(error.kind).toBe('timeout');
    expect(error.reason).toEqual({ key: 'syncTimeout', params: expect.objectContaining({ ms: 50 }) as unknown });
  });

  it('does not retry what a retry cannot fix (a refused login)', async () => {
    const stub = scriptedFetch([], 'InvalidCredentialsError');
    const error = await failure(new VendureConnector(context({ fetch: stub.fetch, timeoutMs: 50 }), { retry: fastRetry }).listLocations());
    expect(error.kind).toBe('auth');
    expect(stub.calls).toEqual(['login']);
  });

  it('turns an answer of the wrong shape into invalid_answer with a redacted excerpt, not a crash', async () => {
    watched.inject('malformed');
    const error = await failure(vendure.testConnection());
    expect(error.kind).toBe('invalid_answer');
    expect(error.reason.key).toBe('syncInvalidAnswer');
    expect(error.answerExcerpt).toContain('activeChannel');
  });
});

describe('catalogue', () => {
  it('lists one synthetic-or-default location: stock is one figure per variant', async () => {
    const locations = await vendure.listLocations();
    expect(locations).toHaveLength(1);
    expect(locations[0]?.active).toBe(true);
  });

  it('pages through variants sorted by updatedAt with skip cursors and the total', async () => {
    const first = await vendure.listVariants({ cursor: null, updatedSince: null, limit: 2 });
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe('2');
    const second = await vendure.listVariants({ cursor: first.nextCursor, updatedSince: null, limit: 2 });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(all.map((variant) => variant.sku).sort()).toEqual(['MUG-BLUE', 'MUG-RED', 'POSTER']);
    const stamps = all.map((variant) => variant.updatedAt);
    expect([...stamps].sort()).toEqual(stamps);
    const red = all.find((variant) => variant.sku === 'MUG-RED');
    expect(red).toMatchObject({ remoteVariantId: mugs[0]?.id, productTitle: 'Mug', variantTitle: 'Mug red', price: 1299, compareAtPrice: null, remoteInventoryItemId: null });
    expect(red?.remoteProductId).toBe(all.find((variant) => variant.sku === 'MUG-BLUE')?.remoteProductId);
  });

  it('lists only variants changed at or after updatedSince', async () => {
    const future = await vendure.listVariants({ cursor: null, updatedSince: new Date(Date.now() + 60_000).toISOString(), limit: 10 });
    expect(future.items).toEqual([]);
    const [changed] = await client.updateProductVariants([{ id: poster.id, price: 550 }]);
    // The watermark is the change's own (whole-second) stamp: it must still be included.
    const since = await vendure.listVariants({ cursor: null, updatedSince: changed?.updatedAt ?? null, limit: 10 });
    expect(since.items.map((variant) => variant.sku)).toContain('POSTER');
  });
});

describe('orders', () => {
  it('pulls a placed order with its code, state, placed time and lines; drafts and old orders are left out', async () => {
    const placed = await placeOrder(client, orderSetup, [{ productVariantId: poster.id, quantity: 2 }]);
    await client.request('mutation { createDraftOrder { id } }', {}, z.object({ createDraftOrder: z.object({ id: z.string() }) }));
    const page = await vendure.pullOrders({ since: null, overlapSeconds: 0, cursor: null, limit: 50 });
    expect(page.orders).toHaveLength(1);
    const order = page.orders[0];
    expect(order).toMatchObject({ remoteOrderId: placed.id, number: placed.code, status: 'paid', remoteStatus: 'PaymentSettled', customerEmail: 'buyer@example.com' });
    expect(order?.lines).toEqual([expect.objectContaining({ remoteVariantId: poster.id, sku: 'POSTER', quantity: 2, refundedQuantity: 0, unitPrice: 550 })]);
    expect(Number.isNaN(Date.parse(order?.placedAt ?? ''))).toBe(false);

    // A watermark equal to the order's own stamp still re-reads it (overlap ≥ 1 s), later ones do not.
    const again = await vendure.pullOrders({ since: order?.updatedAt ?? null, overlapSeconds: 0, cursor: null, limit: 50 });
    expect(again.orders.map((o) => o.remoteOrderId)).toEqual([placed.id]);
    const later = await vendure.pullOrders({ since: new Date(Date.now() + 60_000).toISOString(), overlapSeconds: 5, cursor: null, limit: 50 });
    expect(later.orders).toEqual([]);
  });

  it('pages orders with a cursor', async () => {
    await placeOrder(client, orderSetup, [{ productVariantId: mugs[1]?.id ?? '', quantity: 1 }]);
    const first = await vendure.pullOrders({ since: null, overlapSeconds: 0, cursor: null, limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    const rest = await vendure.pullOrders({ since: null, overlapSeconds: 0, cursor: first.nextCursor, limit: 10 });
    const ids = [...first.orders, ...rest.orders].map((o) => o.remoteOrderId);
    expect(new Set(ids).size).toBe(2);
    expect(rest.nextCursor).toBeNull();
    // A skip cursor from an earlier version still continues the pass.
    const legacy = await vendure.pullOrders({ since: null, overlapSeconds: 0, cursor: '1', limit: 10 });
    expect(legacy.orders).toHaveLength(1);
  });
  it('re-reads a cancelled order as changed: status cancelled, the cancelled items as refunded', async () => {
    const placed = await placeOrder(client, orderSetup, [{ productVariantId: mugs[0]?.id ?? '', quantity: 2 }]);
    const before = (await vendure.pullOrders({ since: null, overlapSeconds: 0, cursor: null, limit: 50 })).orders.find((o) => o.remoteOrderId === placed.id);
    expect(before?.status).toBe('paid');
    const { cancelOrder } = await client.request(
      `mutation Cancel($input: CancelOrderInput!) { cancelOrder(input: $input) { __typename ... on ErrorResult { message } } }`,
      { input: { orderId: placed.id, reason: 'test' } },
      z.object({ cancelOrder: z.object({ __typename: z.string(), message: z.string().optional() }) }),
    );
    expect(cancelOrder.__typename).toBe('Order');
    const after = await vendure.pullOrders({ since: before?.updatedAt ?? null, overlapSeconds: 1, cursor: null, limit: 50 });
    const cancelled = after.orders.find((o) => o.remoteOrderId === placed.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', remoteStatus: 'Cancelled' });
    expect(cancelled?.lines).toEqual([expect.objectContaining({ sku: 'MUG-RED', quantity: 2, refundedQuantity: 2 })]);
  });
});

describe('pushStock', () => {
  it('sets saleable stock absolutely, on top of what placed orders have allocated', async () => {
    // The poster has 2 allocated by the order above; Shopdesk already counts that order.
    const results = await vendure.pushStock([
      { ref: 'a', remoteVariantId: poster.id, remoteInventoryItemId: null, remoteLocationId: null, quantity: 5, expectedQuantity: null, idempotencyKey: null },
      { ref: 'b', remoteVariantId: mugs[0]?.id ?? '', remoteInventoryItemId: null, remoteLocationId: null, quantity: 0, expectedQuantity: null, idempotencyKey: null },
    ]);
    expect(results).toEqual(
      expect.arrayContaining([
        { ref: 'a', outcome: 'applied', remoteQuantity: 5 },
        { ref: 'b', outcome: 'applied', remoteQuantity: 0 },
      ]),
    );
    const { items } = await client.productVariants({ take: 10 });
    const remotePoster = items.find((variant) => variant.id === poster.id);
    expect(remotePoster?.stockOnHand).toBe(7);
    expect(items.find((variant) => variant.sku === 'MUG-RED')?.stockOnHand).toBe(0);
    const listed = await vendure.listVariants({ cursor: null, updatedSince: null, limit: 10 });
    expect(listed.items.find((variant) => variant.sku === 'POSTER')?.quantity).toBe(5);
  });

  it('fails only the item whose variant is gone, with a reason', async () => {
    const results = await vendure.pushStock([
      { ref: 'gone', remoteVariantId: '999999', remoteInventoryItemId: null, remoteLocationId: null, quantity: 1, expectedQuantity: null, idempotencyKey: null },
      { ref: 'ok', remoteVariantId: mugs[1]?.id ?? '', remoteInventoryItemId: null, remoteLocationId: null, quantity: 9, expectedQuantity: null, idempotencyKey: null },
    ]);
    expect(results).toContainEqual({ ref: 'gone', outcome: 'failed', retryable: false, reason: { key: 'syncVendureVariantMissing', params: { remoteVariantId: '999999' } }, answerExcerpt: null });
    expect(results).toContainEqual({ ref: 'ok', outcome: 'applied', remoteQuantity: 9 });
  });
});

describe('pushStock race', () => {
  it('reports stale when an order allocates between the read and the write', async () => {
    const blue = mugs[1]?.id ?? '';
    // The connector reads stockAllocated, then writes; an order lands in between.
    watched.before('ShopdeskUpdateVariants', () => placeOrder(client, orderSetup, [{ productVariantId: blue, quantity: 1 }]));
    const results = await vendure.pushStock([
      { ref: 'r', remoteVariantId: blue, remoteInventoryItemId: null, remoteLocationId: null, quantity: 4, expectedQuantity: null, idempotencyKey: null },
    ]);
    expect(results).toEqual([{ ref: 'r', outcome: 'stale', remoteQuantity: 3 }]);
    // The engine's retry (re-read, push again) then lands.
    const retried = await vendure.pushStock([
      { ref: 'r', remoteVariantId: blue, remoteInventoryItemId: null, remoteLocationId: null, quantity: 4, expectedQuantity: null, idempotencyKey: null },
    ]);
    expect(retried).toEqual([{ ref: 'r', outcome: 'applied', remoteQuantity: 4 }]);
  });
});

describe('order mapping', () => {
  const base = {
    id: '7', code: 'ABC', state: 'Cancelled', active: false, orderPlacedAt: '2026-12-06 10:00:00', createdAt: '2026-12-06T09:59:00.000Z',
    updatedAt: '2026-12-06T10:05:00.000Z', currencyCode: 'USD', customer: null,
    lines: [{ id: '1', quantity: 1, orderPlacedQuantity: 3, unitPrice: 250, productVariant: null }],
  };

  it('keeps the placed quantity and counts cancelled items as refunded; a line without variant keeps no SKU', () => {
    const order = toRemoteOrder(vendureOrderSchema.parse(base));
    expect(order?.status).toBe('cancelled');
    expect(order?.lines).toEqual([{ remoteLineId: '1', remoteVariantId: null, sku: null, title: '', quantity: 3, refundedQuantity: 2, unitPrice: 250 }]);
  });

  it('does not import drafts and maps Vendure states', () => {
    expect(toRemoteOrder(vendureOrderSchema.parse({ ...base, orderPlacedAt: null }))).toBeNull();
    expect(['PaymentAuthorized', 'PaymentSettled', 'PartiallyShipped', 'Delivered', 'Modifying'].map(orderStatus)).toEqual(['open', 'paid', 'paid', 'fulfilled', 'open']);
  });
});

describe('pushPrices', () => {
  it('sets prices in minor units and fails a missing variant alone', async () => {
    const results = await vendure.pushPrices([
      { ref: 'p', remoteVariantId: mugs[0]?.id ?? '', remoteProductId: null, price: 1550, compareAtPrice: 1999, idempotencyKey: null },
      { ref: 'x', remoteVariantId: '888888', remoteProductId: null, price: 100, compareAtPrice: null, idempotencyKey: null },
    ]);
    expect(results).toContainEqual({ ref: 'p', outcome: 'applied', remoteQuantity: null });
    expect(results).toContainEqual(expect.objectContaining({ ref: 'x', outcome: 'failed', reason: { key: 'syncVendureVariantMissing', params: { remoteVariantId: '888888' } } }));
    const { items } = await client.productVariants({ take: 10 });
    expect(items.find((variant) => variant.sku === 'MUG-RED')?.price).toBe(1550);
  });
});

// Last: it switches the channel to gross prices.
describe('a channel whose prices include tax', () => {
  it('lists and pushes the gross price the merchant enters, not the net one Vendure derives', async () => {
    await client.request(
      `mutation Rate($input: CreateTaxRateInput!) { createTaxRate(input: $input) { id } }`,
      { input: { name: 'VAT 25', enabled: true, value: 25, categoryId: taxCategoryId, zoneId } },
      z.object({ createTaxRate: z.object({ id: z.string() }) }),
    );
    await client.request(
      `mutation Gross($input: UpdateChannelInput!) { updateChannel(input: $input) { __typename } }`,
      { input: { id: channelId, pricesIncludeTax: true } },
      z.object({ updateChannel: z.object({ __typename: z.literal('Channel') }) }),
    );
    // A new connector: each reads the channel's tax mode once.
    const gross = connector();
    expect(await gross.pushPrices([{ ref: 'g', remoteVariantId: poster.id, remoteProductId: null, price: 1250, compareAtPrice: null, idempotencyKey: null }])).toEqual([
      { ref: 'g', outcome: 'applied', remoteQuantity: null },
    ]);
    const listed = await gross.listVariants({ cursor: null, updatedSince: null, limit: 10 });
    expect(listed.items.find((variant) => variant.sku === 'POSTER')?.price).toBe(1250);
    const { items } = await client.productVariants({ take: 10 });
    expect(items.find((variant) => variant.sku === 'POSTER')?.price).toBe(1000);
  });
});

// Last in the file: the orders placed here allocate stock the stock tests above count.
describe('orders paging while orders change', () => {
  it('misses no order when one already read is modified during the pass', async () => {
    await nextSecond();
    const since = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    const placed = [];
    for (let i = 0; i < 3; i += 1) placed.push(await placeOrder(client, orderSetup, [{ productVariantId: poster.id, quantity: 1 }]));
    const first = await vendure.pullOrders({ since, overlapSeconds: 0, cursor: null, limit: 1 });
    expect(first.orders.map((o) => o.remoteOrderId)).toEqual([placed[0]?.id]);
    // The merchant cancels the first order a second later: it moves to the end of the updatedAt order.
    await nextSecond();
    const { cancelOrder } = await client.request(
      `mutation Cancel($input: CancelOrderInput!) { cancelOrder(input: $input) { __typename ... on ErrorResult { message } } }`,
      { input: { orderId: placed[0]?.id ?? '', reason: 'changed mid-pass' } },
      z.object({ cancelOrder: z.object({ __typename: z.string(), message: z.string().optional() }) }),
    );
    expect(cancelOrder.__typename).toBe('Order');
    const seen = first.orders.map((o) => o.remoteOrderId);
    let cursor = first.nextCursor;
    for (let page = 0; cursor !== null && page < 10; page += 1) {
      const next = await vendure.pullOrders({ since, overlapSeconds: 0, cursor, limit: 1 });
      seen.push(...next.orders.map((o) => o.remoteOrderId));
      cursor = next.nextCursor;
    }
    expect(cursor).toBeNull();
    expect(new Set(seen)).toEqual(new Set(placed.map((p) => p.id)));
  });
});
