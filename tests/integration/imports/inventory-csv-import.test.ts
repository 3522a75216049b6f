// Shopify's inventory CSV holds On hand and Available; the difference is stock
// already promised to open orders elsewhere (or set aside as unavailable).
// After the import Shopdesk shows the file's on hand and the file's available:
// the difference stays committed until a later stock import releases it, and
// undo puts back what was there. Seed: tests/integration/catalog-fixture.ts
// (HOD-001-BLK-M 12, TEA-100 40 at "Main warehouse").
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

const header =
  'Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,SKU,HS Code,COO,Location,Bin name,Incoming (not editable),Unavailable (not editable),Committed (not editable),Available (not editable),On hand (current),On hand (new)';

/** A row of Shopify's inventory export at Main warehouse. */
const line = (sku: string, unavailable: number, committed: number, available: number, onHand: number, location = 'Main warehouse') =>
  `x,X,Title,Default Title,,,,,${sku},,,${location},,0,${unavailable},${committed},${available},${onHand},${onHand}`;

/** What the Stock levels page shows for the seeded SKUs: on hand, committed, available. */
async function shown(): Promise<Record<string, [number, number, number]>> {
  const page = await shop.ok('stock.levels', { offset: 0, limit: 100, search: '', lowOnly: false, sort: { column: 'sku', direction: 'asc' } });
  return Object.fromEntries(
    page.rows.filter((row) => row.sku === 'HOD-001-BLK-M' || row.sku === 'TEA-100').map((row) => [`${row.location} ${row.sku}`, [row.onHand, row.committed, row.available]]),
  );
}

const changeSetOf = async (sessionId: string) => (await shop.ok('imports.get', { sessionId })).applied?.changeSetId ?? 0;

describe("Shopify's inventory CSV: on hand and available", () => {
  it('keeps the difference committed, so available equals the file\'s Available; a later import releases it; undo restores', async () => {
    shop = testShop(seedCatalog);
    const file = [header, line('HOD-001-BLK-M', 1, 2, 9, 12), line('TEA-100', 0, 5, 35, 40), line('HOD-001-BLK-M', 0, 0, 3, 3, 'Pop-up store')].join('\n');
    const session = await openImport(shop, 'stockLevels', 'inventory_export_1.csv', file);
    expect(session.counts).toEqual({ create: 0, update: 3, unchanged: 0, skip: 0, error: 0 });
    expect(session.notices.map((n) => n.message)).toEqual([
      'Will create location "Pop-up store" (named in the file).',
      "8 units the file shows as not available (committed to orders, or unavailable) stay committed, so Shopdesk's available equals the file's Available until a later stock import releases them.",
    ]);
    expect((await rows(shop, session.sessionId, 'update')).map((r) => [r.label, r.changes])).toEqual([
      ['Cloud Hoodie / Black @ Main warehouse', [{ field: 'committed', before: 0, after: 3 }]],
      ['龙井绿茶 Longjing tea @ Main warehouse', [{ field: 'committed', before: 0, after: 5 }]],
      ['Cloud Hoodie / Black @ Pop-up store', [{ field: 'onHand', before: null, after: 3 }]],
    ]);
    await applyImport(shop, session.sessionId);
    expect(await shown()).toEqual({
      'Main warehouse HOD-001-BLK-M': [12, 3, 9],
      'Main warehouse TEA-100': [40, 5, 35],
      'Pop-up store HOD-001-BLK-M': [3, 0, 3],
    });

    // The orders shipped elsewhere: the next export has nothing committed, and on hand went down.
    const later = await openImport(shop, 'stockLevels', 'inventory_export_2.csv', [header, line('HOD-001-BLK-M', 0, 0, 10, 10)].join('\n'));
    expect(later.notices).toEqual([]);
    expect((await rows(shop, later.sessionId, 'update'))[0]?.changes).toEqual([
      { field: 'onHand', before: 12, after: 10 },
      { field: 'committed', before: 3, after: 0 },
    ]);
    await applyImport(shop, later.sessionId);
    expect((await shown())['Main warehouse HOD-001-BLK-M']).toEqual([10, 0, 10]);

    await shop.ok('history.undo', { changeSetId: await changeSetOf(later.sessionId) });
    expect((await shown())['Main warehouse HOD-001-BLK-M']).toEqual([12, 3, 9]);
    await shop.ok('history.undo', { changeSetId: await changeSetOf(session.sessionId) });
    expect(await shown()).toEqual({
      'Main warehouse HOD-001-BLK-M': [12, 0, 12],
      'Main warehouse TEA-100': [40, 0, 40],
      // The ledger keeps the stock that came and went there, so the location the import
      // created stays, holding nothing, and is no longer active.
      'Pop-up store HOD-001-BLK-M': [0, 0, 0],
    });
    const locations = (await shop.ok('locations.list', { includeInactive: true })).locations;
    expect(locations.map((l) => [l.name, l.active])).toEqual([
      ['Main warehouse', true],
      ['Pop-up store', false],
    ]);
  });

  it('accepts oversold stock (negative on hand and available) and refuses more available than on hand', async () => {
    shop = testShop(seedCatalog);
    const file = ['SKU,Location,On hand,Available', 'TEA-100,Main warehouse,0,-4', 'HOD-001-BLK-L,Main warehouse,-2,-2', 'HOD-001-BLK-M,Main warehouse,12,15'].join('\n');
    const session = await openImport(shop, 'stockLevels', 'stock.csv', file);
    expect((await rows(shop, session.sessionId)).map((r) => [r.row, r.outcome, r.issues.map((i) => i.message), r.notes?.map((n) => n.message) ?? []])).toEqual([
      [2, 'update', [], []],
      [3, 'update', [], ['negative stock (-2, oversold): imported as it is']],
      [4, 'error', ['Row 4, Available: more is available (15) than is on hand (12)'], []],
    ]);
    await applyImport(shop, session.sessionId, 'validOnly');
    const page = await shop.ok('stock.levels', { offset: 0, limit: 100, search: 'HOD-001-BLK-L', lowOnly: false, sort: { column: 'sku', direction: 'asc' } });
    expect(page.rows.map((row) => [row.onHand, row.committed, row.available])).toEqual([[-2, 0, -2]]);
    expect((await shown())['Main warehouse TEA-100']).toEqual([0, 4, -4]);
  });

  it('refuses a dated count for a level that moved after that date, and makes an inactive location the file names active again (undo: inactive again)', async () => {
    shop = testShop(seedCatalog);
    const popUp = await shop.ok('locations.create', { code: 'POP', name: 'Pop-up store', kind: 'store' });
    await shop.ok('locations.update', { locationId: popUp.id, active: false });
    // The seeded stock moved on 2026-11-01: a count as of March cannot set it.
    const file = ['SKU,Location,On hand,Stock date', 'HOD-001-BLK-M,Main warehouse,11,2026-03-01', 'TEA-100,Pop-up store,6,2026-03-01'].join('\n');
    const session = await openImport(shop, 'stockLevels', 'march.csv', file);
    expect((await rows(shop, session.sessionId, 'error')).map((r) => r.issues.map((i) => i.message))).toEqual([
      ['Row 2, Stock date: the stock of HOD-001-BLK-M at Main warehouse moved after 2026-03-01 (on 2026-11-01); date the file later or leave the date out'],
    ]);
    expect(session.notices.map((n) => n.message)).toEqual(['Location "Pop-up store" is inactive: it will be made active again for the stock.']);
    await applyImport(shop, session.sessionId, 'validOnly');
    expect((await shop.ok('locations.list', { includeInactive: false })).locations.map((l) => l.name)).toEqual(['Main warehouse', 'Pop-up store']);
    expect((await shown())['Pop-up store TEA-100']).toEqual([6, 0, 6]);
    await shop.ok('history.undo', { changeSetId: await changeSetOf(session.sessionId) });
    expect((await shop.ok('locations.list', { includeInactive: false })).locations.map((l) => l.name)).toEqual(['Main warehouse']);
  });
});
