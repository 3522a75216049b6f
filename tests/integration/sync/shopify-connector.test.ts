// The Shopify connector against the Shopify Admin GraphQL emulator: every Connector method,
// pacing, THROTTLED recovery, compare-and-set, @idempotent retries, faults, error reasons.
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, type StockPushItem } from '../../../src/sync/connector.js';
import { builtInConnectorFactories, createConnectorRegistry } from '../../../src/sync/connector-registry.js';
import { shopifyConnectorFactory } from '../../../src/sync/connectors/shopify/index.js';
import { requestKey } from '../../../src/sync/connectors/shopify/keys.js';
import { decimalToMinor, minorToDecimal } from '../../../src/sync/money.js';
import { shopifyReasons } from '../../../src/sync/connectors/shopify/reasons.js';
import type { ShopifyEmulator } from '../../emulators/shopify/server.js';
import { connectorFor, rewritingFetch, type ShopifyFixture, shopifyFixture } from './shopify-connector-helpers.js';

const started: ShopifyEmulator[] = [];
async function fixture(options: Parameters<typeof shopifyFixture>[0] = {}): Promise<ShopifyFixture> {
  const f = await shopifyFixture(options);
  started.push(f.emulator);
  return f;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((e) => e.stop()));
});

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

function stockItem(f: ShopifyFixture, ref: string, quantity: number, expected: number | null, key: string | null = `key-${ref}`): StockPushItem {
  const variant = f.tea.variants[0];
  if (!variant) throw new Error('seed');
  return {
    ref,
    remoteVariantId: variant.id,
    remoteInventoryItemId: variant.inventoryItemId,
    remoteLocationId: f.warehouse,
    quantity,
    expectedQuantity: expected,
    idempotencyKey: key,
  };
}

describe('shopify connector: registry', () => {
  it('is registered, and the registered factory builds a working connector from stored settings', async () => {
    const f = await fixture();
    const factory = createConnectorRegistry(builtInConnectorFactories).get('shopify');
    expect(factory).toBe(shopifyConnectorFactory);
    const connector = shopifyConnectorFactory.create({
      settings: shopifyConnectorFactory.settingsSchema.parse({ shopDomain: 'Test-Shop.myshopify.com', baseUrl: f.emulator.url }),
      credentials: shopifyConnectorFactory.credentialsSchema.parse({ accessToken: f.emulator.accessToken }),
      fetch: globalThis.fetch,
      requestTimeoutMs: 2000,
      currencyDigits: 2,
    });
    expect(connector.capabilities).toMatchObject({ compareAndSet: true, idempotencyKeys: true, stockScope: 'location', rateLimit: { kind: 'cost-bucket' } });
    expect((await connector.testConnection()).details.apiVersion).toBe('2026-04');
  });
});

describe('shopify connector: reads', () => {
  it('testConnection reports shop name, locations and product count', async () => {
    const f = await fixture();
    const report = await f.connector.testConnection();
    expect(report).toMatchObject({ shopName: 'Tea & Mugs', locations: 2, products: 2 });
    expect(report.details).toMatchObject({ apiVersion: '2026-04', currency: 'USD', productCount: 'exact' });
  });

  it('listLocations and listVariants page with cursors, money in minor units', async () => {
    const f = await fixture();
    expect((await f.connector.listLocations()).map((l) => l.name)).toEqual(['Warehouse', 'Store']);
    const first = await f.connector.listVariants({ cursor: null, updatedSince: null, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await f.connector.listVariants({ cursor: first.nextCursor, updatedSince: null, limit: 2 });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const tea100 = [...first.items, ...second.items].find((v) => v.sku === 'TEA-100');
    expect(tea100).toMatchObject({
      remoteProductId: f.tea.productId,
      remoteInventoryItemId: f.tea.variants[0]?.inventoryItemId,
      productTitle: 'Green tea',
      barcode: '4006381333931',
      price: 1250,
      compareAtPrice: 1500,
      quantity: 13,
    });
  });

  it('listVariants with updatedSince returns only variants changed since', async () => {
    const f = await fixture();
    f.emulator.sideDoor.advanceClock(60_000);
    const since = new Date(Date.now() + 30_000).toISOString();
    f.emulator.sideDoor.setPrice(f.mug.variants[0]?.id ?? '', { price: '9.00' });
    const page = await f.connector.listVariants({ cursor: null, updatedSince: since, limit: 50 });
    expect(page.items.map((v) => v.sku)).toEqual(['MUG-1']);
    expect(page.items[0]?.price).toBe(900);
  });

  it('a malformed variant node is skipped, the rest of the page still arrives', async () => {
    const f0 = await fixture();
    const fetch = rewritingFetch(/productVariants\(first/, (body) => {
      const b = body as { data: { productVariants: { nodes: Record<string, unknown>[] } } };
      const node = b.data.productVariants.nodes[0];
      if (node) node.price = { amount: 'twelve' };
      return b;
    });
    const connector = connectorFor(f0.emulator, { fetch });
    const page = await connector.listVariants({ cursor: null, updatedSince: null, limit: 50 });
    expect(page.items).toHaveLength(2);
  });

  it('a malformed whole answer is an invalid_answer ConnectorError, not a crash', async () => {
    const f0 = await fixture();
    const connector = connectorFor(f0.emulator, { fetch: rewritingFetch(/locations/, () => ({ data: { locations: 'nope' } })) });
    const error = await failure(connector.listLocations());
    expect(error.kind).toBe('invalid_answer');
    expect(error.reason.key).toBe(shopifyReasons.invalidAnswer);
    expect(error.answerExcerpt).toContain('nope');
  });
});

describe('shopify connector: orders', () => {
  it('pulls orders sorted by updatedAt with lines, statuses, refunds', async () => {
    const f = await fixture();
    const door = f.emulator.sideDoor;
    const paid = door.createOrder([{ sku: 'TEA-100', quantity: 2 }, { sku: 'MUG-1', quantity: 1 }], { financialStatus: 'PAID' });
    door.advanceClock(2000);
    const unknown = door.createOrder([{ sku: 'NOT-LINKED', quantity: 1 }], { financialStatus: 'PENDING' });
    door.advanceClock(2000);
    const cancelled = door.createOrder([{ sku: 'TEA-250', quantity: 1 }], { financialStatus: 'PAID' });
    door.cancelOrder(cancelled);
    door.advanceClock(2000);
    door.refundOrder(paid, [{ sku: 'TEA-100', quantity: 1 }]);

    const page = await f.connector.pullOrders({ since: null, overlapSeconds: 5, cursor: null, limit: 50 });
    expect(page.orders.map((o) => o.remoteOrderId)).toEqual([unknown, cancelled, paid]);
    const [u, c, p] = page.orders;
    expect(u).toMatchObject({ status: 'open', currency: 'USD' });
    expect(u?.lines[0]).toMatchObject({ sku: 'NOT-LINKED', remoteVariantId: null, quantity: 1 });
    expect(c).toMatchObject({ status: 'cancelled' });
    expect(p?.status).toBe('partially_refunded');
    expect(p?.lines.find((l) => l.sku === 'TEA-100')).toMatchObject({ quantity: 2, refundedQuantity: 1, remoteVariantId: f.tea.variants[0]?.id });
    expect(p?.lines.find((l) => l.sku === 'MUG-1')).toMatchObject({ quantity: 1, refundedQuantity: 0 });
  });

  it('an incremental pull reads from since minus the overlap, and pages with cursors', async () => {
    const f = await fixture();
    const door = f.emulator.sideDoor;
    door.createOrder([{ sku: 'MUG-1', quantity: 1 }]);
    door.advanceClock(10_000);
    const edge = door.createOrder([{ sku: 'MUG-1', quantity: 1 }]);
    const edgeAt = door.order(edge).updatedAt;
    door.advanceClock(3000);
    const later = door.createOrder([{ sku: 'TEA-100', quantity: 1 }]);
    // Watermark 2 s after `edge`: the 5 s overlap must still include it; the first order is older.
    const since = new Date(Date.parse(edgeAt) + 2000).toISOString();
    const first = await f.connector.pullOrders({ since, overlapSeconds: 5, cursor: null, limit: 1 });
    expect(first.orders.map((o) => o.remoteOrderId)).toEqual([edge]);
    const second = await f.connector.pullOrders({ since, overlapSeconds: 5, cursor: first.nextCursor, limit: 1 });
    expect(second.orders.map((o) => o.remoteOrderId)).toEqual([later]);
    expect(second.nextCursor).toBeNull();
    const noOverlap = await f.connector.pullOrders({ since, overlapSeconds: 0, cursor: null, limit: 10 });
    expect(noOverlap.orders.map((o) => o.remoteOrderId)).toEqual([later]);
  });
});

describe('shopify connector: orders with many lines', () => {
  it('reads lines beyond the first page of an order', async () => {
    const f = await fixture();
    const lines = Array.from({ length: 27 }, (_, i) => ({ sku: `CUSTOM-${i}`, quantity: i + 1 }));
    const id = f.emulator.sideDoor.createOrder(lines);
    const page = await f.connector.pullOrders({ since: null, overlapSeconds: 0, cursor: null, limit: 10 });
    const order = page.orders.find((o) => o.remoteOrderId === id);
    expect(order?.lines).toHaveLength(27);
    expect(order?.lines.map((l) => l.quantity).reduce((a, b) => a + b, 0)).toBe((27 * 28) / 2);
  });
});

describe('shopify money and keys', () => {
  it('converts minor units and decimal strings exactly', () => {
    expect(minorToDecimal(1999, 2)).toBe('19.99');
    expect(minorToDecimal(5, 2)).toBe('0.05');
    expect(minorToDecimal(-5, 2)).toBe('-0.05');
    expect(minorToDecimal(1999, 0)).toBe('1999');
    expect(decimalToMinor('19.99', 2)).toBe(1999);
    expect(decimalToMinor('0.1', 2)).toBe(10);
    expect(decimalToMinor('12.345', 2)).toBeNull();
    expect(decimalToMinor('1e3', 2)).toBeNull();
  });

  it('a request key is stable for the same item keys, different for another set', () => {
    expect(requestKey(['only'])).toBe('only');
    expect(requestKey(['a', 'b'])).toBe(requestKey(['b', 'a']));
    expect(requestKey(['a', 'b'])).not.toBe(requestKey(['a', 'c']));
    expect(requestKey(['a', null])).not.toBe(requestKey(['a', null]));
  });
});

describe('shopify connector: stock', () => {
  it('sets stock with compare-and-set; a stale item carries the current remote quantity, the others apply', async () => {
    const f = await fixture();
    const door = f.emulator.sideDoor;
    const mug = f.mug.variants[0];
    if (!mug) throw new Error('seed');
    door.setAvailable(mug.inventoryItemId, f.warehouse, 17); // the merchant edited it on Shopify
    const results = await f.connector.pushStock([
      stockItem(f, 'tea', 8, 10),
      { ...stockItem(f, 'mug', 15, 20), remoteVariantId: mug.id, remoteInventoryItemId: mug.inventoryItemId },
    ]);
    expect(results).toEqual(expect.arrayContaining([
      { ref: 'tea', outcome: 'applied', remoteQuantity: 8 },
      { ref: 'mug', outcome: 'stale', remoteQuantity: 17 },
    ]));
    expect(door.available(f.tea.variants[0]?.inventoryItemId ?? '', f.warehouse)).toBe(8);
    expect(door.available(mug.inventoryItemId, f.warehouse)).toBe(17);
  });

  it('an item without inventory item or location fails alone with a reason key', async () => {
    const f = await fixture();
    const results = await f.connector.pushStock([{ ...stockItem(f, 'x', 1, 10), remoteLocationId: null }, stockItem(f, 'tea', 9, 10)]);
    expect(results.find((r) => r.ref === 'x')).toMatchObject({ outcome: 'failed', retryable: false, reason: { key: shopifyReasons.missingIds } });
    expect(results.find((r) => r.ref === 'tea')).toMatchObject({ outcome: 'applied' });
  });

  it('a user error other than stale fails that item with the code, the rest still apply', async () => {
    const f = await fixture();
    const results = await f.connector.pushStock([
      { ...stockItem(f, 'bad', 1, 0), remoteLocationId: 'gid://shopify/Location/999' },
      stockItem(f, 'tea', 9, 10),
    ]);
    const bad = results.find((r) => r.ref === 'bad');
    expect(bad).toMatchObject({ outcome: 'failed', retryable: false, reason: { key: shopifyReasons.userError } });
    expect(bad?.outcome === 'failed' ? bad.reason.params.code : '').toMatch(/INVALID_LOCATION|ITEM_NOT_STOCKED/);
    expect(results.find((r) => r.ref === 'tea')).toMatchObject({ outcome: 'applied', remoteQuantity: 9 });
  });

  it('"applied, then the answer is lost": the retry with the same key applies once', async () => {
    const f = await fixture();
    const door = f.emulator.sideDoor;
    door.loseAnswerNext(1);
    const results = await f.connector.pushStock([stockItem(f, 'tea', 4, 10, 'persisted-key-1')]);
    expect(results).toEqual([{ ref: 'tea', outcome: 'applied', remoteQuantity: 4 }]);
    const counters = door.counters();
    expect(counters.mutationsApplied).toBe(1);
    expect(counters.idempotentReplays).toBe(1);
    expect(door.available(f.tea.variants[0]?.inventoryItemId ?? '', f.warehouse)).toBe(4);
    // The engine retrying the whole call later with the persisted key is harmless too.
    // (Without the replay, changeFromQuantity 10 against 4 would come back stale.)
    expect(await f.connector.pushStock([stockItem(f, 'tea', 4, 10, 'persisted-key-1')])).toEqual([{ ref: 'tea', outcome: 'applied', remoteQuantity: 4 }]);
    expect(door.counters().mutationsApplied).toBe(1);
    expect(door.counters().idempotentReplays).toBe(2);
  });

  it('5xx, connection resets and timeouts are retried with backoff', async () => {
    const f = await fixture({ requestTimeoutMs: 300 });
    const door = f.emulator.sideDoor;
    door.failNext(1, 503);
    door.resetNext(1);
    door.delayNext(1, 600);
    const results = await f.connector.pushStock([stockItem(f, 'tea', 6, 10)]);
    expect(results).toEqual([{ ref: 'tea', outcome: 'applied', remoteQuantity: 6 }]);
    expect(door.counters().faultsInjected).toMatchObject({ 'http-error': 1, reset: 1, delay: 1 });
    expect(door.counters().mutationsApplied).toBe(1);
    expect(f.connector.stats.retries).toBe(3);
  });

  it('after the bounded attempts a persistent 5xx is a retryable transient ConnectorError', async () => {
    const f = await fixture({ tuning: { maxAttempts: 3 } });
    f.emulator.sideDoor.failNext(5, 502);
    const error = await failure(f.connector.pushStock([stockItem(f, 'tea', 6, 10)]));
    expect(error.kind).toBe('transient');
    expect(error.retryable).toBe(true);
    expect(error.reason).toEqual({ key: shopifyReasons.serverError, params: { status: 502 } });
  });
});

describe('shopify connector: pacing', () => {
  it('paces from the cost bucket: many mutations under a small bucket, never THROTTLED', async () => {
    const bucket = { maximumAvailable: 50, restoreRate: 100 };
    const f = await fixture({ emulator: { bucket } });
    const started = Date.now();
    for (let i = 0; i < 12; i += 1) {
      const results = await f.connector.pushStock([stockItem(f, `r${i}`, 100 + i, null, `pace-${i}`)]);
      expect(results[0]?.outcome).toBe('applied');
    }
    // 120 points through a 50-point bucket refilled at 100/s: at least 0.7 s of waiting.
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(f.emulator.sideDoor.counters().throttled).toBe(0);
    expect(f.connector.stats.waitedMs).toBeGreaterThan(0);
  });

  for (const throttledStatus of [200, 429] as const) {
    it(`recovers when THROTTLED anyway (HTTP ${throttledStatus}): waits for the refill and retries`, async () => {
      const f = await fixture({ emulator: { bucket: { maximumAvailable: 100, restoreRate: 100 }, throttledStatus } });
      f.emulator.sideDoor.drainBucket(); // the pacer believes the bucket is full
      const results = await f.connector.pushStock([stockItem(f, 'tea', 2, 10)]);
      expect(results).toEqual([{ ref: 'tea', outcome: 'applied', remoteQuantity: 2 }]);
      expect(f.emulator.sideDoor.counters().throttled).toBe(1);
      expect(f.connector.stats.throttledAnswers).toBe(1);
    });
  }

  it('a bare 429 without a JSON body is waited out and retried', async () => {
    const f0 = await fixture();
    let refused = 0;
    const fetch: typeof globalThis.fetch = (input, init) => {
      if (refused < 2) {
        refused += 1;
        return Promise.resolve(new Response('Too Many Requests', { status: 429 }));
      }
      return globalThis.fetch(input, init);
    };
    const connector = connectorFor(f0.emulator, { fetch });
    expect(await connector.listLocations()).toHaveLength(2);
    expect(connector.stats.throttledAnswers).toBe(2);
  });
});

describe('shopify connector: prices', () => {
  it('pushes price and compare-at per product; a bad variant fails alone', async () => {
    const f = await fixture();
    const [tea100, tea250] = f.tea.variants;
    const mug = f.mug.variants[0];
    if (!tea100 || !tea250 || !mug) throw new Error('seed');
    const results = await f.connector.pushPrices([
      { ref: 'a', remoteVariantId: tea100.id, remoteProductId: f.tea.productId, price: 1399, compareAtPrice: null, idempotencyKey: 'p-a' },
      { ref: 'b', remoteVariantId: tea250.id, remoteProductId: f.tea.productId, price: 2605, compareAtPrice: 2999, idempotencyKey: 'p-b' },
      // the mug is not a variant of the tea product
      { ref: 'c', remoteVariantId: mug.id, remoteProductId: f.tea.productId, price: 100, compareAtPrice: null, idempotencyKey: 'p-c' },
    ]);
    expect(results.find((r) => r.ref === 'c')).toMatchObject({ outcome: 'failed', retryable: false, reason: { key: shopifyReasons.userError } });
    expect(results.filter((r) => r.outcome === 'applied').map((r) => r.ref).sort()).toEqual(['a', 'b']);
    const door = f.emulator.sideDoor;
    expect(door.variant(tea100.id)).toMatchObject({ price: '13.99', compareAtPrice: null });
    expect(door.variant(tea250.id)).toMatchObject({ price: '26.05', compareAtPrice: '29.99' });
    expect(door.variant(mug.id).price).toBe('8.00');
  });
});

describe('shopify connector: connection failures', () => {
  it('a bad token is an auth error with its reason key, and the token appears nowhere', async () => {
    const f = await fixture();
    const connector = connectorFor(f.emulator, { accessToken: 'shpat_wrong_secret_123' });
    const error = await failure(connector.testConnection());
    expect(error.kind).toBe('auth');
    expect(error.reason.key).toBe(shopifyReasons.badToken);
    expect(JSON.stringify({ message: error.message, reason: error.reason, excerpt: error.answerExcerpt })).not.toContain('shpat_wrong_secret_123');
  });

  it('a wrong URL or unreleased API version is not_found', async () => {
    const f = await fixture();
    const error = await failure(connectorFor(f.emulator, { apiVersion: '2030-01' }).testConnection());
    expect(error).toMatchObject({ kind: 'not_found', reason: { key: shopifyReasons.wrongUrl } });
  });

  it('no permission, TLS and unknown host are told apart', async () => {
    const f = await fixture();
    const forbidden: typeof fetch = () => Promise.resolve(new Response('{"errors":"Forbidden"}', { status: 403 }));
    expect(await failure(connectorFor(f.emulator, { fetch: forbidden }).listLocations())).toMatchObject({ kind: 'permission', reason: { key: shopifyReasons.noPermission } });
    const denied: typeof fetch = () =>
      Promise.resolve(new Response(JSON.stringify({ errors: [{ message: 'Access denied for locations field.', extensions: { code: 'ACCESS_DENIED' } }] }), { status: 200 }));
    expect(await failure(connectorFor(f.emulator, { fetch: denied }).listLocations())).toMatchObject({ kind: 'permission' });
    const networkFailure = (code: string): typeof fetch => () =>
      Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) }));
    expect(await failure(connectorFor(f.emulator, { fetch: networkFailure('CERT_HAS_EXPIRED') }).listLocations())).toMatchObject({
      kind: 'tls', reason: { key: shopifyReasons.tls, params: { code: 'CERT_HAS_EXPIRED' } },
    });
    expect(await failure(connectorFor(f.emulator, { fetch: networkFailure('ENOTFOUND') }).listLocations())).toMatchObject({
      kind: 'not_found', reason: { key: shopifyReasons.hostNotFound },
    });
  });
});
