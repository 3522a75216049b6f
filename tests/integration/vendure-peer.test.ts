// The real Vendure peer (tests/vendure-peer): installs on first use, starts on a free port with a
// fresh database, and answers the Admin API calls the Vendure connector relies on.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VendurePeerClient } from '../vendure-peer/client.js';
import { VendureApiError } from '../vendure-peer/graphql.js';
import { placeOrder, prepareOrderSetup } from '../vendure-peer/orders.js';
import { ensureVendurePeerInstalled, startVendurePeer, type RunningVendurePeer } from '../vendure-peer/peer.js';

let peer: RunningVendurePeer | undefined;
let client: VendurePeerClient;

beforeAll(async () => {
  // No silent skip: an impossible install fails here with npm's reason.
  await ensureVendurePeerInstalled(200_000);
  peer = await startVendurePeer();
  client = await VendurePeerClient.login(peer.adminApiUrl, peer.superadmin, peer.password);
}, 240_000);

afterAll(async () => {
  if (!peer) return;
  const { pid } = peer;
  await peer.stop();
  // The server process must be gone: process.kill(pid, 0) throws ESRCH for a dead pid.
  expect(() => process.kill(pid, 0)).toThrow();
}, 30_000);

describe('Vendure peer packaging', () => {
  it('keeps Vendure out of the app: the root package has no workspace for the peer and no Vendure in its lockfile', () => {
    const rootManifest: { workspaces?: unknown; dependencies?: Record<string, string>; devDependencies?: Record<string, string> } = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    );
    expect(rootManifest.workspaces).toBeUndefined();
    expect(Object.keys({ ...rootManifest.dependencies, ...rootManifest.devDependencies })).not.toContain('@vendure/core');
    expect(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')).not.toContain('@vendure/');
  });

  it('pins the graphql-tools override the registry needs', () => {
    const peerManifest: { overrides?: Record<string, string> } = JSON.parse(
      readFileSync(new URL('../vendure-peer/package.json', import.meta.url), 'utf8'),
    );
    expect(peerManifest.overrides?.['@graphql-tools/delegate']).toBe('12.2.1');
  });

  it('installs idempotently: a second install is a quick no-op', async () => {
    const started = Date.now();
    await ensureVendurePeerInstalled(200_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('Vendure peer', () => {
  it('refuses the Admin API without a session (FORBIDDEN)', async () => {
    const anonymous = VendurePeerClient.withoutSession(peer?.adminApiUrl ?? '');
    await expect(anonymous.productVariants()).rejects.toSatisfy(
      (error: unknown) => error instanceof VendureApiError && error.code === 'FORBIDDEN',
    );
  });

  it('rejects a wrong password', async () => {
    await expect(VendurePeerClient.login(peer?.adminApiUrl ?? '', peer?.superadmin ?? '', 'wrong')).rejects.toSatisfy(
      (error: unknown) => error instanceof VendureApiError && error.code === 'InvalidCredentialsError',
    );
  });

  it('bootstraps a fresh database, seeds two variants, updates stock and price, and reads them back', async () => {
    const ids = await client.bootstrapFreshDatabase();
    expect(ids.zoneId).not.toBe('');

    const before = new Date(Date.now() - 2_000).toISOString();
    const product = await client.seedProduct('Ceramic mug', 'ceramic-mug', [
      { sku: 'MUG-RED', name: 'Ceramic mug red', price: 1299, stockOnHand: 7 },
      { sku: 'MUG-BLUE', name: 'Ceramic mug blue', price: 1399, stockOnHand: 0 },
    ]);
    expect(product.variants.map((variant) => variant.sku)).toEqual(['MUG-RED', 'MUG-BLUE']);

    const listed = await client.productVariants({ updatedAfter: before });
    expect(listed.totalItems).toBe(2);
    const bySku = new Map(listed.items.map((variant) => [variant.sku, variant]));
    expect(bySku.get('MUG-RED')).toMatchObject({ price: 1299, stockOnHand: 7, product: { id: product.productId } });
    expect(bySku.get('MUG-BLUE')).toMatchObject({ price: 1399, stockOnHand: 0 });

    const red = bySku.get('MUG-RED');
    if (!red) throw new Error('MUG-RED missing');
    const updated = await client.updateProductVariants([{ id: red.id, stockOnHand: 3, price: 1499 }]);
    expect(updated[0]).toMatchObject({ sku: 'MUG-RED', stockOnHand: 3, price: 1499 });

    const reread = await client.productVariants();
    expect(reread.items.find((variant) => variant.sku === 'MUG-RED')).toMatchObject({ stockOnHand: 3, price: 1499 });
    expect(reread.items.find((variant) => variant.sku === 'MUG-BLUE')).toMatchObject({ stockOnHand: 0, price: 1399 });

    // A filter after "now" (plus Vendure's one-second precision) finds nothing.
    const future = await client.productVariants({ updatedAfter: new Date(Date.now() + 5_000).toISOString() });
    expect(future.totalItems).toBe(0);
  });

  it('lists orders: none on a fresh peer, then a placed order with its lines, filtered by updatedAt', async () => {
    expect(await client.orders()).toEqual({ totalItems: 0, items: [] });

    const variants = await client.productVariants();
    const red = variants.items.find((variant) => variant.sku === 'MUG-RED');
    if (!red) throw new Error('MUG-RED missing (seeded by the previous test)');
    const setup = await prepareOrderSetup(client);
    const before = new Date(Date.now() - 2_000).toISOString();
    const placed = await placeOrder(client, setup, [{ productVariantId: red.id, quantity: 2 }]);

    const orders = await client.orders({ updatedAfter: before });
    expect(orders.totalItems).toBe(1);
    expect(orders.items[0]).toMatchObject({
      code: placed.code,
      state: 'PaymentSettled',
      lines: [{ quantity: 2, productVariant: { sku: 'MUG-RED' } }],
    });
    expect(orders.items[0]?.orderPlacedAt).not.toBeNull();
    const later = await client.orders({ updatedAfter: new Date(Date.now() + 5_000).toISOString() });
    expect(later.totalItems).toBe(0);
  });
});
