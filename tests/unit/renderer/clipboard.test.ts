import { describe, expect, it } from 'vitest';
import { parseCell, parseTsv } from '../../../renderer/src/pages/products/clipboard.js';

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

  const statusOf = (label: string) => ({ Active: 'active', 草稿: 'draft' } as const)[label as 'Active' | '草稿'] ?? null;
  const usd = { currency: 'USD', conventions: { decimalMark: '.' }, statusOf } as const;

  it('reads money as people type it, in minor units', () => {
    const values = ['¥1,299.00', '$12', '1.299,50', ' 8 ', '１２。５０'].map((raw) => parseCell('price', raw, usd));
    expect(values).toEqual([129900, 1200, 129950, 800, 1250].map((value) => ({ kind: 'value', value })));
    expect(parseCell('price', '1999', { ...usd, currency: 'JPY' })).toEqual({ kind: 'value', value: 1999 });
  });

  it('asks about 12,50 in a USD shop with both readings as the column stores them, never 1,250.00 unasked', () => {
    expect(parseCell('price', '12,50', usd)).toMatchObject({
      kind: 'ambiguous',
      text: '12,50',
      readings: [1250, 12.5],
      options: [
        { ok: true, value: 125000 },
        { ok: true, value: 1250 },
      ],
    });
    // A reading the column cannot store is offered as refused, with its reason.
    expect(parseCell('weightGrams', '3,5', usd)).toMatchObject({ kind: 'ambiguous', options: [{ ok: true, value: 35 }, { ok: false, refusal: { problem: 'wholeNumber' } }] });
  });

  it('refuses what is not a number, an empty price, a negative cost and too many decimals, saying why', () => {
    expect(parseCell('price', 'abc', usd)).toMatchObject({ kind: 'refused', reason: 'number', refusal: { problem: 'notANumber' } });
    expect(parseCell('price', '1,2,3', usd)).toMatchObject({ kind: 'refused', reason: 'number', refusal: { problem: 'format' } });
    expect(parseCell('price', '', usd)).toMatchObject({ kind: 'refused', reason: 'number', refusal: { problem: 'required' } });
    expect(parseCell('cost', '-3', usd)).toMatchObject({ kind: 'refused', reason: 'number', refusal: { problem: 'tooSmall' } });
    expect(parseCell('cost', '12.345', usd)).toMatchObject({ kind: 'refused', reason: 'number', refusal: { problem: 'decimals' } });
    expect(parseCell('weightGrams', '2.5', usd)).toMatchObject({ kind: 'refused', reason: 'number', refusal: { problem: 'wholeNumber' } });
    expect(parseCell('sku', '  ', usd)).toEqual({ kind: 'refused', reason: 'required' });
  });

  it('parses the other columns their own way', () => {
    expect(parseCell('cost', '', usd)).toEqual({ kind: 'value', value: null });
    expect(parseCell('barcode', '', usd)).toEqual({ kind: 'value', value: null });
    expect(parseCell('status', '草稿', usd)).toEqual({ kind: 'value', value: 'draft' });
    expect(parseCell('status', 'gone', usd)).toEqual({ kind: 'refused', reason: 'status' });
    expect(parseCell('sku', ' AB-1 ', usd)).toEqual({ kind: 'value', value: 'AB-1' });
  });
});
