// What a person sees when the file is not what it should be, or the import was
// left alone: a picture or an empty file is refused in the UI language, texts
// name fields by their labels (never keys such as contentBase64 or refundDate),
// and an import closed or left idle answers "open the file again".
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Core } from '../../../src/core.js';
import type { AppErrorShape } from '../../../src/shared/envelope.js';
import { translate, translateDynamic } from '../../../renderer/src/i18n/translate.js';
import { issueLocation } from '../../../renderer/src/components/issue-location.js';
import { fieldLabel, issueText } from '../../../renderer/src/pages/imports/import-labels.js';
import { seedCatalog } from '../catalog-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs, testCore, testNow } from '../temp-shop.js';
import { png } from '../../unit/spreadsheets/sample-bytes.js';
import { openImport, rows } from './import-harness.js';

let shop: TestShop | null = null;
let core: Core | null = null;
afterEach(async () => {
  await shop?.close();
  await core?.close();
  shop = null;
  core = null;
  removeTempDirs();
});

/** The error as the toast shows it: the translated message and hint, then each issue's place and text. */
function shown(error: AppErrorShape, locale: 'en' | 'zh-CN'): string {
  const t = (key: string, fallback: Parameters<typeof translateDynamic>[2]) => translateDynamic(locale, key, fallback, error.details.params);
  const issues = (error.details.issues ?? [])
    .filter((issue) => issue.key !== error.details.key)
    .map((issue) => {
      const where = issueLocation(issue.path, (key, params) => translate(locale, key, params));
      const what = t(`errors.${issue.key}`, 'errors.validation');
      return where === '' ? what : `${where}: ${what}`;
    });
  return [t(`errors.${error.details.key}`, 'errors.internal'), ...issues, t(`errorHints.${error.details.key}`, 'errorHints.generic')].join(' | ');
}

describe('files that are not spreadsheets, and empty files', () => {
  it('refuses a PNG named .xlsx or .csv by its content, in the UI language', async () => {
    shop = testShop();
    for (const fileName of ['price-list.xlsx', 'price-list.csv']) {
      const error = await shop.fail('imports.open', { target: 'products', fileName, contentBase64: png.toString('base64') });
      expect(error.code).toBe('VALIDATION');
      expect(error.details.key).toBe('notSpreadsheet.image');
      expect(shown(error, 'en')).toBe(
        `${fileName} is an image, not a spreadsheet; nothing was imported. | Choose the spreadsheet itself (XLSX, XLS, ODS, CSV or TSV), not a picture of it.`,
      );
      expect(shown(error, 'zh-CN')).toBe(`${fileName} 是图片，不是表格文件；未导入任何数据。 | 请选择表格文件本身（XLSX、XLS、ODS、CSV 或 TSV），而不是它的图片。`);
    }
  });

  it('says the file is empty (0 bytes, a BOM only, a workbook without rows), never "contentBase64"', async () => {
    shop = testShop();
    const empty = await shop.fail('imports.open', { target: 'suppliers', fileName: 'suppliers.csv', contentBase64: '' });
    expect(empty.details.key).toBe('emptyFile');
    expect(shown(empty, 'en')).toBe('suppliers.csv is empty: it has no rows to import. | Check that you chose the right file, or save the spreadsheet again with its data.');
    expect(shown(empty, 'zh-CN')).toBe('suppliers.csv 是空文件：没有可导入的行。 | 请确认选择了正确的文件，或把表格连同数据重新保存一次。');
    const bom = await shop.fail('imports.open', { target: 'suppliers', fileName: 'bom.csv', contentBase64: Buffer.from('\uFEFF\r\n', 'utf8').toString('base64') });
    expect(bom.details.key).toBe('emptyFile');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([]), 'Sheet1');
    const sheetless = await shop.fail('imports.open', { target: 'suppliers', fileName: 'e.xlsx', contentBase64: (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64') });
    expect(sheetless.details.key).toBe('emptyFile');
    // A malformed call still never shows an internal field name.
    const malformed = await shop.fail('imports.open', { target: 'suppliers', fileName: '', contentBase64: '' });
    expect(shown(malformed, 'en')).not.toMatch(/contentBase64|fileName/);
    expect(issueLocation('contentBase64', (key) => translate('en', key))).toBe('');
    expect(issueLocation('rows.14.refundDate', (key, params) => translate('en', key, params))).toBe('Row 14');
  });
});

describe('texts name fields by their labels', () => {
  it('uses the English label in English texts, the file language in the errors file, and the UI language on screen', async () => {
    shop = testShop(seedCatalog);
    shop.db.prepare("INSERT INTO suppliers (name, currency, lead_time_days, notes, created_at, updated_at) VALUES ('Acme', 'CNY', 7, '', ?, ?)").run(testNow, testNow);
    // A Chinese price list without a cost column: new items need one.
    const session = await openImport(shop, 'supplierItems', '价目表.csv', '供应商,商品编码,装箱数\nAcme,TEA-100,6\n');
    const [row] = await rows(shop, session.sessionId, 'error');
    const issue = row?.issues[0];
    expect(issue?.message).toBe('Row 2, Cost: a value is needed here');
    const label = (locale: 'en' | 'zh-CN', fields = session.fields) => (field: string) => fieldLabel((key, params) => translate(locale, key, params), locale, fields, field);
    expect(issue && issueText((key, params) => translate('zh-CN', key, params), issue, label('zh-CN'))).toBe('进价: 此处需要填写');
    const file = await shop.ok('imports.errorsFile', { sessionId: session.sessionId, format: 'csv' });
    expect(Buffer.from(file.contentBase64, 'base64').toString('utf8')).toContain('Row 2, 进价: a value is needed here');

    // A required column missing from an orders file: the file issue names the field, not its key.
    const orders = await openImport(shop, 'orders', 'orders.csv', 'Order number,SKU,Quantity,Unit price\nA-1,TEA-100,1,128\n');
    const missing = orders.fileIssues.find((fileIssue) => fileIssue.key === 'noColumnFor');
    expect(missing?.message).toBe('no column is mapped to Order date, which this import needs');
    expect(missing && issueText((key, params) => translate('zh-CN', key, params), missing, label('zh-CN', orders.fields))).toBe('没有列对应到“下单时间”，而本次导入需要它');
  });
});

describe('import sessions let go of their file', () => {
  it('answers "this import was closed; open the file again" once closed', async () => {
    shop = testShop();
    const session = await openImport(shop, 'suppliers', 's.csv', 'Name\nAcme\n');
    expect(await shop.ok('imports.close', { sessionId: session.sessionId })).toEqual({ closed: true });
    const error = await shop.fail('imports.get', { sessionId: session.sessionId });
    expect([error.code, error.details.key]).toEqual(['NOT_FOUND', 'importClosed']);
    expect(shown(error, 'en')).toBe('This import was closed: it was left unused for a while, or another file was opened. | Open the file again to import it.');
    expect(shown(error, 'zh-CN')).toBe('本次导入已关闭：闲置时间过长，或已打开了其他文件。 | 请重新打开该文件进行导入。');
    expect((await shop.fail('imports.apply', { sessionId: session.sessionId, mode: 'all' })).details.key).toBe('importClosed');
  });

  it('expires a session left idle for 30 minutes (the core clock), not one in use', async () => {
    const base = testShop();
    const path = base.path;
    await base.close();
    let now = new Date(testNow).getTime();
    core = testCore({ dbPath: path, clock: { now: () => new Date(now) } });
    const open = async (name: string) => {
      const answer = await core?.call('imports.open', { target: 'suppliers', fileName: `${name}.csv`, contentBase64: Buffer.from('Name\nAcme\n').toString('base64') });
      if (!answer?.ok) throw new Error('open failed');
      return (answer.value as { sessionId: string }).sessionId;
    };
    const idle = await open('idle');
    const used = await open('used');
    now += 20 * 60_000;
    expect((await core.call('imports.get', { sessionId: used })).ok).toBe(true);
    now += 15 * 60_000;
    const expired = await core.call('imports.get', { sessionId: idle });
    expect(expired.ok ? null : expired.error.details.key).toBe('importClosed');
    expect((await core.call('imports.get', { sessionId: used })).ok).toBe(true);
  });
});
