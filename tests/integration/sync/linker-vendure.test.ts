// Linking against a real Vendure 3 server (tests/vendure-peer): its catalogue is read and matched
// to the test shop's by SKU, "link all matched" links it with Vendure's values as synced base, the
// queued stock push then sets Vendure's saleable stock to the local figure, and a remote-only
// product is imported into the local catalogue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVendureConnector } from '../../../src/sync/connectors/vendure/connector.js';
import { createPushWorker } from '../../../src/sync/push-worker.js';
import { applyLinks, importRemoteOnly, matchCatalog, reviewRows } from '../../../src/sync/linker.js';
import { readRemoteCatalog } from '../../../src/sync/remote-catalog.js';
import type { Connector } from '../../../src/sync/connector.js';
import { type PeerVariant, VendurePeerClient } from '../../vendure-peer/client.js';
import { ensureVendurePeerInstalled, startVendurePeer, type RunningVendurePeer } from '../../vendure-peer/peer.js';
import { seedPurchasing, HOD_M, TEA } from '../purchasing-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { addChannel, CH, linksOf, outboxOf, TestClock } from './linker-helpers.js';

let peer: RunningVendurePeer | undefined;
let client: VendurePeerClient;
let connector: Connector;
let shop: TestShop | undefined;
let tea: PeerVariant[];
let lamp: PeerVariant[];

beforeAll(async () => {
  await ensureVendurePeerInstalled(200_000);
  peer = await startVendurePeer();
  client = await VendurePeerClient.login(peer.adminApiUrl, peer.superadmin, peer.password);
  await client.bootstrapFreshDatabase();
  tea = (
    await client.seedProduct('Longjing tea', 'longjing-tea', [
      { sku: 'tea-100', name: 'Longjing tea 100 g', price: 12900, stockOnHand: 3 },
      { sku: 'HOD-001-BLK-M', name: 'Hoodie M', price: 5999, stockOnHand: 8 },
    ])
  ).variants;
  lamp = (await client.seedProduct('Desk lamp', 'desk-lamp', [{ sku: 'LAMP-1', name: 'Desk lamp', price: 3450, stockOnHand: 6 }])).variants;
  connector = createVendureConnector(
    {
      settings: { adminApiUrl: peer.adminApiUrl },
      credentials: { username: peer.superadmin, password: peer.password },
      fetch,
      requestTimeoutMs: 10_000,
      currencyDigits: 2,
    },
    { retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 50 } },
  );
}, 240_000);

afterAll(async () => {
  await shop?.close();
  removeTempDirs();
  await peer?.stop();
}, 30_000);

describe('linking with Vendure', () => {
  it('matches by SKU, links, pushes local stock through the new links, and imports the remote-only product', async () => {
    shop = testShop(seedPurchasing);
    addChannel(shop.db, 'vendure');
    const clock = new TestClock();
    const read = await readRemoteCatalog({ db: shop.db, connector, channelId: CH, clock, mode: 'full' });
    expect(read.read).toBe(3);
    expect(matchCatalog(shop.db, CH, clock.now().toISOString())).toMatchObject({ matched: 2, ambiguous: 0, remoteOnly: 1 });
    expect(reviewRows(shop.db, CH, 'remoteOnly', 0, 10).rows.map((row) => row.remote?.sku)).toEqual(['LAMP-1']);

    expect(applyLinks(shop.db, clock, CH, 'allMatched')).toEqual({ linked: 2 });
    const links = linksOf(shop.db);
    expect(links.map((l) => [l.variantId, l.remoteVariantId, l.syncedPrice, l.syncedQuantity])).toEqual([
      [HOD_M, tea[1]?.id, 5999, 8],
      [TEA, tea[0]?.id, 12900, 3],
    ]);
    expect(outboxOf(shop.db).filter((row) => row.kind === 'stock').map((row) => row.variantId)).toEqual([HOD_M, TEA]);

    // The queued stock pushes reach Vendure: local available (12 hoodies, 40 tea) becomes its saleable stock.
    const worker = createPushWorker({ db: shop.db, clock, connectorFor: () => connector, random: () => 0.5 });
    await worker.runOnce(CH);
    const { items } = await client.productVariants({ take: 10 });
    expect(items.find((v) => v.id === tea[0]?.id)?.stockOnHand).toBe(40);
    expect(items.find((v) => v.id === tea[1]?.id)?.stockOnHand).toBe(12);

    const imported = importRemoteOnly(shop.db, clock, 'owner', CH, 'all');
    expect(imported).toMatchObject({ products: 1, variants: 1, skipped: [] });
    const listed = await shop.ok('products.list', { quickSearch: 'LAMP-1' });
    expect(listed.rows.map((row) => [row.title, row.sku, row.price])).toEqual([['Desk lamp', 'LAMP-1', 3450]]);
    expect(linksOf(shop.db).map((l) => l.remoteVariantId)).toContain(lamp[0]?.id);
  }, 60_000);
});
