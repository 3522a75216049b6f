// Stock levels from a spreadsheet: on hand per SKU (or barcode) and location,
// written only through the ledger, levels still equal to the ledger sums, and
// undo bringing every level back. Seed: tests/integration/catalog-fixture.ts
// (HOD-001-BLK-M 12, HOD-001-BLK-L 0, TEA-100 40, MUG-50% 3, SOCK_7 7 at
// "Main warehouse" WH-1) plus a second location "Shop floor" (SF-1).
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/db/open.js';
import { seedCatalog } from '../catalog-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, openImport, rows } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

function seedTwoLocations(dbPath: string): void {
  seedCatalog(dbPath);
  const db = openDatabase(dbPath);
  db.prepare("INSERT INTO locations (code, name, kind, created_at) VALUES ('SF-1', 'Shop floor', 'store', '2026-11-01T00:00:00.000Z')").run();
  db.close();
}

/** Every level with stock or history, next to the sum of its ledger movements. */
const levels = () =>
  shop.db
    .prepare(
      `SELECT v.sku, l.code, s.on_hand AS onHand, s.safety_stock AS safety,
              (SELECT COALESCE(SUM(delta), 0) FROM stock_movements m WHERE m.variant_id = s.variant_id AND m.location_id = s.location_id) AS ledger
       FROM stock_levels s JOIN variants v ON v.id = s.variant_id JOIN locations l ON l.id = s.location_id
       ORDER BY l.code, v.sku`,
    )
    .all() as { sku: string; code: string; onHand: number; safety: number | null; ledger: number }[];

const onHand = () => levels().map(({ sku, code, onHand: n }) => `${code} ${sku} ${n}`);

const before = [
  'WH-1 HOD-001-BLK-L 0',
  'WH-1 HOD-001-BLK-M 12',
  'WH-1 MUG-50% 3',
  'WH-1 SOCK_7 7',
  'WH-1 TEA-100 40',
];

const chineseSheet = [
  '仓库,商品编码,条形码,现有库存,安全库存',
  'Main warehouse,HOD-001-BLK-M,,20,4', // 12 -> 20, safety stock set
  'Shop floor,TEA-100,,5,', // a new level at another location
  'WH-1,,0012345678905,3,', // by barcode and location code: MUG-50% already 3
  'Main warehouse,NOPE-1,,3,', // unknown SKU
  'Main warehouse,SOCK_7,,2.5,', // not a whole number
  'Attic,HOD-001-BLK-L,,1,', // a location the shop does not have: created on apply
  'Main warehouse,HOD-001-BLK-L,,-1,', // oversold: imported as it is, noted
  'WH-1,hod-001-blk-m,,21,', // row 2 again (SKU in another case, location by code)
].join('\n');

describe('stock levels import', () => {
  it('previews updates with the location in the label, names each bad row and column, and refuses "all" while rows have errors', async () => {
    shop = testShop(seedTwoLocations);
    const session = await openImport(shop, 'stockLevels', 'stock.csv', chineseSheet);
    expect(session.columns.map((c) => c.field)).toEqual(['location', 'sku', 'barcode', 'onHand', 'safetyStock']);
    expect(session.counts).toEqual({ create: 0, update: 4, unchanged: 1, skip: 0, error: 3 });
    expect(session.notices.map((n) => n.message)).toEqual(['Will create location "Attic" (named in the file).']);
    const updates = await rows(shop, session.sessionId, 'update');
    expect(updates.map((r) => [r.row, r.label, r.changes, r.notes?.map((n) => n.message)])).toEqual([
      [
        2,
        'Cloud Hoodie / Black @ Main warehouse',
        [
          { field: 'onHand', before: 12, after: 20 },
          { field: 'safetyStock', before: null, after: 4 },
        ],
        undefined,
      ],
      // No level there yet (∅), not 0.
      [3, '龙井绿茶 Longjing tea @ Shop floor', [{ field: 'onHand', before: null, after: 5 }], undefined],
      [7, 'Cloud Hoodie / Black @ Attic', [{ field: 'onHand', before: null, after: 1 }], undefined],
      [8, 'Cloud Hoodie / Black @ Main warehouse', [{ field: 'onHand', before: 0, after: -1 }], ['negative stock (-1, oversold): imported as it is']],
    ]);
    const errors = await rows(shop, session.sessionId, 'error');
    expect(errors.map((r) => r.issues.map((i) => i.message))).toEqual([
      ['Row 5, 商品编码: no product has the SKU "NOPE-1"'],
      ['Row 6, 现有库存: "2.5" is not a whole number'],
      ['Row 9, 商品编码: "HOD-001-BLK-M @ Main warehouse" appears again on row 2'],
    ]);

    const refused = await applyImport(shop, session.sessionId, 'all');
    expect(refused.status).toBe('failed');
    expect(refused.error?.details.key).toBe('importHasErrors');
    expect(onHand()).toEqual(before);
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM stock_movements').get()).toEqual({ n: 4 });
  });

  it('applies the valid rows through the ledger (levels equal ledger sums), and undo restores on hand and safety stock', async () => {
    shop = testShop(seedTwoLocations);
    const session = await openImport(shop, 'stockLevels', 'stock.csv', chineseSheet);
    const done = await applyImport(shop, session.sessionId, 'validOnly');
    expect(done.status).toBe('succeeded');
    expect(onHand()).toEqual([
      'ATTIC HOD-001-BLK-L 1',
      'SF-1 TEA-100 5',
      'WH-1 HOD-001-BLK-L -1',
      'WH-1 HOD-001-BLK-M 20',
      'WH-1 MUG-50% 3',
      'WH-1 SOCK_7 7',
      'WH-1 TEA-100 40',
    ]);
    expect(levels().filter((l) => l.onHand !== l.ledger)).toEqual([]);
    expect(levels().find((l) => l.sku === 'HOD-001-BLK-M')?.safety).toBe(4);
    expect(
      shop.db.prepare("SELECT delta, reason, reason_code AS code, ref_type AS ref FROM stock_movements WHERE ref_type = 'import' ORDER BY id").all(),
    ).toEqual([
      { delta: 8, reason: 'adjustment', code: 'correction', ref: 'import' },
      // Where the variant had no level: its opening stock.
      { delta: 5, reason: 'initial', code: null, ref: 'import' },
      { delta: 1, reason: 'initial', code: null, ref: 'import' },
      { delta: -1, reason: 'adjustment', code: 'correction', ref: 'import' },
    ]);

    const applied = (await shop.ok('imports.get', { sessionId: session.sessionId })).applied;
    await shop.ok('history.undo', { changeSetId: applied?.changeSetId ?? 0 });
    expect(onHand()).toEqual([
      'ATTIC HOD-001-BLK-L 0',
      'SF-1 TEA-100 0',
      'WH-1 HOD-001-BLK-L 0',
      'WH-1 HOD-001-BLK-M 12',
      'WH-1 MUG-50% 3',
      'WH-1 SOCK_7 7',
      'WH-1 TEA-100 40',
    ]);
    expect(levels().find((l) => l.sku === 'HOD-001-BLK-M')?.safety).toBe(null);
    // Undo appends the opposite movements of variants that existed before; it never deletes their ledger rows.
    expect(levels().filter((l) => l.onHand !== l.ledger)).toEqual([]);
    expect(shop.db.prepare('SELECT COUNT(*) AS n FROM stock_movements').get()).toEqual({ n: 12 });
    // The location the import created keeps that history, so it stays, inactive (holding nothing).
    expect(shop.db.prepare("SELECT name, active FROM locations WHERE code = 'ATTIC'").get()).toEqual({ name: 'Attic', active: 0 });
  });

  it('uses the chosen location when the file has no location column, and needs one otherwise', async () => {
    shop = testShop(seedTwoLocations);
    const file = 'SKU,On hand\nTEA-100,38\n';
    const unplaced = await openImport(shop, 'stockLevels', 'tea.csv', file);
    expect((await rows(shop, unplaced.sessionId, 'error'))[0]?.issues.map((i) => i.key)).toEqual(['optionNeeded']);
    const warehouse = (shop.db.prepare("SELECT id FROM locations WHERE code = 'WH-1'").get() as { id: number }).id;
    const placed = await shop.ok('imports.update', { sessionId: unplaced.sessionId, options: { blankClears: false, locationId: warehouse } });
    expect(placed.counts).toEqual({ create: 0, update: 1, unchanged: 0, skip: 0, error: 0 });
    await applyImport(shop, unplaced.sessionId);
    expect(onHand()).toContain('WH-1 TEA-100 38');
  });

  it("reads Shopify's inventory CSV: On hand (new) per Location, \"Not stocked\" left alone without an error", async () => {
    shop = testShop(seedTwoLocations);
    const file = [
      'Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,SKU,HS Code,COO,Location,Bin name,Incoming (not editable),Unavailable (not editable),Committed (not editable),Available (not editable),On hand (current),On hand (new)',
      'cloud-hoodie,Cloud Hoodie,Color,Black,Size,M,,,HOD-001-BLK-M,,,Main warehouse,,0,0,0,12,12,9',
      'cloud-hoodie,Cloud Hoodie,Color,Black,Size,M,,,HOD-001-BLK-M,,,Shop floor,,0,0,0,0,Not stocked,Not stocked',
      'longjing,Longjing tea,Title,Default Title,,,,,TEA-100,,,Main warehouse,,0,0,0,40,40,40',
      'ghost,Ghost,Title,Default Title,,,,,GHOST-1,,,Pop-up,,0,0,0,0,Not stocked,Not stocked',
    ].join('\n');
    const session = await openImport(shop, 'stockLevels', 'inventory_export_1.csv', file);
    expect(session.columns.filter((c) => c.field !== null).map((c) => [c.header, c.field])).toEqual([
      ['SKU', 'sku'],
      ['Location', 'location'],
      ['Unavailable (not editable)', 'unavailable'],
      ['Committed (not editable)', 'committed'],
      ['Available (not editable)', 'available'],
      ['On hand (current)', 'onHandCurrent'],
      ['On hand (new)', 'onHand'],
    ]);
    expect(session.counts).toEqual({ create: 0, update: 1, unchanged: 3, skip: 0, error: 0 });
    const unchanged = await rows(shop, session.sessionId, 'unchanged');
    expect(unchanged.map((r) => [r.row, r.issues, r.changes])).toEqual([
      [3, [], []],
      [4, [], []],
      [5, [], []],
    ]);
    await applyImport(shop, session.sessionId);
    expect(onHand()).toEqual([
      'WH-1 HOD-001-BLK-L 0',
      'WH-1 HOD-001-BLK-M 9',
      'WH-1 MUG-50% 3',
      'WH-1 SOCK_7 7',
      'WH-1 TEA-100 40',
    ]);
    expect(levels().filter((l) => l.onHand !== l.ledger)).toEqual([]);
  });
});
