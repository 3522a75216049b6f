// Before a stocktake is posted, the person sees what it will do: net units and
// value, how many lines are counted and uncounted, and what uncounted means.
// The preview writes nothing and matches what posting then does, either way.
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

// seedCatalog at location 1: HOD-001-BLK-M 12 at 21.00, HOD-001-BLK-L 0 at 21.00, TEA-100 40 at 50.00,
// MUG-50% 3 (no cost), SOCK_7 7 (archived, cost 4.00): five lines in a full count.
const WH = 1;
const ledgerRows = (s: TestShop) => s.db.prepare('SELECT COUNT(*) AS n FROM stock_movements').get();

async function countedTwoOfFive(s: TestShop) {
  const { id } = await s.ok('stocktakes.open', { locationId: WH });
  // Tea: 37 found of 40 (−3 × 50.00); hoodie L: 2 found of 0 (+2 × 21.00).
  await s.ok('stocktakes.count', { stocktakeId: id, lines: [{ variantId: 3, counted: 37 }, { variantId: 2, counted: 2 }] });
  return id;
}

describe('stocktake post preview', () => {
  it('keeps uncounted lines unchanged by default and says so in its totals, writing nothing', async () => {
    shop = testShop(seedCatalog);
    const id = await countedTwoOfFive(shop);
    const movementsBefore = ledgerRows(shop);

    const preview = await shop.ok('stocktakes.previewPost', { stocktakeId: id });
    expect(preview).toMatchObject({
      uncounted: 'ignore',
      lines: 5,
      countedLines: 2,
      uncountedLines: 3,
      movements: 2,
      netUnits: -1,
      netValue: -15000 + 4200,
      unitsAdded: 2,
      unitsRemoved: 3,
      valueAdded: 4200,
      valueRemoved: 15000,
      // What "counted as zero" would remove: hoodie M 12 × 21.00, mug 3 (no cost), socks 7 × 4.00.
      uncountedOnHand: 22,
      uncountedValue: 25200 + 2800,
      withoutCost: 0,
    });
    expect(ledgerRows(shop)).toEqual(movementsBefore);
    expect((await shop.ok('stocktakes.get', { stocktakeId: id })).stocktake.status).toBe('counting');

    const posted = await shop.ok('stocktakes.post', { stocktakeId: id });
    expect(posted).toMatchObject({ movements: preview.movements, unitsAdjusted: preview.unitsAdded + preview.unitsRemoved, valueAdjusted: preview.netValue });
  });

  it('shows what counting uncounted lines as zero removes, and posting that choice does exactly it', async () => {
    shop = testShop(seedCatalog);
    const id = await countedTwoOfFive(shop);
    const preview = await shop.ok('stocktakes.previewPost', { stocktakeId: id, uncounted: 'zero' });
    expect(preview).toMatchObject({
      uncounted: 'zero',
      countedLines: 2,
      uncountedLines: 3,
      // Tea −3, hoodie L +2, hoodie M −12, mug −3, socks −7.
      movements: 5,
      netUnits: -23,
      unitsAdded: 2,
      unitsRemoved: 25,
      netValue: -15000 + 4200 - 25200 - 2800,
      // The mug has no cost: its units move but its value is unknown.
      withoutCost: 1,
    });
    const posted = await shop.ok('stocktakes.post', { stocktakeId: id, uncounted: 'zero' });
    expect(posted).toMatchObject({ movements: 5, unitsAdjusted: 27, valueAdjusted: preview.netValue });
  });

  it('is refused for a stocktake that can no longer be posted', async () => {
    shop = testShop(seedCatalog);
    const id = await countedTwoOfFive(shop);
    await shop.ok('stocktakes.cancel', { stocktakeId: id });
    expect((await shop.fail('stocktakes.previewPost', { stocktakeId: id })).details).toMatchObject({ key: 'stocktakeState' });
  });
});
