import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { detectEncoding } from '../../../src/spreadsheets/read/encoding.js';
import { parseDelimited, sniffDelimiter } from '../../../src/spreadsheets/read/delimited.js';
import { readTable } from '../../../src/spreadsheets/read/table.js';
import { AppError } from '../../../src/shared/app-error.js';

const gb18030 = (text: string) => Buffer.from(new Uint8Array(new TextEncoderGb().encode(text)));

// Node has no GB18030 encoder; these are the GB2312 bytes of 商品名称,售价 / 围巾,129 written by hand.
class TextEncoderGb {
  encode(text: string): number[] {
    const table: Record<string, number[]> = {
      商: [0xc9, 0xcc], 品: [0xc6, 0xb7], 名: [0xc3, 0xfb], 称: [0xb3, 0xc6], 售: [0xca, 0xdb], 价: [0xbc, 0xdb], 围: [0xce, 0xa7], 巾: [0xbd, 0xed],
    };
    return [...text].flatMap((char) => table[char] ?? [char.charCodeAt(0)]);
  }
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.details.key;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reading merchant files', () => {
  it('detects the encoding: BOMs first, then strict UTF-8, else GB18030', () => {
    expect(detectEncoding(Buffer.from('\uFEFFa,b', 'utf8'))).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(Buffer.from('\uFEFFa\tb', 'utf16le'))).toEqual({ encoding: 'utf-16le', bom: true });
    expect(detectEncoding(Buffer.from('a\tb\r\n1\t2', 'utf16le'))).toEqual({ encoding: 'utf-16le', bom: false });
    expect(detectEncoding(Buffer.from('名称,价格', 'utf8'))).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(gb18030('商品名称,售价'))).toEqual({ encoding: 'gb18030', bom: false });
  });

  it('decodes a GB18030 CSV with Chinese headers, and lets the person override the encoding', () => {
    const bytes = gb18030('商品名称,售价\n围巾,129\n');
    const table = readTable('zh.csv', bytes);
    expect(table.encoding).toBe('gb18030');
    expect(table.rows).toEqual([
      ['商品名称', '售价'],
      ['围巾', '129'],
    ]);
    const forced = readTable('zh.csv', bytes, { encoding: 'utf-8' });
    expect(forced.detectedEncoding).toBe('gb18030');
    expect(forced.rows[0]?.[0]).toContain('\uFFFD');
  });

  it('sniffs comma, semicolon and tab, and parses quoted cells with delimiters, quotes and newlines', () => {
    expect(sniffDelimiter('a;b;c\n1;2,5;3')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(sniffDelimiter('name,"x;y"\n1,2')).toBe(',');
    expect(parseDelimited('a,"b ""q"", c\nnext",d\r\n1,2,3\n', ',', 10).rows).toEqual([
      ['a', 'b "q", c\nnext', 'd'],
      ['1', '2', '3'],
    ]);
  });

  it('reads workbooks: formulas as values, dates as ISO text, merged cells filled', () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['Product import', null],
      ['SKU', 'Price', 'Since'],
      ['A-1', { t: 'n', v: 12.5, f: 'B4*1' }, { t: 'n', v: 46086, z: 'yyyy-mm-dd' }],
    ]);
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, ws, 'Sheet1');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const table = readTable('p.xlsx', bytes);
    expect(table.format).toBe('xlsx');
    expect(table.rows).toEqual([
      ['Product import', 'Product import', 'Product import'],
      ['SKU', 'Price', 'Since'],
      ['A-1', 12.5, '2026-03-05'],
    ]);
  });

  it('refuses a zip bomb before inflating it', () => {
    // One entry claiming 300 MB of zeros, stored in a few hundred kB.
    const content = deflateRawSync(Buffer.alloc(300 * 1024 * 1024));
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(300 * 1024 * 1024, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(300 * 1024 * 1024, 24);
    central.writeUInt16LE(name.length, 28);
    const directoryOffset = local.length + name.length + content.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(directoryOffset, 16);
    const bomb = Buffer.concat([local, name, content, central, name, end]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refusal(() => readTable('bomb.xlsx', bomb))).toBe('zip.compressionRatio');
  });

  it('refuses a file wider than 500 columns, naming the limit', () => {
    const wide = `${Array.from({ length: 501 }, (_, i) => `c${i}`).join(',')}\n`;
    expect(refusal(() => readTable('wide.csv', Buffer.from(wide)))).toBe('tooManyColumns');
    expect(readTable('ok.csv', Buffer.from(`${Array.from({ length: 500 }, (_, i) => `c${i}`).join(',')}\n`)).rows[0]).toHaveLength(500);
  });

  it('refuses files over the size limit and garbage that claims to be a workbook', () => {
    expect(refusal(() => readTable('big.csv', Buffer.alloc(101 * 1024 * 1024)))).toBe('importFileTooLarge');
    expect(refusal(() => readTable('x.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toBe('zip.corrupt');
  });
});
