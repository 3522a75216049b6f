// Reading a channel's catalogue into channel_remote_variants, against the Shopify and WooCommerce
// emulators: a full read stores every variant in minor units and forgets deleted ones; an
// incremental read asks only for what changed since the watermark (with its overlap) and updates
// the stored prices; a cancelled read keeps the pages it committed and does not move the watermark.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.js';
import { readRemoteCatalog } from '../../../src/sync/remote-catalog.js';
import { startShopifyEmulator, type ShopifyEmulator } from '../../emulators/shopify/server.js';
import { defaultTestKey, startWooEmulator, type RunningWooEmulator } from '../../emulators/woocommerce/index.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { addChannel, CH, remoteRow, TestClock } from './linker-helpers.js';
import { connectorFor } from './shopify-connector-helpers.js';
import { wooConnector } from './woocommerce-connector-helpers.js';

let shop: TestShop | undefined;
let shopify: ShopifyEmulator | undefined;
let woo: RunningWooEmulator | undefined;
afterEach(async () => {
  await shopify?.stop();
  await woo?.stop();
  await shop?.close();
  shop = undefined;
  shopify = undefined;
  woo = undefined;
  removeTempDirs();
});

const count = (db: Db): number => db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM channel_remote_variants WHERE channel_id = ?').get(CH)?.n ?? 0;
const watermark = (db: Db) =>
  db.prepare<[number], { value: string; overlapSeconds: number }>("SELECT value, overlap_seconds AS overlapSeconds FROM sync_watermarks WHERE channel_id = ? AND stream = 'products'").get(CH);

function setup(platform: string): { db: Db; clock: TestClock } {
  shop = testShop();
  addChannel(shop.db, platform);
  return { db: shop.db, clock: new TestClock() };
}

describe('Shopify', () => {
  it('reads every variant in minor units, then only what changed since the watermark (plus the overlap)', async () => {
    const { db, clock } = setup('shopify');
    shopify = await startShopifyEmulator();
    const door = shopify.sideDoor;
    door.freezeClock('2026-11-20T08:00:00.000Z');
    const wh = door.addLocation('Warehouse');
    const tea = door.addProduct('Tea', [
      { sku: 'TEA-100', price: '12.50', compareAtPrice: '15.00', barcode: '4006381333931', stock: { [wh]: 10 } },
      { sku: 'TEA-250', price: '25.00', stock: { [wh]: 5 } },
    ]);
    const mug = door.addProduct('Mug', [{ sku: 'MUG-1', price: '8.00', stock: { [wh]: 20 } }]);
    door.advanceClock(10 * 60_000);
    // The newest remote change at the full read: the watermark.
    door.setPrice(mug.variants[0]?.id ?? '', { price: '8.50' });
    const connector = connectorFor(shopify);
    const progress: [number, number | null][] = [];
    const full = await readRemoteCatalog({ db, connector, channelId: CH, clock, mode: 'full', onProgress: (done, total) => progress.push([done, total]) });
    expect(full).toEqual({ read: 3, removed: 0, skipped: 0 });
    expect(progress).toEqual([[3, null]]);
    expect(remoteRow(db, tea.variants[0]?.id ?? '')).toMatchObject({ price: 1250, compareAtPrice: 1500, quantity: 10, matchState: 'remote_only' });
    expect(watermark(db)).toEqual({ value: '2026-11-20T08:10:00.000Z', overlapSeconds: 120 });

    door.advanceClock(10 * 60_000);
    door.setPrice(tea.variants[1]?.id ?? '', { price: '27.00', compareAtPrice: '30.00' });
    clock.at += 60_000;
    const seen: string[] = [];
    const watching = { ...connector, listVariants: async (page: Parameters<typeof connector.listVariants>[0]) => {
      const answer = await connector.listVariants(page);
      seen.push(...answer.items.map((item) => item.remoteVariantId));
      return answer;
    } };
    const incremental = await readRemoteCatalog({ db, connector: watching, channelId: CH, clock, mode: 'incremental' });
    // The edited variant, and the watermark's own variant re-read inside the overlap window; not TEA-100.
    expect(incremental).toEqual({ read: 2, removed: 0, skipped: 0 });
    expect(seen.sort()).toEqual([tea.variants[1]?.id, mug.variants[0]?.id].sort());
    expect(remoteRow(db, tea.variants[1]?.id ?? '')).toMatchObject({ price: 2700, compareAtPrice: 3000, seenAt: clock.now().toISOString() });
    expect(remoteRow(db, tea.variants[0]?.id ?? '')?.seenAt).toBe('2026-11-20T10:00:00.000Z');
    expect(watermark(db)?.value).toBe('2026-11-20T08:20:00.000Z');
    expect(count(db)).toBe(3);
  });
});

describe('WooCommerce', () => {
  async function deleteProduct(emulator: RunningWooEmulator, id: number): Promise<void> {
    const auth = Buffer.from(`${defaultTestKey.consumerKey}:${defaultTestKey.consumerSecret}`).toString('base64');
    const response = await fetch(`${emulator.apiBase}/products/batch`, {
      method: 'POST',
      headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
      body: JSON.stringify({ delete: [id] }),
    });
    expect(response.status).toBe(200);
  }

  it('updates an edited price incrementally and forgets a deleted product on the next full read', async () => {
    const { db, clock } = setup('woocommerce');
    woo = await startWooEmulator();
    const mug = woo.sideDoor.seedProduct({ name: 'Mug', sku: 'MUG', regular_price: '8.00', manage_stock: true, stock_quantity: 3 });
    const cap = woo.sideDoor.seedProduct({ name: 'Cap', sku: 'CAP', regular_price: '15.00', manage_stock: true, stock_quantity: 9 });
    const shirt = woo.sideDoor.seedProduct({ name: 'Shirt', type: 'variable' });
    woo.sideDoor.seedVariation(shirt.id, { sku: 'SHIRT-S', regular_price: '20.00', manage_stock: true, stock_quantity: 2 });
    woo.sideDoor.seedVariation(shirt.id, { sku: 'SHIRT-M', regular_price: '20.00', manage_stock: true, stock_quantity: 4 });
    // The newest change at the full read (the watermark) is the cap's.
    woo.sideDoor.advanceClock(10 * 60_000);
    woo.sideDoor.editProduct(cap.id, { regular_price: '15.00' });
    const { connector } = wooConnector(woo);
    expect(await readRemoteCatalog({ db, connector, channelId: CH, clock, mode: 'full' })).toEqual({ read: 4, removed: 0, skipped: 0 });
    expect(remoteRow(db, String(mug.id))).toMatchObject({ price: 800, quantity: 3 });

    woo.sideDoor.advanceClock(10 * 60_000);
    woo.sideDoor.editProduct(mug.id, { regular_price: '9.50' });
    const incremental = await readRemoteCatalog({ db, connector, channelId: CH, clock, mode: 'incremental' });
    // The mug, and the cap again inside the overlap window; not the shirt's variations.
    expect(incremental.read).toBe(2);
    expect(remoteRow(db, String(mug.id))).toMatchObject({ price: 950 });
    expect(remoteRow(db, String(cap.id))).toMatchObject({ price: 1500 });

    await deleteProduct(woo, cap.id);
    // An incremental read cannot see a deletion; a full one does.
    expect((await readRemoteCatalog({ db, connector, channelId: CH, clock, mode: 'incremental' })).removed).toBe(0);
    expect(await readRemoteCatalog({ db, connector, channelId: CH, clock, mode: 'full' })).toEqual({ read: 3, removed: 1, skipped: 0 });
    expect(remoteRow(db, String(cap.id))).toBeUndefined();
  });

  it('reads everything when asked for an incremental read without a watermark', async () => {
    const { db, clock } = setup('woocommerce');
    woo = await startWooEmulator();
    woo.sideDoor.seedProduct({ name: 'Mug', sku: 'MUG', regular_price: '8.00' });
    const { connector } = wooConnector(woo);
    expect((await readRemoteCatalog({ db, connector, channelId: CH, clock, mode: 'incremental' })).read).toBe(1);
    expect(watermark(db)?.overlapSeconds).toBe(120);
  });

  it('a cancelled read keeps the pages it committed, deletes nothing and leaves the watermark', async () => {
    const { db, clock } = setup('woocommerce');
    woo = await startWooEmulator();
    for (let i = 1; i <= 130; i += 1) woo.sideDoor.seedProduct({ name: `Item ${i}`, sku: `ITEM-${i}`, regular_price: '1.00' });
    const { connector } = wooConnector(woo);
    await readRemoteCatalog({ db, connector, channelId: CH, clock, mode: 'full' });
    const before = watermark(db);
    db.prepare("UPDATE channel_remote_variants SET price = 0 WHERE channel_id = ?").run(CH);
    const abort = new AbortController();
    const reading = readRemoteCatalog({
      db,
      connector,
      channelId: CH,
      clock,
      mode: 'full',
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    await expect(reading).rejects.toThrow();
    // The first page (100 products) was rewritten; the rest untouched and still there.
    const refreshed = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM channel_remote_variants WHERE channel_id = ? AND price = 100').get(CH)?.n;
    expect(refreshed).toBe(100);
    expect(count(db)).toBe(130);
    expect(watermark(db)).toEqual(before);
  });
});
