import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

const count = (s: TestShop, table: string): number =>
  (s.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('catalog editing: products and variants', () => {
  it('creates a product with 2×3 variants from the option matrix', async () => {
    shop = testShop();
    const category = await shop.ok('categories.create', { name: 'Apparel' });
    const hoodies = await shop.ok('categories.create', { name: 'Hoodies', parentId: category.id });
    expect(hoodies).toMatchObject({ path: 'Apparel > Hoodies', depth: 1 });
    const product = await shop.ok('products.create', {
      title: 'Cloud Hoodie',
      description: 'Soft.',
      categoryId: hoodies.id,
      tags: ['winter', 'Cotton'],
      images: ['img/cloud-front.jpg', 'img/cloud-back.jpg'],
      options: [
        { name: 'Colour', values: ['Black', 'Blue'] },
        { name: 'Size', values: ['S', 'M', 'L'] },
      ],
      skuPrefix: 'HOD',
      price: 5999,
      cost: 2100,
    });
    expect(product.handle).toBe('cloud-hoodie');
    expect(product.variants.map((v) => v.sku)).toEqual(['HOD-BLA-S', 'HOD-BLA-M', 'HOD-BLA-L', 'HOD-BLU-S', 'HOD-BLU-M', 'HOD-BLU-L']);
    expect(product.variants.map((v) => v.options.join('/'))).toEqual(['Black/S', 'Black/M', 'Black/L', 'Blue/S', 'Blue/M', 'Blue/L']);
    expect(product.options).toEqual([
      { name: 'Colour', values: ['Black', 'Blue'] },
      { name: 'Size', values: ['S', 'M', 'L'] },
    ]);
    expect(product.categoryPath).toEqual(['Apparel', 'Hoodies']);
    expect(product.tags).toEqual(['Cotton', 'winter']);
    expect(product.images.map((i) => i.isMain)).toEqual([true, false]);
    // Present: title, description, image, price, cost, category; missing barcode and weight -> 6/8.
    expect(product.completeness).toEqual({ score: 75, missing: ['barcode', 'weight'] });
    expect((await shop.ok('tags.list', {})).tags.map((t) => [t.name, t.productCount])).toEqual([
      ['Cotton', 1],
      ['winter', 1],
    ]);
  });

  it('refuses a duplicate SKU and writes nothing', async () => {
    shop = testShop();
    const first = await shop.ok('products.create', { title: 'Mug', options: [], skuPrefix: 'MUG', price: 990 });
    expect(first.variants.map((v) => v.sku)).toEqual(['MUG']);
    const before = { products: count(shop, 'products'), variants: count(shop, 'variants'), tags: count(shop, 'tags') };
    const error = await shop.fail('products.create', {
      title: 'Mug two',
      tags: ['new-tag'],
      options: [{ name: 'Colour', values: ['White', 'Black'] }],
      variants: [
        { options: ['White'], sku: 'MUG-W', price: 990 },
        { options: ['Black'], sku: 'MUG', price: 990 },
      ],
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ key: 'skuTaken', params: { field: 'sku', value: 'MUG', path: 'variants.1.sku' } });
    expect({ products: count(shop, 'products'), variants: count(shop, 'variants'), tags: count(shop, 'tags') }).toEqual(before);

    // The same through a grid edit: the whole block is refused, including its valid cells.
    const second = await shop.ok('products.create', { title: 'Cup', skuPrefix: 'CUP', price: 500 });
    const cup = second.variants[0];
    if (!cup) throw new Error('no variant');
    const block = await shop.fail('variants.bulkUpdate', {
      edits: [
        { variantId: cup.id, field: 'price', value: 650 },
        { variantId: cup.id, field: 'sku', value: 'MUG' },
      ],
    });
    expect(block.code).toBe('CONFLICT');
    expect(block.details.params).toMatchObject({ field: 'sku', value: 'MUG', path: 'edits.1.value' });
    expect((await shop.ok('products.get', { productId: second.id })).variants[0]?.price).toBe(500);
    expect(count(shop, 'change_sets')).toBe(0);
  });

  it('validates barcodes by the shop rule and names the cell and SKU', async () => {
    shop = testShop();
    const product = await shop.ok('products.create', { title: 'Tea', skuPrefix: 'TEA', price: 1200 });
    const variantId = product.variants[0]?.id ?? 0;
    const bad = await shop.fail('variants.bulkUpdate', {
      edits: [
        { variantId, field: 'cost', value: '500' },
        { variantId, field: 'barcode', value: '4006381333932' },
        { variantId, field: 'price', value: -1 },
      ],
    });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.details.issues?.map((i) => [i.path, i.key])).toEqual([
      ['edits.1.value', 'barcodeCheckDigit'],
      ['edits.2.value', 'negative'],
    ]);
    expect(bad.details.issues?.[0]?.message).toContain('TEA');
    const single = await shop.fail('variants.update', { variantId, changes: { barcode: 'TEA-LABEL-1' } });
    expect(single.details.issues?.[0]?.path).toBe('changes.barcode');

    shop.db.prepare("UPDATE shop_settings SET barcode_mode = 'free'").run();
    const saved = await shop.ok('variants.update', { variantId, changes: { barcode: 'TEA-LABEL-1', cost: 500 } });
    expect(saved.variant).toMatchObject({ barcode: 'TEA-LABEL-1', cost: 500 });
    expect(saved.changed).toBe(2);
    const history = await shop.ok('history.get', { changeSetId: saved.changeSetId ?? 0 });
    expect(history.items).toEqual([
      { entity: 'variants', entityId: variantId, field: 'barcode', before: null, after: 'TEA-LABEL-1', label: 'TEA' },
      { entity: 'variants', entityId: variantId, field: 'cost', before: null, after: 500, label: 'TEA' },
    ]);
  });

  it('updates product fields and tags as one undoable change set', async () => {
    shop = testShop();
    const product = await shop.ok('products.create', { title: 'Socks', tags: ['wool'], skuPrefix: 'SOCK', price: 1290 });
    const updated = await shop.ok('products.update', {
      productId: product.id,
      changes: { title: 'Wool socks', brand: 'Northwind', tags: ['winter'] },
    });
    expect(updated).toMatchObject({ title: 'Wool socks', brand: 'Northwind', tags: ['winter'] });
    const [latest] = (await shop.ok('history.list', {})).changeSets;
    expect(latest).toMatchObject({ kind: 'product_edit', itemCount: 4, undone: false, actor: 'owner' });
    await shop.ok('history.undo', { changeSetId: latest?.id ?? 0 });
    expect(await shop.ok('products.get', { productId: product.id })).toMatchObject({ title: 'Socks', brand: null, tags: ['wool'] });
  });
});
