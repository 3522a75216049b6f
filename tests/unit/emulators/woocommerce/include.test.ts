// `include` on the product and variation lists, as WooCommerce reads it: comma-separated ids, ids
// that do not exist (or belong to another parent) simply absent, per_page still capped at 100.
// The WooCommerce connector reads pushed records back this way, one request per 100.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWooEmulator, type RunningWooEmulator } from '../../../emulators/woocommerce/index.js';
import { call, errorCode } from './woo-test-client.js';

const ids = (json: unknown): number[] => (json as { id: number }[]).map((item) => item.id);

describe('WooCommerce emulator: include', () => {
  let emulator: RunningWooEmulator;
  beforeEach(async () => {
    emulator = await startWooEmulator();
  });
  afterEach(() => emulator.stop());

  it('lists only the products asked for; unknown ids are simply absent', async () => {
    const [a, b, c] = [0, 1, 2].map((i) => emulator.sideDoor.seedProduct({ sku: `P-${i}`, manage_stock: true, stock_quantity: i }));
    if (!a || !b || !c) throw new Error('seed');
    const reply = await call(emulator, `/products?include=${c.id},${a.id},999999&per_page=100&orderby=id&order=asc`);
    expect(reply.status).toBe(200);
    expect(ids(reply.json)).toEqual([a.id, c.id]);
    expect(reply.json).toEqual([expect.objectContaining({ id: a.id, stock_quantity: 0 }), expect.objectContaining({ id: c.id, stock_quantity: 2 })]);
    expect(reply.headers.get('x-wp-total')).toBe('2');
    expect(reply.headers.get('x-wp-totalpages')).toBe('1');
    // Only unknown ids: an empty list, not a 404.
    const none = await call(emulator, '/products?include=999998,999999');
    expect(none.status).toBe(200);
    expect(none.json).toEqual([]);
  });

  it('keeps the include order with orderby=include, and an empty include filters nothing', async () => {
    const made = [0, 1, 2].map(() => emulator.sideDoor.seedProduct());
    const [a, b, c] = made.map((p) => p.id);
    expect(ids((await call(emulator, `/products?include=${b},${c},${a}&orderby=include`)).json)).toEqual([b, c, a]);
    expect(ids((await call(emulator, '/products?include=&orderby=id&order=asc')).json)).toEqual([a, b, c]);
  });

  it('refuses an id that is not a whole number, naming the parameter', async () => {
    const reply = await call(emulator, '/products?include=1,abc');
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe('rest_invalid_param');
    expect(reply.json).toMatchObject({ data: { params: { include: 'include[1] is not of type integer.' } } });
  });

  it('pages an include list with per_page capped at 100', async () => {
    const made = Array.from({ length: 120 }, () => emulator.sideDoor.seedProduct().id);
    const include = made.join(',');
    expect((await call(emulator, `/products?include=${include}&per_page=101`)).status).toBe(400);
    const first = await call(emulator, `/products?include=${include}&per_page=100&orderby=id&order=asc`);
    expect(ids(first.json)).toEqual(made.slice(0, 100));
    expect(first.headers.get('x-wp-totalpages')).toBe('2');
    const second = await call(emulator, `/products?include=${include}&per_page=100&page=2&orderby=id&order=asc`);
    expect(ids(second.json)).toEqual(made.slice(100));
  });

  it("lists only the parent's own variations asked for", async () => {
    const shirt = emulator.sideDoor.seedProduct({ type: 'variable' });
    const mug = emulator.sideDoor.seedProduct({ type: 'variable' });
    const small = emulator.sideDoor.seedVariation(shirt.id, { sku: 'S', manage_stock: true, stock_quantity: 4 });
    const large = emulator.sideDoor.seedVariation(shirt.id, { sku: 'L' });
    const mugRed = emulator.sideDoor.seedVariation(mug.id, { sku: 'RED' });
    const reply = await call(emulator, `/products/${shirt.id}/variations?include=${small.id},${mugRed.id},999999&per_page=100`);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual([expect.objectContaining({ id: small.id, parent_id: shirt.id, stock_quantity: 4 })]);
    expect(ids((await call(emulator, `/products/${shirt.id}/variations?include=${large.id}+${small.id}&orderby=include`)).json)).toEqual([large.id, small.id]);
    // A deleted variation drops out of the list like an unknown id.
    emulator.sideDoor.deleteVariation(small.id);
    expect(ids((await call(emulator, `/products/${shirt.id}/variations?include=${small.id},${large.id}`)).json)).toEqual([large.id]);
  });
});
