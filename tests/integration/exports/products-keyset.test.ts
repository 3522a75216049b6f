// Products pages read by keyset (after the previous page's last row) hold exactly the rows the
// OFFSET pages hold, for every sortable column of the Products grid in both directions, with
// ties, NULLs and multi-column sorts; and the store falls back to OFFSET when the data changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core.js';
import { variantGridColumns, variantListInputSchema, type VariantListInput, type VariantRow } from '../../../src/catalog/contract.js';
import { buildVariantPageSql, createCatalogStore } from '../../../src/catalog/store.js';
import { openDatabase, type Db } from '../../../src/db/open.js';
import { ok, removeTempDirs, testCore } from '../temp-shop.js';

let core: Core;
let db: Db;

/** 40 variants over 14 products: repeated values (ties) and NULLs in every nullable column. */
function seed(path: string): void {
  const writer = openDatabase(path);
  const at = (i: number) => `2026-11-0${1 + (i % 3)}T00:00:00.000Z`;
  writer.transaction(() => {
    const categories = ['Apparel', 'Tea', 'Mugs'].map((name) =>
      Number(writer.prepare('INSERT INTO categories (name, path, created_at) VALUES (?, ?, ?)').run(name, name, at(0)).lastInsertRowid),
    );
    const products: number[] = [];
    for (let p = 0; p < 14; p += 1) {
      const category = p % 4 === 3 ? null : categories[p % 3];
      const brand = p % 3 === 0 ? null : `Brand ${p % 2}`;
      products.push(
        Number(
          writer
            .prepare('INSERT INTO products (handle, title, brand, category_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(`p-${p}`, p % 5 === 0 ? 'Same title' : `Product ${p % 7}`, brand, category, 'active', at(p), at(p)).lastInsertRowid,
        ),
      );
    }
    for (let v = 0; v < 40; v += 1) {
      writer
        .prepare(
          `INSERT INTO variants (product_id, sku, barcode, option1, option2, price, compare_at_price, cost, weight_grams, status, on_hand_total, position, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          products[v % 14],
          `SKU-${String(39 - v).padStart(2, '0')}`,
          v % 4 === 0 ? null : `400${v % 6}`,
          v % 5 === 0 ? null : ['Red', 'Blue', '红色'][v % 3],
          v % 2 === 0 ? null : ['M', 'L'][v % 2],
          100 * (v % 5),
          v % 3 === 0 ? null : 50 * (v % 4),
          v % 7 === 0 ? null : 10 * (v % 3),
          v % 6 === 0 ? null : v % 4,
          ['active', 'draft', 'archived'][v % 3],
          v % 8,
          v + 1,
          at(v),
          at(v + 1),
        );
    }
  })();
  writer.close();
}

beforeAll(async () => {
  core = testCore();
  await ok(core, 'shop.createEmpty', { name: 'Keyset shop', currency: 'USD', timeZone: 'UTC', locale: 'en' });
  seed(core.dbPath);
  db = openDatabase(core.dbPath);
});

afterAll(async () => {
  db.close();
  await core.close();
  removeTempDirs();
});

const ids = (rows: readonly VariantRow[]) => rows.map((row) => row.variantId);

/** Every row of the view in one query: what OFFSET pages add up to. */
function allRows(input: VariantListInput): VariantRow[] {
  const sql = buildVariantPageSql({ ...input, offset: 0, limit: -1 });
  return db.prepare(sql.rowsSql).all(...sql.rowsParams) as VariantRow[];
}

function keysetPages(input: VariantListInput, size: number): VariantRow[] {
  const rows: VariantRow[] = [];
  let last: VariantRow | undefined;
  for (;;) {
    const sql = buildVariantPageSql({ ...input, offset: 0, limit: size }, last);
    const page = db.prepare(sql.rowsSql).all(...sql.rowsParams) as VariantRow[];
    rows.push(...page);
    last = page.at(-1);
    if (page.length < size) return rows;
  }
}

const sorts: VariantListInput['sort'][] = [
  ...variantGridColumns.flatMap((column) => (['asc', 'desc'] as const).map((direction) => [{ column, direction }])),
  [
    { column: 'brand', direction: 'asc' },
    { column: 'barcode', direction: 'desc' },
  ],
  [
    { column: 'category', direction: 'desc' },
    { column: 'cost', direction: 'asc' },
    { column: 'weightGrams', direction: 'desc' },
  ],
  [
    { column: 'status', direction: 'asc' },
    { column: 'compareAtPrice', direction: 'asc' },
    { column: 'title', direction: 'desc' },
  ],
  [],
];

describe('products.list pages by keyset', () => {
  it('reads every sort, both directions, in pages of 3 and 7, exactly as one ordered query', () => {
    for (const sort of sorts) {
      const input = variantListInputSchema.parse({ sort });
      const expected = ids(allRows(input));
      expect(expected).toHaveLength(40);
      for (const size of [3, 7]) expect(ids(keysetPages(input, size)), JSON.stringify(sort)).toEqual(expected);
    }
  });

  it('keeps the filter: only matching rows, in order', () => {
    const input = variantListInputSchema.parse({
      sort: [{ column: 'barcode', direction: 'desc' }],
      filters: { price: { kind: 'number', conditions: [{ op: 'greaterThanOrEqual', value: 200 }] } },
    });
    const expected = ids(allRows(input));
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThan(40);
    expect(ids(keysetPages(input, 4))).toEqual(expected);
  });

  it('the store answers consecutive pages as the OFFSET pages, and after a write between pages too', () => {
    const store = createCatalogStore(db);
    const input = variantListInputSchema.parse({ sort: [{ column: 'cost', direction: 'desc' }, { column: 'brand', direction: 'asc' }], limit: 6 });
    const pages = (from: number, to: number) => {
      const rows: VariantRow[] = [];
      for (let offset = from; offset < to; offset += 6) rows.push(...store.listVariants({ ...input, offset }).rows);
      return rows;
    };
    expect(ids(pages(0, 42))).toEqual(ids(allRows(input)));
    // A page asked for out of sequence is read by OFFSET.
    expect(ids(store.listVariants({ ...input, offset: 12 }).rows)).toEqual(ids(allRows(input)).slice(12, 18));
    // A write between two pages: the next page is read by OFFSET on the new data, as the grid would.
    const first = store.listVariants({ ...input, offset: 0 }).rows;
    const moved = first[0];
    if (!moved) throw new Error('no rows');
    db.prepare('UPDATE variants SET cost = NULL WHERE id = ?').run(moved.variantId);
    expect(ids(store.listVariants({ ...input, offset: 6 }).rows)).toEqual(ids(allRows(input)).slice(6, 12));
  });
});
