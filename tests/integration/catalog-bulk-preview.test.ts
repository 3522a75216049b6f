// A bulk action shows what it will do before it is applied: the count, a few
// prices before → after from the actual target (rounded nearest, up or down to
// the ending), and the changes beyond the confirmation threshold. Nothing is written.
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

// seedCatalog: HOD-001-BLK-M 59.99, HOD-001-BLK-L 59.99, TEA-100 128.00, MUG-50% 9.90 (draft), SOCK_7 12.90 (archived).
const all = { variantIds: [1, 2, 3, 4, 5] };
const prices = (s: TestShop) => s.db.prepare('SELECT sku, price FROM variants ORDER BY id').all();
const plusTen = (direction: 'nearest' | 'up' | 'down') => ({ kind: 'priceChange' as const, mode: 'percent' as const, value: 10, rounding: '.99' as const, direction });

describe('bulk preview', () => {
  it('shows before → after for rounding nearest, up and down to .99, and applying writes exactly those prices', async () => {
    shop = testShop(seedCatalog);
    const before = prices(shop);
    const after = async (direction: 'nearest' | 'up' | 'down') =>
      (await (shop as TestShop).ok('variants.bulkPreview', { target: all, action: plusTen(direction) })).samples.map((s) => [s.sku, s.before, s.after]);

    // +10 %: 65.989 → 65.99 (already .99), 140.80, 10.89, 14.19.
    expect(await after('nearest')).toEqual([
      ['HOD-001-BLK-M', 5999, 6599],
      ['HOD-001-BLK-L', 5999, 6599],
      ['TEA-100', 12800, 14099],
      ['MUG-50%', 990, 1099],
      ['SOCK_7', 1290, 1399],
    ]);
    expect((await after('up')).map((row) => row[2])).toEqual([6599, 6599, 14099, 1099, 1499]);
    expect((await after('down')).map((row) => row[2])).toEqual([6599, 6599, 13999, 999, 1399]);
    expect(prices(shop)).toEqual(before);

    const preview = await shop.ok('variants.bulkPreview', { target: all, action: plusTen('down') });
    expect(preview).toMatchObject({ matched: 5, products: 4, changing: 5, largeCount: 0, thresholdPercent: 50, withoutPrice: 0, aboveLimit: 0 });
    const applied = await shop.ok('variants.bulkAction', { target: all, action: plusTen('down') });
    expect(applied).toMatchObject({ matched: 5, changed: 5 });
    expect(prices(shop).map((row) => (row as { price: number }).price)).toEqual(preview.samples.map((s) => s.after));
    const [latest] = (await shop.ok('history.list', {})).changeSets;
    expect(latest?.summary).toContain('down');
  });

  it('lists the price changes beyond the shop threshold with old and new values', async () => {
    shop = testShop(seedCatalog);
    const action = { kind: 'priceChange' as const, mode: 'percent' as const, value: 60, rounding: 'none' as const };
    const large = await shop.ok('variants.bulkPreview', { target: { variantIds: [1, 3] }, action });
    expect(large.largeCount).toBe(2);
    expect(large.largeChanges.map((c) => [c.sku, c.title, c.before, c.after])).toEqual([
      ['HOD-001-BLK-M', 'Cloud Hoodie', 5999, 9598],
      ['TEA-100', '龙井绿茶 Longjing tea', 12800, 20480],
    ]);
    await shop.ok('settings.update', { priceChangeConfirmPercent: 70 });
    expect(await shop.ok('variants.bulkPreview', { target: { variantIds: [1, 3] }, action })).toMatchObject({ thresholdPercent: 70, largeCount: 0, largeChanges: [], changing: 2 });
  });

  it('counts what other actions change and the variants without a value to change', async () => {
    shop = testShop(seedCatalog);
    // Only the mug (draft) and the socks (archived) are not active yet.
    expect(await shop.ok('variants.bulkPreview', { target: all, action: { kind: 'setStatus', status: 'active' } })).toMatchObject({ matched: 5, changing: 2 });
    const compareAt = await shop.ok('variants.bulkPreview', {
      target: all,
      action: { kind: 'priceChange', mode: 'amount', value: 100, rounding: 'none', field: 'compareAtPrice' },
    });
    // Only the hoodie M and the mug have a compare-at price.
    expect(compareAt).toMatchObject({ changing: 2, withoutPrice: 3 });
    expect(await shop.ok('variants.bulkPreview', { target: all, action: { kind: 'addTag', tag: 'sale' } })).toMatchObject({ matched: 5, products: 4, changing: null });
  });
});
