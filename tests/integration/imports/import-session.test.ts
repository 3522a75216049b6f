// The parts of an import every target shares: remembered mappings, the
// errors file, hostile headers, templates, and refusing an apply that has errors.
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { testShop, type TestShop } from '../shop-harness.js';
import { removeTempDirs } from '../temp-shop.js';
import { applyImport, openImport } from './import-harness.js';

let shop: TestShop;
afterEach(async () => {
  await shop.close();
  removeTempDirs();
});

const readBook = (base64: string) => {
  const book = XLSX.read(Buffer.from(base64, 'base64'), { type: 'buffer' });
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0] ?? ''] ?? {}, { header: 1 });
};

describe('import sessions', () => {
  it('remembers a mapping the person fixed, for the next file with the same layout', async () => {
    shop = testShop();
    const file = 'Supplier,Who,Days\nAcme,Ann,9\n';
    const first = await openImport(shop, 'suppliers', 'a.csv', file);
    expect(first.mappingSource).toBe('auto');
    expect(first.columns.map((c) => c.field)).toEqual(['name', null, null]);
    const fixed = await shop.ok('imports.update', { sessionId: first.sessionId, assignments: ['name', 'contactName', 'leadTimeDays'] });
    expect(fixed.mappingSource).toBe('manual');
    const second = await openImport(shop, 'suppliers', 'b.csv', 'supplier , WHO,days\nZed,Zoe,3\n');
    expect(second.mappingSource).toBe('remembered');
    expect(second.columns.map((c) => c.field)).toEqual(['name', 'contactName', 'leadTimeDays']);
  });

  it('refuses a mapping to a field the target does not have, naming the column', async () => {
    shop = testShop();
    const session = await openImport(shop, 'suppliers', 'a.csv', 'Name\nAcme\n');
    const error = await shop.fail('imports.update', { sessionId: session.sessionId, assignments: ['price'] });
    expect(error.details.key).toBe('unknownField');
    expect(error.details.issues?.[0]?.path).toBe('assignments.0');
  });

  it('downloads the failed rows as they were, with an Errors column, ready to fix and re-import', async () => {
    shop = testShop();
    const session = await openImport(shop, 'suppliers', 's.csv', 'Name,Lead time (days)\nGood,5\nBad,soon\n,7\n');
    const file = await shop.ok('imports.errorsFile', { sessionId: session.sessionId, format: 'xlsx' });
    expect(file.fileName).toBe('s - errors.xlsx');
    expect(readBook(file.contentBase64)).toEqual([
      ['Name', 'Lead time (days)', 'Errors'],
      ['Bad', 'soon', 'Row 3, Lead time (days): "soon" is not a whole number'],
      ['', '7', 'Row 4, Name: a value is needed here'],
    ]);
  });

  it('never maps hostile headers such as __proto__ and says so', async () => {
    shop = testShop();
    const session = await openImport(shop, 'suppliers', 'h.csv', 'Name,__proto__,constructor,prototype\nAcme,{"polluted":1},x,y\n');
    expect(session.columns.map((c) => [c.field, c.refused])).toEqual([
      ['name', false],
      [null, true],
      [null, true],
      [null, true],
    ]);
    expect(session.fileIssues.map((i) => i.key)).toEqual(['hostileHeader', 'hostileHeader', 'hostileHeader']);
    const error = await shop.fail('imports.update', { sessionId: session.sessionId, assignments: ['name', 'notes', null, null] });
    expect(error.code).toBe('VALIDATION');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await applyImport(shop, session.sessionId)).status).toBe('succeeded');
  });

  it('finds the header below title rows and skips blank rows, in a workbook', async () => {
    shop = testShop();
    const ws = XLSX.utils.aoa_to_sheet([['供应商导入 2026'], [], ['供应商', '币种', '交期'], ['Acme', 'CNY', 21], [], ['Bolt', 'USD', 30]]);
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, 'Sheet1');
    const session = await openImport(shop, 'suppliers', 's.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(session.headerRow).toBe(3);
    expect(session.dataRows).toBe(2);
    expect(session.counts.create).toBe(2);
  });

  it('gives a template per target, in English or Chinese, that maps itself', async () => {
    shop = testShop();
    const zh = await shop.ok('imports.template', { target: 'suppliers', format: 'xlsx', language: 'zh-CN' });
    const sheet = readBook(zh.contentBase64);
    expect(sheet[0]).toEqual(['供应商', '联系人', '邮箱', '电话', '币种', '付款条件', '交期', '备注']);
    const session = await openImport(shop, 'suppliers', zh.fileName, Buffer.from(zh.contentBase64, 'base64'));
    expect(session.columns.every((c) => c.field !== null)).toBe(true);
    expect(session.counts).toEqual({ create: 1, update: 0, unchanged: 0, skip: 0, error: 0 });
  });

  it('refuses an unreadable file with a message naming it', async () => {
    shop = testShop();
    const error = await shop.fail('imports.open', { target: 'suppliers', fileName: 'x.xlsx', contentBase64: Buffer.from('PK\u0003\u0004garbage').toString('base64') });
    expect(error.details.key).toBe('zip.corrupt');
    expect(error.message).toContain('x.xlsx');
  });
});
