// The WooCommerce stock push reads its writes back in lists, one request per 100 records
// (`products?include=` for simple products, `products/{parent}/variations?include=` per parent),
// not one GET per record; a record the read-back no longer finds, or finds in a shape the
// connector does not understand, fails alone with its reason while the others are applied.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ItemResult } from '../../../src/sync/connector.js';
import { type RunningWooEmulator, startWooEmulator } from '../../emulators/woocommerce/index.js';
import { fetchRewriting, fetchWithHook, stockItem, wooConnector } from './woocommerce-connector-helpers.js';

let woo: RunningWooEmulator;
beforeEach(async () => {
  woo = await startWooEmulator();
});
afterEach(async () => {
  await woo.stop();
});

const byRef = (results: ItemResult[]) => new Map(results.map((r) => [r.ref, r]));
const routes = () => woo.sideDoor.counters().byRoute;
const isListRead = (url: string, method: string) => method === 'GET' && /\/products(\/\d+\/variations)?\?/.test(url);

describe('stock push read-back', () => {
  it('reads 250 products and two parents’ variations back with one list request per 100 and per parent', async () => {
    const simple = Array.from({ length: 250 }, (_, i) => woo.sideDoor.seedProduct({ sku: `S-${i}`, manage_stock: true, stock_quantity: 1 }));
    const shirt = woo.sideDoor.seedProduct({ type: 'variable' });
    const mug = woo.sideDoor.seedProduct({ type: 'variable' });
    const sizes = ['S', 'M', 'L'].map((sku) => woo.sideDoor.seedVariation(shirt.id, { sku, manage_stock: true, stock_quantity: 1 }));
    const red = woo.sideDoor.seedVariation(mug.id, { sku: 'RED', manage_stock: true, stock_quantity: 1 });
    const items = [
      ...simple.map((p, i) => stockItem(`p${i}`, String(p.id), i % 7)),
      ...sizes.map((v, i) => stockItem(`v${i}`, `${shirt.id}/${v.id}`, 10 + i)),
      stockItem('red', `${mug.id}/${red.id}`, 3),
    ];
    woo.sideDoor.resetCounters();
    const { connector } = wooConnector(woo);
    // The engine sends at most stockBatchSize items a call.
    const results: ItemResult[] = [];
    for (let start = 0; start < items.length; start += connector.capabilities.stockBatchSize) {
      results.push(...(await connector.pushStock(items.slice(start, start + connector.capabilities.stockBatchSize))));
    }
    const got = byRef(results);
    expect([...got.values()].every((r) => r.outcome === 'applied')).toBe(true);
    expect(got.get('p13')).toEqual({ ref: 'p13', outcome: 'applied', remoteQuantity: 13 % 7 });
    expect(got.get('v2')).toEqual({ ref: 'v2', outcome: 'applied', remoteQuantity: 12 });
    expect(woo.sideDoor.variation(red.id).stock_quantity).toBe(3);
    expect(routes()['GET /wp-json/wc/v3/products/:id']).toBeUndefined();
    expect(routes()['GET /wp-json/wc/v3/products']).toBe(3);
    expect(routes()['GET /wp-json/wc/v3/products/:id/variations']).toBe(2);
  });

  it('a product deleted between the write and the read-back fails alone as gone; a sale there is stale', async () => {
    const [a, b, c] = [0, 1, 2].map(() => woo.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 5 }));
    if (!a || !b || !c) throw new Error('seed');
    const fetch = fetchWithHook(
      (url, method) => method === 'POST' && url.includes('/products/batch'),
      () => {
        woo.sideDoor.deleteProduct(b.id);
        woo.sideDoor.placeOrder([{ product_id: c.id, quantity: 1 }]);
      },
    );
    const got = byRef(await wooConnector(woo, { fetch }).connector.pushStock([stockItem('a', String(a.id), 7), stockItem('b', String(b.id), 7), stockItem('c', String(c.id), 7)]));
    expect(got.get('a')).toEqual({ ref: 'a', outcome: 'applied', remoteQuantity: 7 });
    expect(got.get('b')).toEqual({ ref: 'b', outcome: 'failed', retryable: false, reason: { key: 'sync.woocommerce.remoteItemGone', params: { id: String(b.id) } }, answerExcerpt: null });
    expect(got.get('c')).toEqual({ ref: 'c', outcome: 'stale', remoteQuantity: 6 });
  });

  it('a variation missing from its parent’s list answer fails alone; the parent’s other variation is applied', async () => {
    const shirt = woo.sideDoor.seedProduct({ type: 'variable' });
    const small = woo.sideDoor.seedVariation(shirt.id, { manage_stock: true, stock_quantity: 1 });
    const large = woo.sideDoor.seedVariation(shirt.id, { manage_stock: true, stock_quantity: 1 });
    const fetch = fetchRewriting(isListRead, (body) => (body as { id: number }[]).filter((entry) => entry.id !== large.id));
    const got = byRef(await wooConnector(woo, { fetch }).connector.pushStock([stockItem('s', `${shirt.id}/${small.id}`, 4), stockItem('l', `${shirt.id}/${large.id}`, 4)]));
    expect(got.get('s')).toEqual({ ref: 's', outcome: 'applied', remoteQuantity: 4 });
    expect(got.get('l')).toMatchObject({ outcome: 'failed', retryable: false, reason: { key: 'sync.woocommerce.remoteItemGone', params: { id: `${shirt.id}/${large.id}` } } });
  });

  it('variations whose parent was deleted after the write fail as gone; another parent’s are applied', async () => {
    const shirt = woo.sideDoor.seedProduct({ type: 'variable' });
    const mug = woo.sideDoor.seedProduct({ type: 'variable' });
    const small = woo.sideDoor.seedVariation(shirt.id, { manage_stock: true, stock_quantity: 1 });
    const red = woo.sideDoor.seedVariation(mug.id, { manage_stock: true, stock_quantity: 1 });
    const fetch = fetchWithHook(
      (url, method) => method === 'POST' && url.includes(`/products/${mug.id}/variations/batch`),
      () => woo.sideDoor.deleteProduct(shirt.id),
    );
    const got = byRef(await wooConnector(woo, { fetch }).connector.pushStock([stockItem('s', `${shirt.id}/${small.id}`, 4), stockItem('r', `${mug.id}/${red.id}`, 4)]));
    expect(got.get('s')).toMatchObject({ outcome: 'failed', retryable: false, reason: { key: 'sync.woocommerce.remoteItemGone' } });
    expect(got.get('r')).toEqual({ ref: 'r', outcome: 'applied', remoteQuantity: 4 });
  });

  it('after a lost answer, an unreadable read-back entry fails that item (not pushed again); the others count as applied', async () => {
    const a = woo.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 1 });
    const b = woo.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 1 });
    woo.sideDoor.loseAnswerNext(1, { method: 'POST' });
    const fetch = fetchRewriting(isListRead, (body) =>
      (body as { id: number }[]).map((entry) => (entry.id === b.id ? { id: b.id, stock_quantity: 'lots', token: 'tok_do_not_log' } : entry)),
    );
    woo.sideDoor.resetCounters();
    const got = byRef(await wooConnector(woo, { fetch }).connector.pushStock([stockItem('a', String(a.id), 6), stockItem('b', String(b.id), 6)]));
    expect(got.get('a')).toEqual({ ref: 'a', outcome: 'applied', remoteQuantity: 6 });
    const failed = got.get('b');
    expect(failed).toMatchObject({ outcome: 'failed', retryable: true, reason: { key: 'sync.woocommerce.invalidAnswer', params: { id: String(b.id) } } });
    expect(failed?.outcome === 'failed' ? failed.answerExcerpt : null).toContain('lots');
    expect(JSON.stringify(failed)).not.toContain('tok_do_not_log');
    expect(woo.sideDoor.counters().batchRequests).toBe(1);
  });

  it('an unreadable read-back entry after a confirmed write keeps the batch answer: applied', async () => {
    const a = woo.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 1 });
    const fetch = fetchRewriting(isListRead, () => [{ id: a.id, stock_quantity: 'lots' }]);
    const [result] = await wooConnector(woo, { fetch }).connector.pushStock([stockItem('a', String(a.id), 9)]);
    expect(result).toEqual({ ref: 'a', outcome: 'applied', remoteQuantity: 9 });
  });
});
