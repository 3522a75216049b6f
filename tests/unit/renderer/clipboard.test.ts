import { describe, expect, it } from 'vitest';
import { parseAmount, parseCell, parseTsv } from '../../../renderer/src/pages/products/clipboard.js';

describe('pasting a block from a spreadsheet', () => {
  it('splits Excel clipboard text into rows and cells, with quoted cells and CRLF', () => {
    expect(parseTsv('19.99\t25\r\n9.9\t\r\n')).toEqual([
      ['19.99', '25'],
      ['9.9', ''],
    ]);
    expect(parseTsv('"a\tb"\t"say ""hi"""\n"two\nlines"')).toEqual([
      ['a\tb', 'say "hi"'],
      ['two\nlines'],
    ]);
  });

  it('reads money as people type it', () => {
    expect(['¥1,299.00', '$12', '12,5', '1.299,50', ' 8 ', '-3', 'abc', '1.2.3'].map(parseAmount)).toEqual([1299, 12, 12.5, 1299.5, 8, -3, null, null]);
  });

  it('parses each column its own way, in minor units for money', () => {
    const statusOf = (label: string) => ({ Active: 'active', 草稿: 'draft' } as const)[label as 'Active' | '草稿'] ?? null;
    expect(parseCell('price', '19.99', 'USD', statusOf)).toEqual({ ok: true, value: 1999 });
    expect(parseCell('price', '1999', 'JPY', statusOf)).toEqual({ ok: true, value: 1999 });
    expect(parseCell('cost', '', 'USD', statusOf)).toEqual({ ok: true, value: null });
    expect(parseCell('price', 'n/a', 'USD', statusOf)).toEqual({ ok: false, reason: 'number' });
    expect(parseCell('status', '草稿', 'USD', statusOf)).toEqual({ ok: true, value: 'draft' });
    expect(parseCell('status', 'gone', 'USD', statusOf)).toEqual({ ok: false, reason: 'status' });
    expect(parseCell('sku', ' AB-1 ', 'USD', statusOf)).toEqual({ ok: true, value: 'AB-1' });
  });
});
