import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWooEmulator, type RunningWooEmulator } from '../../../emulators/woocommerce/index.js';
import { call, errorCode } from './woo-test-client.js';

const waitFor = async (condition: () => boolean, timeoutMs = 2_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('WooCommerce emulator: rate limit and faults', () => {
  let emulator: RunningWooEmulator;
  beforeEach(async () => {
    emulator = await startWooEmulator();
  });
  afterEach(() => emulator.stop());

  it('answers 429 with Retry-After beyond the configured rate, and recovers when the window passes', async () => {
    emulator.sideDoor.setRateLimit({ maxRequests: 3, windowMs: 10_000 });
    for (let i = 0; i < 3; i++) expect((await call(emulator, '/products')).status).toBe(200);
    const limited = await call(emulator, '/products');
    expect(limited.status).toBe(429);
    // What is left of the 10 s window (real time passes between the requests on a busy machine).
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(5);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    expect(errorCode(limited)).toBe('woocommerce_rest_too_many_requests');
    emulator.sideDoor.advanceClock(10_000);
    expect((await call(emulator, '/products')).status).toBe(200);
    expect(emulator.sideDoor.counters().rateLimited).toBe(1);
  });

  it('plays a 429 burst with the given Retry-After', async () => {
    emulator.sideDoor.rateLimitNext(2, 7);
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const reply = await call(emulator, '/products');
      statuses.push([reply.status, reply.headers.get('retry-after')]);
    }
    expect(statuses).toEqual([[429, '7'], [429, '7'], [200, null]]);
  });

  it('fails the next requests with 500 JSON or gateway HTML without changing state', async () => {
    const product = emulator.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 5 });
    emulator.sideDoor.failNext(1, 500);
    emulator.sideDoor.failNext(1, 503);
    const body = { update: [{ id: product.id, stock_quantity: 1 }] };
    const first = await call(emulator, '/products/batch', { method: 'POST', body });
    expect(first.status).toBe(500);
    expect(errorCode(first)).toBe('internal_server_error');
    const second = await call(emulator, '/products/batch', { method: 'POST', body });
    expect(second.status).toBe(503);
    expect(second.json).toBeNull();
    expect(second.headers.get('content-type')).toMatch(/text\/html/);
    expect(emulator.sideDoor.product(product.id).stock_quantity).toBe(5);
    expect((await call(emulator, '/products/batch', { method: 'POST', body })).status).toBe(200);
    expect(emulator.sideDoor.product(product.id).stock_quantity).toBe(1);
  });

  it('resets the connection without applying anything', async () => {
    const product = emulator.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 5 });
    emulator.sideDoor.resetNext(1);
    await expect(call(emulator, `/products/${product.id}`, { method: 'PUT', body: { stock_quantity: 2 } })).rejects.toThrow();
    expect(emulator.sideDoor.product(product.id).stock_quantity).toBe(5);
    expect(emulator.sideDoor.counters()).toMatchObject({ connectionsDropped: 1, faultsInjected: 1 });
  });

  it('applies a write and then loses the answer', async () => {
    const product = emulator.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 5 });
    emulator.sideDoor.loseAnswerNext(1);
    await expect(
      call(emulator, '/products/batch', { method: 'POST', body: { update: [{ id: product.id, stock_quantity: 3 }] } }),
    ).rejects.toThrow();
    expect(emulator.sideDoor.product(product.id).stock_quantity).toBe(3);
  });

  it('delays past the client timeout, and still applies the write afterwards', async () => {
    const product = emulator.sideDoor.seedProduct({ manage_stock: true, stock_quantity: 5 });
    emulator.sideDoor.delayNext(1, 300);
    await expect(call(emulator, `/products/${product.id}`, { method: 'PUT', body: { stock_quantity: 4 }, timeoutMs: 50 })).rejects.toThrow();
    expect(emulator.sideDoor.product(product.id).stock_quantity).toBe(5);
    await waitFor(() => emulator.sideDoor.product(product.id).stock_quantity === 4);
  });

  it('answers normally after a delay shorter than the timeout', async () => {
    emulator.sideDoor.seedProduct();
    emulator.sideDoor.delayNext(1, 50);
    const started = Date.now();
    const reply = await call(emulator, '/products');
    expect(reply.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('limits a fault to matching requests and keeps it queued until one comes', async () => {
    emulator.sideDoor.failNext(1, 500, { method: 'POST', pathIncludes: '/batch' });
    expect((await call(emulator, '/products')).status).toBe(200);
    expect(emulator.sideDoor.pendingFaults()).toBe(1);
    expect((await call(emulator, '/products/batch', { method: 'POST', body: {} })).status).toBe(500);
    expect(emulator.sideDoor.pendingFaults()).toBe(0);
    emulator.sideDoor.resetNext(3);
    emulator.sideDoor.clearFaults();
    expect((await call(emulator, '/products')).status).toBe(200);
  });

  it('counts requests per route and status', async () => {
    const product = emulator.sideDoor.seedProduct();
    await call(emulator, '/products');
    await call(emulator, `/products/${product.id}`);
    await call(emulator, '/products', { basic: null });
    const counters = emulator.sideDoor.counters();
    expect(counters.requests).toBe(3);
    expect(counters.byRoute).toEqual({ 'GET /wp-json/wc/v3/products': 2, 'GET /wp-json/wc/v3/products/:id': 1 });
    expect(counters.byStatus).toEqual({ 200: 2, 401: 1 });
    emulator.sideDoor.resetCounters();
    expect(emulator.sideDoor.counters().requests).toBe(0);
  });

  it('stops promptly even with a request held by a delay', async () => {
    emulator.sideDoor.delayNext(1, 60_000);
    const pending = call(emulator, '/products', { timeoutMs: 10_000 }).catch((error: unknown) => error);
    await waitFor(() => emulator.sideDoor.counters().requests === 1);
    const started = Date.now();
    await emulator.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await pending).toBeInstanceOf(Error);
    emulator = await startWooEmulator(); // afterEach stops this one
  });
});
