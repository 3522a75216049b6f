// A product import keeps created rows' changes compact and builds them for the rows a page shows
// (targets/products-plan.ts changesOf): every page, filtered or not, shows each row exactly the
// changes it would show on one page with all rows — new products' values on their first variant
// row only, each variant's own values and stock, updates' before → after — before and after the apply.
import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, openImport, rows } from '../imports/import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const first = [
  'Handle,Title,Brand,Category,Option1 name,Option1 value,SKU,Price,Cost,Weight (g)',
  'tea-cup,Tea Cup,Jingdezhen,Home > Kitchen,,,TC-001,39.90,12.00,180',
].join('\r\n');

const second = [
  'Handle,Title,Brand,Category,Option1 name,Option1 value,SKU,Barcode,Price,Compare-at price,Cost,Weight (g),Stock',
  'linen-shirt,Linen Shirt,Hanfu Lab,Clothing > Shirts,Size,M,LS-M,6901234500011,199.00,259.00,80.50,250,4',
  'linen-shirt,,,,,L,LS-L,,199.00,,80.50,,',
  ',,,,,,TC-001,,42.00,,12.00,180,',
  'bad-row,Bad Row,,,,,BR-1,,,,,,',
].join('\r\n');

const expected = [
  {
    row: 2,
    outcome: 'create',
    changes: [
      { field: 'title', before: null, after: 'Linen Shirt' },
      { field: 'brand', before: null, after: 'Hanfu Lab' },
      { field: 'category', before: null, after: 'Clothing > Shirts' },
      { field: 'sku', before: null, after: 'LS-M' },
      { field: 'price', before: null, after: 19900 },
      { field: 'compareAtPrice', before: null, after: 25900 },
      { field: 'cost', before: null, after: 8050 },
      { field: 'barcode', before: null, after: '6901234500011' },
      { field: 'weightGrams', before: null, after: 250 },
      { field: 'stock', before: null, after: 4 },
    ],
  },
  {
    row: 3,
    outcome: 'create',
    changes: [
      { field: 'sku', before: null, after: 'LS-L' },
      { field: 'price', before: null, after: 19900 },
      { field: 'cost', before: null, after: 8050 },
    ],
  },
  { row: 4, outcome: 'update', changes: [{ field: 'price', before: 3990, after: 4200 }] },
  { row: 5, outcome: 'error', changes: [] },
];

describe('a product import preview built page by page', () => {
  it('shows every row its changes on any page, filtered by outcome, before and after the apply', async () => {
    shop = testShop();
    await applyImport(shop, (await openImport(shop, 'products', 'first.csv', first)).sessionId);
    const session = await openImport(shop, 'products', 'second.csv', second);
    expect(session.counts).toEqual({ create: 2, update: 1, unchanged: 0, skip: 0, error: 1 });

    const shown = async () => {
      const all = (await rows(shop, session.sessionId)).map((r) => ({ row: r.row, outcome: r.outcome, changes: r.changes }));
      expect(all).toEqual(expected);
      // One row per page, from every offset.
      for (let offset = 0; offset < expected.length; offset += 1) {
        const page = await shop.ok('imports.rows', { sessionId: session.sessionId, offset, limit: 1 });
        expect(page.total).toBe(expected.length);
        expect(page.rows.map((r) => r.changes)).toEqual([expected[offset]?.changes]);
      }
      // Filtered: the created rows only, the second of them alone.
      const created = await shop.ok('imports.rows', { sessionId: session.sessionId, outcome: 'create', offset: 1, limit: 10 });
      expect(created.total).toBe(2);
      expect(created.rows.map((r) => [r.row, r.changes])).toEqual([[3, expected[1]?.changes]]);
    };

    await shown();
    const done = await applyImport(shop, session.sessionId, 'validOnly');
    expect(done.status).toBe('succeeded');
    // The applied preview still shows what each row did.
    await shown();
    expect(shop.db.prepare("SELECT v.sku, s.on_hand AS onHand FROM variants v JOIN stock_levels s ON s.variant_id = v.id WHERE v.sku = 'LS-M'").all()).toEqual([{ sku: 'LS-M', onHand: 4 }]);
  });
});
