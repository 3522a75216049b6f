import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWooEmulator, type RunningWooEmulator, type WooOrder, type WooProduct } from '../../../emulators/woocommerce/index.js';
import { call, errorCode } from './woo-test-client.js';

const ids = (json: unknown): number[] => (json as { id: number }[]).map((item) => item.id);

/** The page number a Link header points to for `rel`, or null when there is no such link. */
function linkedPage(link: string | null, rel: 'next' | 'prev'): number | null {
  const match = new RegExp(`<([^>]+)>; rel="${rel}"`).exec(link ?? '');
  return match?.[1] ? Number(new URL(match[1]).searchParams.get('page')) : null;
}

describe('WooCommerce emulator: lists', () => {
  let emulator: RunningWooEmulator;
  beforeEach(async () => {
    emulator = await startWooEmulator();
  });
  afterEach(() => emulator.stop());

  it('pages with X-WP-Total, X-WP-TotalPages and Link rel="next"/"prev"', async () => {
    for (let i = 0; i < 25; i++) emulator.sideDoor.seedProduct({ sku: `SKU-${i}`, regular_price: '1.00' });
    const first = await call(emulator, '/products?per_page=10&orderby=id&order=asc');
    expect(first.headers.get('x-wp-total')).toBe('25');
    expect(first.headers.get('x-wp-totalpages')).toBe('3');
    expect(ids(first.json)).toHaveLength(10);
    expect(linkedPage(first.headers.get('link'), 'next')).toBe(2);
    expect(linkedPage(first.headers.get('link'), 'prev')).toBeNull();

    const last = await call(emulator, '/products?per_page=10&page=3&orderby=id&order=asc');
    expect(ids(last.json)).toHaveLength(5);
    expect(linkedPage(last.headers.get('link'), 'prev')).toBe(2);
    expect(linkedPage(last.headers.get('link'), 'next')).toBeNull();

    const all = [...ids(first.json), ...ids((await call(emulator, '/products?per_page=10&page=2&orderby=id&order=asc')).json), ...ids(last.json)];
    expect(new Set(all).size).toBe(25);
    expect(all).toEqual([...all].sort((a, b) => a - b));

    expect((await call(emulator, '/products?status=processing')).status).toBe(400);
    expect(ids((await call(emulator, '/products?status=draft')).json)).toEqual([]);

    const pastEnd = await call(emulator, '/products?per_page=10&page=4');
    expect(pastEnd.status).toBe(200);
    expect(pastEnd.json).toEqual([]);
  });

  it('defaults to 10 per page and refuses per_page above 100 or below 1', async () => {
    for (let i = 0; i < 12; i++) emulator.sideDoor.seedProduct();
    expect(ids((await call(emulator, '/products')).json)).toHaveLength(10);
    const tooMany = await call(emulator, '/products?per_page=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.json).toMatchObject({ code: 'rest_invalid_param', data: { status: 400, params: { per_page: expect.any(String) } } });
    expect((await call(emulator, '/products?per_page=0')).status).toBe(400);
    expect((await call(emulator, '/products?per_page=100')).status).toBe(200);
  });

  it('keeps credentials out of Link headers when they came as query parameters', async () => {
    for (let i = 0; i < 3; i++) emulator.sideDoor.seedProduct();
    const key = emulator.keys[0];
    const reply = await call(emulator, `/products?per_page=1&consumer_key=${key?.consumerKey}&consumer_secret=${key?.consumerSecret}`, { basic: null });
    expect(reply.headers.get('link')).toMatch(/rel="next"/);
    expect(reply.headers.get('link')).not.toMatch(/consumer_/);
  });

  it('returns only products modified strictly after modified_after, at one-second precision', async () => {
    const old = emulator.sideDoor.seedProduct({ sku: 'OLD', manage_stock: true, stock_quantity: 5 });
    emulator.sideDoor.advanceClock(60_000);
    const fresh = emulator.sideDoor.seedProduct({ sku: 'NEW' });
    expect(fresh.date_modified_gmt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);

    const since = (watermark: string) => call(emulator, `/products?modified_after=${watermark}&dates_are_gmt=true`);
    expect(ids((await since(old.date_modified_gmt)).json)).toEqual([fresh.id]);
    expect(ids((await since(fresh.date_modified_gmt)).json)).toEqual([]);

    emulator.sideDoor.advanceClock(60_000);
    const edited = emulator.sideDoor.editProduct(old.id, { stock_quantity: 9, regular_price: '4.50' });
    expect(edited.date_modified_gmt > fresh.date_modified_gmt).toBe(true);
    const changed = (await since(fresh.date_modified_gmt)).json as WooProduct[];
    expect(changed).toMatchObject([{ id: old.id, stock_quantity: 9, price: '4.50', regular_price: '4.50' }]);
  });

  it('reads a zone-less modified_after as site time unless dates_are_gmt is set', async () => {
    await emulator.stop();
    emulator = await startWooEmulator({ timezoneOffsetMinutes: 480 });
    const product = emulator.sideDoor.seedProduct();
    expect(Date.parse(`${product.date_modified}Z`) - Date.parse(`${product.date_modified_gmt}Z`)).toBe(480 * 60_000);
    const justBeforeLocal = new Date(Date.parse(`${product.date_modified}Z`) - 1000).toISOString().slice(0, 19);
    expect(ids((await call(emulator, `/products?modified_after=${justBeforeLocal}`)).json)).toEqual([product.id]);
    // Read as GMT, the same wall-clock value is 8 hours later than the edit: nothing is newer.
    expect(ids((await call(emulator, `/products?modified_after=${justBeforeLocal}&dates_are_gmt=true`)).json)).toEqual([]);
  });

  it('does not move a product date when an order sells its stock, but lists the order', async () => {
    const product = emulator.sideDoor.seedProduct({ sku: 'MUG', regular_price: '8.00', manage_stock: true, stock_quantity: 3 });
    emulator.sideDoor.advanceClock(5_000);
    const order = emulator.sideDoor.placeOrder([{ product_id: product.id, quantity: 2 }]);
    expect(emulator.sideDoor.product(product.id)).toMatchObject({ stock_quantity: 1, date_modified_gmt: product.date_modified_gmt });
    expect(ids((await call(emulator, `/products?modified_after=${product.date_modified_gmt}&dates_are_gmt=true`)).json)).toEqual([]);
    const orders = (await call(emulator, `/orders?modified_after=${product.date_modified_gmt}&dates_are_gmt=true`)).json as WooOrder[];
    expect(orders).toMatchObject([{ id: order.id, status: 'processing', total: '16.00', line_items: [{ product_id: product.id, variation_id: 0, sku: 'MUG', quantity: 2 }] }]);
  });

  it('moves an order date on status changes and refunds, and filters orders by status', async () => {
    const product = emulator.sideDoor.seedProduct({ sku: 'TEA', regular_price: '10.00' });
    const order = emulator.sideDoor.placeOrder([{ product_id: product.id, quantity: 1 }]);
    const other = emulator.sideDoor.placeOrder([{ product_id: product.id, quantity: 3 }], 'completed');
    emulator.sideDoor.advanceClock(2_000);
    const cancelled = emulator.sideDoor.changeOrderStatus(order.id, 'cancelled');
    expect(ids((await call(emulator, `/orders?modified_after=${order.date_modified_gmt}&dates_are_gmt=true`)).json)).toEqual([order.id]);
    expect(ids((await call(emulator, '/orders?status=completed')).json)).toEqual([other.id]);
    expect(ids((await call(emulator, '/orders?status=cancelled,completed&orderby=id&order=asc')).json)).toEqual([order.id, other.id]);
    expect((await call(emulator, '/orders?status=shipped')).status).toBe(400);

    emulator.sideDoor.advanceClock(2_000);
    emulator.sideDoor.refundOrder(other.id, 10, 'broken');
    const partly = (await call(emulator, `/orders/${other.id}`)).json as WooOrder;
    expect(partly).toMatchObject({ status: 'completed', refunds: [{ reason: 'broken', total: '-10.00' }] });
    expect(partly.date_modified_gmt > cancelled.date_modified_gmt).toBe(true);
    emulator.sideDoor.refundOrder(other.id, 20);
    expect(emulator.sideDoor.order(other.id).status).toBe('refunded');
    expect(errorCode(await call(emulator, '/orders/9999'))).toBe('woocommerce_rest_shop_order_invalid_id');
  });

  it('lists variations with their own stock and price, and ranks by modified date when asked', async () => {
    const parent = emulator.sideDoor.seedProduct({ name: 'Shirt' });
    const small = emulator.sideDoor.seedVariation(parent.id, { sku: 'SHIRT-S', regular_price: '20.00', sale_price: '15.00', manage_stock: true, stock_quantity: 0 });
    emulator.sideDoor.advanceClock(1_000);
    const large = emulator.sideDoor.seedVariation(parent.id, { sku: 'SHIRT-L', regular_price: '20.00', manage_stock: true, stock_quantity: 4 });
    emulator.sideDoor.advanceClock(1_000);
    emulator.sideDoor.editVariation(small.id, { stock_quantity: 2 });

    expect((await call(emulator, `/products/${parent.id}`)).json).toMatchObject({ type: 'variable', variations: [small.id, large.id] });
    const list = await call(emulator, `/products/${parent.id}/variations?orderby=modified&order=asc`);
    expect(list.headers.get('x-wp-total')).toBe('2');
    expect(list.json).toMatchObject([
      { id: large.id, sku: 'SHIRT-L', price: '20.00', stock_status: 'instock' },
      { id: small.id, sku: 'SHIRT-S', price: '15.00', sale_price: '15.00', stock_quantity: 2, parent_id: parent.id },
    ]);
    expect(small.stock_status).toBe('outofstock');
    expect(errorCode(await call(emulator, `/products/${parent.id}/variations/${parent.id}`))).toBe('woocommerce_rest_product_variation_invalid_id');
  });

  it('can play an older WooCommerce that refuses orderby=modified', async () => {
    await emulator.stop();
    emulator = await startWooEmulator({ supportsOrderbyModified: false });
    const reply = await call(emulator, '/orders?orderby=modified');
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ code: 'rest_invalid_param', data: { params: { orderby: expect.any(String) } } });
    expect((await call(emulator, '/orders?orderby=id')).status).toBe(200);
  });
});
