// Files are recognised by their bytes, not their names: pictures, PDFs and other
// binaries renamed .xlsx / .csv are refused as "not a spreadsheet", a CSV named
// .xlsx (or an XLSX named .csv) is read for what it is, and an empty file or
// sheet says so.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { contentKind, looksBinary } from '../../../src/spreadsheets/read/content-kind.js';
import { readTable } from '../../../src/spreadsheets/read/table.js';
import { zipKind } from '../../../src/spreadsheets/read/zip-check.js';
import { AppError } from '../../../src/shared/app-error.js';
import { png, zip } from './sample-bytes.js';

function refusal(run: () => unknown): { key: string; params: Record<string, string | number> } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { key: error.details.key, params: error.details.params ?? {} };
    throw error;
  }
  throw new Error('expected a refusal');
}

function book(sheets: Record<string, unknown[][]>, bookType: XLSX.BookType = 'xlsx'): Buffer {
  const workbook = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), name);
  return XLSX.write(workbook, { type: 'buffer', bookType }) as Buffer;
}

describe('what a file is, by its content', () => {
  it('refuses a picture renamed .xlsx or .csv as an image, naming the file', () => {
    expect(refusal(() => readTable('price-list.xlsx', png))).toEqual({ key: 'notSpreadsheet.image', params: { fileName: 'price-list.xlsx' } });
    expect(refusal(() => readTable('price-list.csv', png)).key).toBe('notSpreadsheet.image');
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF\0\u0001', 'latin1')]);
    expect(refusal(() => readTable('photo.csv', jpeg)).key).toBe('notSpreadsheet.image');
    expect(refusal(() => readTable('a.xlsx', Buffer.from('GIF89a\u0001\0\u0001\0', 'latin1'))).key).toBe('notSpreadsheet.image');
    expect(refusal(() => readTable('a.xlsx', Buffer.from('RIFF\u0024\0\0\0WEBPVP8 ', 'latin1'))).key).toBe('notSpreadsheet.image');
  });

  it('refuses a PDF, a zip of other files, a Word document and other binaries', () => {
    expect(refusal(() => readTable('invoice.xlsx', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj', 'latin1'))).key).toBe('notSpreadsheet.pdf');
    expect(refusal(() => readTable('photos.xlsx', zip({ 'a.jpg': 'x', 'b.jpg': 'y' }))).key).toBe('notSpreadsheet.archive');
    expect(refusal(() => readTable('letter.xlsx', zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' }))).key).toBe('notSpreadsheet.document');
    expect(refusal(() => readTable('a.ods', zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }))).key).toBe('notSpreadsheet.document');
    expect(refusal(() => readTable('backup.csv', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]))).key).toBe('notSpreadsheet.archive');
    const elf = Buffer.concat([Buffer.from('\x7fELF\u0002\u0001\u0001\0\0\0\0\0\0\0\0\0', 'latin1'), Buffer.alloc(200, 1)]);
    expect(refusal(() => readTable('tool.csv', elf)).key).toBe('notSpreadsheet.binary');
    // Binary that happens to be valid GB18030 is still not text: control characters give it away.
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect(refusal(() => readTable('data.csv', random)).key).toBe('notSpreadsheet.binary');
  });

  it('tells text from binary after decoding, whatever the encoding', () => {
    expect(looksBinary('SKU,名称\r\nA-1,"多行\n描述"\t\f')).toBe(false);
    expect(looksBinary('a,b\u0000c')).toBe(true);
    expect(looksBinary(`${'x'.repeat(100)}\u0001\u0002`)).toBe(true);
    expect(contentKind(Buffer.from('\uFEFFSKU\tQty', 'utf16le')).kind).toBe('text');
  });

  it('reads a CSV named .xlsx as CSV, and an XLSX or ODS named .csv as a workbook', () => {
    const csvNamedXlsx = readTable('products.xlsx', Buffer.from('SKU,Price\nA-1,9.90\n', 'utf8'));
    expect(csvNamedXlsx).toMatchObject({ format: 'csv', delimiter: ',', rows: [['SKU', 'Price'], ['A-1', '9.90']] });
    const xlsxNamedCsv = readTable('products.csv', book({ Sheet1: [['SKU', 'Price'], ['A-1', 9.9]] }));
    expect(xlsxNamedCsv).toMatchObject({ format: 'xlsx', rows: [['SKU', 'Price'], ['A-1', 9.9]] });
    const ods = book({ Sheet1: [['SKU'], ['A-1']] }, 'ods');
    expect(zipKind(ods)).toBe('ods');
    expect(readTable('products.xlsx', ods)).toMatchObject({ format: 'ods', rows: [['SKU'], ['A-1']] });
  });

  it('says "empty" for 0 bytes, a BOM or blank lines only, and a workbook without values', () => {
    expect(refusal(() => readTable('a.csv', Buffer.alloc(0)))).toEqual({ key: 'emptyFile', params: { fileName: 'a.csv' } });
    expect(refusal(() => readTable('a.csv', Buffer.from('\uFEFF', 'utf8'))).key).toBe('emptyFile');
    expect(refusal(() => readTable('a.csv', Buffer.from('\uFEFF\r\n \r\n', 'utf16le'))).key).toBe('emptyFile');
    expect(refusal(() => readTable('a.csv', Buffer.from(' \n\n;;\n', 'utf8'))).key).toBe('emptyFile');
    expect(refusal(() => readTable('a.xlsx', book({ Sheet1: [], Sheet2: [[null, '']] }))).key).toBe('emptyFile');
  });

  it('skips an empty first sheet, and says which sheet is empty when the person picks it', () => {
    const bytes = book({ Cover: [], Products: [['SKU'], ['A-1']] });
    expect(readTable('a.xlsx', bytes)).toMatchObject({ sheet: 'Products', sheets: ['Cover', 'Products'], rows: [['SKU'], ['A-1']] });
    expect(refusal(() => readTable('a.xlsx', bytes, { sheet: 'Cover' }))).toEqual({ key: 'emptySheet', params: { fileName: 'a.xlsx', sheet: 'Cover' } });
  });

  it('still refuses a zip bomb before looking inside', () => {
    const bomb = zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': 'x' });
    // Claim an entry inflates to 10 GB: the size check comes first.
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0xfffffffe, central + 24);
    expect(refusal(() => readTable('a.xlsx', bomb)).key).toBe('zip.tooLargeUncompressed');
  });
});
