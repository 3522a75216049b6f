// The linker against the Shopify emulator's catalogue and the test shop's: what matches (SKU in
// any case or spacing, then barcode with GTIN forms compared by number), what is ambiguous or
// remote only, what applying links writes (synced base, pushes queued, listings), refusals that
// name the SKU, importing remote-only products into the catalogue, and location mapping.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/app-error.js';
import { applyLinks, importRemoteOnly, mapLocation, matchCatalog, reviewRows, saveLocations, unlink } from '../../../src/sync/linker.js';
import { readRemoteCatalog } from '../../../src/sync/remote-catalog.js';
import type { ShopifyConnector } from '../../../src/sync/connectors/shopify/index.js';
import { startShopifyEmulator, type ShopifyEmulator } from '../../emulators/shopify/server.js';
import { seedPurchasing, HOD_L, HOD_M, MUG, STORE, TEA, WAREHOUSE } from '../purchasing-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { addChannel, addLocalVariant, CH, linksOf, outboxOf, TestClock } from './linker-helpers.js';
import { connectorFor } from './shopify-connector-helpers.js';

let shop: TestShop;
let emulator: ShopifyEmulator;
let connector: ShopifyConnector;
let clock: TestClock;
let teaLower: number;
const remote: Record<string, string> = {};
let warehouseGid: string;
let storeGid: string;

beforeEach(async () => {
  shop = testShop(seedPurchasing);
  addChannel(shop.db, 'shopify');
  // Allowed by the schema (variants.sku is unique as typed): the same SKU in another case.
  teaLower = addLocalVariant(shop.db, TEA, 'tea-100');
  clock = new TestClock();
  emulator = await startShopifyEmulator();
  const door = emulator.sideDoor;
  warehouseGid = door.addLocation('Warehouse');
  storeGid = door.addLocation('Store');
  const hoodie = door.addProduct('Cloud Hoodie', [
    { sku: '  hod-001-blk-m ', price: '59.99', compareAtPrice: '79.99', title: 'Black / M', stock: { [warehouseGid]: 6, [storeGid]: 1 } },
    { sku: null, barcode: '4006381333948', price: '59.99', title: 'Black / L' },
  ]);
  const tea = door.addProduct('Longjing tea', [{ sku: 'TEA-100', price: '128.00' }]);
  // UPC-A 012345678905 is the local EAN-13 0012345678905 (MUG-50%); its SKU matches nothing.
  const mug = door.addProduct('Mug', [{ sku: 'MUG-OTHER', barcode: '012345678905', price: '9.90' }]);
  const poster = door.addProduct('Poster', [
    { sku: 'POSTER-A2', title: 'A2', price: '5.00', barcode: '4006381333955', stock: { [warehouseGid]: 4, [storeGid]: 0 } },
    { sku: null, title: 'A1', price: '7.00', compareAtPrice: '9.00', barcode: '123' },
  ]);
  // SOCK_7 is archived locally: not a candidate, and its SKU is taken for an import.
  const socks = door.addProduct('Socks', [{ sku: 'SOCK_7', price: '12.90' }]);
  Object.assign(remote, {
    hodM: hoodie.variants[0]?.id,
    hodL: hoodie.variants[1]?.id,
    tea: tea.variants[0]?.id,
    mug: mug.variants[0]?.id,
    posterA2: poster.variants[0]?.id,
    posterA1: poster.variants[1]?.id,
    socks: socks.variants[0]?.id,
  });
  connector = connectorFor(emulator);
  await readRemoteCatalog({ db: shop.db, connector, channelId: CH, clock, mode: 'full' });
});

afterEach(async () => {
  await emulator.stop();
  await shop.close();
  removeTempDirs();
});

const at = () => clock.now().toISOString();

function thrown(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('matching', () => {
  it('matches by SKU in any case or spacing, then by barcode; lists ambiguous, remote-only and local-only', () => {
    const counts = matchCatalog(shop.db, CH, at());
    expect(counts).toEqual({ linked: 0, matched: 3, ambiguous: 1, remoteOnly: 3, localOnly: 4 });

    const matched = reviewRows(shop.db, CH, 'matched', 0, 50);
    const bySku = Object.fromEntries(matched.rows.map((row) => [row.remote?.remoteVariantId, { by: row.matchedBy, local: row.local.map((l) => l.sku) }]));
    expect(bySku).toEqual({
      [remote.hodM ?? '']: { by: 'sku', local: ['HOD-001-BLK-M'] },
      [remote.hodL ?? '']: { by: 'barcode', local: ['HOD-001-BLK-L'] },
      [remote.mug ?? '']: { by: 'barcode', local: ['MUG-50%'] },
    });
    const hoodieM = matched.rows.find((row) => row.remote?.remoteVariantId === remote.hodM);
    expect(hoodieM?.remote).toMatchObject({ productTitle: 'Cloud Hoodie', variantTitle: 'Black / M', price: 5999, quantity: 7 });
    expect(hoodieM?.local[0]).toMatchObject({ variantId: HOD_M, productName: 'Cloud Hoodie', price: 5999, available: 12 });

    const ambiguous = reviewRows(shop.db, CH, 'ambiguous', 0, 50);
    expect(ambiguous.total).toBe(1);
    expect(ambiguous.rows[0]?.matchedBy).toBe('sku');
    expect(ambiguous.rows[0]?.local.map((l) => [l.variantId, l.sku])).toEqual([
      [TEA, 'TEA-100'],
      [teaLower, 'tea-100'],
    ]);

    const remoteOnly = reviewRows(shop.db, CH, 'remoteOnly', 0, 50);
    expect(remoteOnly.rows.map((row) => row.remote?.remoteVariantId).sort()).toEqual([remote.posterA1, remote.posterA2, remote.socks].sort());
    expect(remoteOnly.rows.every((row) => row.local.length === 0)).toBe(true);

    // Active local variants not linked here: the draft mug and the archived socks are not listed.
    const localOnly = reviewRows(shop.db, CH, 'localOnly', 0, 50);
    expect(localOnly.rows.map((row) => row.local[0]?.sku)).toEqual(['HOD-001-BLK-L', 'HOD-001-BLK-M', 'TEA-100', 'tea-100']);
    expect(localOnly.counts).toEqual(counts);

    // Search narrows any filter, paging keeps the total.
    expect(reviewRows(shop.db, CH, 'matched', 0, 50, 'hoodie').total).toBe(2);
    const firstPage = reviewRows(shop.db, CH, 'localOnly', 0, 2);
    expect(firstPage.rows).toHaveLength(2);
    expect(firstPage.total).toBe(4);
  });

  it('two remote variants with one SKU and one local variant: both ambiguous, never linked twice by "all matched"', async () => {
    const twin = emulator.sideDoor.addProduct('Hoodie copy', [{ sku: 'HOD-001-BLK-M', price: '59.99' }]);
    await readRemoteCatalog({ db: shop.db, connector, channelId: CH, clock, mode: 'full' });
    matchCatalog(shop.db, CH, at());
    const ambiguous = reviewRows(shop.db, CH, 'ambiguous', 0, 50);
    const claims = ambiguous.rows.filter((row) => row.local.some((l) => l.variantId === HOD_M)).map((row) => row.remote?.remoteVariantId);
    expect(claims.sort()).toEqual([remote.hodM, twin.variants[0]?.id].sort());
    applyLinks(shop.db, clock, CH, 'allMatched');
    expect(linksOf(shop.db).map((l) => l.variantId)).toEqual([HOD_L, MUG]);
  });
});

describe('applying links', () => {
  it('links every matched row with the channel’s values as synced base, queues stock and price pushes and lists the products', () => {
    matchCatalog(shop.db, CH, at());
    expect(applyLinks(shop.db, clock, CH, 'allMatched')).toEqual({ linked: 3 });
    expect(linksOf(shop.db)).toEqual([
      { variantId: HOD_M, remoteVariantId: remote.hodM, syncedPrice: 5999, syncedCompareAtPrice: 7999, syncedQuantity: 7, syncedAt: at() },
      { variantId: HOD_L, remoteVariantId: remote.hodL, syncedPrice: 5999, syncedCompareAtPrice: null, syncedQuantity: 0, syncedAt: at() },
      { variantId: MUG, remoteVariantId: remote.mug, syncedPrice: 990, syncedCompareAtPrice: null, syncedQuantity: 0, syncedAt: at() },
    ]);
    expect(outboxOf(shop.db)).toEqual([HOD_M, HOD_L, MUG].flatMap((variantId) => [
      { variantId, kind: 'price', version: 1 },
      { variantId, kind: 'stock', version: 1 },
    ]));
    const listings = shop.db.prepare("SELECT product_id AS productId, status, external_id AS externalId FROM channel_listings WHERE channel_id = ? ORDER BY product_id").all(CH);
    expect(listings).toHaveLength(2);
    expect(listings).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'active' })]));

    const after = reviewRows(shop.db, CH, 'linked', 0, 50);
    expect(after.counts).toMatchObject({ linked: 3, matched: 0, localOnly: 2 });
    expect(after.rows.map((row) => [row.remote?.remoteVariantId, row.local[0]?.sku, row.matchedBy, row.remoteMissing])).toEqual(
      expect.arrayContaining([
        [remote.hodM, 'HOD-001-BLK-M', 'sku', false],
        [remote.hodL, 'HOD-001-BLK-L', 'barcode', false],
      ]),
    );
  });

  it('refuses to link a variant twice, naming its SKU, and changes nothing', () => {
    matchCatalog(shop.db, CH, at());
    applyLinks(shop.db, clock, CH, [{ remoteVariantId: remote.hodM ?? '', variantId: HOD_M }]);
    const error = thrown(() =>
      applyLinks(shop.db, clock, CH, [
        { remoteVariantId: remote.hodL ?? '', variantId: HOD_L },
        { remoteVariantId: remote.tea ?? '', variantId: HOD_M },
      ]),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ key: 'syncVariantAlreadyLinked', params: { sku: 'HOD-001-BLK-M', remoteVariantId: remote.hodM } });
    expect(linksOf(shop.db).map((l) => l.variantId)).toEqual([HOD_M]);
    // The same variant twice in one batch is refused the same way.
    const twice = thrown(() =>
      applyLinks(shop.db, clock, CH, [
        { remoteVariantId: remote.tea ?? '', variantId: TEA },
        { remoteVariantId: remote.posterA2 ?? '', variantId: TEA },
      ]),
    );
    expect(twice.details).toMatchObject({ key: 'syncVariantAlreadyLinked', params: { sku: 'TEA-100' } });
    // A remote variant already linked to another SKU.
    const taken = thrown(() => applyLinks(shop.db, clock, CH, [{ remoteVariantId: remote.hodM ?? '', variantId: HOD_L }]));
    expect(taken.details).toMatchObject({ key: 'syncRemoteAlreadyLinked', params: { sku: 'HOD-001-BLK-M' } });
    // Re-linking the same pair is not an error and not a second link.
    expect(applyLinks(shop.db, clock, CH, [{ remoteVariantId: remote.hodM ?? '', variantId: HOD_M }])).toEqual({ linked: 0 });
  });

  it('resolves an ambiguous row by choosing a candidate; unlinking makes it ambiguous again and drops its pushes', () => {
    matchCatalog(shop.db, CH, at());
    applyLinks(shop.db, clock, CH, [{ remoteVariantId: remote.tea ?? '', variantId: TEA }]);
    expect(reviewRows(shop.db, CH, 'ambiguous', 0, 10).total).toBe(0);
    expect(unlink(shop.db, clock, CH, [TEA])).toEqual({ unlinked: 1 });
    expect(outboxOf(shop.db)).toEqual([]);
    expect(reviewRows(shop.db, CH, 'ambiguous', 0, 10).rows[0]?.local).toHaveLength(2);
    const listing = shop.db.prepare('SELECT status FROM channel_listings WHERE channel_id = ?').get(CH);
    expect(listing).toEqual({ status: 'removed' });
  });

  it('keeps a link whose remote variant disappeared, shown as remote missing', async () => {
    matchCatalog(shop.db, CH, at());
    applyLinks(shop.db, clock, CH, [{ remoteVariantId: remote.mug ?? '', variantId: MUG }]);
    const hidden = remote.mug ?? '';
    const filtered: ShopifyConnector = {
      ...connector,
      listVariants: async (page) => {
        const answer = await connector.listVariants(page);
        return { ...answer, items: answer.items.filter((item) => item.remoteVariantId !== hidden) };
      },
    };
    const result = await readRemoteCatalog({ db: shop.db, connector: filtered, channelId: CH, clock, mode: 'full' });
    expect(result.removed).toBe(1);
    const linked = reviewRows(shop.db, CH, 'linked', 0, 10);
    expect(linked.rows).toEqual([expect.objectContaining({ remoteMissing: true, remote: expect.objectContaining({ remoteVariantId: hidden }) })]);
  });
});

describe('importing remote-only variants', () => {
  it('creates one product per remote product with its variants, links them, and skips a SKU already used', async () => {
    matchCatalog(shop.db, CH, at());
    const result = importRemoteOnly(shop.db, clock, 'owner', CH, 'all');
    expect(result).toMatchObject({ products: 1, variants: 2, linked: 2, droppedBarcodes: 1 });
    expect(result.skipped).toEqual([{ remoteVariantId: remote.socks, sku: 'SOCK_7', reason: { key: 'syncImportSkuTaken', params: { sku: 'SOCK_7' } } }]);

    const listed = await shop.ok('products.list', { quickSearch: 'Poster' });
    expect(listed.rows.map((row) => [row.sku, row.variantTitle, row.price, row.compareAtPrice, row.barcode]).sort()).toEqual([
      ['POSTER-2', 'A1', 700, 900, null],
      ['POSTER-A2', 'A2', 500, null, '4006381333955'],
    ]);
    const links = linksOf(shop.db).filter((l) => l.remoteVariantId === remote.posterA1 || l.remoteVariantId === remote.posterA2);
    expect(links.map((l) => [l.remoteVariantId, l.syncedPrice, l.syncedQuantity]).sort()).toEqual(
      [
        [remote.posterA1, 700, 0],
        [remote.posterA2, 500, 4],
      ].sort(),
    );
    // No opening stock was asked for: the new variants hold nothing, so their stock is not pushed (the channel keeps its 4).
    expect(outboxOf(shop.db).filter((row) => row.kind === 'stock')).toEqual([]);
    expect(reviewRows(shop.db, CH, 'remoteOnly', 0, 10).total).toBe(1);

    // One History entry; undo takes the products, variants and links back.
    const history = await shop.ok('history.list', { offset: 0, limit: 5 });
    expect(history.changeSets[0]).toMatchObject({ id: result.changeSetId, kind: 'sync_import' });
    await shop.ok('history.undo', { changeSetId: result.changeSetId ?? 0 });
    expect((await shop.ok('products.list', { quickSearch: 'Poster' })).total).toBe(0);
    expect(linksOf(shop.db)).toEqual([]);
  });

  it('posts the remote quantities as opening stock when a location is given, and queues their stock push', () => {
    matchCatalog(shop.db, CH, at());
    const result = importRemoteOnly(shop.db, clock, 'owner', CH, [remote.posterA2 ?? '', remote.hodM ?? ''], { openingStockLocationId: WAREHOUSE });
    expect(result).toMatchObject({ products: 1, variants: 1 });
    // A matched row is linked, not imported as a duplicate product.
    expect(result.skipped).toEqual([{ remoteVariantId: remote.hodM, sku: '  hod-001-blk-m ', reason: { key: 'syncImportNotRemoteOnly', params: { state: 'matched' } } }]);
    const variantId = shop.db.prepare<[], { id: number }>("SELECT id FROM variants WHERE sku = 'POSTER-A2'").get()?.id;
    const level = shop.db.prepare('SELECT on_hand AS onHand FROM stock_levels WHERE variant_id = ? AND location_id = ?').get(variantId, WAREHOUSE);
    expect(level).toEqual({ onHand: 4 });
    expect(outboxOf(shop.db).filter((row) => row.variantId === variantId).map((row) => row.kind)).toEqual(['price', 'stock']);
  });
});

describe('locations', () => {
  it('records remote locations as "all local stock", maps one to a local location and re-queues the channel’s stock', async () => {
    const saved = saveLocations(shop.db, CH, await connector.listLocations());
    expect(saved.map((l) => [l.remoteLocationName, l.locationId])).toEqual([
      ['Store', null],
      ['Warehouse', null],
    ]);
    matchCatalog(shop.db, CH, at());
    applyLinks(shop.db, clock, CH, 'allMatched');
    shop.db.prepare('DELETE FROM sync_outbox').run();
    expect(mapLocation(shop.db, clock, CH, warehouseGid, WAREHOUSE)).toEqual({ requeued: 3 });
    expect(outboxOf(shop.db).map((row) => row.kind)).toEqual(['stock', 'stock', 'stock']);
    // A rename on the platform refreshes the name and keeps the mapping.
    const again = saveLocations(shop.db, CH, [{ remoteLocationId: warehouseGid, name: 'Main warehouse', active: true }]);
    expect(again.find((l) => l.remoteLocationId === warehouseGid)).toEqual({ remoteLocationId: warehouseGid, remoteLocationName: 'Main warehouse', locationId: WAREHOUSE });

    shop.db.prepare('UPDATE locations SET active = 0 WHERE id = ?').run(STORE);
    const inactive = thrown(() => mapLocation(shop.db, clock, CH, storeGid, STORE));
    expect(inactive.details).toMatchObject({ key: 'syncLocationInactive' });
    expect(thrown(() => mapLocation(shop.db, clock, CH, 'gid://shopify/Location/999', null)).code).toBe('NOT_FOUND');
  });
});
