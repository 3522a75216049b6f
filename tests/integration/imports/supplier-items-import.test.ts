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

/** Two suppliers; Tiger Trading already sells the black M hoodie (preferred) and the mug. */
function seedSuppliers(shop: TestShop): void {
  const at = '2026-01-01T00:00:00.000Z';
  const supplier = shop.db.prepare(
    "INSERT INTO suppliers (name, currency, payment_terms, lead_time_days, notes, created_at, updated_at) VALUES (?, 'CNY', NULL, 21, '', ?, ?)",
  );
  supplier.run('Hangzhou Textiles', at, at);
  const tiger = Number(supplier.run('Tiger Trading', at, at).lastInsertRowid);
  const variant = (sku: string) => (shop.db.prepare('SELECT id FROM variants WHERE sku = ?').get(sku) as { id: number }).id;
  const item = shop.db.prepare(
    'INSERT INTO supplier_items (supplier_id, variant_id, supplier_sku, cost, pack_size, moq, lead_time_days, is_preferred) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  item.run(tiger, variant('HOD-001-BLK-M'), null, 2000, 1, 1, 30, 1);
  item.run(tiger, variant('MUG-50%'), 'TG-MUG', 300, 6, 12, 30, 0);
}

const items = (shop: TestShop) =>
  shop.db
    .prepare(
      `SELECT s.name AS supplier, v.sku, si.supplier_sku AS supplierSku, si.cost, si.pack_size AS pack, si.moq, si.lead_time_days AS lead, si.is_preferred AS preferred
       FROM supplier_items si JOIN suppliers s ON s.id = si.supplier_id JOIN variants v ON v.id = si.variant_id
       ORDER BY v.sku, s.name`,
    )
    .all();

// Chinese synonyms (货号, 厂家货号, 采购价, 箱规, 最小起订量, 采购周期) rather than the template headers.
const file = [
  '供应商,货号,厂家货号,采购价,箱规,最小起订量,采购周期,首选供应商',
  'Hangzhou Textiles,HOD-001-BLK-M,HZ-1,¥19.50,10,50,21,是', // 2 create, preferred: takes the flag from Tiger
  'tiger trading,hod-001-blk-m,,20.00,,,30,', // 3 unchanged (same cost and lead time; blanks keep)
  'Tiger Trading,TEA-100,TG-TEA,50,1,0,14,', // 4 MOQ 0
  'Nobody Ltd,TEA-100,,1,1,1,1,', // 5 unknown supplier
  'Hangzhou Textiles,NOPE-1,,1,1,1,1,', // 6 unknown SKU
  'Hangzhou Textiles,TEA-100,,,,,,', // 7 no cost to create with
  'Tiger Trading,SOCK_7,T-S,4.00,12,,-1,', // 8 negative lead time
  'Hangzhou Textiles,HOD-001-BLK-L,HZ-2,21,5,10,21,yes', // 9 create, preferred
  'Tiger Trading,HOD-001-BLK-L,,22,,,,yes', // 10 a second preferred supplier for the same SKU
  'Tiger Trading,MUG-50%,,3.20,,,,', // 11 update: cost 3.00 -> 3.20
].join('\n');

describe('supplier price list import', () => {
  it('creates and updates by (supplier, SKU), names every bad row and column, and keeps one preferred supplier per SKU', async () => {
    shop = testShop(seedCatalog);
    seedSuppliers(shop);
    const before = items(shop);
    const session = await openImport(shop, 'supplierItems', 'price-list.csv', file);
    expect(session.columns.map((c) => c.field)).toEqual(['supplier', 'sku', 'supplierSku', 'cost', 'packSize', 'moq', 'leadTimeDays', 'preferred']);
    expect(session.counts).toEqual({ create: 2, update: 1, unchanged: 1, skip: 0, error: 6 });
    const errors = await rows(shop, session.sessionId, 'error');
    expect(errors.map((r) => [r.row, ...r.issues.map((i) => `${i.key}@${i.header}`)])).toEqual([
      [4, 'belowMinimum@最小起订量'],
      [5, 'unknownSupplier@供应商'],
      [6, 'unknownSku@货号'],
      [7, 'required@采购价'],
      [8, 'negative@采购周期'],
      [10, 'preferredTwice@首选供应商'],
    ]);
    expect(errors.map((r) => r.issues[0]?.message).slice(1, 3)).toEqual([
      'Row 5, 供应商: no supplier is called "Nobody Ltd"',
      'Row 6, 货号: no product has the SKU "NOPE-1"',
    ]);
    expect(errors[5]?.issues[0]?.message).toBe(
      'Row 10, 首选供应商: row 9 already makes another supplier preferred for HOD-001-BLK-L; a SKU has one preferred supplier',
    );
    const update = (await rows(shop, session.sessionId, 'update'))[0];
    expect(update?.changes).toEqual([{ field: 'cost', before: 300, after: 320 }]);

    // "All rows" refuses a file with errors and changes nothing.
    const refused = await applyImport(shop, session.sessionId, 'all');
    expect(refused.status).toBe('failed');
    expect(items(shop)).toEqual(before);

    expect((await applyImport(shop, session.sessionId, 'validOnly')).status).toBe('succeeded');
    expect(items(shop)).toEqual([
      { supplier: 'Hangzhou Textiles', sku: 'HOD-001-BLK-L', supplierSku: 'HZ-2', cost: 2100, pack: 5, moq: 10, lead: 21, preferred: 1 },
      { supplier: 'Hangzhou Textiles', sku: 'HOD-001-BLK-M', supplierSku: 'HZ-1', cost: 1950, pack: 10, moq: 50, lead: 21, preferred: 1 },
      { supplier: 'Tiger Trading', sku: 'HOD-001-BLK-M', supplierSku: null, cost: 2000, pack: 1, moq: 1, lead: 30, preferred: 0 },
      { supplier: 'Tiger Trading', sku: 'MUG-50%', supplierSku: 'TG-MUG', cost: 320, pack: 6, moq: 12, lead: 30, preferred: 0 },
    ]);

    // Undo removes the created items and restores the cost and Tiger's preferred flag.
    const applied = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied;
    await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
    expect(items(shop)).toEqual(before);
  });

  it('maps the English template headers and clears a preferred flag with "no"', async () => {
    shop = testShop(seedCatalog);
    seedSuppliers(shop);
    const session = await openImport(
      shop,
      'supplierItems',
      'price-list.csv',
      'Supplier,SKU,Supplier SKU,Cost,Pack size,MOQ,Lead time (days),Preferred\nTiger Trading,HOD-001-BLK-M,TG-H,20.00,2,4,30,no\n',
    );
    expect(session.counts).toEqual({ create: 0, update: 1, unchanged: 0, skip: 0, error: 0 });
    expect((await rows(shop, session.sessionId, 'update'))[0]?.changes).toEqual([
      { field: 'supplierSku', before: null, after: 'TG-H' },
      { field: 'packSize', before: 1, after: 2 },
      { field: 'moq', before: 1, after: 4 },
      { field: 'preferred', before: 1, after: 0 },
    ]);
    await applyImport(shop, session.sessionId);
    expect(items(shop)[0]).toEqual({ supplier: 'Tiger Trading', sku: 'HOD-001-BLK-M', supplierSku: 'TG-H', cost: 2000, pack: 2, moq: 4, lead: 30, preferred: 0 });
  });
});
