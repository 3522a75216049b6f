// A running promotion's sale price goes out to the channels and the end restores the regular one,
// against the Shopify and WooCommerce emulators with the real connectors, catalogue read, linker
// and price pusher: start a 20 % promotion → the remote price is the sale price with the regular
// price as compare-at (Shopify) / regular_price with sale_price (WooCommerce); advance past its
// end → the remote price is the regular price again with the variant's own compare-at.
import { afterEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/sync/connector.js';
import { applyLinks } from '../../../src/sync/linker.js';
import { createPricePusher } from '../../../src/sync/price-push.js';
import { readRemoteCatalog } from '../../../src/sync/remote-catalog.js';
import { advancePromotions, clearPromotionPrices } from '../../../src/promotions/runner.js';
import { startWooEmulator } from '../../emulators/woocommerce/index.js';
import { TEA } from '../purchasing-fixture.js';
import { removeTempDirs } from '../temp-shop.js';
import { CH, T0, TestClock, addChannel, closeShops, localPrices, openPriceShop, setLocal } from './price-shop.js';
import { shopifyFixture } from './shopify-connector-helpers.js';
import { wooConnector } from './woocommerce-connector-helpers.js';

/** What a shopper sees on the channel: the price paid and the struck-through "was" price (minor units). */
interface Shown {
  price: number;
  was: number | null;
}

interface Platform {
  connector: Connector;
  remoteVariantId: string;
  shown(): Shown;
  /** The platform's own fields, as its admin shows them. */
  raw(): Record<string, string | null>;
  stop(): Promise<void>;
}

const minor = (text: string) => Math.round(Number(text) * 100);

// Both start as TEA-100 at 12.50 with a compare-at ("was") price of 15.00.
const platforms: Record<string, () => Promise<Platform>> = {
  shopify: async () => {
    const fixture = await shopifyFixture();
    const variantId = fixture.tea.variants[0]?.id ?? '';
    const door = fixture.emulator.sideDoor;
    const raw = () => {
      const v = door.variant(variantId);
      return { price: v.price, compareAtPrice: v.compareAtPrice };
    };
    return {
      connector: fixture.connector,
      remoteVariantId: variantId,
      raw,
      shown: () => {
        const v = raw();
        return { price: minor(v.price), was: v.compareAtPrice === null ? null : minor(v.compareAtPrice) };
      },
      stop: () => fixture.emulator.stop(),
    };
  },
  woocommerce: async () => {
    const woo = await startWooEmulator({ site: { name: 'Tea & Mugs' } });
    const product = woo.sideDoor.seedProduct({ sku: 'TEA-100', regular_price: '15.00', sale_price: '12.50', manage_stock: true, stock_quantity: 5 });
    const raw = () => {
      const p = woo.sideDoor.product(product.id);
      return { regular_price: p.regular_price, sale_price: p.sale_price };
    };
    return {
      connector: wooConnector(woo).connector,
      remoteVariantId: String(product.id),
      raw,
      // On sale (a sale price set): the shopper pays the sale price, the regular one is struck through.
      shown: () => {
        const p = raw();
        return p.sale_price === '' ? { price: minor(p.regular_price), was: null } : { price: minor(p.sale_price), was: minor(p.regular_price) };
      },
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

const hour = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function linkedTea(start: () => Promise<Platform>) {
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
  expect(await pusher.runOnce(CH)).toMatchObject({ status: 'done', pushed: 0, reviews: 0 });
  return { db, platform, pusher, clock };
}

function addTeaPromotion(db: ReturnType<typeof openPriceShop>, id: number, channels: number[] | 'all'): void {
  db.prepare(
    `INSERT INTO promotions (id, name, type, status, starts_at, ends_at, scope, all_channels, rule, created_at, updated_at)
     VALUES (?, 'Tea days', 'percent_off', 'scheduled', ?, ?, 'targets', ?, '{"type":"percent_off","percentOffBp":2000}', ?, ?)`,
  ).run(id, iso(T0 + hour), iso(T0 + 3 * hour), channels === 'all' ? 1 : 0, iso(T0), iso(T0));
  db.prepare("INSERT INTO promotion_targets VALUES (?, 'variant', ?)").run(id, TEA);
  if (channels !== 'all') for (const channel of channels) db.prepare('INSERT INTO promotion_channels VALUES (?, ?)').run(id, channel);
}

describe.each(Object.keys(platforms))('promotion prices out to the %s emulator', (name) => {
  const start = platforms[name] ?? (() => Promise.reject(new Error(name)));

  it('shows the sale with the regular price as compare-at while it runs, and the regular price with its own compare-at after', async () => {
    const shop = await linkedTea(start);
    addTeaPromotion(shop.db, 1, 'all');

    shop.clock.at = T0 + hour;
    expect(advancePromotions(shop.db, shop.clock.now()).started).toEqual([1]);
    expect(await shop.pusher.runOnce(CH)).toMatchObject({ pushed: 1, reviews: 0, error: null });
    // 12.50 − 20 % = 10.00, "was" 12.50 (the regular price, not the variant's own 15.00).
    expect(shop.platform.shown()).toEqual({ price: 1000, was: 1250 });
    expect(shop.platform.raw()).toEqual(name === 'shopify' ? { price: '10.00', compareAtPrice: '12.50' } : { regular_price: '12.50', sale_price: '10.00' });
    expect(localPrices(shop.db, TEA)).toEqual({ price: 1250, compareAtPrice: 1500 });
    // Nothing more to send on the next pass.
    expect(await shop.pusher.runOnce(CH)).toMatchObject({ pushed: 0, reviews: 0 });

    shop.clock.at = T0 + 3 * hour;
    expect(advancePromotions(shop.db, shop.clock.now()).ended).toEqual([1]);
    expect(await shop.pusher.runOnce(CH)).toMatchObject({ pushed: 1, reviews: 0, error: null });
    expect(shop.platform.shown()).toEqual({ price: 1250, was: 1500 });
    expect(shop.platform.raw()).toEqual(name === 'shopify' ? { price: '12.50', compareAtPrice: '15.00' } : { regular_price: '15.00', sale_price: '12.50' });
  });

  it('restores a variant without a compare-at to no sale at all when the promotion is cancelled', async () => {
    const shop = await linkedTea(start);
    setLocal(shop.db, TEA, { compareAtPrice: null });
    expect(await shop.pusher.runOnce(CH)).toMatchObject({ pushed: 1 });
    addTeaPromotion(shop.db, 1, 'all');
    shop.clock.at = T0 + hour;
    advancePromotions(shop.db, shop.clock.now());
    await shop.pusher.runOnce(CH);
    expect(shop.platform.shown()).toEqual({ price: 1000, was: 1250 });

    shop.db.prepare("UPDATE promotions SET status = 'cancelled' WHERE id = 1").run();
    clearPromotionPrices(shop.db, 1, shop.clock.now().toISOString());
    expect(await shop.pusher.runOnce(CH)).toMatchObject({ pushed: 1, reviews: 0, error: null });
    expect(shop.platform.shown()).toEqual({ price: 1250, was: null });
  });

  it('sends no sale price to a channel outside the promotion’s channels', async () => {
    const shop = await linkedTea(start);
    shop.db.prepare("INSERT INTO channels (id, code, name, platform, created_at) VALUES (21, 'pos', 'Counter', 'pos', ?)").run(iso(T0));
    addTeaPromotion(shop.db, 1, [21]);
    shop.clock.at = T0 + hour;
    expect(advancePromotions(shop.db, shop.clock.now()).started).toEqual([1]);
    expect(await shop.pusher.runOnce(CH)).toMatchObject({ pushed: 0, reviews: 0 });
    expect(shop.platform.shown()).toEqual({ price: 1250, was: 1500 });
  });
});
