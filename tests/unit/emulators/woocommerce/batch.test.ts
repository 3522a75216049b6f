import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWooEmulator, type RunningWooEmulator } from '../../../emulators/woocommerce/index.js';
import { call, errorCode } from './woo-test-client.js';

interface BatchAnswer {
  create?: Record<string, unknown>[];
  update?: Record<string, unknown>[];
  delete?: Record<string, unknown>[];
}

describe('WooCommerce emulator: batch updates', () => {
  let emulator: RunningWooEmulator;
  beforeEach(async () => {
    emulator = await startWooEmulator();
  });
  afterEach(() => emulator.stop());

  const seedStocked = (count: number) =>
    Array.from({ length: count }, (_, i) => emulator.sideDoor.seedProduct({ sku: `S-${i}`, regular_price: '5.00', manage_stock: true, stock_quantity: 10 }));

  it('applies every valid item and reports an unknown id as a per-item error', async () => {
    const [a, b] = seedStocked(2);
    if (!a || !b) throw new Error('seed failed');
    const reply = await call(emulator, '/products/batch', {
      method: 'POST',
      body: { update: [{ id: a.id, stock_quantity: 0 }, { id: 424242, stock_quantity: 3 }, { id: b.id, sale_price: '4.00' }] },
    });
    expect(reply.status).toBe(200);
    const answer = reply.json as BatchAnswer;
    expect(answer.update).toHaveLength(3);
    expect(answer.update?.[0]).toMatchObject({ id: a.id, stock_quantity: 0, stock_status: 'outofstock' });
    expect(answer.update?.[1]).toEqual({ id: 424242, error: { code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.', data: { status: 400 } } });
    expect(answer.update?.[2]).toMatchObject({ id: b.id, price: '4.00', regular_price: '5.00', sale_price: '4.00' });
    expect(emulator.sideDoor.product(a.id).stock_quantity).toBe(0);
    expect(emulator.sideDoor.counters()).toMatchObject({ batchRequests: 1 });
  });

  it('fails an injected item the given number of times, leaving it unchanged, then lets it through', async () => {
    const [a, b] = seedStocked(2);
    if (!a || !b) throw new Error('seed failed');
    emulator.sideDoor.failBatchItem({ resource: 'product', id: b.id, times: 2, status: 409, code: 'woocommerce_rest_product_locked', message: 'Locked.' });
    const body = { update: [{ id: a.id, stock_quantity: 1 }, { id: b.id, stock_quantity: 2 }] };
    for (let attempt = 0; attempt < 2; attempt++) {
      const answer = (await call(emulator, '/products/batch', { method: 'POST', body })).json as BatchAnswer;
      expect(answer.update?.[0]).toMatchObject({ id: a.id, stock_quantity: 1 });
      expect(answer.update?.[1]).toEqual({ id: b.id, error: { code: 'woocommerce_rest_product_locked', message: 'Locked.', data: { status: 409 } } });
      expect(emulator.sideDoor.product(b.id).stock_quantity).toBe(10);
    }
    const third = (await call(emulator, '/products/batch', { method: 'POST', body })).json as BatchAnswer;
    expect(third.update?.[1]).toMatchObject({ id: b.id, stock_quantity: 2 });
    expect(emulator.sideDoor.counters().faultsInjected).toBe(2);
  });

  it('reports an item with a badly typed field as rest_invalid_param without touching it', async () => {
    const [a] = seedStocked(1);
    if (!a) throw new Error('seed failed');
    const answer = (await call(emulator, '/products/batch', {
      method: 'POST',
      body: { update: [{ id: a.id, stock_quantity: '7' }, { id: a.id, regular_price: 6.5 }] },
    })).json as BatchAnswer;
    expect(answer.update?.map((item) => (item.error as { code?: string } | undefined)?.code)).toEqual(['rest_invalid_param', 'rest_invalid_param']);
    expect(emulator.sideDoor.product(a.id)).toMatchObject({ stock_quantity: 10, regular_price: '5.00' });
  });

  it('accepts 100 objects and refuses 101 with 413 woocommerce_rest_request_entity_too_large, applying none', async () => {
    const products = seedStocked(101);
    const updates = products.map((p) => ({ id: p.id, stock_quantity: 1 }));
    const refused = await call(emulator, '/products/batch', { method: 'POST', body: { update: updates } });
    expect(refused.status).toBe(413);
    expect(refused.json).toEqual({
      code: 'woocommerce_rest_request_entity_too_large',
      message: 'Unable to accept more than 100 items for this request.',
      data: { status: 413 },
    });
    expect(emulator.sideDoor.products().every((p) => p.stock_quantity === 10)).toBe(true);
    // create + update + delete count together.
    const mixed = await call(emulator, '/products/batch', { method: 'POST', body: { update: updates.slice(0, 99), delete: [updates[99]?.id], create: [{ sku: 'X' }] } });
    expect(mixed.status).toBe(413);
    const accepted = await call(emulator, '/products/batch', { method: 'POST', body: { update: updates.slice(0, 100) } });
    expect(accepted.status).toBe(200);
    expect((accepted.json as BatchAnswer).update).toHaveLength(100);
  });

  it('can answer over-limit batches with another status for hosts that differ', async () => {
    await emulator.stop();
    emulator = await startWooEmulator({ batchOverLimitStatus: 400, batchLimit: 2 });
    const products = seedStocked(3);
    const reply = await call(emulator, '/products/batch', { method: 'POST', body: { update: products.map((p) => ({ id: p.id })) } });
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe('woocommerce_rest_request_entity_too_large');
  });

  it('updates variations of one product only, with per-item errors for others', async () => {
    const shirt = emulator.sideDoor.seedProduct({ name: 'Shirt' });
    const other = emulator.sideDoor.seedProduct({ name: 'Other' });
    const small = emulator.sideDoor.seedVariation(shirt.id, { sku: 'S', manage_stock: true, stock_quantity: 1 });
    const foreign = emulator.sideDoor.seedVariation(other.id, { sku: 'F', manage_stock: true, stock_quantity: 1 });
    emulator.sideDoor.failBatchItem({ resource: 'variation', id: small.id });
    const body = { update: [{ id: small.id, stock_quantity: 8 }, { id: foreign.id, stock_quantity: 8 }] };
    const first = (await call(emulator, `/products/${shirt.id}/variations/batch`, { method: 'POST', body })).json as BatchAnswer;
    expect(first.update?.[0]).toMatchObject({ id: small.id, error: { code: 'woocommerce_rest_cannot_update', data: { status: 500 } } });
    expect(first.update?.[1]).toMatchObject({ id: foreign.id, error: { code: 'woocommerce_rest_product_variation_invalid_id' } });
    const second = (await call(emulator, `/products/${shirt.id}/variations/batch`, { method: 'POST', body })).json as BatchAnswer;
    expect(second.update?.[0]).toMatchObject({ id: small.id, stock_quantity: 8, parent_id: shirt.id });
    expect(emulator.sideDoor.variation(foreign.id).stock_quantity).toBe(1);
    expect(errorCode(await call(emulator, '/products/999/variations/batch', { method: 'POST', body }))).toBe('woocommerce_rest_product_invalid_id');
  });

  it('creates and deletes through the batch and moves date_modified on updates', async () => {
    const [a] = seedStocked(1);
    if (!a) throw new Error('seed failed');
    emulator.sideDoor.advanceClock(3_000);
    const answer = (await call(emulator, '/products/batch', {
      method: 'POST',
      body: { create: [{ name: 'New', sku: 'NEW', regular_price: '3.00' }], update: [{ id: a.id, regular_price: '6.00' }], delete: [a.id, 777] },
    })).json as BatchAnswer;
    expect(answer.create?.[0]).toMatchObject({ sku: 'NEW', price: '3.00', type: 'simple' });
    expect(answer.update?.[0]).toMatchObject({ id: a.id, regular_price: '6.00' });
    expect((answer.update?.[0]?.date_modified_gmt as string) > a.date_modified_gmt).toBe(true);
    expect(answer.delete?.[0]).toMatchObject({ id: a.id });
    expect(answer.delete?.[1]).toMatchObject({ id: 777, error: { data: { status: 404 } } });
    expect(emulator.sideDoor.products().map((p) => p.sku)).toEqual(['NEW']);
  });

  it('answers 400 for a body that is not JSON or not a batch', async () => {
    expect(errorCode(await call(emulator, '/products/batch', { method: 'POST', body: '{nope' }))).toBe('rest_invalid_json');
    const wrongShape = await call(emulator, '/products/batch', { method: 'POST', body: { update: 'all' } });
    expect(wrongShape.status).toBe(400);
    expect(errorCode(wrongShape)).toBe('rest_invalid_param');
  });

  it('updates one product with PUT and validates the body', async () => {
    const [a] = seedStocked(1);
    if (!a) throw new Error('seed failed');
    expect((await call(emulator, `/products/${a.id}`, { method: 'PUT', body: { stock_quantity: 4 } })).json).toMatchObject({ stock_quantity: 4 });
    expect((await call(emulator, `/products/${a.id}`, { method: 'PUT', body: { stock_quantity: 'four' } })).status).toBe(400);
    expect(errorCode(await call(emulator, '/products/5555', { method: 'PUT', body: {} }))).toBe('woocommerce_rest_product_invalid_id');
  });
});
