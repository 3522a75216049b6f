import * as XLSX from 'xlsx';
import { gbk } from './imports/gbk.js';
import { png } from '../unit/spreadsheets/sample-bytes.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createLedger } from '../../src/inventory/ledger.js';
import { seedCatalog } from './catalog-fixture.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

// seedCatalog at location 1: HOD-001-BLK-M 12 (barcode 4006381333931), HOD-001-BLK-L 0,
// TEA-100 40 (cost 50.00), MUG-50% 3 (no cost), SOCK_7 7 (archived, cost 4.00).
const WH = 1;
const onHand = (s: TestShop, variantId: number): number =>
  (s.db.prepare('SELECT on_hand AS n FROM stock_levels WHERE variant_id = ? AND location_id = 1').get(variantId) as { n: number }).n;

/** A sale or receipt happening on the shop floor while the count runs. */
function moveStock(s: TestShop, variantId: number, delta: number): void {
  const ledger = createLedger(s.db);
  s.db.transaction(() =>
    ledger.post([{ variantId, locationId: WH, delta, reason: delta < 0 ? 'sale' : 'receive', actor: 'till', occurredAt: '2026-11-20T11:00:00Z' }]),
  )();
}

describe('stocktakes', () => {
  it('measures variances against the level when each line was counted, so sales during the count are not variances', async () => {
    shop = testShop(seedCatalog);
    const opened = await shop.ok('stocktakes.open', { locationId: WH });
    expect(opened).toMatchObject({ number: 'ST-000001', status: 'counting', lines: 5, counted: 0 });

    // Tea: 2 sold before it is counted; the counter finds 37 (the system says 38 by then): variance −1.
    moveStock(shop, 3, -2);
    await shop.ok('stocktakes.count', { stocktakeId: opened.id, lines: [{ variantId: 3, counted: 37 }] });
    // Hoodie M counted 12 (matches), then 5 more arrive after the count: no variance from that.
    await shop.ok('stocktakes.count', { stocktakeId: opened.id, lines: [{ variantId: 1, counted: 12 }] });
    moveStock(shop, 1, 5);

    const variance = await shop.ok('stocktakes.get', { stocktakeId: opened.id, show: 'variance' });
    expect(variance.lines.map((l) => [l.sku, l.onHandAtOpen, l.onHandAtCount, l.counted, l.variance, l.varianceValue, l.movedSinceOpen])).toEqual([
      ['TEA-100', 40, 38, 37, -1, -5000, -2],
    ]);
    expect(variance.stocktake).toMatchObject({ counted: 2, withVariance: 1, netVarianceUnits: -1, netVarianceValue: -5000 });

    const posted = await shop.ok('stocktakes.post', { stocktakeId: opened.id });
    expect(posted).toMatchObject({ movements: 1, unitsAdjusted: 1, valueAdjusted: -5000, stocktake: { status: 'posted' } });
    // Tea: 40 − 2 sold − 1 missing = 37; hoodie keeps its receipt: 12 + 5.
    expect([onHand(shop, 3), onHand(shop, 1)]).toEqual([37, 17]);
    const ledger = await shop.ok('stock.movements', { reason: 'stocktake' });
    expect(ledger.rows.map((m) => [m.sku, m.delta, m.refId])).toEqual([['TEA-100', -1, 'ST-000001']]);
    expect((await shop.fail('stocktakes.count', { stocktakeId: opened.id, lines: [{ variantId: 3, counted: 1 }] })).details.key).toBe('stocktakeState');
  });

  it('adds up repeated scans by barcode or SKU and refuses an unknown code without counting anything', async () => {
    shop = testShop(seedCatalog);
    const { id } = await shop.ok('stocktakes.open', { locationId: WH });
    await shop.ok('stocktakes.scan', { stocktakeId: id, code: '4006381333931' });
    await shop.ok('stocktakes.scan', { stocktakeId: id, code: '4006381333931' });
    const third = await shop.ok('stocktakes.scan', { stocktakeId: id, code: 'HOD-001-BLK-M', quantity: 3 });
    expect(third.line).toMatchObject({ sku: 'HOD-001-BLK-M', counted: 5, variance: -7 });
    const unknown = await shop.fail('stocktakes.scan', { stocktakeId: id, code: '999' });
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', details: { key: 'unknownScanCode', params: { code: '999' } } });
    expect((await shop.ok('stocktakes.get', { stocktakeId: id })).stocktake.counted).toBe(1);
    // A second count of the same location waits for this one.
    expect((await shop.fail('stocktakes.open', { locationId: WH })).details.key).toBe('stocktakeOpen');
  });

  it('imports counts from a spreadsheet with Chinese headers, and refuses a file with a bad row naming the row', async () => {
    shop = testShop(seedCatalog);
    const { id } = await shop.ok('stocktakes.open', { locationId: WH });
    const file = (rows: unknown[][]) => {
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '盘点');
      return XLSX.write(book, { type: 'base64', bookType: 'xlsx' }) as string;
    };
    const bad = file([['门店盘点表'], ['货号', '商品', '实盘数量'], ['TEA-100', '龙井', 39], ['MUG-50%', '杯子', -1], ['NOPE', '?', 2]]);
    const refused = await shop.fail('stocktakes.importCounts', { stocktakeId: id, fileName: 'count.xlsx', contentBase64: bad });
    expect(refused.details.issues?.map((i) => i.path)).toEqual(['rows.4.count', 'rows.5.sku']);
    expect(refused.message).toContain('Row 4');
    expect((await shop.ok('stocktakes.get', { stocktakeId: id })).stocktake.counted).toBe(0);

    // Tea on two shelves adds up: 30 + 9.
    const good = file([['货号', '实盘数量'], ['TEA-100', 30], ['TEA-100', 9], ['MUG-50%', 3], ['', '']]);
    const imported = await shop.ok('stocktakes.importCounts', { stocktakeId: id, fileName: 'count.xlsx', contentBase64: good });
    expect(imported).toMatchObject({ counted: 2, rows: 3 });
    const tea = (await shop.ok('stocktakes.get', { stocktakeId: id, search: 'TEA' })).lines[0];
    expect(tea).toMatchObject({ counted: 39, variance: -1 });
  });

  it('reads a count file by its content like every import: a GBK CSV counts, a picture named .xlsx is refused', async () => {
    shop = testShop(seedCatalog);
    const { id } = await shop.ok('stocktakes.open', { locationId: WH });
    const csv = gbk('货号,实盘数量\r\nTEA-100,41\r\n');
    const imported = await shop.ok('stocktakes.importCounts', { stocktakeId: id, fileName: '盘点.csv', contentBase64: csv.toString('base64') });
    expect(imported).toMatchObject({ counted: 1, rows: 1 });
    const picture = await shop.fail('stocktakes.importCounts', { stocktakeId: id, fileName: 'count.xlsx', contentBase64: png.toString('base64') });
    expect(picture.details.key).toBe('notSpreadsheet.image');
  });

  it('exports a count sheet as CSV with a BOM and neutralised cells, and as XLSX', async () => {
    shop = testShop(seedCatalog);
    shop.db.prepare("UPDATE stock_levels SET bin = 'A-01' WHERE variant_id = 3").run();
    shop.db.prepare("UPDATE variants SET sku = '=HYPERLINK(1)' WHERE id = 5").run();
    const { id } = await shop.ok('stocktakes.open', { locationId: WH, scope: { kind: 'all' } });
    const csv = Buffer.from((await shop.ok('stocktakes.sheet', { stocktakeId: id, format: 'csv' })).contentBase64, 'base64').toString('utf8');
    const lines = csv.split('\r\n');
    expect(csv.startsWith('\uFEFFBin,SKU,')).toBe(true);
    expect(lines[1]).toMatch(/^A-01,TEA-100,/); // binned items first, in walking order
    expect(csv).toContain(",'=HYPERLINK(1),");
    const xlsx = await shop.ok('stocktakes.sheet', { stocktakeId: id, format: 'xlsx' });
    const book = XLSX.read(Buffer.from(xlsx.contentBase64, 'base64'));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0] ?? ''] ?? {}, { header: 1 });
    expect(rows[0]).toContain('Counted');
    expect(rows).toHaveLength(1 + 5);
  });

  it('counts a category only, refuses items outside it, and can post uncounted lines as zero', async () => {
    shop = testShop(seedCatalog);
    // Apparel holds the two hoodie variants.
    const { id } = await shop.ok('stocktakes.open', { locationId: WH, scope: { kind: 'category', categoryId: 1 } });
    const outside = await shop.fail('stocktakes.count', { stocktakeId: id, lines: [{ variantId: 3, counted: 1 }] });
    expect(outside.details.issues?.map((i) => [i.path, i.key])).toEqual([['lines.0.variantId', 'notInStocktake']]);
    await shop.ok('stocktakes.count', { stocktakeId: id, lines: [{ variantId: 2, counted: 1 }] });
    const posted = await shop.ok('stocktakes.post', { stocktakeId: id, uncounted: 'zero' });
    // Hoodie L found 1 (+1); hoodie M not counted → 0 (−12).
    expect(posted).toMatchObject({ movements: 2, unitsAdjusted: 13 });
    expect([onHand(shop, 1), onHand(shop, 2), onHand(shop, 3)]).toEqual([0, 1, 40]);
  });
});
