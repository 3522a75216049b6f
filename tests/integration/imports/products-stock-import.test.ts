// Product files carry stock (issue 12): Shopify's product CSV, a Chinese GBK
// sheet with one row per SKU and warehouse, WooCommerce in an empty shop, and
// a dated opening-stock import. Products and their stock arrive in one import
// step (one change set) and leave with one undo; what is asserted is what a
// person sees: the preview's counts, notices and notes, the Stock levels page
// (on hand, available) and the stock ledger.
import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { gbk } from './gbk.js';
import { applyImport, openImport, rows } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

/** The Stock levels page: "location SKU on hand/available", every row. */
async function stockPage(): Promise<string[]> {
  const page = await shop.ok('stock.levels', { offset: 0, limit: 1000, search: '', lowOnly: false, sort: { column: 'sku', direction: 'asc' } });
  return page.rows.map((row) => `${row.location} ${row.sku} ${row.onHand}/${row.available}`).sort();
}

/** Levels whose on hand is not the sum of their ledger (must stay empty). */
const offLedger = () =>
  shop.db
    .prepare(
      `SELECT s.variant_id, s.location_id, s.on_hand FROM stock_levels s
       WHERE s.on_hand <> (SELECT COALESCE(SUM(m.delta), 0) FROM stock_movements m WHERE m.variant_id = s.variant_id AND m.location_id = s.location_id)`,
    )
    .all();

const count = (table: string) => (shop.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

async function undoImport(sessionId: string): Promise<void> {
  const applied = (await shop.ok('imports.get', { sessionId })).applied;
  await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
}

const shopifyHeader =
  'Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,Variant SKU,Variant Grams,Variant Inventory Tracker,Variant Inventory Qty,Variant Inventory Policy,Variant Fulfillment Service,Variant Price,Variant Compare At Price,Variant Requires Shipping,Variant Taxable,Variant Barcode,Image Src,Image Position,Image Alt Text,Gift Card,SEO Title,SEO Description,Google Shopping / Google Product Category,Google Shopping / Gender,Google Shopping / Age Group,Google Shopping / MPN,Google Shopping / Condition,Google Shopping / Custom Product,Variant Image,Variant Weight Unit,Variant Tax Code,Cost per item,Status';

const shopifyProducts = [
  shopifyHeader,
  'linen-shirt,Linen Shirt,<p>Linen</p>,Hanfu Lab,,Shirts,"summer, linen",TRUE,Colour,White,Size,M,,,LS-WHT-M,250,shopify,10,deny,manual,199.00,259.00,TRUE,TRUE,,https://cdn.example.com/ls-1.jpg,1,,FALSE,,,,,,,,,,g,,80.50,active',
  // Oversold: Shopify exports the negative quantity.
  'linen-shirt,,,,,,,,,White,,L,,,LS-WHT-L,250,shopify,-2,deny,manual,199.00,259.00,TRUE,TRUE,,,,,,,,,,,,,,,g,,80.50,',
  // Image only: no variant on this row.
  'linen-shirt,,,,,,,,,,,,,,,,,,,,,,,,,https://cdn.example.com/ls-2.jpg,2,,,,,,,,,,,,,,,',
  // 0 in stock: a level of 0 (stocked, none left).
  'tea-cup,Tea Cup,<p>Cup</p>,Jingdezhen,,Kitchen,,TRUE,Title,Default Title,,,,,TC-001,180,shopify,0,deny,manual,39.90,,TRUE,TRUE,,,,,FALSE,,,,,,,,,,g,,12.00,active',
  // Inventory not tracked by Shopify (blank tracker): its quantity means nothing.
  'gift-card,Gift Card,,Shop,,Gift,,TRUE,Title,Default Title,,,,,GC-50,0,,0,deny,manual,50.00,,FALSE,FALSE,,,,,TRUE,,,,,,,,,,g,,,active',
].join('\n');

describe('stock in product files', () => {
  it("imports Shopify's product CSV with its stock at the shop's location: oversold flagged, image row skipped, undo takes products and stock back", async () => {
    shop = testShop();
    await shop.ok('locations.create', { code: 'WH-1', name: 'Main warehouse', kind: 'warehouse' });
    const session = await openImport(shop, 'products', 'products_export_1.csv', shopifyProducts);
    expect(session.columns.find((c) => c.header === 'Variant Inventory Qty')?.field).toBe('stock');
    expect(session.counts).toEqual({ create: 4, update: 0, unchanged: 0, skip: 1, error: 0 });
    expect(session.notices.map((n) => n.message)).toEqual(['Quantities on rows without a location go to Main warehouse.']);
    const all = await rows(shop, session.sessionId);
    expect(all.map((r) => [r.row, r.outcome, r.label, r.notes?.map((n) => n.message) ?? []])).toEqual([
      [2, 'create', 'Linen Shirt / White / M @ Main warehouse', []],
      [3, 'create', 'Linen Shirt / White / L @ Main warehouse', ['negative stock (-2, oversold): imported as it is']],
      [4, 'skip', 'Linen Shirt', ['only an image of the product: no variant on this row']],
      [5, 'create', 'Tea Cup @ Main warehouse', []],
      [6, 'create', 'Gift Card', ['stock is not tracked for this item: no stock record']],
    ]);
    expect(all[0]?.changes).toContainEqual({ field: 'stock', before: null, after: 10 });

    // Skipped rows do not block "Apply all".
    expect((await applyImport(shop, session.sessionId, 'all')).status).toBe('succeeded');
    expect(await stockPage()).toEqual(['Main warehouse LS-WHT-L -2/-2', 'Main warehouse LS-WHT-M 10/10', 'Main warehouse TC-001 0/0']);
    expect(offLedger()).toEqual([]);
    expect(shop.db.prepare('SELECT path FROM product_images ORDER BY position').pluck().all()).toEqual(['https://cdn.example.com/ls-1.jpg', 'https://cdn.example.com/ls-2.jpg']);
    const ledger = await shop.ok('stock.movements', { offset: 0, limit: 100 });
    expect(ledger.rows.map((m) => [m.sku, m.delta, m.reason, m.unitCost]).sort()).toEqual([
      ['LS-WHT-L', -2, 'initial', 8050],
      ['LS-WHT-M', 10, 'initial', 8050],
    ]);

    await undoImport(session.sessionId);
    expect(count('products')).toBe(0);
    expect(await stockPage()).toEqual([]);
    // The ledger rows of variants that no longer exist go with them; the shop's own location stays.
    expect(count('stock_movements')).toBe(0);
    expect(shop.db.prepare('SELECT name, active FROM locations').all()).toEqual([{ name: 'Main warehouse', active: 1 }]);
  });

  it('reads a Chinese GBK sheet with one row per SKU and warehouse: one variant each, stock per location, the new warehouse created in the same step', async () => {
    shop = testShop();
    await shop.ok('locations.create', { code: 'WH-1', name: 'Main warehouse', kind: 'warehouse' });
    const file = gbk(
      [
        '商品名称,品牌,颜色,商品编码,售价,成本价,仓库,库存',
        '保温杯,Tiger,红色,TH-RED,129.00,65.00,Main warehouse,10',
        '保温杯,Tiger,红色,TH-RED,129.00,65.00,华东仓,4',
        '保温杯,Tiger,黑色,TH-BLK,129.00,65.00,Main warehouse,-3',
        '保温杯,Tiger,黑色,TH-BLK,129.00,65.00,华东仓,6',
      ].join('\r\n'),
    );
    const session = await openImport(shop, 'products', '库存商品.csv', file);
    expect(session.detectedEncoding).toBe('gb18030');
    expect(session.columns.map((c) => c.field)).toEqual(['title', 'brand', 'option1Value', 'sku', 'price', 'cost', 'location', 'stock']);
    expect(session.counts).toEqual({ create: 4, update: 0, unchanged: 0, skip: 0, error: 0 });
    expect(session.notices.map((n) => [n.key, n.message])).toEqual([['createLocation', 'Will create location "华东仓" (named in the file).']]);
    expect((await rows(shop, session.sessionId)).map((r) => [r.label, r.changes.find((c) => c.field === 'stock')?.after, r.notes?.[0]?.key])).toEqual([
      ['保温杯 / 红色 @ Main warehouse', 10, undefined],
      ['保温杯 / 红色 @ 华东仓', 4, undefined],
      ['保温杯 / 黑色 @ Main warehouse', -3, 'oversold'],
      ['保温杯 / 黑色 @ 华东仓', 6, undefined],
    ]);

    expect((await applyImport(shop, session.sessionId)).status).toBe('succeeded');
    expect(shop.db.prepare('SELECT sku, option1, price FROM variants ORDER BY sku').all()).toEqual([
      { sku: 'TH-BLK', option1: '黑色', price: 12900 },
      { sku: 'TH-RED', option1: '红色', price: 12900 },
    ]);
    expect(await stockPage()).toEqual(['Main warehouse TH-BLK -3/-3', 'Main warehouse TH-RED 10/10', '华东仓 TH-BLK 6/6', '华东仓 TH-RED 4/4']);
    expect(offLedger()).toEqual([]);
    // One import step: the products, the new warehouse and the stock are one change set.
    const changeSetId = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied?.changeSetId ?? 0;
    const items = await shop.ok('history.get', { changeSetId, offset: 0, limit: 500 });
    expect([...new Set(items.items.map((item) => item.entity))].sort()).toEqual(['locations', 'products', 'stock', 'variants']);

    await shop.ok('history.undo', { changeSetId });
    expect(count('variants')).toBe(0);
    expect(await stockPage()).toEqual([]);
    // Nothing refers to the warehouse the import created any more: it is gone too.
    expect(shop.db.prepare('SELECT name FROM locations').pluck().all()).toEqual(['Main warehouse']);
  });

  it('refuses to undo products whose stock moved since (naming the SKU), and undoes them once the later stock import is undone', async () => {
    shop = testShop();
    await shop.ok('locations.create', { code: 'WH-1', name: 'Main warehouse', kind: 'warehouse' });
    const products = await openImport(shop, 'products', 'products.csv', 'Title,SKU,Price,Stock\nScarf,SC-1,99.00,5\n');
    await applyImport(shop, products.sessionId);
    const productsSet = (await shop.ok('imports.get', { sessionId: products.sessionId })).applied?.changeSetId ?? 0;
    const recount = await openImport(shop, 'stockLevels', 'count.csv', 'SKU,Location,On hand\nSC-1,Main warehouse,4\n');
    await applyImport(shop, recount.sessionId);

    expect((await shop.fail('history.undo', { changeSetId: productsSet })).details.key).toBe('undoBlocked');
    expect(await stockPage()).toEqual(['Main warehouse SC-1 4/4']);

    await shop.ok('history.undo', { changeSetId: (await shop.ok('imports.get', { sessionId: recount.sessionId })).applied?.changeSetId ?? 0 });
    await shop.ok('history.undo', { changeSetId: productsSet });
    expect(count('variants')).toBe(0);
    expect(await stockPage()).toEqual([]);
    expect(offLedger()).toEqual([]);

    // Stock moved outside imports (an adjustment) is history the undo cannot erase.
    const again = await openImport(shop, 'products', 'products.csv', 'Title,SKU,Price,Stock\nScarf,SC-1,99.00,5\n');
    await applyImport(shop, again.sessionId);
    const variantId = (shop.db.prepare("SELECT id FROM variants WHERE sku = 'SC-1'").get() as { id: number }).id;
    const locationId = (shop.db.prepare("SELECT id FROM locations WHERE code = 'WH-1'").get() as { id: number }).id;
    await shop.ok('stock.adjust', { lines: [{ variantId, locationId, delta: -1, reasonCode: 'damage' }] });
    const refused = await shop.fail('history.undo', { changeSetId: (await shop.ok('imports.get', { sessionId: again.sessionId })).applied?.changeSetId ?? 0 });
    expect(refused.details.key).toBe('undoBlocked');
    expect(refused.message).toContain('the stock of SC-1, which it created, moved since');
    expect(await stockPage()).toEqual(['Main warehouse SC-1 4/4']);
  });

  it("reads On hand of Shopdesk's Products export as the variant's total: a changed total goes where its stock is, or to the location chosen", async () => {
    shop = testShop();
    await shop.ok('locations.create', { code: 'WH-1', name: 'Main warehouse', kind: 'warehouse' });
    const floor = (await shop.ok('locations.create', { code: 'FL', name: 'Shop floor', kind: 'store' })).id;
    await applyImport(shop, (await openImport(shop, 'products', 'seed.csv', 'Title,SKU,Price,Location,Stock\nScarf,SC-1,99.00,Main warehouse,5\nHat,HT-1,49.00,Main warehouse,2\nHat,HT-1,49.00,Shop floor,1\n')).sessionId);
    const exported = await shop.ok('exports.grid', {
      source: 'products.list',
      query: { sort: [{ column: 'sku', direction: 'asc' }] },
      columns: [
        { field: 'variantId', header: 'Variant ID', kind: 'number' },
        { field: 'sku', header: 'SKU', kind: 'text' },
        { field: 'title', header: 'Product', kind: 'text' },
        { field: 'onHand', header: 'On hand', kind: 'number' },
      ],
      format: 'csv',
      fileName: 'Products',
    });
    const lines = Buffer.from(exported.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines.slice(1).map((line) => line.split(',').slice(1).join(','))).toEqual(['HT-1,Hat,3', 'SC-1,Scarf,5']);
    const edited = [lines[0], lines[1]?.replace(/,3$/, ',6'), lines[2]?.replace(/,5$/, ',7')].join('\n');

    const session = await openImport(shop, 'products', 'Products.csv', edited);
    expect((await rows(shop, session.sessionId)).map((r) => [r.key, r.outcome, r.changes, r.issues.map((i) => i.key)])).toEqual([
      ['HT-1', 'error', [], ['stockIsTotal']],
      ['SC-1', 'update', [{ field: 'stock', before: 5, after: 7 }], []],
    ]);
    const placed = await shop.ok('imports.update', { sessionId: session.sessionId, options: { blankClears: false, locationId: floor } });
    expect(placed.counts).toMatchObject({ update: 2, error: 0 });
    // HT-1: 2 at Main warehouse stay, so Shop floor takes the rest of the new total (6 - 2).
    expect((await rows(shop, session.sessionId))[0]?.changes).toEqual([{ field: 'stock', before: 1, after: 4 }]);
    await applyImport(shop, session.sessionId);
    // With a location chosen, every changed total is settled there (SC-1: 5 stay, 2 more on the floor).
    expect(await stockPage()).toEqual(['Main warehouse HT-1 2/2', 'Main warehouse SC-1 5/5', 'Shop floor HT-1 4/4', 'Shop floor SC-1 2/2']);
  });

  it('refuses the same SKU twice at one location, and rows of one SKU that disagree on the variant, naming both rows', async () => {
    shop = testShop();
    const file = ['商品名称,商品编码,售价,仓库,库存', 'Scarf,SC-1,99.00,A仓,1', 'Scarf,SC-1,89.00,B仓,2', 'Scarf,SC-1,99.00,A仓,5', 'Scarf,SC-1,99.00,C仓,7'].join('\n');
    const session = await openImport(shop, 'products', 'scarves.csv', file);
    expect((await rows(shop, session.sessionId, 'error')).map((r) => [r.row, r.issues.map((i) => i.message)])).toEqual([
      [2, ['Row 2: another row of the same product (row 3) has an error']],
      [3, ['Row 3, 售价: row 2 has the same SKU "SC-1" with another value ("99.00"; here "89.00"); one variant has one value']],
      [4, ['Row 4, 商品编码: "SC-1 @ A仓" appears again on row 2']],
      [5, ['Row 5: another row of the same product (row 3) has an error']],
    ]);
  });

  it('creates the default location, named in the shop\'s language, when an empty shop imports a WooCommerce export with stock', async () => {
    shop = testShop();
    await shop.ok('settings.update', { locale: 'zh-CN' });
    const file = [
      'ID,Type,SKU,Name,Published,Is featured?,Visibility in catalog,Short description,Description,Regular price,Sale price,In stock?,Stock,Weight (kg),Categories,Tags,Images,Parent,Attribute 1 name,Attribute 1 value(s),Attribute 1 visible,Attribute 1 global',
      '101,variable,LS,Linen Shirt,1,0,visible,,Linen,,,1,,0.25,Clothing > Shirts,,,,Colour,"White, Blue",1,1',
      '102,variation,LS-WHT,Linen Shirt - White,1,0,visible,,,259,199,1,5,0.25,,,,id:101,Colour,White,1,1',
      // Blank Stock: WooCommerce does not manage this one's stock.
      '103,variation,LS-BLU,Linen Shirt - Blue,1,0,visible,,,259,199,1,,0.25,,,,id:101,Colour,Blue,1,1',
      '110,simple,TC-001,Tea Cup,1,0,visible,,,39.90,,0,-1,0.18,Home > Kitchen,,,,,,,',
    ].join('\n');
    const session = await openImport(shop, 'products', 'wc-product-export.csv', file);
    expect(session.counts).toEqual({ create: 3, update: 0, unchanged: 0, skip: 1, error: 0 });
    expect(session.notices.map((n) => n.message)).toEqual(['The shop has no location yet: will create location "主仓库" for the stock.']);
    expect((await rows(shop, session.sessionId)).map((r) => [r.row, r.outcome, r.notes?.map((n) => n.key) ?? []])).toEqual([
      [2, 'skip', ['variableParent']],
      [3, 'create', []],
      [4, 'create', ['stockNotManaged']],
      [5, 'create', ['oversold']],
    ]);
    expect((await applyImport(shop, session.sessionId)).status).toBe('succeeded');
    // The variable parent still made the product its variations joined.
    expect(shop.db.prepare('SELECT p.title, v.sku FROM variants v JOIN products p ON p.id = v.product_id ORDER BY v.sku').all()).toEqual([
      { title: 'Linen Shirt', sku: 'LS-BLU' },
      { title: 'Linen Shirt', sku: 'LS-WHT' },
      { title: 'Tea Cup', sku: 'TC-001' },
    ]);
    expect((await shop.ok('locations.list', { includeInactive: true })).locations.map((l) => [l.name, l.kind, l.active])).toEqual([['主仓库', 'warehouse', true]]);
    expect(await stockPage()).toEqual(['主仓库 LS-WHT 5/5', '主仓库 TC-001 -1/-1']);
  });

  it('dates an opening stock import (a date column, or the date chosen above the preview) at local midnight with the unit cost, and refuses a future date', async () => {
    shop = testShop();
    await shop.ok('settings.update', { timeZone: 'Asia/Shanghai' });
    await shop.ok('locations.create', { code: 'WH-1', name: 'Main warehouse', kind: 'warehouse' });
    const file = ['Title,SKU,Price,Cost,Stock,Snapshot date', 'Linen Shirt,LS-1,199.00,80.50,12,', 'Tea Cup,TC-1,39.90,12.00,30,2026/3/5', 'Mug,MG-1,19.90,5.00,4,2026-12-01'].join('\n');
    const session = await openImport(shop, 'products', 'opening-stock.csv', file, { options: { blankClears: false, stockDate: '2026-03-01' } });
    expect(session.columns.map((c) => c.field)).toEqual(['title', 'sku', 'price', 'cost', 'stock', 'stockDate']);
    expect(session.notices.map((n) => n.message)).toContain('Stock is dated 2026-03-01: its movements happen at 00:00 that day (shop time).');
    expect((await rows(shop, session.sessionId, 'error')).map((r) => r.issues.map((i) => i.message))).toEqual([['Row 4, Snapshot date: the stock date 2026-12-01 is in the future']]);
    expect((await applyImport(shop, session.sessionId, 'validOnly')).status).toBe('succeeded');
    const ledger = await shop.ok('stock.movements', { offset: 0, limit: 100 });
    expect(ledger.rows.map((m) => [m.sku, m.delta, m.occurredAt, m.unitCost]).sort()).toEqual([
      // 2026-03-01 00:00 in Shanghai (UTC+8), from the date chosen above the preview.
      ['LS-1', 12, '2026-02-28T16:00:00.000Z', 8050],
      // The row's own date wins.
      ['TC-1', 30, '2026-03-04T16:00:00.000Z', 1200],
    ]);
    expect(await stockPage()).toEqual(['Main warehouse LS-1 12/12', 'Main warehouse TC-1 30/30']);

    // Without a date the stock is counted now.
    const undated = await openImport(shop, 'products', 'more.csv', 'Title,SKU,Price,Stock\nScarf,SC-1,99.00,2\n');
    await applyImport(shop, undated.sessionId);
    expect((await shop.ok('stock.movements', { offset: 0, limit: 1 })).rows[0]).toMatchObject({ sku: 'SC-1', occurredAt: '2026-11-20T10:00:00.000Z', unitCost: null });
  });
});
