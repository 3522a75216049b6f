// History is stored as what happened (a key and parameters) and read in the
// reader's language: the list answers the key beside the English text, an undo
// nests what it undid, and the History export writes descriptions and who made
// them in the language of its headers. Exports of coded values (statuses) in
// Chinese import back.
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { MethodInput } from '../../src/contract.js';
import { withCodedLabels } from '../../renderer/src/i18n/export-labels.js';
import { translate } from '../../renderer/src/i18n/translate.js';
import { seedCatalog } from './catalog-fixture.js';
import { applyImport, openImport, rows } from './imports/import-harness.js';
import { testShop, type TestShop } from './shop-harness.js';
import { removeTempDirs } from './temp-shop.js';

let shop: TestShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
  removeTempDirs();
});

const idOf = (s: TestShop, sku: string): number => (s.db.prepare('SELECT id FROM variants WHERE sku = ?').get(sku) as { id: number }).id;

const sheetRows = (base64: string): unknown[][] => {
  const book = XLSX.read(Buffer.from(base64, 'base64'), { type: 'buffer' });
  const sheet = book.Sheets[book.SheetNames[0] ?? ''];
  if (!sheet) throw new Error('no sheet');
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
};

/** What the History page sends, headers in its language. */
const historyColumns = (locale: 'en' | 'zh-CN'): MethodInput<'exports.grid'>['columns'] => [
  { field: 'actor', header: translate(locale, 'history.who'), kind: 'text' },
  { field: 'summary', header: translate(locale, 'history.what'), kind: 'text' },
];

describe('History in the reader language', () => {
  it('stores each change as a key and parameters beside its English text; an undo nests what it undid', async () => {
    shop = testShop(seedCatalog);
    await shop.ok('variants.bulkUpdate', { edits: [{ variantId: idOf(shop, 'TEA-100'), field: 'price', value: 13900 }] });
    await shop.ok('variants.bulkAction', {
      target: { variantIds: [idOf(shop, 'TEA-100'), idOf(shop, 'SOCK_7')] },
      action: { kind: 'priceChange', mode: 'percent', value: 10, rounding: '.99' },
    });
    const { changeSets } = await shop.ok('history.list', {});
    const [bulk, grid] = changeSets;
    expect(grid).toMatchObject({
      summary: 'Edited 1 cell(s) on 1 variant(s)',
      summaryKey: 'gridEdit',
      summaryParams: { cells: 1, variants: 1 },
      actor: 'owner',
    });
    expect(bulk).toMatchObject({
      summary: 'Price +10%, rounded to the nearest .99, on 2 variant(s)',
      summaryKey: 'priceChangePercentRounded',
      summaryParams: { field: 'price', percent: 10, rounding: { key: 'roundNearest', params: { ending: '.99' } }, count: 2 },
    });

    await shop.ok('history.undo', { changeSetId: bulk?.id ?? 0 });
    const [undo] = (await shop.ok('history.list', {})).changeSets;
    expect(undo).toMatchObject({
      kind: 'undo',
      summary: `Undo of #${bulk?.id}: Price +10%, rounded to the nearest .99, on 2 variant(s)`,
      summaryKey: 'undo',
      summaryParams: { changeSetId: bulk?.id, undone: { key: 'priceChangePercentRounded', params: bulk?.summaryParams } },
    });
  });

  it('an undo of an entry written before keys nests its stored text; such entries list with no key', async () => {
    shop = testShop(seedCatalog);
    const id = Number(
      shop.db
        .prepare("INSERT INTO change_sets (kind, summary, actor, created_at) VALUES ('bulk_edit', 'Old words', 'owner', '2026-11-01T00:00:00.000Z')")
        .run().lastInsertRowid,
    );
    await shop.ok('history.undo', { changeSetId: id });
    const [undo, old] = (await shop.ok('history.list', {})).changeSets;
    expect(old).toMatchObject({ summary: 'Old words', summaryKey: null, summaryParams: null });
    expect(undo).toMatchObject({ summary: `Undo of #${id}: Old words`, summaryParams: { changeSetId: id, undone: 'Old words' } });
  });

  it('exports History with the descriptions and who made them in the language of the headers', async () => {
    shop = testShop(seedCatalog);
    await shop.ok('variants.bulkUpdate', { edits: [{ variantId: idOf(shop, 'TEA-100'), field: 'price', value: 13900 }] });
    await shop.ok('variants.bulkAction', { target: { variantIds: [idOf(shop, 'TEA-100')] }, action: { kind: 'setStatus', status: 'draft' } });
    // "History" as the file name: Excel reserves it as a sheet name, the export still writes.
    const exported = async (locale: 'en' | 'zh-CN') =>
      sheetRows(
        (await shop!.ok('exports.grid', { source: 'history.list', query: {}, columns: historyColumns(locale), locale, format: 'xlsx', fileName: 'History' }))
          .contentBase64,
      );
    expect(await exported('zh-CN')).toEqual([
      ['操作人', '内容'],
      ['店主', '将 1 个规格的状态设为“草稿”'],
      ['店主', '修改了 1 个规格的 1 个单元格'],
    ]);
    expect(await exported('en')).toEqual([
      ['By', 'What'],
      ['Owner', 'Status set to Draft on 1 variant(s)'],
      ['Owner', 'Edited 1 cell(s) on 1 variant(s)'],
    ]);
  });

  it('a Chinese Products export writes statuses as the screen shows them, and imports back', async () => {
    shop = testShop(seedCatalog);
    const t = (key: Parameters<typeof translate>[1]) => translate('zh-CN', key);
    const columns = withCodedLabels(
      'products.list',
      [
        { field: 'sku', header: 'SKU', kind: 'text' },
        { field: 'status', header: '状态', kind: 'text' },
      ],
      t,
    );
    const file = await shop.ok('exports.grid', {
      source: 'products.list',
      query: { sort: [{ column: 'sku', direction: 'asc' }] },
      columns,
      locale: 'zh-CN',
      format: 'xlsx',
      fileName: '商品',
    });
    const grid = sheetRows(file.contentBase64);
    const statusOf = new Map(grid.slice(1).map((row) => [row[1], row[2]]));
    expect(statusOf.get('TEA-100')).toBe('在售');
    expect(statusOf.get('SOCK_7')).toBe('已归档');
    expect(new Set(statusOf.values())).toEqual(new Set(['在售', '草稿', '已归档']));

    // Archive the tea in the file, as a person would in WPS, and import it back.
    const tea = grid.findIndex((row) => row[1] === 'TEA-100');
    (grid[tea] ?? [])[2] = '已归档';
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(grid), '商品');
    const session = await openImport(shop, 'products', '商品.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(session.counts).toMatchObject({ update: 1, error: 0 });
    expect((await rows(shop, session.sessionId, 'update')).map((r) => [r.key, r.changes])).toEqual([
      ['TEA-100', [{ field: 'status', before: 'active', after: 'archived' }]],
    ]);
    await applyImport(shop, session.sessionId);
    expect(shop.db.prepare("SELECT status FROM variants WHERE sku = 'TEA-100'").get()).toEqual({ status: 'archived' });
  });
});
