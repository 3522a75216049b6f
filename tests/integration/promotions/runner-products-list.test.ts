// The Products grid's current price: a promotion whose start has come is started by the core's
// promotion scheduler on its own (no call), and products.list then shows the sale price with the
// promotion beside the untouched regular price; sorting by price still sorts by the regular one.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open.js';
import { seedCatalog } from '../catalog-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

/** 20 % off the Cloud Hoodie from 09:00 to 12:00 on the test day (the test clock reads 10:00). */
function seedPromotion(path: string): void {
  seedCatalog(path);
  const db = openDatabase(path);
  try {
    const at = '2026-11-19T00:00:00.000Z';
    db.prepare(
      `INSERT INTO promotions (id, name, type, status, starts_at, ends_at, scope, rule, created_at, updated_at)
       VALUES (1, 'Hoodie week', 'percent_off', 'scheduled', '2026-11-20T09:00:00.000Z', '2026-11-20T12:00:00.000Z', 'targets',
         '{"type":"percent_off","percentOffBp":2000}', ?, ?)`,
    ).run(at, at);
    db.prepare("INSERT INTO promotion_targets SELECT 1, 'product', id FROM products WHERE title = 'Cloud Hoodie'").run();
  } finally {
    db.close();
  }
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out');
}

describe('products.list current price', () => {
  it('shows the running promotion’s sale price and the promotion, leaving the regular price and the price sort alone', async () => {
    shop = testShop(seedPromotion);
    const current = shop;
    await waitFor(async () => (await current.ok('products.list', {})).rows.some((row) => row.promotionId !== null));

    const page = await current.ok('products.list', { sort: [{ column: 'price', direction: 'asc' }] });
    expect(page.rows.map((row) => [row.sku, row.price, row.currentPrice, row.promotionId])).toEqual([
      ['MUG-50%', 990, 990, null],
      ['SOCK_7', 1290, 1290, null],
      // 5999 × 80 % = 4799.2 → 4799.
      ['HOD-001-BLK-M', 5999, 4799, 1],
      ['HOD-001-BLK-L', 5999, 4799, 1],
      ['TEA-100', 12800, 12800, null],
    ]);
    expect(current.db.prepare("SELECT status FROM promotions WHERE id = 1").get()).toEqual({ status: 'running' });

    // The export of the grid carries the column as shown, in major units.
    const file = await current.ok('exports.grid', {
      source: 'products.list',
      query: { sort: [{ column: 'sku', direction: 'asc' }], filters: { sku: { kind: 'text', conditions: [{ op: 'startsWith', value: 'HOD' }] } } },
      columns: [
        { field: 'sku', header: 'SKU', kind: 'text' },
        { field: 'price', header: 'Price', kind: 'money' },
        { field: 'currentPrice', header: 'Current price', kind: 'money' },
      ],
      format: 'csv',
      fileName: 'Products',
    });
    const lines = Buffer.from(file.contentBase64, 'base64').toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['Variant ID,SKU,Price,Current price', '2,HOD-001-BLK-L,59.99,47.99', '1,HOD-001-BLK-M,59.99,47.99']);
  });
});
