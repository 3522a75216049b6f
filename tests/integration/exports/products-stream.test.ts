// exports.grid over several pages of products.list (pages after the first read by keyset):
// the CSV and the XLSX hold every matching row once, in the grid's order, with the same cells.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Core } from '../../../src/core.js';
import type { MethodInput } from '../../../src/contract.js';
import { variantListInputSchema, type VariantRow } from '../../../src/catalog/contract.js';
import { buildVariantPageSql } from '../../../src/catalog/store.js';
import { openDatabase } from '../../../src/db/open.js';
import { ok, removeTempDirs, testCore } from '../temp-shop.js';

let core: Core;
const variants = 2_600;

beforeAll(async () => {
  core = testCore();
  await ok(core, 'shop.createEmpty', { name: 'Stream shop', currency: 'USD', timeZone: 'UTC', locale: 'en' });
  const db = openDatabase(core.dbPath);
  const at = '2026-11-01T00:00:00.000Z';
  db.transaction(() => {
    for (let p = 0; p < variants / 4; p += 1) {
      const product = db
        .prepare('INSERT INTO products (handle, title, brand, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(`p-${p}`, p % 9 === 0 ? `=1+${p}` : `商品 ${p % 50}`, p % 3 === 0 ? null : `Brand ${p % 4}`, 'active', at, at).lastInsertRowid;
      for (let v = 0; v < 4; v += 1) {
        const n = p * 4 + v;
        db.prepare(
          `INSERT INTO variants (product_id, sku, barcode, option1, price, cost, status, position, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
        ).run(product, `S-${n}`, n % 5 === 0 ? null : `B${n % 37}`, ['Red', 'Blue', 'Green', null][v], 100 * (n % 13), n % 7 === 0 ? null : 50 * (n % 11), v + 1, at, at);
      }
    }
  })();
  db.close();
});

afterAll(async () => {
  await core.close();
  removeTempDirs();
});

const query = {
  sort: [
    { column: 'price', direction: 'desc' },
    { column: 'barcode', direction: 'asc' },
  ],
  filters: { cost: { kind: 'number', conditions: [{ op: 'blank' }, { op: 'greaterThan', value: 100 }], join: 'or' } },
} as const;
const columns: MethodInput<'exports.grid'>['columns'] = [
  { field: 'variantId', header: 'Variant ID', kind: 'number' },
  { field: 'title', header: '标题', kind: 'text' },
  { field: 'barcode', header: 'Barcode', kind: 'text' },
  { field: 'price', header: 'Price', kind: 'money' },
  { field: 'cost', header: 'Cost', kind: 'money' },
];

/** The grid's order in one query: what the file must hold. */
function expectedRows(): VariantRow[] {
  const db = openDatabase(core.dbPath);
  try {
    const sql = buildVariantPageSql({ ...variantListInputSchema.parse(query), offset: 0, limit: -1 });
    return db.prepare(sql.rowsSql).all(...sql.rowsParams) as VariantRow[];
  } finally {
    db.close();
  }
}

describe('exports.grid streams products page after page', () => {
  it('writes every matching row once, in order, to CSV and XLSX alike', async () => {
    const expected = expectedRows();
    expect(expected.length).toBeGreaterThan(1000);
    expect(expected.length).toBeLessThan(variants);
    const base = { source: 'products.list', query, columns, fileName: 'products' } as const;
    const csv = await ok(core, 'exports.grid', { ...base, format: 'csv' });
    expect(csv.rows).toBe(expected.length);
    const lines = Buffer.from(csv.contentBase64, 'base64').toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(1, -1).map((line) => Number(line.split(',')[0]))).toEqual(expected.map((row) => row.variantId));

    const xlsx = await ok(core, 'exports.grid', { ...base, format: 'xlsx' });
    expect(xlsx.rows).toBe(expected.length);
    const book = XLSX.read(Buffer.from(xlsx.contentBase64, 'base64'), { type: 'buffer' });
    const sheet = book.Sheets[book.SheetNames[0] ?? ''];
    if (!sheet) throw new Error('no sheet');
    const read = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
    expect(read[0]).toEqual(['Variant ID', '标题', 'Barcode', 'Price', 'Cost']);
    expect(read.slice(1)).toEqual(expected.map((row) => [row.variantId, row.title, row.barcode, row.price / 100, row.cost === null ? null : row.cost / 100]));
  });
});
