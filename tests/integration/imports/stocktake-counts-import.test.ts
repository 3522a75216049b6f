// Counts for an open stocktake from a spreadsheet: by SKU or barcode, rows of
// the same item (several bins) adding up, through the stocktake service, and
// undo putting the earlier counts back. Seed: tests/integration/catalog-fixture.ts
// (HOD-001-BLK-M barcode 4006381333931, HOD-001-BLK-L, TEA-100, MUG-50%,
// SOCK_7 at "Main warehouse"; the hoodies are in category Apparel).
import { afterEach, describe, expect, it } from 'vitest';
import { seedCatalog } from '../catalog-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, openImport, rows } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const idOf = (sku: string) => (shop.db.prepare('SELECT id FROM variants WHERE sku = ?').get(sku) as { id: number }).id;
const warehouse = () => (shop.db.prepare("SELECT id FROM locations WHERE code = 'WH-1'").get() as { id: number }).id;
const counted = (stocktakeId: number) =>
  shop.db
    .prepare(
      `SELECT v.sku, l.counted FROM stocktake_lines l JOIN variants v ON v.id = l.variant_id
       WHERE l.stocktake_id = ? AND l.counted IS NOT NULL ORDER BY v.sku`,
    )
    .all(stocktakeId);

const sheet = [
  '盘点表 Main warehouse',
  '库位,货号,条码,实盘数量',
  'A-01,HOD-001-BLK-M,,4',
  'B-02,,4006381333931,3', // the same hoodie by barcode in another bin: 4 + 3
  'A-03,TEA-100,,40', // counted 39 before
  'A-04,MUG-50%,,', // not counted yet: left as it is
  'A-05,NOPE,,1', // unknown SKU
  'A-06,SOCK_7,,x', // not a number
  'A-07,SCARF-1,,2', // not on the stocktake's list yet: a full count takes it in
].join('\n');

describe('stocktake counts import', () => {
  it('adds up rows of one item, shows counted before -> after, names bad rows, applies valid rows only when chosen, and undo restores the counts', async () => {
    shop = testShop(seedCatalog);
    const stocktake = await shop.ok('stocktakes.open', { locationId: warehouse() });
    await shop.ok('stocktakes.count', { stocktakeId: stocktake.id, lines: [{ variantId: idOf('TEA-100'), counted: 39 }] });
    // Two tea sold after that count (the level moves from 40 to 38), and a product added after the stocktake opened.
    await applyImport(shop, (await openImport(shop, 'stockLevels', 'tea.csv', 'SKU,Location,On hand\nTEA-100,Main warehouse,38\n')).sessionId);
    const product = shop.db.prepare("INSERT INTO products (handle, title, status, created_at, updated_at) VALUES ('scarf', 'Scarf', 'active', 'x', 'x')").run().lastInsertRowid;
    shop.db.prepare("INSERT INTO variants (product_id, sku, price, status, position, created_at, updated_at) VALUES (?, 'SCARF-1', 900, 'active', 1, 'x', 'x')").run(product);
    const anchors = () => shop.db.prepare('SELECT on_hand_at_count AS anchor FROM stocktake_lines WHERE stocktake_id = ? AND variant_id = ?').get(stocktake.id, idOf('TEA-100'));
    expect(anchors()).toEqual({ anchor: 40 });

    const session = await openImport(shop, 'stocktakeCounts', 'counts.csv', sheet, { options: { stocktakeId: stocktake.id } });
    expect(session.headerRow).toBe(2);
    expect(session.columns.map((c) => c.field)).toEqual(['bin', 'sku', 'barcode', 'counted']);
    expect(session.counts).toEqual({ create: 0, update: 4, unchanged: 1, skip: 0, error: 2 });
    expect((await rows(shop, session.sessionId, 'update')).map((r) => [r.row, r.label, r.changes])).toEqual([
      [3, 'Cloud Hoodie / Black (A-01)', [{ field: 'counted', before: null, after: 4 }]],
      [4, 'Cloud Hoodie / Black (B-02)', [{ field: 'counted', before: null, after: 7 }]],
      [5, '龙井绿茶 Longjing tea (A-03)', [{ field: 'counted', before: 39, after: 40 }]],
      [9, 'Scarf (A-07)', [{ field: 'counted', before: null, after: 2 }]],
    ]);
    expect((await rows(shop, session.sessionId, 'error')).map((r) => r.issues.map((i) => i.message))).toEqual([
      ['Row 7, 货号: no product has the SKU "NOPE"'],
      ['Row 8, 实盘数量: "x" is not a whole number'],
    ]);

    const refused = await applyImport(shop, session.sessionId, 'all');
    expect(refused.error?.details.key).toBe('importHasErrors');
    expect(counted(stocktake.id)).toEqual([{ sku: 'TEA-100', counted: 39 }]);

    const done = await applyImport(shop, session.sessionId, 'validOnly');
    expect(done.status).toBe('succeeded');
    expect(counted(stocktake.id)).toEqual([
      { sku: 'HOD-001-BLK-M', counted: 7 },
      { sku: 'SCARF-1', counted: 2 },
      { sku: 'TEA-100', counted: 40 },
    ]);
    expect(anchors()).toEqual({ anchor: 38 });
    // Counts are not stock: nothing reaches the ledger until the stocktake is posted.
    expect(shop.db.prepare("SELECT COUNT(*) AS n FROM stock_movements WHERE reason = 'stocktake'").get()).toEqual({ n: 0 });

    const applied = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied;
    await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
    expect(counted(stocktake.id)).toEqual([{ sku: 'TEA-100', counted: 39 }]);
    // The earlier count is measured against the level when it was made, as before the import.
    expect(anchors()).toEqual({ anchor: 40 });
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM stocktake_lines WHERE stocktake_id = ? AND variant_id = ?').get(stocktake.id, idOf('SCARF-1'))).toEqual({ n: 0 });
  });

  it('refuses items outside a partial stocktake, and every row of a stocktake that is no longer counting', async () => {
    shop = testShop(seedCatalog);
    const apparel = (shop.db.prepare("SELECT id FROM categories WHERE name = 'Apparel'").get() as { id: number }).id;
    const partial = await shop.ok('stocktakes.open', { locationId: warehouse(), scope: { kind: 'category', categoryId: apparel } });
    const file = 'SKU,Counted\nHOD-001-BLK-L,2\nTEA-100,40\n';
    const session = await openImport(shop, 'stocktakeCounts', 'apparel.csv', file, { options: { stocktakeId: partial.id } });
    expect(session.counts).toEqual({ create: 0, update: 1, unchanged: 0, skip: 0, error: 1 });
    expect((await rows(shop, session.sessionId, 'error'))[0]?.issues.map((i) => i.message)).toEqual([
      `Row 3, SKU: "TEA-100" is not part of stocktake ${partial.number} (it counts another category or bin)`,
    ]);
    expect((await applyImport(shop, session.sessionId, 'validOnly')).status).toBe('succeeded');
    expect(counted(partial.id)).toEqual([{ sku: 'HOD-001-BLK-L', counted: 2 }]);

    await shop.ok('stocktakes.cancel', { stocktakeId: partial.id });
    const late = await openImport(shop, 'stocktakeCounts', 'apparel.csv', file, { options: { stocktakeId: partial.id } });
    expect(late.counts).toEqual({ create: 0, update: 0, unchanged: 0, skip: 0, error: 2 });
    expect((await rows(shop, late.sessionId, 'error')).map((r) => r.issues[0]?.key)).toEqual(['stocktakeNotCounting', 'stocktakeNotCounting']);
  });
});
