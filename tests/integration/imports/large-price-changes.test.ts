// An import that would multiply prices (a file in cents, a shifted column) lists
// every price and cost change beyond the shop's threshold, old → new, before it
// is applied, and says how many in a preview notice.
import { afterEach, describe, expect, it } from 'vitest';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, openImport } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const created = ['Handle,Title,SKU,Price,Cost', 'tea-cup,Tea Cup,TC-001,39.90,12.00', 'mug,Mug,MG-001,20.00,8.00', 'bowl,Bowl,BW-001,15.00,5.00'].join('\n');

describe('large price changes in an import preview', () => {
  it('lists the price and cost changes beyond the threshold with old and new values, and not the ordinary ones', async () => {
    shop = testShop();
    await applyImport(shop, (await openImport(shop, 'products', 'products.csv', created)).sessionId);
    // Tea cup: price in cents by mistake (×100); mug: cost −75 %; bowl: an ordinary +10 %.
    const edit = ['SKU,Price,Cost', 'TC-001,3990,12.00', 'MG-001,20.00,2.00', 'BW-001,16.50,5.00'].join('\n');
    const session = await openImport(shop, 'products', 'edit.csv', edit);
    expect(session.counts).toMatchObject({ update: 3 });
    expect(session.largePriceChangeCount).toBe(2);
    expect(session.largePriceChanges.map((c) => [c.row, c.key, c.field, c.before, c.after])).toEqual([
      [2, 'TC-001', 'price', 3990, 399000],
      [3, 'MG-001', 'cost', 800, 200],
    ]);
    expect(session.notices).toContainEqual(expect.objectContaining({ key: 'largePriceChanges', params: { count: 2, threshold: 50 } }));

    // With a looser threshold only the ×100 price is left.
    await shop.ok('settings.update', { priceChangeConfirmPercent: 80 });
    const again = await shop.ok('imports.update', { sessionId: session.sessionId, options: session.options });
    expect(again.largePriceChanges.map((c) => c.key)).toEqual(['TC-001']);
  });

  it('says nothing for a file that only creates products', async () => {
    shop = testShop();
    const session = await openImport(shop, 'products', 'products.csv', created);
    expect(session).toMatchObject({ largePriceChanges: [], largePriceChangeCount: 0 });
    expect(session.notices.map((n) => n.key)).not.toContain('largePriceChanges');
  });
});
