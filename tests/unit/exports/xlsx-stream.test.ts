// The streamed XLSX of exports: SheetJS reads back the very values written (texts with
// Chinese, XML specials and control characters, numbers, money in major units, dates as
// text, empty cells, a formula-looking text kept as text), the ZIP's own CRCs and sizes
// hold for every entry, and a sheet larger than one deflate chunk survives intact.
import { inflateRawSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createExportWriter, type ExportCell } from '../../../src/exports/grid-export.js';

function book(base64: string): XLSX.WorkSheet {
  const read = XLSX.read(Buffer.from(base64, 'base64'), { type: 'buffer' });
  const sheet = read.Sheets[read.SheetNames[0] ?? ''];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

interface Entry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

/** Every entry through the central directory, inflated, with the CRC and size it declares. */
function zipEntries(zip: Buffer): Entry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i += 1) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = inflateRawSync(zip.subarray(dataStart, dataStart + compressed));
    // The data descriptor after the data repeats CRC and sizes.
    const descriptor = dataStart + compressed;
    expect(zip.readUInt32LE(descriptor)).toBe(0x08074b50);
    expect([zip.readUInt32LE(descriptor + 4), zip.readUInt32LE(descriptor + 8), zip.readUInt32LE(descriptor + 12)]).toEqual([crc, compressed, size]);
    entries.push({ name, data, crc, size });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const header = ['名称 Name', 'Qty', 'Price', 'Updated', 'Note'];
const rows: ExportCell[][] = [
  ['龙井绿茶 Longjing tea', 40, { money: 12800, digits: 2 }, '2026-11-01 08:30:00', '=1+1'],
  ['Tom & "Jerry" <mugs>', -3, { money: -1250, digits: 2 }, null, '  padded  '],
  [null, 0, { money: 500, digits: 0 }, '2026-01-31 00:00:00', 'line one\nline two'],
  ['tab\there, bell\u0007, _x0041_ stays', 1.5, null, '', '@SUM(A1)'],
];

describe('streamed XLSX export', () => {
  it('reads back with the same values and types; "=1+1" stays text, empty cells stay empty', () => {
    const writer = createExportWriter('xlsx', 'Products 商品', header);
    writer.write(rows);
    const file = writer.finish();
    expect(file).toMatchObject({ fileName: 'Products 商品.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(writer.rows).toBe(4);
    const sheet = book(file.contentBase64);
    expect(XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null })).toEqual([
      header,
      ['龙井绿茶 Longjing tea', 40, 128, '2026-11-01 08:30:00', '=1+1'],
      ['Tom & "Jerry" <mugs>', -3, -12.5, null, '  padded  '],
      [null, 0, 500, '2026-01-31 00:00:00', 'line one\nline two'],
      // An empty text is an (empty) text cell, as SheetJS wrote it before.
      ['tab\there, bell\u0007, _x0041_ stays', 1.5, null, '', '@SUM(A1)'],
    ]);
    expect(sheet['E2']).toMatchObject({ t: 's', v: '=1+1' });
    expect((sheet['E2'] as XLSX.CellObject).f).toBeUndefined();
    expect(sheet['C2']).toMatchObject({ t: 'n', v: 128 });
    expect(sheet['A4']).toBeUndefined();
  });

  it('writes a valid ZIP (CRCs and sizes true) with a sheet over several deflate chunks, every row intact', () => {
    const writer = createExportWriter('xlsx', 'big', ['SKU', 'Title', 'Price']);
    const count = 30_000;
    for (let start = 0; start < count; start += 1000) {
      const page: ExportCell[][] = [];
      for (let i = start; i < start + 1000; i += 1) page.push([`SKU-${i}`, `标题 ${i} & more`, { money: i * 7, digits: 2 }]);
      writer.write(page);
    }
    const file = writer.finish();
    const zip = Buffer.from(file.contentBase64, 'base64');
    const entries = zipEntries(zip);
    expect(entries.map((e) => e.name).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    for (const entry of entries) {
      expect(entry.data.length).toBe(entry.size);
      expect(crc32(entry.data) >>> 0).toBe(entry.crc);
    }
    expect(entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')?.size).toBeGreaterThan(2 * 1024 * 1024);
    const read = XLSX.utils.sheet_to_json<unknown[]>(book(file.contentBase64), { header: 1, raw: true });
    expect(read).toHaveLength(count + 1);
    expect(read[1]).toEqual(['SKU-0', '标题 0 & more', 0]);
    expect(read[count]).toEqual([`SKU-${count - 1}`, `标题 ${count - 1} & more`, ((count - 1) * 7) / 100]);
    expect(read.every((row, i) => i === 0 || row[0] === `SKU-${i - 1}`)).toBe(true);
  });

  it('an export without rows is the header alone, on a sheet named as Excel allows', () => {
    const writer = createExportWriter('xlsx', 'History', ['A', 'B']);
    const file = writer.finish();
    const read = XLSX.read(Buffer.from(file.contentBase64, 'base64'), { type: 'buffer' });
    expect(read.SheetNames).toEqual(['History (1)']);
    expect(XLSX.utils.sheet_to_json<unknown[]>(book(file.contentBase64), { header: 1 })).toEqual([['A', 'B']]);
    expect(writer.rows).toBe(0);
  });

  it('CSV written page by page is byte for byte the one-piece text', () => {
    const writer = createExportWriter('csv', 'rows', header);
    writer.write(rows.slice(0, 2));
    writer.write([]);
    writer.write(rows.slice(2));
    const text = Buffer.from(writer.finish().contentBase64, 'base64').toString('utf8');
    expect(text).toBe(
      '\uFEFF名称 Name,Qty,Price,Updated,Note\r\n' +
        "龙井绿茶 Longjing tea,40,128.00,2026-11-01 08:30:00,'=1+1\r\n" +
        '"Tom & ""Jerry"" <mugs>",-3,-12.50,,  padded  \r\n' +
        ',0,500,2026-01-31 00:00:00,"line one\nline two"\r\n' +
        `"tab\there, bell\u0007, _x0041_ stays",1.5,,,'@SUM(A1)\r\n`,
    );
  });
});
