import { afterEach, describe, expect, it } from 'vitest';
import { seedCatalog } from './catalog-fixture.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

const preferred = (s: TestShop) =>
  s.db
    .prepare('SELECT variant_id AS v, supplier_id AS s, cost, is_preferred AS p FROM supplier_items ORDER BY variant_id, supplier_id')
    .all();

describe('bulk "set supplier"', () => {
  it('makes one supplier preferred for the selection as one change set, and undo restores the previous preference', async () => {
    shop = testShop(seedCatalog);
    const old = await shop.ok('suppliers.create', { name: 'Old Tea Co', currency: 'USD' });
    const next = await shop.ok('suppliers.create', { name: 'New Source Ltd', currency: 'USD' });
    await shop.ok('supplierItems.upsert', { supplierId: old.id, variantId: 3, cost: 4900, preferred: true });

    // Hoodie M (1, cost 21.00) has no supplier; tea (3) is preferred from Old Tea Co.
    const result = await shop.ok('variants.bulkAction', { target: { variantIds: [1, 3] }, action: { kind: 'setSupplier', supplierId: next.id } });
    expect(result).toMatchObject({ matched: 2, changed: 2 });
    expect(preferred(shop)).toEqual([
      { v: 1, s: next.id, cost: 2100, p: 1 },
      { v: 3, s: old.id, cost: 4900, p: 0 },
      { v: 3, s: next.id, cost: 5000, p: 1 },
    ]);

    await shop.ok('history.undo', { changeSetId: result.changeSetId ?? 0 });
    // The preference is back; the price-list entries the action added stay, not preferred.
    expect(preferred(shop)).toEqual([
      { v: 1, s: next.id, cost: 2100, p: 0 },
      { v: 3, s: old.id, cost: 4900, p: 1 },
      { v: 3, s: next.id, cost: 5000, p: 0 },
    ]);
    const unknown = await shop.fail('variants.bulkAction', { target: { variantIds: [1] }, action: { kind: 'setSupplier', supplierId: 999 } });
    expect(unknown.details.issues?.map((i) => i.path)).toEqual(['action.supplierId']);
  });
});
