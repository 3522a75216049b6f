// Export the Products grid, edit the file as a spreadsheet program would,
// import it back: exactly the edited cells change.
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, fixture, openImport, rows } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const seed = [
  'Handle,Title,Brand,Category,Option1 name,Option1 value,SKU,Price,Cost,Weight (g)',
  'linen-shirt,Linen Shirt,Hanfu Lab,Clothing > Shirts,Colour,White,LS-WHT,199.00,80.50,250',
  'linen-shirt,Linen Shirt,Hanfu Lab,Clothing > Shirts,Colour,Blue,LS-BLU,199.00,80.50,250',
  'tea-cup,Tea Cup,Jingdezhen,Home > Kitchen,,,TC-001,39.90,12.00,180',
].join('\n');

/** What the Products grid sends: its visible columns with their headers in the UI language. */
const gridColumns = {
  en: [
    ['variantId', 'Variant ID'], ['sku', 'SKU'], ['title', 'Product'], ['variantTitle', 'Variant'], ['barcode', 'Barcode'], ['category', 'Category'], ['brand', 'Brand'],
    ['price', 'Price'], ['compareAtPrice', 'Compare-at'], ['cost', 'Cost'], ['weightGrams', 'Weight (g)'], ['onHand', 'On hand'], ['status', 'Status'], ['updatedAt', 'Updated'],
  ],
  zh: [
    ['variantId', '变体 ID'], ['sku', 'SKU'], ['title', '商品'], ['variantTitle', '规格'], ['barcode', '条码'], ['category', '类目'], ['brand', '品牌'],
    ['price', '售价'], ['compareAtPrice', '原价'], ['cost', '成本'], ['weightGrams', '重量（克）'], ['onHand', '库存'], ['status', '状态'], ['updatedAt', '更新时间'],
  ],
} as const;
const kinds: Record<string, 'text' | 'number' | 'money' | 'date'> = { price: 'money', compareAtPrice: 'money', cost: 'money', weightGrams: 'number', onHand: 'number', variantId: 'number', updatedAt: 'date' };

async function exportGrid(language: 'en' | 'zh', format: 'xlsx' | 'csv') {
  const file = await shop.ok('exports.grid', {
    source: 'products.list',
    query: { sort: [{ column: 'sku', direction: 'asc' }] },
    columns: gridColumns[language].map(([field, header]) => ({ field, header, kind: kinds[field] ?? 'text' })),
    format,
    fileName: 'Products',
  });
  return Buffer.from(file.contentBase64, 'base64');
}

describe('export -> edit -> import round trip', () => {
  for (const language of ['en', 'zh'] as const) {
    it(`updates exactly the edited cells of an XLSX export (${language} headers), matched by Variant ID even when the SKU was edited`, async () => {
      shop = testShop();
      await applyImport(shop, (await openImport(shop, 'products', 'seed.csv', seed)).sessionId);
      const book = XLSX.read(await exportGrid(language, 'xlsx'), { type: 'buffer' });
      const sheet = book.Sheets[book.SheetNames[0] ?? ''];
      if (!sheet) throw new Error('no sheet');
      const grid = XLSX.utils.sheet_to_json<(string | number)[]>(sheet, { header: 1 });
      expect(grid.map((row) => row[1])).toEqual(['SKU', 'LS-BLU', 'LS-WHT', 'TC-001']);
      // Edit as a person would: a price, a SKU, a product title (on one of its rows).
      const header = grid[0] ?? [];
      const col = (name: string) => header.indexOf(name);
      const set = (row: number, column: number, value: string | number) => {
        (grid[row] ?? [])[column] = value;
      };
      set(1, col(gridColumns[language][7][1]), 189.5);
      set(2, col('SKU'), 'LS-WHITE');
      set(3, col(gridColumns[language][2][1]), 'Tea Cup (porcelain)');
      const edited = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(edited, XLSX.utils.aoa_to_sheet(grid), 'Products');
      const bytes = XLSX.write(edited, { type: 'buffer', bookType: 'xlsx' }) as Buffer;

      const session = await openImport(shop, 'products', 'Products.xlsx', bytes);
      expect(session.counts).toEqual({ create: 0, update: 3, unchanged: 0, skip: 0, error: 0 });
      expect((await rows(shop, session.sessionId, 'update')).map((r) => [r.key, r.changes])).toEqual([
        ['LS-BLU', [{ field: 'price', before: 19900, after: 18950 }]],
        ['LS-WHT', [{ field: 'sku', before: 'LS-WHT', after: 'LS-WHITE' }]],
        ['TC-001', [{ field: 'title', before: 'Tea Cup', after: 'Tea Cup (porcelain)' }]],
      ]);
      await applyImport(shop, session.sessionId);
      expect(shop.db.prepare('SELECT v.sku, v.price, p.title FROM variants v JOIN products p ON p.id = v.product_id ORDER BY v.id').all()).toEqual([
        { sku: 'LS-WHITE', price: 19900, title: 'Linen Shirt' },
        { sku: 'LS-BLU', price: 18950, title: 'Linen Shirt' },
        { sku: 'TC-001', price: 3990, title: 'Tea Cup (porcelain)' },
      ]);
    });
  }

  it('an unedited CSV export imports as all unchanged', async () => {
    shop = testShop();
    await applyImport(shop, (await openImport(shop, 'products', 'seed.csv', seed)).sessionId);
    const session = await openImport(shop, 'products', 'Products.csv', await exportGrid('en', 'csv'));
    expect(session.counts).toEqual({ create: 0, update: 0, unchanged: 3, skip: 0, error: 0 });
  });
});

describe('a Products export edited and saved by LibreOffice', () => {
  it('imports back as exactly the two edited rows (a price; a title and a SKU matched by Variant ID), though LibreOffice made barcodes numbers', async () => {
    shop = testShop();
    await applyImport(shop, (await openImport(shop, 'products', 'seed.csv', fixture('products-template-utf8.csv'))).sessionId);
    const session = await openImport(shop, 'products', 'Products.xlsx', fixture('products-export-edited-libreoffice.xlsx'));
    expect(session.counts).toEqual({ create: 0, update: 2, unchanged: 5, skip: 0, error: 0 });
    expect((await rows(shop, session.sessionId, 'update')).map((r) => [r.key, r.changes])).toEqual([
      ['LS-BLU-M', [{ field: 'price', before: 19900, after: 18900 }]],
      [
        'TC-001',
        [
          { field: 'title', before: 'Tea Cup', after: 'Tea Cup (porcelain)' },
          { field: 'sku', before: 'TC-001', after: 'TC-001-P' },
        ],
      ],
    ]);
  });
});
