import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTestKey, startWooEmulator, type RunningWooEmulator } from '../../../emulators/woocommerce/index.js';
import { call, errorCode } from './woo-test-client.js';

const readOnlyKey = { consumerKey: 'ck_readonly', consumerSecret: 'cs_readonly', permission: 'read' as const };

describe('WooCommerce emulator: authentication', () => {
  let emulator: RunningWooEmulator;
  beforeAll(async () => {
    emulator = await startWooEmulator({ keys: [defaultTestKey, readOnlyKey], site: { name: 'Tea House' } });
  });
  afterAll(() => emulator.stop());

  it('answers 401 woocommerce_rest_cannot_view without credentials', async () => {
    const reply = await call(emulator, '/products', { basic: null });
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.', data: { status: 401 } });
  });

  it('tells an unknown key from a wrong secret', async () => {
    const badKey = await call(emulator, '/products', { basic: { key: 'ck_nope', secret: defaultTestKey.consumerSecret } });
    expect(badKey.status).toBe(401);
    expect(badKey.json).toMatchObject({ code: 'woocommerce_rest_authentication_error', message: 'Consumer key is invalid.' });
    const badSecret = await call(emulator, '/products', { basic: { key: defaultTestKey.consumerKey, secret: 'cs_nope' } });
    expect(badSecret.status).toBe(401);
    expect(badSecret.json).toMatchObject({ message: 'Consumer secret is invalid.' });
  });

  it('accepts HTTP Basic and the consumer_key/consumer_secret query parameters', async () => {
    expect((await call(emulator, '/products')).status).toBe(200);
    const query = `?consumer_key=${defaultTestKey.consumerKey}&consumer_secret=${defaultTestKey.consumerSecret}`;
    expect((await call(emulator, `/products${query}`, { basic: null })).status).toBe(200);
    expect((await call(emulator, `/products?consumer_key=${defaultTestKey.consumerKey}&consumer_secret=x`, { basic: null })).status).toBe(401);
  });

  it('refuses writes with a read-only key (403) but lets it read', async () => {
    const basic = { key: readOnlyKey.consumerKey, secret: readOnlyKey.consumerSecret };
    expect((await call(emulator, '/products', { basic })).status).toBe(200);
    const write = await call(emulator, '/products/batch', { method: 'POST', body: { update: [] }, basic });
    expect(write.status).toBe(403);
    expect(errorCode(write)).toBe('woocommerce_rest_cannot_edit');
  });

  it('serves the store name on the WordPress index and the environment on system_status', async () => {
    const index = await fetch(`${emulator.url}/wp-json/`);
    expect(await index.json()).toMatchObject({ name: 'Tea House', url: emulator.url, namespaces: expect.arrayContaining(['wc/v3']) });
    const status = await call(emulator, '/system_status');
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({ environment: { home_url: emulator.url, version: expect.any(String) }, settings: { currency: 'USD' } });
    expect((await call(emulator, '/system_status', { basic: null })).status).toBe(401);
  });

  it('answers rest_no_route for unknown routes', async () => {
    const reply = await call(emulator, '/coupons/batch', { method: 'POST', body: {} });
    expect(reply.status).toBe(404);
    expect(errorCode(reply)).toBe('rest_no_route');
  });
});
