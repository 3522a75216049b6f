import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openDatabase } from '../../src/db/open.js';
import type { MethodInput } from '../../src/contract.js';
import { createExportHandlers } from '../../src/exports/handlers.js';
import type { Handlers } from '../../src/router.js';
import { AppError } from '../../src/shared/app-error.js';
import { seedCatalog } from './catalog-fixture.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

/** The fixture catalog, with one listing whose title a spreadsheet would run as a formula. */
function seedWithFormulaTitle(path: string): void {
  seedCatalog(path);
  const db = openDatabase(path);
  db.prepare(`UPDATE products SET title = '=HYPERLINK("http://evil.example","Mug")' WHERE title = 'Half-price mug'`).run();
  db.close();
}

const csvOf = (base64: string): string => Buffer.from(base64, 'base64').toString('utf8');
const sheetRows = (base64: string): unknown[][] => {
  const book = XLSX.read(Buffer.from(base64, 'base64'), { type: 'buffer' });
  const sheet = book.Sheets[book.SheetNames[0] ?? ''];
  if (!sheet) throw new Error('no sheet');
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
};

// What the Products grid sends: price ≥ 10.00, not archived, dearest first.
const productsQuery = {
  filters: {
    price: { kind: 'number', conditions: [{ op: 'greaterThanOrEqual', value: 1000 }] },
    status: { kind: 'set', values: ['active', 'draft'] },
  },
  sort: [{ column: 'price', direction: 'desc' }],
  quickSearch: '',
};
const productColumns: MethodInput<'exports.grid'>['columns'] = [
  { field: 'variantId', header: 'Variant ID', kind: 'number' },
  { field: 'sku', header: 'SKU', kind: 'text' },
  { field: 'price', header: 'Price', kind: 'money' },
  { field: 'title', header: 'Title', kind: 'text' },
];

describe('exports.grid: products as on screen', () => {
  it('writes the filtered, sorted rows with only the shown columns, money in major units, to CSV with a BOM', async () => {
    shop = testShop(seedWithFormulaTitle);
    const file = await shop.ok('exports.grid', {
      source: 'products.list',
      query: productsQuery,
      columns: productColumns,
      format: 'csv',
      fileName: 'Products',
    });
    expect(file).toMatchObject({ fileName: 'Products.csv', mimeType: 'text/csv;charset=utf-8', rows: 3 });
    const text = csvOf(file.contentBase64);
    expect(text.startsWith('\uFEFF')).toBe(true);
    // 12800 > 5999 = 5999 (variant id breaks the tie in the same direction) > the 9.90 mug (filtered out).
    expect(text.slice(1).split('\r\n')).toEqual([
      'Variant ID,SKU,Price,Title',
      '3,TEA-100,128.00,龙井绿茶 Longjing tea',
      '2,HOD-001-BLK-L,59.99,Cloud Hoodie',
      '1,HOD-001-BLK-M,59.99,Cloud Hoodie',
      '',
    ]);
  });

  it('neutralises a title starting with = in CSV (quote prefix) and keeps it as plain text in XLSX', async () => {
    shop = testShop(seedWithFormulaTitle);
    const input: Omit<MethodInput<'exports.grid'>, 'format'> = {
      source: 'products.list',
      query: { filters: { sku: { kind: 'text', conditions: [{ op: 'equals', value: 'MUG-50%' }] } } },
      columns: [
        { field: 'sku', header: 'SKU', kind: 'text' },
        { field: 'title', header: 'Title', kind: 'text' },
        { field: 'compareAtPrice', header: 'Compare at', kind: 'money' },
      ],
      fileName: 'mug',
    };
    const csv = await shop.ok('exports.grid', { ...input, format: 'csv' });
    expect(csvOf(csv.contentBase64).slice(1).split('\r\n')).toEqual([
      'Variant ID,SKU,Title,Compare at',
      `4,MUG-50%,"'=HYPERLINK(""http://evil.example"",""Mug"")",19.80`,
      '',
    ]);
    const xlsx = await shop.ok('exports.grid', { ...input, format: 'xlsx' });
    const book = XLSX.read(Buffer.from(xlsx.contentBase64, 'base64'), { type: 'buffer' });
    const cell = book.Sheets[book.SheetNames[0] ?? '']?.['C2'] as XLSX.CellObject | undefined;
    expect(cell).toMatchObject({ t: 's', v: '=HYPERLINK("http://evil.example","Mug")' });
    expect(cell?.f).toBeUndefined();
  });

  it('XLSX holds the same rows as CSV, numbers as numbers, and Chinese headers survive both', async () => {
    shop = testShop(seedCatalog);
    const columns: MethodInput<'exports.grid'>['columns'] = [
      { field: 'variantId', header: '变体 ID', kind: 'number' },
      { field: 'sku', header: '货号', kind: 'text' },
      { field: 'price', header: '价格', kind: 'money' },
      { field: 'onHand', header: '库存', kind: 'number' },
      { field: 'updatedAt', header: '更新时间', kind: 'date' },
    ];
    const base = { source: 'products.list', query: productsQuery, columns, fileName: '商品' } as const;
    const xlsx = await shop.ok('exports.grid', { ...base, format: 'xlsx' });
    expect(xlsx).toMatchObject({ fileName: '商品.xlsx', rows: 3 });
    expect(sheetRows(xlsx.contentBase64)).toEqual([
      ['变体 ID', '货号', '价格', '库存', '更新时间'],
      [3, 'TEA-100', 128, 40, '2026-11-01 00:00:00'],
      [2, 'HOD-001-BLK-L', 59.99, 0, '2026-11-01 00:00:00'],
      [1, 'HOD-001-BLK-M', 59.99, 12, '2026-11-01 00:00:00'],
    ]);
    const csv = await shop.ok('exports.grid', { ...base, format: 'csv' });
    expect(csvOf(csv.contentBase64).slice(1).split('\r\n')).toEqual([
      '变体 ID,货号,价格,库存,更新时间',
      '3,TEA-100,128.00,40,2026-11-01 00:00:00',
      '2,HOD-001-BLK-L,59.99,0,2026-11-01 00:00:00',
      '1,HOD-001-BLK-M,59.99,12,2026-11-01 00:00:00',
      '',
    ]);
  });

  it('puts the variant id first even when the grid does not show it, so an edited file re-imports by id', async () => {
    shop = testShop(seedCatalog);
    const file = await shop.ok('exports.grid', {
      source: 'products.list',
      query: { sort: [{ column: 'sku', direction: 'asc' }] },
      columns: [{ field: 'sku', header: 'SKU', kind: 'text' }],
      format: 'csv',
      fileName: 'skus',
    });
    expect(csvOf(file.contentBase64).slice(1).split('\r\n')).toEqual([
      'Variant ID,SKU',
      '2,HOD-001-BLK-L',
      '1,HOD-001-BLK-M',
      '4,MUG-50%',
      '5,SOCK_7',
      '3,TEA-100',
      '',
    ]);
  });
});

describe('exports.grid: other lists and bad input', () => {
  it('exports stock levels in the page sort, with money columns in major units', async () => {
    shop = testShop(seedCatalog);
    const file = await shop.ok('exports.grid', {
      source: 'stock.levels',
      query: { search: '', sort: { column: 'value', direction: 'desc' } },
      columns: [
        { field: 'sku', header: 'SKU', kind: 'text' },
        { field: 'location', header: 'Location', kind: 'text' },
        { field: 'onHand', header: 'On hand', kind: 'number' },
        { field: 'value', header: 'Value', kind: 'money' },
      ],
      format: 'xlsx',
      fileName: 'stock',
    });
    expect(file.rows).toBe(5);
    // Value = on hand × cost: tea 40 × 50.00, hoodie 12 × 21.00, socks 7 × 4.00; the rest hold nothing of value.
    expect(sheetRows(file.contentBase64).slice(0, 4)).toEqual([
      ['SKU', 'Location', 'On hand', 'Value'],
      ['TEA-100', 'Main warehouse', 40, 2000],
      ['HOD-001-BLK-M', 'Main warehouse', 12, 252],
      ['SOCK_7', 'Main warehouse', 7, 28],
    ]);
  });

  it('refuses an unknown sort column in the query, naming the field, and writes nothing', async () => {
    shop = testShop(seedCatalog);
    const error = await shop.fail('exports.grid', {
      source: 'products.list',
      query: { sort: [{ column: 'colour', direction: 'asc' }] },
      columns: productColumns,
      format: 'xlsx',
      fileName: 'bad',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.issues?.map((i) => i.path)).toEqual(['query.sort.0.column']);
    expect(error.message).toContain('query.sort.0.column');
  });

  it('refuses a column that is not a field of the rows, naming which column', async () => {
    shop = testShop(seedCatalog);
    const error = await shop.fail('exports.grid', {
      source: 'stock.levels',
      query: {},
      columns: [
        { field: 'sku', header: 'SKU', kind: 'text' },
        { field: 'colour', header: 'Colour', kind: 'text' },
      ],
      format: 'csv',
      fileName: 'bad',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'columns.1.field', key: 'exportUnknownField' })]);
  });
});

describe('exports.grid: size limit', () => {
  it('refuses more than 1,000,000 rows after the first page, before writing anything', async () => {
    // A stand-in products.list that reports one row too many; the real one would need a million variants.
    const pagesAsked: number[] = [];
    const fake = {
      'settings.get': () => ({ currency: 'USD', timeZone: 'UTC' }),
      'products.list': (input: { offset: number }) => {
        pagesAsked.push(input.offset);
        return { rows: [], total: 1_000_001 };
      },
    } as unknown as Handlers;
    const exporter = createExportHandlers(() => fake)['exports.grid'];
    const attempt = exporter({ source: 'products.list', query: {}, columns: productColumns, format: 'csv', fileName: 'all' });
    await expect(attempt).rejects.toThrow(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION', details: { key: 'exportTooManyRows', params: { total: 1_000_001, max: 1_000_000 } } });
    expect(pagesAsked).toEqual([0]);
  });
});

describe('transfers and stocktakes lists', () => {
  it('export the transfers and stocktakes the pages list, newest first', async () => {
    shop = testShop(seedCatalog);
    const location = (shop.db.prepare("SELECT id FROM locations WHERE kind = 'warehouse' ORDER BY id LIMIT 1").get() as { id: number }).id;
    const opened = await shop.ok('stocktakes.open', { locationId: location });
    const file = await shop.ok('exports.grid', {
      source: 'stocktakes.list',
      query: {},
      columns: [
        { field: 'number', header: 'Number', kind: 'text' },
        { field: 'status', header: 'Status', kind: 'text' },
      ],
      format: 'csv',
      fileName: 'Stocktakes',
    });
    expect(Buffer.from(file.contentBase64, 'base64').toString('utf8')).toBe(`\uFEFFNumber,Status\r\n${opened.number},counting\r\n`);
    const transfers = await shop.ok('exports.grid', { source: 'transfers.list', query: {}, columns: [{ field: 'number', header: 'Number', kind: 'text' }], format: 'csv', fileName: 'Transfers' });
    expect(transfers.rows).toBe(0);
  });
});
