// The Products grid's query: server-side sort, filters, quick search and paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core.js';
import type { MethodInput } from '../../src/contract.js';
import { seedCatalog } from './catalog-fixture.js';
import { testShop } from './shop-harness.js';
import { failure, ok, removeTempDirs, testCore } from './temp-shop.js';

let core: Core;

beforeAll(async () => {
  core = testCore();
  await ok(core, 'shop.createEmpty', { name: 'Fixture shop', currency: 'USD', timeZone: 'UTC', locale: 'en' });
  seedCatalog(core.dbPath);
});

afterAll(async () => {
  await core.close();
  removeTempDirs();
});

async function skus(input: MethodInput<'products.list'>): Promise<{ skus: string[]; total: number }> {
  const page = await ok(core, 'products.list', input);
  return { skus: page.rows.map((row) => row.sku), total: page.total };
}

describe('products.list', () => {
  it('returns every variant with its product, options, category and stock', async () => {
    const page = await ok(core, 'products.list', { sort: [{ column: 'sku', direction: 'asc' }] });
    expect(page.total).toBe(5);
    expect(page.rows[0]).toMatchObject({
      sku: 'HOD-001-BLK-L',
      title: 'Cloud Hoodie',
      variantTitle: 'Black / L',
      category: 'Apparel',
      price: 5999,
      onHand: 0,
    });
    expect(page.rows.find((row) => row.sku === 'TEA-100')).toMatchObject({ variantTitle: '', onHand: 40, category: null });
  });

  it('sorts by price both ways, breaking ties the same way on every page', async () => {
    expect((await skus({ sort: [{ column: 'price', direction: 'asc' }] })).skus).toEqual([
      'MUG-50%',
      'SOCK_7',
      'HOD-001-BLK-M',
      'HOD-001-BLK-L',
      'TEA-100',
    ]);
    expect((await skus({ sort: [{ column: 'price', direction: 'desc' }] })).skus[0]).toBe('TEA-100');
    const pages = [0, 2, 4].map((offset) => skus({ sort: [{ column: 'price', direction: 'desc' }], offset, limit: 2 }));
    const joined = (await Promise.all(pages)).flatMap((page) => page.skus);
    expect(new Set(joined).size).toBe(5);
  });

  it('sorts by stock and by several columns', async () => {
    expect((await skus({ sort: [{ column: 'onHand', direction: 'desc' }] })).skus.slice(0, 2)).toEqual(['TEA-100', 'HOD-001-BLK-M']);
    expect(
      (await skus({ sort: [{ column: 'title', direction: 'asc' }, { column: 'variantTitle', direction: 'desc' }] })).skus.slice(0, 2),
    ).toEqual(['HOD-001-BLK-M', 'HOD-001-BLK-L']);
  });

  it('filters text columns, treating % and _ as plain characters', async () => {
    expect(await skus({ filters: { sku: { kind: 'text', conditions: [{ op: 'contains', value: '50%' }] } } })).toEqual({
      skus: ['MUG-50%'],
      total: 1,
    });
    expect((await skus({ filters: { sku: { kind: 'text', conditions: [{ op: 'contains', value: '_' }] } } })).skus).toEqual(['SOCK_7']);
    const either = await skus({
      filters: { sku: { kind: 'text', join: 'or', conditions: [{ op: 'startsWith', value: 'tea' }, { op: 'endsWith', value: '-m' }] } },
    });
    expect(either.skus.sort()).toEqual(['HOD-001-BLK-M', 'TEA-100']);
    expect((await skus({ filters: { barcode: { kind: 'text', conditions: [{ op: 'blank' }] } } })).skus).toEqual(['TEA-100']);
  });

  it('filters money in minor units, ranges and status sets', async () => {
    const cheap = await skus({ filters: { price: { kind: 'number', conditions: [{ op: 'lessThan', value: 5999 }] } } });
    expect(cheap.skus.sort()).toEqual(['MUG-50%', 'SOCK_7']);
    const range = await skus({ filters: { price: { kind: 'number', conditions: [{ op: 'inRange', value: 1000, valueTo: 6000 }] } } });
    expect(range.total).toBe(3);
    const discounted = await skus({ filters: { compareAtPrice: { kind: 'number', conditions: [{ op: 'notBlank' }] } } });
    expect(discounted.skus.sort()).toEqual(['HOD-001-BLK-M', 'MUG-50%']);
    const notActive = await skus({ filters: { status: { kind: 'set', values: ['draft', 'archived'] } } });
    expect(notActive.skus.sort()).toEqual(['MUG-50%', 'SOCK_7']);
    const outOfStock = await skus({ filters: { onHand: { kind: 'number', conditions: [{ op: 'equals', value: 0 }] } } });
    expect(outOfStock.skus).toEqual(['HOD-001-BLK-L']);
  });

  it('quick-searches SKU, barcode and title, including Chinese titles', async () => {
    expect((await skus({ quickSearch: '龙井' })).skus).toEqual(['TEA-100']);
    expect((await skus({ quickSearch: '5901234' })).skus).toEqual(['SOCK_7']);
    expect((await skus({ quickSearch: 'hoodie' })).total).toBe(2);
    expect((await skus({ quickSearch: 'nothing-like-this' })).total).toBe(0);
  });

  it('combines filters with the quick search and pages through the result', async () => {
    const result = await skus({
      quickSearch: 'hoodie',
      filters: { onHand: { kind: 'number', conditions: [{ op: 'greaterThan', value: 0 }] } },
    });
    expect(result).toEqual({ skus: ['HOD-001-BLK-M'], total: 1 });
    const second = await skus({ sort: [{ column: 'sku', direction: 'asc' }], offset: 4, limit: 2 });
    expect(second).toEqual({ skus: ['TEA-100'], total: 5 });
  });

  it('refuses unknown columns and oversized pages with field errors', async () => {
    const badColumn = await failure(core, 'products.list', { sort: [{ column: 'price; DROP TABLE variants', direction: 'asc' }] });
    expect(badColumn.code).toBe('VALIDATION');
    expect(badColumn.details.issues?.[0]?.path).toBe('sort.0.column');
    const tooMany = await failure(core, 'products.list', { limit: 5000 });
    expect(tooMany.details.issues?.[0]?.path).toBe('limit');
  });

  it('sees stock changes in the next page it serves (no stale count or rows)', async () => {
    const before = await skus({ filters: { onHand: { kind: 'number', conditions: [{ op: 'equals', value: 0 }] } } });
    expect(before.total).toBe(1);
    const { openDatabase } = await import('../../src/db/open.js');
    const db = openDatabase(core.dbPath);
    db.prepare("UPDATE stock_levels SET on_hand = 0 WHERE variant_id = (SELECT id FROM variants WHERE sku = 'SOCK_7')").run();
    db.close();
    const after = await skus({ filters: { onHand: { kind: 'number', conditions: [{ op: 'equals', value: 0 }] } } });
    expect(after.total).toBe(2);
  });
});

describe('listing completeness in the grid', () => {
  it('scores each product like the product page and filters to incomplete listings', async () => {
    const shop = testShop(seedCatalog);
    try {
      // Make the tea complete: description, main image, barcode, weight (price, cost, title are there; category set).
      shop.db.exec(`UPDATE products SET description = 'Spring-picked green tea', category_id = 1 WHERE id = (SELECT product_id FROM variants WHERE sku = 'TEA-100');
        UPDATE variants SET barcode = '4006381333955', weight_grams = 250 WHERE sku = 'TEA-100';
        INSERT INTO product_images (product_id, path, position, created_at) SELECT product_id, '/photos/tea.jpg', 1, 'x' FROM variants WHERE sku = 'TEA-100';`);
      const all = await shop.ok('products.list', { sort: [{ column: 'sku', direction: 'asc' }] });
      // Hoodie: title, price, cost, barcode, category = 5 of 8 → 62.5 → 63.
      expect(all.rows.map((r) => [r.sku, r.completeness])).toContainEqual(['HOD-001-BLK-M', 63]);
      expect(all.rows.find((r) => r.sku === 'TEA-100')?.completeness).toBe(100);
      const detail = await shop.ok('products.get', { productId: all.rows.find((r) => r.sku === 'HOD-001-BLK-M')?.productId ?? 0 });
      expect(detail.completeness.score).toBe(63);
      const incomplete = await shop.ok('products.list', { incompleteOnly: true });
      expect(incomplete.total).toBe(4);
      expect(incomplete.rows.map((r) => r.sku)).not.toContain('TEA-100');
    } finally {
      await shop.close();
    }
  });
});
