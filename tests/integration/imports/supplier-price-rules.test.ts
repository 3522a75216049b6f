// Supplier price lists as suppliers send them: a "Price" column is the cost only
// when no column says cost, and a list without a Preferred column makes the
// supplier preferred for the SKUs it is the only supplier of — so stock valued
// by supplier shows the supplier, not "No supplier".
import { afterEach, describe, expect, it } from 'vitest';
import { seedCatalog } from '../catalog-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs, testNow } from '../temp-shop.js';
import { applyImport, openImport, rows } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

function seedSuppliers(): void {
  const supplier = shop.db.prepare("INSERT INTO suppliers (name, currency, lead_time_days, notes, created_at, updated_at) VALUES (?, 'CNY', 7, '', ?, ?)");
  supplier.run('Acme', testNow, testNow);
  const bolt = Number(supplier.run('Bolt', testNow, testNow).lastInsertRowid);
  const sock = (shop.db.prepare("SELECT id FROM variants WHERE sku = 'SOCK_7'").get() as { id: number }).id;
  // Bolt already sells the socks, not marked preferred (as an older import left it).
  shop.db.prepare('INSERT INTO supplier_items (supplier_id, variant_id, cost, pack_size, moq, is_preferred) VALUES (?, ?, 400, 1, 1, 0)').run(bolt, sock);
}

const items = () =>
  shop.db
    .prepare('SELECT s.name AS supplier, v.sku, si.cost, si.is_preferred AS preferred FROM supplier_items si JOIN suppliers s ON s.id = si.supplier_id JOIN variants v ON v.id = si.variant_id ORDER BY v.sku, s.name')
    .all();

describe('supplier price list rules', () => {
  it('takes the cost from a Cost column over a Price column, and makes a sole supplier preferred', async () => {
    shop = testShop(seedCatalog);
    seedSuppliers();
    const session = await openImport(shop, 'supplierItems', 'acme.csv', 'Supplier,SKU,Price,Cost\nAcme,TEA-100,128.00,50.00\nAcme,HOD-001-BLK-M,59.99,21.00\nBolt,HOD-001-BLK-M,59.99,20.00\n');
    expect(session.columns.map((column) => column.field)).toEqual(['supplier', 'sku', null, 'cost']);
    expect(session.notices.map((notice) => notice.message)).toEqual([
      '1 items get their supplier as preferred supplier: the file has no Preferred column and it is their only supplier.',
    ]);
    expect((await rows(shop, session.sessionId, 'create')).map((row) => [row.key, row.changes])).toEqual([
      ['Acme / TEA-100', [{ field: 'cost', before: null, after: 5000 }, { field: 'preferred', before: null, after: 1 }]],
      ['Acme / HOD-001-BLK-M', [{ field: 'cost', before: null, after: 2100 }]],
      ['Bolt / HOD-001-BLK-M', [{ field: 'cost', before: null, after: 2000 }]],
    ]);
    await applyImport(shop, session.sessionId);
    expect(items()).toEqual([
      // Two suppliers for the hoodie: the person chooses which is preferred.
      { supplier: 'Acme', sku: 'HOD-001-BLK-M', cost: 2100, preferred: 0 },
      { supplier: 'Bolt', sku: 'HOD-001-BLK-M', cost: 2000, preferred: 0 },
      { supplier: 'Bolt', sku: 'SOCK_7', cost: 400, preferred: 0 },
      { supplier: 'Acme', sku: 'TEA-100', cost: 5000, preferred: 1 },
    ]);
    const valuation = await shop.ok('stock.valuation', { categoryLevel: 'top' });
    expect(valuation.bySupplier.map((group) => [group.label, group.units])).toEqual([
      ['Acme', 40],
      ['No supplier', 22],
    ]);
  });

  it('reads a lone Price column as the cost, and marks a sole supplier preferred on update too', async () => {
    shop = testShop(seedCatalog);
    seedSuppliers();
    const session = await openImport(shop, 'supplierItems', 'bolt.csv', 'Supplier,SKU,Price\nBolt,MUG-50%,3.00\nBolt,SOCK_7,4.00\n');
    expect(session.columns.map((column) => column.field)).toEqual(['supplier', 'sku', 'cost']);
    expect(session.counts).toMatchObject({ create: 1, update: 1, error: 0 });
    await applyImport(shop, session.sessionId);
    expect(items()).toEqual([
      { supplier: 'Bolt', sku: 'MUG-50%', cost: 300, preferred: 1 },
      { supplier: 'Bolt', sku: 'SOCK_7', cost: 400, preferred: 1 },
    ]);
    // With a Preferred column the file decides: a blank keeps the flag as it is.
    const withColumn = await openImport(shop, 'supplierItems', 'acme.csv', 'Supplier,SKU,Cost,Preferred\nAcme,TEA-100,50,\n');
    await applyImport(shop, withColumn.sessionId);
    expect(shop.db.prepare("SELECT is_preferred AS preferred FROM supplier_items si JOIN variants v ON v.id = si.variant_id WHERE v.sku = 'TEA-100'").get()).toEqual({ preferred: 0 });
  });
});
