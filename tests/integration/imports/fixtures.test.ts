// Every fixture in tests/fixtures/spreadsheets (README.md there says what each
// is and holds), imported through the core as a merchant would.
import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, fixture, openImport, rows } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

/** The canonical catalog: SKU -> price, cost (minor units). */
const canonical = {
  'LS-BLU-L': [19900, 8050],
  'LS-BLU-M': [19900, 8050],
  'LS-WHT-L': [19900, 8050],
  'LS-WHT-M': [19900, 8050],
  'TC-001': [3990, 1200],
  'TH-BLK': [129900, 65000],
  'TH-RED': [129900, 65000],
};

const catalog = (shop: TestShop) =>
  Object.fromEntries((shop.db.prepare('SELECT sku, price, cost FROM variants ORDER BY sku').all() as { sku: string; price: number; cost: number | null }[]).map((v) => [v.sku, [v.price, v.cost]]));
const products = (shop: TestShop) => shop.db.prepare('SELECT title, option1_name AS o1, option2_name AS o2 FROM products ORDER BY title').all();

async function importFile(name: string, target: Parameters<typeof openImport>[1] = 'products') {
  const session = await openImport(shop, target, name, fixture(name));
  return session;
}

describe('product fixtures', () => {
  const files: [string, string | null][] = [
    ['products-template-utf8.csv', 'utf-8'],
    ['products-template-utf8-bom.csv', 'utf-8'],
    ['products-utf16le.txt', 'utf-16le'],
    ['products-semicolon.csv', 'utf-8'],
    ['products-zh-gb18030.csv', 'gb18030'],
    ['products-libreoffice.xlsx', null],
    ['products-legacy.xls', null],
    ['products.ods', null],
    ['products-merged-header.xlsx', null],
  ];
  for (const [name, encoding] of files) {
    it(`${name}: every variant created with its price and cost`, async () => {
      shop = testShop();
      const session = await importFile(name);
      expect(session.encoding).toBe(encoding);
      expect(session.counts).toEqual({ create: 7, update: 0, unchanged: 0, skip: 0, error: 0 });
      expect((await applyImport(shop, session.sessionId)).status).toBe('succeeded');
      expect(catalog(shop)).toEqual(canonical);
      // The same file again changes nothing.
      expect((await importFile(name)).counts).toEqual({ create: 0, update: 0, unchanged: 7, skip: 0, error: 0 });
    });
  }

  it('reads the LibreOffice workbook below its merged title, across the blank row, formulas as values, first sheet of two', async () => {
    shop = testShop();
    const session = await importFile('products-libreoffice.xlsx');
    expect(session.sheets).toEqual(['Products', 'Notes']);
    expect(session.headerRow).toBe(3);
    expect(session.dataRows).toBe(7);
    await applyImport(shop, session.sessionId);
    expect(products(shop)).toEqual([
      { title: 'Linen Shirt', o1: 'Colour', o2: 'Size' },
      { title: 'Tea Cup', o1: null, o2: null },
      { title: '保温杯 Thermos', o1: 'Colour', o2: null },
    ]);
  });

  it('keeps a quoted description with a comma, quotes and a line break (UTF-8 with BOM, CRLF)', async () => {
    shop = testShop();
    await applyImport(shop, (await importFile('products-template-utf8-bom.csv')).sessionId);
    expect(shop.db.prepare("SELECT description FROM products WHERE handle = 'linen-shirt'").get()).toEqual({ description: 'Breathable, "washed" linen\nfor summer' });
  });

  for (const name of ['shopify-products-old.csv', 'shopify-products-new.csv', 'woocommerce-products.csv']) {
    it(`${name}: the platform export becomes the same catalog`, async () => {
      shop = testShop();
      const session = await importFile(name);
      expect(session.counts.error).toBe(0);
      await applyImport(shop, session.sessionId);
      const prices = Object.fromEntries(Object.entries(catalog(shop)).map(([sku, [price]]) => [sku, price]));
      expect(prices).toEqual({ 'LS-BLU-L': 19900, 'LS-BLU-M': 19900, 'LS-WHT-L': 19900, 'LS-WHT-M': 19900, 'TC-001': 3990, 'TH-BLK': 129900, 'TH-RED': 129900 });
      expect((products(shop) as { title: string }[]).map((p) => p.title)).toEqual(['Linen Shirt', 'Tea Cup', '保温杯 Thermos']);
    });
  }

  it('stores formula-looking titles as text', async () => {
    shop = testShop();
    await applyImport(shop, (await importFile('products-formula-injection.csv')).sessionId);
    expect(shop.db.prepare('SELECT title FROM products ORDER BY id').all()).toEqual([{ title: '=HYPERLINK("http://x","y")' }, { title: '+cmd|calc' }]);
  });
});

describe('other targets from fixtures', () => {
  async function withCatalog() {
    shop = testShop();
    await applyImport(shop, (await importFile('products-template-utf8.csv')).sessionId);
    await shop.ok('locations.create', { code: 'MAIN', name: 'Main Warehouse', kind: 'warehouse' });
    await shop.ok('locations.create', { code: 'FLOOR', name: 'Shop Floor', kind: 'store' });
  }

  it('stock-levels-zh.csv and shopify-inventory.csv set on hand; bad rows are named, oversold ones noted', async () => {
    await withCatalog();
    const zh = await importFile('stock-levels-zh.csv', 'stockLevels');
    expect((await rows(shop, zh.sessionId, 'error')).map((r) => [r.row, r.issues[0]?.key])).toEqual([[4, 'unknownSku']]);
    expect((await rows(shop, zh.sessionId, 'update')).map((r) => [r.row, r.notes?.map((n) => n.message)])).toEqual([
      [2, undefined],
      [3, undefined],
      [5, ['negative stock (-3, oversold): imported as it is']],
    ]);
    const shopify = await importFile('shopify-inventory.csv', 'stockLevels');
    // LS-BLU-L's 0 at Main Warehouse opens a level of 0 (stocked, none left); "Not stocked" opens none.
    expect(shopify.counts).toEqual({ create: 0, update: 6, unchanged: 1, skip: 0, error: 0 });
    await applyImport(shop, shopify.sessionId);
    expect(shop.db.prepare("SELECT v.sku, l.code, s.on_hand AS n FROM stock_levels s JOIN variants v ON v.id = s.variant_id JOIN locations l ON l.id = s.location_id WHERE s.on_hand > 0 ORDER BY l.code, v.sku").all()).toEqual([
      { sku: 'LS-WHT-M', code: 'FLOOR', n: 3 },
      { sku: 'LS-BLU-M', code: 'MAIN', n: 5 },
      { sku: 'LS-WHT-L', code: 'MAIN', n: 8 },
      { sku: 'LS-WHT-M', code: 'MAIN', n: 12 },
      { sku: 'TC-001', code: 'MAIN', n: 30 },
    ]);
  });

  it('suppliers.csv then supplier-items-zh.xlsx build price lists', async () => {
    await withCatalog();
    await applyImport(shop, (await importFile('suppliers.csv', 'suppliers')).sessionId);
    const items = await importFile('supplier-items-zh.xlsx', 'supplierItems');
    expect(items.counts).toEqual({ create: 5, update: 0, unchanged: 0, skip: 0, error: 0 });
    await applyImport(shop, items.sessionId);
    expect(shop.db.prepare("SELECT COUNT(*) AS n, SUM(cost) AS total FROM supplier_items").get()).toEqual({ n: 5, total: 3 * 7800 + 2 * 61000 });
  });

  it('customers.csv and orders-history.xlsx: orders with serial, slash and Chinese dates; the unknown SKU keeps its order out', async () => {
    await withCatalog();
    await applyImport(shop, (await importFile('customers.csv', 'customers')).sessionId);
    const orders = await importFile('orders-history.xlsx', 'orders');
    expect(orders.counts).toEqual({ create: 6, update: 0, unchanged: 0, skip: 0, error: 2 });
    expect((await rows(shop, orders.sessionId, 'error'))[0]?.issues[0]?.message).toBe('Row 8, SKU: no product has the SKU "GONE-9"');
    await applyImport(shop, orders.sessionId, 'validOnly');
    expect(shop.db.prepare('SELECT order_number AS n, status, substr(placed_at, 1, 10) AS day FROM orders ORDER BY order_number').all()).toEqual([
      { n: '1001', status: 'fulfilled', day: '2026-03-05' },
      { n: '1002', status: 'fulfilled', day: '2026-03-05' },
      { n: '1003', status: 'cancelled', day: '2026-03-06' },
      { n: '1004', status: 'fulfilled', day: '2026-03-07' },
    ]);
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM customers').get()).toEqual({ n: 4 });
  });

  it('stocktake-counts.xlsx adds up the same SKU in two bins', async () => {
    await withCatalog();
    const main = (shop.db.prepare("SELECT id FROM locations WHERE code = 'MAIN'").get() as { id: number }).id;
    const stocktake = await shop.ok('stocktakes.open', { locationId: main });
    const session = await openImport(shop, 'stocktakeCounts', 'stocktake-counts.xlsx', fixture('stocktake-counts.xlsx'), { options: { stocktakeId: stocktake.id } });
    expect(session.headerRow).toBe(2);
    await applyImport(shop, session.sessionId);
    expect(shop.db.prepare("SELECT v.sku, l.counted FROM stocktake_lines l JOIN variants v ON v.id = l.variant_id WHERE l.counted IS NOT NULL ORDER BY v.sku").all()).toEqual([
      { sku: 'LS-WHT-L', counted: 6 },
      { sku: 'LS-WHT-M', counted: 7 },
      { sku: 'TC-001', counted: 28 },
      { sku: 'TH-RED', counted: 0 },
    ]);
  });

  it('hostile-headers.csv: the prototype-named columns are refused, the rest imports', async () => {
    shop = testShop();
    const session = await importFile('hostile-headers.csv', 'suppliers');
    expect(session.columns.filter((c) => c.refused).map((c) => c.header)).toEqual(['__proto__', 'constructor', 'prototype']);
    await applyImport(shop, session.sessionId);
    expect(shop.db.prepare('SELECT name, currency FROM suppliers ORDER BY name').all()).toEqual([
      { name: 'Acme', currency: 'USD' },
      { name: 'Bolt', currency: 'CNY' },
    ]);
  });
});
