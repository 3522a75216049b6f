import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from './shop-harness.js';
import { fixtureVariants, seedCatalog } from './catalog-fixture.js';
import { removeTempDirs } from './temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

interface PriceRow {
  sku: string;
  price: number;
  compareAt: number | null;
  updatedAt: string;
}
const prices = (s: TestShop): PriceRow[] =>
  s.db
    .prepare('SELECT sku, price, compare_at_price AS compareAt, updated_at AS updatedAt FROM variants ORDER BY id')
    .all() as PriceRow[];
const idOf = (s: TestShop, sku: string): number =>
  (s.db.prepare('SELECT id FROM variants WHERE sku = ?').get(sku) as { id: number }).id;

describe('catalog editing: bulk changes and undo', () => {
  it('bulk price +10% with .99 rounding on a filter, then undo restores exactly', async () => {
    shop = testShop(seedCatalog);
    const original = prices(shop);
    // The grid's filter: price >= 1000 (all but the 990 mug), and not archived (drops the socks).
    const filter = {
      filters: {
        price: { kind: 'number' as const, conditions: [{ op: 'greaterThanOrEqual' as const, value: 1000 }] },
        status: { kind: 'set' as const, values: ['active' as const, 'draft' as const] },
      },
      quickSearch: '',
    };
    const result = await shop.ok('variants.bulkAction', {
      target: { filter },
      action: { kind: 'priceChange', mode: 'percent', value: 10, rounding: '.99' },
    });
    // 5999 -> 6598.9 -> 6599 -> .99 stays 6599; 12800 -> 14080 -> 14099.
    expect(result).toMatchObject({ matched: 3, changed: 3 });
    const after = new Map(prices(shop).map((r) => [r.sku, r.price]));
    expect(Object.fromEntries(after)).toEqual({
      'HOD-001-BLK-M': 6599,
      'HOD-001-BLK-L': 6599,
      'TEA-100': 14099,
      'MUG-50%': 990,
      SOCK_7: 1290,
    });
    // One item per changed variant, with its before-value.
    const detail = await shop.ok('history.get', { changeSetId: result.changeSetId ?? 0 });
    expect(detail.changeSet).toMatchObject({ kind: 'price_change', itemCount: 3 });
    expect(detail.items[0]).toMatchObject({ entity: 'variants', field: 'price', before: 5999, after: 6599 });
    // History names each variant by its SKU, as the grid does, not by an internal id.
    expect(detail.items.map((item) => item.label).sort()).toEqual(['HOD-001-BLK-L', 'HOD-001-BLK-M', 'TEA-100']);

    const undo = await shop.ok('history.undo', { changeSetId: result.changeSetId ?? 0 });
    expect(undo.restored).toBe(3);
    expect(prices(shop).map(({ sku, price, compareAt }) => ({ sku, price, compareAt }))).toEqual(
      original.map(({ sku, price, compareAt }) => ({ sku, price, compareAt })),
    );
    const list = await shop.ok('history.list', { offset: 0, limit: 10 });
    expect(list.changeSets.map((c) => [c.kind, c.undone, c.itemCount])).toEqual([
      ['undo', false, 3],
      ['price_change', true, 3],
    ]);
    expect((await shop.fail('history.undo', { changeSetId: result.changeSetId ?? 0 })).details.key).toBe('alreadyUndone');
  });

  it('refuses undo when a later change touched the same field, and allows it once that is undone', async () => {
    shop = testShop(seedCatalog);
    const hoodieM = idOf(shop, 'HOD-001-BLK-M');
    const tea = idOf(shop, 'TEA-100');
    const bulk = await shop.ok('variants.bulkAction', {
      target: { variantIds: [hoodieM, tea] },
      action: { kind: 'priceChange', mode: 'amount', value: 100, rounding: 'none' },
    });
    // A later inline edit of the tea's price (same field) and of the hoodie's cost (another field).
    const later = await shop.ok('variants.bulkUpdate', {
      edits: [
        { variantId: tea, field: 'price', value: 13500 },
        { variantId: hoodieM, field: 'cost', value: 2200 },
      ],
    });
    const blocked = await shop.fail('history.undo', { changeSetId: bulk.changeSetId ?? 0 });
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.details.key).toBe('undoBlocked');
    expect(blocked.details.params).toMatchObject({ blockedCount: 1, laterChangeSets: String(later.changeSetId) });
    expect(blocked.details.issues?.map((i) => i.path)).toEqual([`variants.${tea}.price`]);
    expect(blocked.details.issues?.[0]?.message).toContain(`change set ${later.changeSetId}`);
    // Nothing was restored by the refused undo.
    expect(prices(shop).find((r) => r.sku === 'HOD-001-BLK-M')?.price).toBe(6099);

    await shop.ok('history.undo', { changeSetId: later.changeSetId ?? 0 });
    expect(prices(shop).find((r) => r.sku === 'TEA-100')?.price).toBe(12900);
    await shop.ok('history.undo', { changeSetId: bulk.changeSetId ?? 0 });
    const restored = new Map(prices(shop).map((r) => [r.sku, r.price]));
    expect(restored.get('TEA-100')).toBe(fixtureVariants[2]?.price);
    expect(restored.get('HOD-001-BLK-M')).toBe(5999);
    const cost = shop.db.prepare('SELECT cost FROM variants WHERE id = ?').get(hoodieM) as { cost: number };
    expect(cost.cost).toBe(2100);
  });

  it('bulk status, tags and category are one change set each and undo as a unit', async () => {
    shop = testShop(seedCatalog);
    const category = await shop.ok('categories.create', { name: 'Sale' });
    const target = { filter: { filters: {}, quickSearch: 'HOD' } };
    const status = await shop.ok('variants.bulkAction', { target, action: { kind: 'setStatus', status: 'draft' } });
    expect(status).toMatchObject({ matched: 2, changed: 2 });
    const tag = await shop.ok('variants.bulkAction', { target, action: { kind: 'addTag', tag: 'sale' } });
    expect(tag.changed).toBe(1); // both variants belong to one product
    const moved = await shop.ok('variants.bulkAction', { target, action: { kind: 'setCategory', categoryId: category.id } });
    expect(moved.changed).toBe(1);
    const again = await shop.ok('variants.bulkAction', { target, action: { kind: 'setStatus', status: 'draft' } });
    expect(again).toMatchObject({ changeSetId: null, changed: 0 });

    for (const id of [moved.changeSetId, tag.changeSetId, status.changeSetId]) await shop.ok('history.undo', { changeSetId: id ?? 0 });
    const product = shop.db
      .prepare("SELECT p.category_id AS categoryId, (SELECT COUNT(*) FROM product_tags pt WHERE pt.product_id = p.id) AS tags FROM products p WHERE p.title = 'Cloud Hoodie'")
      .get() as { categoryId: number; tags: number };
    expect(product.tags).toBe(0);
    expect(product.categoryId).not.toBe(category.id);
    const statuses = shop.db.prepare("SELECT DISTINCT status FROM variants WHERE sku LIKE 'HOD%'").all();
    expect(statuses).toEqual([{ status: 'active' }]);
  });

  it('bundle availability is the minimum over components of floor(available ÷ quantity)', async () => {
    shop = testShop(seedCatalog);
    const bundle = await shop.ok('products.create', { title: 'Tea and mug set', skuPrefix: 'SET', price: 13000 });
    const bundleId = bundle.variants[0]?.id ?? 0;
    const tea = idOf(shop, 'TEA-100'); // 40 on hand
    const mug = idOf(shop, 'MUG-50%'); // 3 on hand
    await shop.ok('bundles.set', {
      bundleVariantId: bundleId,
      components: [
        { variantId: tea, quantity: 4 },
        { variantId: mug, quantity: 1 },
      ],
    });
    // tea 40/4 = 10, mug 3/1 = 3 -> 3.
    const all = await shop.ok('bundles.availability', { bundleVariantId: bundleId });
    expect(all.available).toBe(3);
    expect(all.components.map((c) => [c.sku, c.available, c.bundles])).toEqual([
      ['MUG-50%', 3, 3],
      ['TEA-100', 40, 10],
    ]);
    await shop.ok('bundles.set', { bundleVariantId: bundleId, components: [{ variantId: tea, quantity: 6 }] });
    expect((await shop.ok('bundles.availability', { bundleVariantId: bundleId, locationId: 1 })).available).toBe(6);
    const self = await shop.fail('bundles.set', { bundleVariantId: bundleId, components: [{ variantId: bundleId, quantity: 1 }] });
    expect(self.details.issues?.[0]?.key).toBe('bundleSelf');
  });
});
