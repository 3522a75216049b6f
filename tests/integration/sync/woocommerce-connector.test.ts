// The WooCommerce connector against the REST v3 emulator: every Connector method, paging, batch
// partial failures, 429/Retry-After pacing, retries of 5xx/resets/timeouts, a lost answer that was
// applied (read back, not pushed twice), auth errors as reason keys and malformed answers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError, type ItemResult, type RemoteVariant } from '../../../src/sync/connector.js';
import { wooConnectorFactory } from '../../../src/sync/connectors/woocommerce/connector.js';
import { createConnectorRegistry, builtInConnectorFactories } from '../../../src/sync/connector-registry.js';
import { defaultTestKey, type RunningWooEmulator, startWooEmulator } from '../../emulators/woocommerce/index.js';
import { minorToDecimal as decimalFromMinor } from '../../../src/sync/money.js';
import { minorFromDecimal } from '../../../src/sync/connectors/woocommerce/money.js';
import { fetchRewriting, fetchWithHook, stockItem, wooConnector } from './woocommerce-connector-helpers.js';

let woo: RunningWooEmulator;
beforeEach(async () => {
  woo = await startWooEmulator({
    keys: [
      defaultTestKey,
      { consumerKey: 'ck_readonly_key_000000000000000000000000', consumerSecret: 'cs_readonly_secret_00000000000000000000', permission: 'read' },
      { consumerKey: 'ck_writeonly_key_00000000000000000000000', consumerSecret: 'cs_writeonly_secret_0000000000000000000', permission: 'write' },
    ],
    site: { name: 'Tea & Mugs' },
  });
});
afterEach(async () => {
  await woo.stop();
});

async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

const byRef = (results: ItemResult[]) => new Map(results.map((r) => [r.ref, r]));

describe('registry and connection', () => {
  it('is registered as woocommerce and validates its settings', () => {
    expect(createConnectorRegistry(builtInConnectorFactories).get('woocommerce')).toBe(wooConnectorFactory);
    expect(wooConnectorFactory.settingsSchema.safeParse({ siteUrl: 'http://shop.example.com' }).success).toBe(false);
    expect(wooConnectorFactory.settingsSchema.safeParse({ siteUrl: 'https://shop.example.com' }).success).toBe(true);
  });

  it('testConnection reports the store name, product count and versions', async () => {
    woo.sideDoor.seedProduct({ sku: 'A' });
    woo.sideDoor.seedProduct({ sku: 'B' });
    const report = await wooConnector(woo).connector.testConnection();
    expect(report).toMatchObject({ shopName: 'Tea & Mugs', products: 2, locations: 1 });
    expect(report.details).toMatchObject({ woocommerceVersion: '10.3.0', currency: 'USD' });
  });

  it('tells bad keys, a wrong URL and missing permission apart, without leaking the secret', async () => {
    const secret = 'cs_wrong_secret_but_very_secret_123456';
    const bad = await rejection(wooConnector(woo, { credentials: { consumerKey: defaultTestKey.consumerKey, consumerSecret: secret } }).connector.testConnection());
    expect(bad.kind).toBe('auth');
    expect(bad.reason.key).toBe('sync.woocommerce.badKeys');
    expect(JSON.stringify([bad.message, bad.reason, bad.answerExcerpt])).not.toContain(secret);

    const wrongPath = await rejection(wooConnector(woo, { siteUrl: `${woo.url}/shop` }).connector.testConnection());
    expect(wrongPath.kind).toBe('not_found');
    expect(wrongPath.reason.key).toBe('sync.woocommerce.wrongUrl');

    const writeOnly = { consumerKey: 'ck_writeonly_key_00000000000000000000000', consumerSecret: 'cs_writeonly_secret_0000000000000000000' };
    const noRead = await rejection(wooConnector(woo, { credentials: writeOnly }).connector.testConnection());
    expect(noRead.kind).toBe('permission');
    expect(noRead.reason.key).toBe('sync.woocommerce.noPermission');
  });

  it('a site that is not WordPress is a wrong URL', async () => {
    const html: typeof globalThis.fetch = () => Promise.resolve(new Response('<html>My blog</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const error = await rejection(wooConnector(woo, { fetch: html }).connector.testConnection());
    expect(error.kind).toBe('not_found');
    expect(error.reason.key).toBe('sync.woocommerce.wrongUrl');
  });

  it('rejects a cursor it did not issue', async () => {
    const error = await rejection(wooConnector(woo).connector.pullOrders({ since: null, overlapSeconds: 5, cursor: 'abc', limit: 10 }));
    expect(error.reason.key).toBe('sync.woocommerce.invalidCursor');
  });

  it('a read-only key fails a stock push as a whole with the permission reason', async () => {
    const p = woo.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 1 });
    const readOnly = { consumerKey: 'ck_readonly_key_000000000000000000000000', consumerSecret: 'cs_readonly_secret_00000000000000000000' };
    const error = await rejection(wooConnector(woo, { credentials: readOnly }).connector.pushStock([stockItem('r1', String(p.id), 5)]));
    expect(error.kind).toBe('permission');
    expect(woo.sideDoor.product(p.id).stock_quantity).toBe(1);
  });

  it('authenticates with query parameters when the host strips the header', async () => {
    woo.sideDoor.seedProduct({ sku: 'A' });
    const report = await wooConnector(woo, { authInQuery: true }).connector.testConnection();
    expect(report.products).toBe(1);
  });
});

describe('catalogue', () => {
  it('has one synthetic location', async () => {
    expect(await wooConnector(woo).connector.listLocations()).toEqual([{ remoteLocationId: 'default', name: 'WooCommerce stock', active: true }]);
  });

  it('lists simple products and variations page by page', async () => {
    const mug = woo.sideDoor.seedProduct({ sku: 'MUG', regular_price: '8.00', manage_stock: true, stock_quantity: 3 });
    const tee = woo.sideDoor.seedProduct({ type: 'variable', name: 'Tee' });
    const small = woo.sideDoor.seedVariation(tee.id, { sku: 'TEE-S', regular_price: '20.00', sale_price: '15.50', manage_stock: true, stock_quantity: 4 });
    const large = woo.sideDoor.seedVariation(tee.id, { sku: 'TEE-L', regular_price: '20.00' });
    const cap = woo.sideDoor.seedProduct({ sku: 'CAP', regular_price: '12.99', manage_stock: true, stock_quantity: 0 });
    const { connector } = wooConnector(woo);

    const seen: RemoteVariant[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await connector.listVariants({ cursor, updatedSince: null, limit: 2 });
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(2);
    const byId = new Map(seen.map((v) => [v.remoteVariantId, v]));
    expect([...byId.keys()].sort()).toEqual([String(mug.id), `${tee.id}/${small.id}`, `${tee.id}/${large.id}`, String(cap.id)].sort());
    expect(byId.get(String(mug.id))).toMatchObject({ sku: 'MUG', price: 800, compareAtPrice: null, quantity: 3, remoteProductId: String(mug.id) });
    expect(byId.get(`${tee.id}/${small.id}`)).toMatchObject({ sku: 'TEE-S', price: 1550, compareAtPrice: 2000, quantity: 4, productTitle: 'Tee' });
    // Stock not managed on the variation: no figure to sync.
    expect(byId.get(`${tee.id}/${large.id}`)).toMatchObject({ quantity: null, price: 2000 });
    expect(byId.get(String(cap.id))?.quantity).toBe(0);
  });

  it('pages through more than 100 variations of one product', async () => {
    const tee = woo.sideDoor.seedProduct({ type: 'variable', name: 'Tee' });
    for (let i = 0; i < 130; i++) woo.sideDoor.seedVariation(tee.id, { sku: `V${i}`, manage_stock: true, stock_quantity: i });
    const page = await wooConnector(woo).connector.listVariants({ cursor: null, updatedSince: null, limit: 100 });
    expect(page.items).toHaveLength(130);
    expect(new Set(page.items.map((v) => v.sku)).size).toBe(130);
    expect(page.nextCursor).toBeNull();
  });

  it('lists only products modified after updatedSince', async () => {
    const old = woo.sideDoor.seedProduct({ sku: 'OLD' });
    woo.sideDoor.advanceClock(60_000);
    const fresh = woo.sideDoor.seedProduct({ sku: 'NEW' });
    const since = `${woo.sideDoor.product(old.id).date_modified_gmt}Z`;
    const page = await wooConnector(woo).connector.listVariants({ cursor: null, updatedSince: new Date(Date.parse(since) + 30_000).toISOString(), limit: 50 });
    expect(page.items.map((v) => v.remoteVariantId)).toEqual([String(fresh.id)]);
  });

  it('a malformed list answer is an invalid_answer error with a redacted excerpt', async () => {
    woo.sideDoor.seedProduct({ sku: 'A' });
    const fetch = fetchRewriting((url) => url.includes('/products?'), () => [{ id: 'not-a-number', consumer_secret: defaultTestKey.consumerSecret }]);
    const error = await rejection(wooConnector(woo, { fetch }).connector.listVariants({ cursor: null, updatedSince: null, limit: 10 }));
    expect(error.kind).toBe('invalid_answer');
    expect(error.answerExcerpt).toContain('not-a-number');
    expect(error.answerExcerpt).not.toContain(defaultTestKey.consumerSecret);
  });
});

describe('orders', () => {
  it('pulls orders with lines, maps statuses and refunds, pages by id', async () => {
    const mug = woo.sideDoor.seedProduct({ sku: 'MUG', regular_price: '8.00', manage_stock: true, stock_quantity: 10 });
    const tee = woo.sideDoor.seedProduct({ type: 'variable', name: 'Tee' });
    const small = woo.sideDoor.seedVariation(tee.id, { sku: 'TEE-S', regular_price: '19.99', manage_stock: true, stock_quantity: 5 });
    const paid = woo.sideDoor.placeOrder([{ product_id: mug.id, quantity: 2 }, { product_id: tee.id, variation_id: small.id, quantity: 1 }], 'processing');
    const partly = woo.sideDoor.placeOrder([{ product_id: mug.id, quantity: 1 }], 'completed');
    woo.sideDoor.refundOrder(partly.id, 3, 'chipped');
    const full = woo.sideDoor.placeOrder([{ product_id: mug.id, quantity: 1 }], 'processing');
    woo.sideDoor.refundOrder(full.id, 8, 'returned');
    const held = woo.sideDoor.placeOrder([{ product_id: mug.id, quantity: 1 }], 'on-hold');
    const { connector } = wooConnector(woo);

    const first = await connector.pullOrders({ since: null, overlapSeconds: 5, cursor: null, limit: 3 });
    expect(first.nextCursor).toBe('2');
    const second = await connector.pullOrders({ since: null, overlapSeconds: 5, cursor: first.nextCursor, limit: 3 });
    expect(second.nextCursor).toBeNull();
    const orders = new Map([...first.orders, ...second.orders].map((o) => [o.remoteOrderId, o]));
    expect(orders.size).toBe(4);
    const p = orders.get(String(paid.id));
    expect(p).toMatchObject({ status: 'paid', remoteStatus: 'processing', currency: 'USD', remoteLocationId: null });
    expect(p?.placedAt).toMatch(/Z$/);
    expect(p?.lines).toEqual([
      expect.objectContaining({ remoteVariantId: String(mug.id), sku: 'MUG', quantity: 2, unitPrice: 800, refundedQuantity: 0 }),
      expect.objectContaining({ remoteVariantId: `${tee.id}/${small.id}`, sku: 'TEE-S', quantity: 1, unitPrice: 1999 }),
    ]);
    expect(orders.get(String(partly.id))).toMatchObject({ status: 'partially_refunded', remoteStatus: 'completed' });
    expect(orders.get(String(full.id))).toMatchObject({ status: 'refunded' });
    expect(orders.get(String(full.id))?.lines[0]?.refundedQuantity).toBe(1);
    expect(orders.get(String(held.id))?.status).toBe('open');
  });

  it('reads from the watermark minus the overlap', async () => {
    const mug = woo.sideDoor.seedProduct({ sku: 'MUG', regular_price: '8.00' });
    const old = woo.sideDoor.placeOrder([{ product_id: mug.id, quantity: 1 }]);
    woo.sideDoor.advanceClock(120_000);
    const recent = woo.sideDoor.placeOrder([{ product_id: mug.id, quantity: 1 }]);
    const recentAt = Date.parse(`${woo.sideDoor.order(recent.id).date_modified_gmt}Z`);
    const { connector } = wooConnector(woo);
    // Watermark 2 s after the recent order: only the 5 s overlap brings it back.
    const withOverlap = await connector.pullOrders({ since: new Date(recentAt + 2000).toISOString(), overlapSeconds: 5, cursor: null, limit: 50 });
    expect(withOverlap.orders.map((o) => o.remoteOrderId)).toEqual([String(recent.id)]);
    const tooLate = await connector.pullOrders({ since: new Date(recentAt + 10_000).toISOString(), overlapSeconds: 5, cursor: null, limit: 50 });
    expect(tooLate.orders).toEqual([]);
    expect(old.id).not.toBe(recent.id);
  });
});

describe('pushStock', () => {
  it('sets stock on simple products and variations, one batch per parent, and reads it back', async () => {
    const mug = woo.sideDoor.seedProduct({ sku: 'MUG', manage_stock: true, stock_quantity: 3 });
    const cap = woo.sideDoor.seedProduct({ sku: 'CAP' });
    const tee = woo.sideDoor.seedProduct({ type: 'variable', name: 'Tee' });
    const small = woo.sideDoor.seedVariation(tee.id, { manage_stock: true, stock_quantity: 1 });
    woo.sideDoor.resetCounters();
    const results = await wooConnector(woo).connector.pushStock([stockItem('a', String(mug.id), 7), stockItem('b', String(cap.id), 2), stockItem('c', `${tee.id}/${small.id}`, 9)]);
    const got = byRef(results);
    expect(got.get('a')).toEqual({ ref: 'a', outcome: 'applied', remoteQuantity: 7 });
    expect(got.get('b')).toEqual({ ref: 'b', outcome: 'applied', remoteQuantity: 2 });
    expect(got.get('c')).toEqual({ ref: 'c', outcome: 'applied', remoteQuantity: 9 });
    expect(woo.sideDoor.product(cap.id)).toMatchObject({ manage_stock: true, stock_quantity: 2 });
    expect(woo.sideDoor.variation(small.id).stock_quantity).toBe(9);
    expect(woo.sideDoor.counters().batchRequests).toBe(2);
  });

  it('splits more than 100 simple products into batches of at most 100', async () => {
    const items = [];
    for (let i = 0; i < 150; i++) items.push(stockItem(`r${i}`, String(woo.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 0 }).id), i));
    woo.sideDoor.resetCounters();
    const results = await wooConnector(woo).connector.pushStock(items);
    expect(results.filter((r) => r.outcome === 'applied')).toHaveLength(150);
    expect(woo.sideDoor.counters().batchRequests).toBe(2);
  });

  it('reports a partial batch failure per item, the others applied', async () => {
    const a = woo.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 1 });
    const b = woo.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 1 });
    const c = woo.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 1 });
    woo.sideDoor.failBatchItem({ resource: 'product', id: b.id, status: 400, code: 'woocommerce_rest_invalid_stock', message: 'Bad stock.' });
    woo.sideDoor.failBatchItem({ resource: 'product', id: c.id, status: 500 });
    const got = byRef(await wooConnector(woo).connector.pushStock([stockItem('a', String(a.id), 5), stockItem('b', String(b.id), 5), stockItem('c', String(c.id), 5), stockItem('d', 'garbage', 5)]));
    expect(got.get('a')).toMatchObject({ outcome: 'applied', remoteQuantity: 5 });
    expect(got.get('b')).toMatchObject({
      outcome: 'failed',
      retryable: false,
      reason: { key: 'sync.woocommerce.itemRejected', params: { code: 'woocommerce_rest_invalid_stock', status: 400 } },
    });
    expect(got.get('c')).toMatchObject({ outcome: 'failed', retryable: true });
    expect(got.get('d')).toMatchObject({ outcome: 'failed', retryable: false, reason: { key: 'sync.woocommerce.invalidRemoteId' } });
    expect(woo.sideDoor.product(b.id).stock_quantity).toBe(1);
  });

  it('a sale between the write and the read-back is reported stale with the remote quantity', async () => {
    const mug = woo.sideDoor.seedProduct({ sku: 'MUG', regular_price: '8.00', manage_stock: true, stock_quantity: 3 });
    let sold = false;
    const fetch = fetchWithHook(
      (url, method) => method === 'POST' && url.includes('/products/batch'),
      () => {
        if (!sold) woo.sideDoor.placeOrder([{ product_id: mug.id, quantity: 2 }]);
        sold = true;
      },
    );
    const [result] = await wooConnector(woo, { fetch }).connector.pushStock([stockItem('a', String(mug.id), 10)]);
    expect(result).toEqual({ ref: 'a', outcome: 'stale', remoteQuantity: 8 });
  });

  it('apply-then-lose-answer: the read-back shows it applied, so it is not pushed twice', async () => {
    const mug = woo.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 3 });
    woo.sideDoor.loseAnswerNext(1, { method: 'POST' });
    woo.sideDoor.resetCounters();
    const [result] = await wooConnector(woo).connector.pushStock([stockItem('a', String(mug.id), 6)]);
    expect(result).toEqual({ ref: 'a', outcome: 'applied', remoteQuantity: 6 });
    expect(woo.sideDoor.counters().batchRequests).toBe(1);
  });

  it('a 5xx that applied nothing is pushed again after the read-back', async () => {
    const mug = woo.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 3 });
    woo.sideDoor.failNext(1, 502, { method: 'POST' });
    woo.sideDoor.resetCounters();
    const [result] = await wooConnector(woo).connector.pushStock([stockItem('a', String(mug.id), 6)]);
    expect(result).toEqual({ ref: 'a', outcome: 'applied', remoteQuantity: 6 });
    expect(woo.sideDoor.counters().byRoute['POST /wp-json/wc/v3/products/batch']).toBe(2);
  });

  it('a malformed item in the batch answer fails that item only, with a redacted excerpt', async () => {
    const a = woo.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 1 });
    const b = woo.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 1 });
    const fetch = fetchRewriting(
      (url, method) => method === 'POST',
      (body) => {
        const answer = body as { update: Record<string, unknown>[] };
        return { update: answer.update.map((item) => (item.id === b.id ? { id: b.id, stock_quantity: 'lots', token: 'tok_do_not_log' } : item)) };
      },
    );
    const got = byRef(await wooConnector(woo, { fetch }).connector.pushStock([stockItem('a', String(a.id), 4), stockItem('b', String(b.id), 4)]));
    expect(got.get('a')).toMatchObject({ outcome: 'applied', remoteQuantity: 4 });
    const failed = got.get('b');
    expect(failed).toMatchObject({ outcome: 'failed', reason: { key: 'sync.woocommerce.invalidAnswer' } });
    expect(failed?.outcome === 'failed' ? failed.answerExcerpt : null).toContain('lots');
    expect(JSON.stringify(failed)).not.toContain('tok_do_not_log');
  });
});

describe('pacing and retries', () => {
  it('waits out a 429 on a batch write and applies it once', async () => {
    const mug = woo.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 3 });
    woo.sideDoor.rateLimitNext(1, 1, { method: 'POST' });
    woo.sideDoor.resetCounters();
    const { connector, sleeps } = wooConnector(woo);
    const [result] = await connector.pushStock([stockItem('a', String(mug.id), 4)]);
    expect(result).toEqual({ ref: 'a', outcome: 'applied', remoteQuantity: 4 });
    expect(sleeps).toEqual([1000]);
    expect(woo.sideDoor.counters().byRoute['POST /wp-json/wc/v3/products/batch']).toBe(2);
  });

  it('hands a long Retry-After to the engine instead of sleeping on it', async () => {
    woo.sideDoor.rateLimitNext(1, 120, { method: 'GET' });
    const { connector, sleeps } = wooConnector(woo);
    const error = await rejection(connector.listVariants({ cursor: null, updatedSince: null, limit: 10 }));
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 120_000 });
    expect(error.retryable).toBe(true);
    expect(sleeps).toEqual([]);
  });

  it('a refused connection is a retryable transient error', async () => {
    const url = woo.url;
    await woo.stop();
    const error = await rejection(wooConnector(woo, { siteUrl: url, maxAttempts: 2 }).connector.testConnection());
    expect(error.kind).toBe('transient');
    woo = await startWooEmulator();
  });

  it('honours 429 Retry-After', async () => {
    woo.sideDoor.seedProduct({ sku: 'A' });
    woo.sideDoor.rateLimitNext(1, 1, { method: 'GET' });
    const { connector, sleeps } = wooConnector(woo);
    const started = Date.now();
    const page = await connector.listVariants({ cursor: null, updatedSince: null, limit: 10 });
    expect(page.items).toHaveLength(1);
    expect(sleeps).toEqual([1000]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(woo.sideDoor.counters().rateLimited).toBe(1);
  });

  it('retries 5xx, resets and timeouts with growing backoff, then succeeds', async () => {
    woo.sideDoor.seedProduct({ sku: 'A' });
    woo.sideDoor.failNext(1, 500, { method: 'GET' });
    woo.sideDoor.resetNext(1, { method: 'GET' });
    woo.sideDoor.delayNext(1, 600, { method: 'GET' });
    const { connector, sleeps } = wooConnector(woo, { requestTimeoutMs: 250 });
    const page = await connector.listVariants({ cursor: null, updatedSince: null, limit: 10 });
    expect(page.items).toHaveLength(1);
    // random() = 1 in the harness: the full backoff ceiling, doubling from 10 ms, capped at 40.
    expect(sleeps).toEqual([10, 20, 40]);
  });

  it('gives up after the bounded attempts with a retryable error', async () => {
    woo.sideDoor.failNext(10, 503, { method: 'GET' });
    woo.sideDoor.resetCounters();
    const error = await rejection(wooConnector(woo, { maxAttempts: 3 }).connector.listVariants({ cursor: null, updatedSince: null, limit: 10 }));
    expect(error.kind).toBe('transient');
    expect(error.retryable).toBe(true);
    expect(error.reason.key).toBe('sync.woocommerce.serverError');
    expect(woo.sideDoor.counters().requests).toBe(3);
  });
});

describe('money strings', () => {
  it('converts decimal strings and minor units exactly', () => {
    expect(minorFromDecimal('19.99', 2)).toBe(1999);
    expect(minorFromDecimal('8', 2)).toBe(800);
    expect(minorFromDecimal('0.1', 2)).toBe(10);
    expect(minorFromDecimal('1.005', 2)).toBe(101);
    expect(minorFromDecimal(8.2, 2)).toBe(820);
    expect(minorFromDecimal('500', 0)).toBe(500);
    expect(minorFromDecimal('', 2)).toBeNull();
    expect(minorFromDecimal('abc', 2)).toBeNull();
    expect(decimalFromMinor(1999, 2)).toBe('19.99');
    expect(decimalFromMinor(5, 2)).toBe('0.05');
    expect(decimalFromMinor(500, 0)).toBe('500');
  });
});

describe('pushPrices', () => {
  it('maps price and compare-at onto regular_price / sale_price strings', async () => {
    const mug = woo.sideDoor.seedProduct({ regular_price: '8.00', sale_price: '6.00' });
    const tee = woo.sideDoor.seedProduct({ type: 'variable', name: 'Tee' });
    const small = woo.sideDoor.seedVariation(tee.id, { regular_price: '20.00' });
    const results = await wooConnector(woo).connector.pushPrices([
      { ref: 'a', remoteVariantId: String(mug.id), remoteProductId: String(mug.id), price: 950, compareAtPrice: null, idempotencyKey: null },
      { ref: 'b', remoteVariantId: `${tee.id}/${small.id}`, remoteProductId: String(tee.id), price: 1500, compareAtPrice: 1999, idempotencyKey: null },
    ]);
    expect(results.every((r) => r.outcome === 'applied')).toBe(true);
    expect(woo.sideDoor.product(mug.id)).toMatchObject({ regular_price: '9.50', sale_price: '' });
    expect(woo.sideDoor.variation(small.id)).toMatchObject({ regular_price: '19.99', sale_price: '15.00' });
    const page = await wooConnector(woo).connector.listVariants({ cursor: null, updatedSince: null, limit: 10 });
    expect(page.items.find((v) => v.remoteVariantId === `${tee.id}/${small.id}`)).toMatchObject({ price: 1500, compareAtPrice: 1999 });
  });

  it('a price write whose answer was lost is not sent twice', async () => {
    const mug = woo.sideDoor.seedProduct({ regular_price: '8.00' });
    woo.sideDoor.loseAnswerNext(1, { method: 'POST' });
    woo.sideDoor.resetCounters();
    const [result] = await wooConnector(woo).connector.pushPrices([
      { ref: 'a', remoteVariantId: String(mug.id), remoteProductId: null, price: 700, compareAtPrice: 900, idempotencyKey: null },
    ]);
    expect(result).toEqual({ ref: 'a', outcome: 'applied', remoteQuantity: null });
    expect(woo.sideDoor.counters().batchRequests).toBe(1);
    expect(woo.sideDoor.product(mug.id)).toMatchObject({ regular_price: '9.00', sale_price: '7.00' });
  });
});
