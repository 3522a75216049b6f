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

const levels = (shop: TestShop) =>
  shop.db
    .prepare(
      `SELECT v.sku, l.name AS location, s.on_hand AS onHand,
              (SELECT COALESCE(SUM(delta), 0) FROM stock_movements m WHERE m.variant_id = s.variant_id AND m.location_id = s.location_id) AS ledger
       FROM stock_levels s JOIN variants v ON v.id = s.variant_id JOIN locations l ON l.id = s.location_id
       WHERE s.on_hand <> 0 OR EXISTS (SELECT 1 FROM stock_movements m WHERE m.variant_id = s.variant_id AND m.location_id = s.location_id)
       ORDER BY v.sku, l.name`,
    )
    .all();

describe('stock levels import', () => {
  it('sets on hand through the ledger, reports unknown SKUs and repeated SKUs, and undo reverses it', async () => {
    shop = testShop(seedCatalog);
    const skus = shop.db.prepare('SELECT sku FROM variants ORDER BY id LIMIT 2').all() as { sku: string }[];
    const locations = shop.db.prepare("SELECT name FROM locations WHERE kind = 'warehouse' ORDER BY id").all() as { name: string }[];
    const before = levels(shop);
    const [a, b] = [skus[0]?.sku ?? '', skus[1]?.sku ?? ''];
    const warehouse = locations[0]?.name ?? '';
    const file = ['仓库,商品编码,库存数量', `${warehouse},${a},17`, `${warehouse},${b},0`, `${warehouse},NOPE-1,3`, `${warehouse},${a.toLowerCase()},-3`].join('\n');
    const session = await openImport(shop, 'stockLevels', 'stock.csv', file);
    expect(session.columns.map((c) => c.field)).toEqual(['location', 'sku', 'onHand']);
    const errors = await rows(shop, session.sessionId, 'error');
    // (A negative count is oversold stock, imported as it is: only the repeated SKU is wrong on the last row.)
    expect(errors.map((r) => r.issues.map((i) => `${i.key}@${i.header}`))).toEqual([['unknownSku@商品编码'], ['duplicateInFile@商品编码']]);
    const done = await applyImport(shop, session.sessionId, 'validOnly');
    expect(done.status).toBe('succeeded');
    const after = levels(shop) as { sku: string; location: string; onHand: number; ledger: number }[];
    expect(after.find((l) => l.sku === a && l.location === warehouse)?.onHand).toBe(17);
    expect(after.every((l) => l.onHand === l.ledger)).toBe(true);
    const applied = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied;
    await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
    expect((levels(shop) as { sku: string; location: string; onHand: number }[]).map(({ sku, location, onHand }) => ({ sku, location, onHand }))).toEqual(
      (before as { sku: string; location: string; onHand: number }[]).map(({ sku, location, onHand }) => ({ sku, location, onHand })),
    );
  });

  it("reads Shopify's inventory CSV: On hand (new) per Location, Not stocked left alone", async () => {
    shop = testShop(seedCatalog);
    const sku = (shop.db.prepare('SELECT sku FROM variants ORDER BY id LIMIT 1').get() as { sku: string }).sku;
    const location = (shop.db.prepare("SELECT name FROM locations WHERE kind = 'warehouse' ORDER BY id LIMIT 1").get() as { name: string }).name;
    const file = [
      'Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,SKU,HS Code,COO,Location,Bin name,Incoming (not editable),Unavailable (not editable),Committed (not editable),Available (not editable),On hand (current),On hand (new)',
      `x,X,Title,Default Title,,,,,${sku},,,${location},,0,0,0,0,0,42`,
      `x,X,Title,Default Title,,,,,${sku},,,Nowhere,,0,0,0,0,Not stocked,Not stocked`,
    ].join('\n');
    const session = await openImport(shop, 'stockLevels', 'inventory_export.csv', file);
    expect(session.counts).toEqual({ create: 0, update: 1, unchanged: 1, skip: 0, error: 0 });
    await applyImport(shop, session.sessionId);
    expect((levels(shop) as { sku: string; location: string; onHand: number }[]).find((l) => l.sku === sku && l.location === location)?.onHand).toBe(42);
  });
});

describe('customers import', () => {
  it('creates and updates by e-mail in any case, rejects bad e-mails, undo restores', async () => {
    shop = testShop();
    await applyImport(shop, (await openImport(shop, 'customers', 'c.csv', 'Email,Name,City\nann@example.com,Ann,Oslo\n')).sessionId);
    const session = await openImport(shop, 'customers', 'c2.csv', '邮箱,姓名,城市\nANN@example.com,Ann,Bergen\nli.na@example.com,李娜,杭州\nnot-an-email,Bob,\n');
    expect(session.counts).toEqual({ create: 1, update: 1, unchanged: 0, skip: 0, error: 1 });
    expect((await rows(shop, session.sessionId, 'error'))[0]?.issues[0]?.message).toBe('Row 4, 邮箱: "not-an-email" is not an e-mail address');
    await applyImport(shop, session.sessionId, 'validOnly');
    expect(shop.db.prepare('SELECT email, name, city FROM customers ORDER BY id').all()).toEqual([
      { email: 'ann@example.com', name: 'Ann', city: 'Bergen' },
      { email: 'li.na@example.com', name: '李娜', city: '杭州' },
    ]);
    const applied = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied;
    await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
    expect(shop.db.prepare('SELECT email, name, city FROM customers ORDER BY id').all()).toEqual([{ email: 'ann@example.com', name: 'Ann', city: 'Oslo' }]);
  });
});

describe('supplier price list import', () => {
  it('creates supplier items for known suppliers and SKUs, names unknown ones, undo removes them', async () => {
    shop = testShop(seedCatalog);
    await applyImport(shop, (await openImport(shop, 'suppliers', 's.csv', 'Name,Currency\nHangzhou Textiles,CNY\n')).sessionId);
    const sku = (shop.db.prepare('SELECT sku FROM variants ORDER BY id LIMIT 1').get() as { sku: string }).sku;
    const file = ['供应商,商品编码,供应商货号,进价,装箱数,起订量,交期', `Hangzhou Textiles,${sku},HZ-1,¥78.00,10,50,21`, `Nobody,${sku},,1,1,1,1`, 'Hangzhou Textiles,NOPE,,1,1,1,1'].join('\n');
    const session = await openImport(shop, 'supplierItems', 'price-list.csv', file);
    expect((await rows(shop, session.sessionId, 'error')).map((r) => r.issues[0]?.key)).toEqual(['unknownSupplier', 'unknownSku']);
    await applyImport(shop, session.sessionId, 'validOnly');
    const items = () => shop.db.prepare('SELECT supplier_sku AS supplierSku, cost, pack_size AS pack, moq, lead_time_days AS lead FROM supplier_items').all();
    expect(items()).toEqual([{ supplierSku: 'HZ-1', cost: 7800, pack: 10, moq: 50, lead: 21 }]);
    const applied = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied;
    await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
    expect(items()).toEqual([]);
  });
});
