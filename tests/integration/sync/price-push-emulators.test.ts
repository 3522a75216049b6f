// Prices out and the review queue against the Shopify and WooCommerce emulators, end to end with
// the real connectors, the real catalogue read (remote-catalog.ts) and the real linker: a local
// price change arrives remotely; a remote edit plus a local edit becomes a conflict with the three
// values; accept local and accept remote each end with local, remote and synced base equal.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import type { Connector } from '../../../src/sync/connector.js';
import { applyLinks } from '../../../src/sync/linker.js';
import { createPricePusher, type PricePusher } from '../../../src/sync/price-push.js';
import { readRemoteCatalog } from '../../../src/sync/remote-catalog.js';
import { createReviewService } from '../../../src/sync/review-service.js';
import { startWooEmulator } from '../../emulators/woocommerce/index.js';
import { TEA } from '../purchasing-fixture.js';
import { removeTempDirs } from '../temp-shop.js';
import { CH, TestClock, addChannel, basePrices, closeShops, localPrices, logKeys, openPriceShop, reviewItems, setLocal } from './price-shop.js';
import { shopifyFixture } from './shopify-connector-helpers.js';
import { wooConnector } from './woocommerce-connector-helpers.js';

/** One platform seen by the test: its connector, and the side door on the remote TEA's price (minor units). */
interface Platform {
  connector: Connector;
  remoteVariantId: string;
  remotePrice(): number;
  editRemotePrice(minor: number): void;
  stop(): Promise<void>;
}

const decimal = (minor: number) => (minor / 100).toFixed(2);
const minor = (text: string) => Math.round(Number(text) * 100);

// Both start as TEA-100 at 12.50 with a compare-at ("was") price of 15.00.
const platforms: Record<string, () => Promise<Platform>> = {
  shopify: async () => {
    const fixture = await shopifyFixture();
    const variantId = fixture.tea.variants[0]?.id ?? '';
    const door = fixture.emulator.sideDoor;
    return {
      connector: fixture.connector,
      remoteVariantId: variantId,
      remotePrice: () => minor(door.variant(variantId).price),
      editRemotePrice: (value) => door.setPrice(variantId, { price: decimal(value) }),
      stop: () => fixture.emulator.stop(),
    };
  },
  woocommerce: async () => {
    const woo = await startWooEmulator({ site: { name: 'Tea & Mugs' } });
    const product = woo.sideDoor.seedProduct({ sku: 'TEA-100', regular_price: '15.00', sale_price: '12.50', manage_stock: true, stock_quantity: 5 });
    return {
      connector: wooConnector(woo).connector,
      remoteVariantId: String(product.id),
      // On sale: the price is the sale price, compare-at the regular one.
      remotePrice: () => minor(woo.sideDoor.product(product.id).sale_price),
      editRemotePrice: (value) => void woo.sideDoor.editProduct(product.id, { sale_price: decimal(value) }),
      stop: () => woo.stop(),
    };
  },
};

let running: Platform | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  closeShops();
  removeTempDirs();
});

interface Linked {
  db: Db;
  platform: Platform;
  pusher: PricePusher;
  clock: TestClock;
}

async function linkedShop(start: () => Promise<Platform>): Promise<Linked> {
  const platform = await start();
  running = platform;
  const db = openPriceShop();
  addChannel(db, { price: 'shopdesk', compareAtPrice: 'shopdesk' });
  const clock = new TestClock();
  setLocal(db, TEA, { price: 1250, compareAtPrice: 1500 });
  await readRemoteCatalog({ db, connector: platform.connector, channelId: CH, clock, mode: 'full' });
  applyLinks(db, clock, CH, [{ remoteVariantId: platform.remoteVariantId, variantId: TEA }]);
  const pusher = createPricePusher({
    db,
    clock,
    connectorFor: () => platform.connector,
    refreshRemote: async (channelId) => {
      await readRemoteCatalog({ db, connector: platform.connector, channelId, clock, mode: 'incremental' });
    },
  });
  // Just linked, both sides agree: nothing to send.
  expect(await pusher.runOnce(CH)).toMatchObject({ status: 'done', pushed: 0, reviews: 0 });
  expect(basePrices(db, TEA)).toEqual({ price: 1250, compareAtPrice: 1500 });
  return { db, platform, pusher, clock };
}

/** Local, remote and synced base of TEA's price. */
const threeValues = ({ db, platform }: Linked) => ({ local: localPrices(db, TEA)?.price, remote: platform.remotePrice(), base: basePrices(db, TEA)?.price });

describe.each(Object.keys(platforms))('prices out to the %s emulator', (name) => {
  const start = platforms[name] ?? (() => Promise.reject(new Error(name)));

  it('pushes a local price change', async () => {
    const shop = await linkedShop(start);
    setLocal(shop.db, TEA, { price: 1350 });
    expect(await shop.pusher.runOnce(CH)).toMatchObject({ pushed: 1, reviews: 0, error: null });
    expect(threeValues(shop)).toEqual({ local: 1350, remote: 1350, base: 1350 });
    expect(logKeys(shop.db)).toContain('sync.log.pricesPushed');
  });

  it('turns a remote edit plus a local edit into a conflict with three values; accept local then wins everywhere', async () => {
    const shop = await linkedShop(start);
    shop.platform.editRemotePrice(1400);
    setLocal(shop.db, TEA, { price: 1390 });
    expect(await shop.pusher.runOnce(CH)).toMatchObject({ pushed: 0, reviews: 1 });
    const [conflict] = reviewItems(shop.db);
    expect(conflict).toMatchObject({ kind: 'conflict', reasonKey: 'sync.review.priceConflict', vals: { field: 'price', lastSynced: 1250, local: 1390, remote: 1400 } });
    expect(shop.platform.remotePrice()).toBe(1400); // nothing overwritten while a person decides

    createReviewService({ db: shop.db, clock: shop.clock }).resolve(conflict?.id ?? 0, 'acceptLocal');
    expect(await shop.pusher.runOnce(CH)).toMatchObject({ pushed: 1, reviews: 0 });
    expect(threeValues(shop)).toEqual({ local: 1390, remote: 1390, base: 1390 });
    expect(reviewItems(shop.db)).toEqual([]);
  });

  it('accept remote takes the channel price locally and sends nothing back', async () => {
    const shop = await linkedShop(start);
    shop.platform.editRemotePrice(1450);
    setLocal(shop.db, TEA, { price: 1420 });
    await shop.pusher.runOnce(CH);
    const [conflict] = reviewItems(shop.db);
    expect(conflict?.vals).toEqual({ field: 'price', lastSynced: 1250, local: 1420, remote: 1450 });

    createReviewService({ db: shop.db, clock: shop.clock }).resolve(conflict?.id ?? 0, 'acceptRemote');
    const sentBefore = logKeys(shop.db).filter((key) => key === 'sync.log.pricesPushed').length;
    expect(await shop.pusher.runOnce(CH)).toMatchObject({ pushed: 0, reviews: 0 });
    expect(logKeys(shop.db).filter((key) => key === 'sync.log.pricesPushed')).toHaveLength(sentBefore);
    expect(threeValues(shop)).toEqual({ local: 1450, remote: 1450, base: 1450 });
    expect(localPrices(shop.db, TEA)?.compareAtPrice).toBe(1500);
  });
});
