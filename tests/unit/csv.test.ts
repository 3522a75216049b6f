import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/documents/csv.js';

describe('CSV for Excel and WPS', () => {
  it('starts with a BOM, quotes what needs quoting and ends rows with CRLF', () => {
    expect(toCsv([['SKU', '名称'], ['A,1', 'say "hi"'], [null, 3]])).toBe('\uFEFFSKU,名称\r\n"A,1","say ""hi"""\r\n,3\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas, but keeps numbers', () => {
    expect(['=1+1', '+A1', '-2+3', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+A1", "'-2+3", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvCell(-5)).toBe('-5');
  });
});
