// The decimal mark is decided once per file from its content, then used for
// every number in it; text cells keep a leading TAB; WooCommerce `\n` escapes.
import { describe, expect, it } from 'vitest';
import { detectDecimalMark, markOf } from '../../../src/spreadsheets/read/decimal-mark.js';
import { readTable } from '../../../src/spreadsheets/read/table.js';
import { cellContent, cellText, parseDecimal, parseInteger, parsePercent, unescapeWooLineBreaks } from '../../../src/spreadsheets/values.js';

describe('decimal mark', () => {
  it('reads what one cell says, and stays silent when it cannot tell', () => {
    expect(['12,50', '0,35', '1.299,00', '€ 1.299,00', '1.299.000', '-0,5', '12,5 %', '3,1415'].map(markOf)).toEqual(Array(8).fill('comma'));
    expect(['12.50', '0.35', '1,299.00', '¥1,299.00', '1,299,000', '(12.50)', '12.5%'].map(markOf)).toEqual(Array(7).fill('point'));
    expect(['1,299', '1.299', '-1,299', '12', 'LS-WHT-M', '2026.03.05', '', 'TRUE'].map(markOf)).toEqual(Array(8).fill(null));
  });

  it('decides per file: semicolon files and comma-dominated cells mean comma; ambiguous files keep the comma as thousands separator', () => {
    const rows = (...cells: string[]) => cells.map((cell) => ['A', cell]);
    expect(detectDecimalMark(rows('12,50', '0,35', '1.299,00'), ',')).toBe('comma');
    expect(detectDecimalMark(rows('12,50', '12.50', '1,299.00'), ',')).toBe('point');
    expect(detectDecimalMark(rows('1,299', '2,500', '12'), ',')).toBe('point');
    expect(detectDecimalMark(rows('12', '3'), ';')).toBe('comma');
    // A semicolon file written by a point-decimal tool.
    expect(detectDecimalMark(rows('12.50', '3.99', '0.35'), ';')).toBe('point');
    // Workbook numbers carry no mark; their text cells still vote.
    expect(detectDecimalMark([['Weight', 0.35], ['x', '0,35']], null)).toBe('comma');
  });

  it('is part of what a file is read as', () => {
    expect(readTable('a.csv', Buffer.from('SKU;Weight (kg)\nA;0,35\n')).decimalMark).toBe('comma');
    expect(readTable('a.csv', Buffer.from('SKU,Weight (kg)\nA,"0,35"\nB,"1,5"\n')).decimalMark).toBe('comma');
    expect(readTable('a.csv', Buffer.from('SKU,Price\nA,"1,299"\nB,12\n')).decimalMark).toBe('point');
  });

  it('parses weights, quantities and percentages in the file mark', () => {
    expect(parseDecimal('0,35', true)).toEqual({ ok: true, value: 0.35 });
    expect(parseDecimal('1.299,5', true)).toEqual({ ok: true, value: 1299.5 });
    expect(parseDecimal('1,299', false)).toEqual({ ok: true, value: 1299 });
    expect(parseInteger('1.200', true)).toEqual({ ok: true, value: 1200 });
    expect(parsePercent('12,5 %', true)).toEqual({ ok: true, value: 12.5 });
  });
});

describe('text content', () => {
  it('keeps a leading TAB in content, while keys are trimmed', () => {
    expect(cellContent('\tIndented first line\nsecond  ')).toBe('\tIndented first line\nsecond');
    expect(cellContent('  \n\tafter padding')).toBe('\tafter padding');
    expect(cellContent(' plain ')).toBe('plain');
    expect(cellText('\tSKU-1 ')).toBe('SKU-1');
  });

  it("turns WooCommerce's escaped line breaks into line breaks, and its escaped backslash-n back into \\n", () => {
    expect(unescapeWooLineBreaks('Soft cotton.\\nMachine washable.\\n\\nSizes: M, L')).toBe('Soft cotton.\nMachine washable.\n\nSizes: M, L');
    expect(unescapeWooLineBreaks('Path C:\\\\new\\nnext')).toBe('Path C:\\new\nnext');
  });
});
