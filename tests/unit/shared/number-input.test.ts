// Typed numbers are read the way a person wrote them, and never silently
// reinterpreted: what can be read two ways is asked about.
import { describe, expect, it } from 'vitest';
import { numberConventions, readNumber, writeNumber, type NumberConventions } from '../../../src/shared/number-input.js';

const point: NumberConventions = { decimalMark: '.' };
const comma: NumberConventions = { decimalMark: ',' };
const either: NumberConventions = { decimalMark: 'either' };
const value = (text: string, conventions: NumberConventions) => {
  const reading = readNumber(text, conventions);
  return reading.kind === 'number' ? reading.value : reading;
};

describe('readNumber', () => {
  it('reads grouped numbers with either mark, whatever the group separator', () => {
    for (const conventions of [point, comma, either]) {
      expect(value('1,299.00', conventions)).toBe(1299);
      expect(value('1.299,00', conventions)).toBe(1299);
      expect(value('1 299,00', conventions)).toBe(1299);
      expect(value('1\u00a0299,00', conventions)).toBe(1299);
      expect(value('1\u202f299,00', conventions)).toBe(1299);
      expect(value('1\u2009299,50', conventions)).toBe(1299.5);
      expect(value("1'299.50", conventions)).toBe(1299.5);
      expect(value('1,299,000', conventions)).toBe(1299000);
      expect(value('1.299.000', conventions)).toBe(1299000);
    }
  });

  it('reads full-width digits and punctuation, and a Chinese IME full stop', () => {
    expect(value('１，２９９．００', point)).toBe(1299);
    expect(value('１２。５０', point)).toBe(12.5);
    expect(value('￥５９', point)).toBe(59);
  });

  it('takes currency marks and signs off', () => {
    expect(value('￥59', point)).toBe(59);
    expect(value('¥59', point)).toBe(59);
    expect(value('$12.50', point)).toBe(12.5);
    expect(value('59元', point)).toBe(59);
    expect(value('US$ 5', point)).toBe(5);
    expect(value('12,50 €', comma)).toBe(12.5);
    expect(value('EUR 12', point)).toBe(12);
    expect(value('12 usd', point)).toBe(12);
    expect(value('-3', point)).toBe(-3);
    expect(value('+2', point)).toBe(2);
    expect(value('−3', point)).toBe(-3);
    expect(value('-$5', point)).toBe(-5);
    expect(value('$-5', point)).toBe(-5);
    expect(value('(12.50)', point)).toBe(-12.5);
    expect(value('.5', point)).toBe(0.5);
  });

  it('says empty for nothing, not a number for letters or garbage, format for misplaced separators', () => {
    expect(readNumber('', point)).toEqual({ kind: 'empty' });
    expect(readNumber('  \u00a0 ', point)).toEqual({ kind: 'empty' });
    for (const text of ['abc', '12abc', 'abc12', 'abc$5', '12e5', '$', '--5', '+-5', '(-5)', '1/2', '12%', 'Infinity']) {
      expect(readNumber(text, point), text).toEqual({ kind: 'invalid', reason: 'notANumber' });
    }
    for (const text of ['1,2,3', '1.2.3', '12,34,567', '1 2', '1,299.000,00', '12.', '12,', '1 299.000,5', '0,299,000']) {
      expect(readNumber(text, either), text).toEqual({ kind: 'invalid', reason: 'format' });
    }
  });

  it('asks when the mark could be either and the two readings differ', () => {
    expect(readNumber('1,299', either)).toEqual({ kind: 'ambiguous', text: '1,299', readings: [1299, 1.299] });
    expect(readNumber('1.299', either)).toEqual({ kind: 'ambiguous', text: '1.299', readings: [1.299, 1299] });
    expect(readNumber('12,500', either)).toEqual({ kind: 'ambiguous', text: '12,500', readings: [12500, 12.5] });
    expect(readNumber('-1,299', either)).toEqual({ kind: 'ambiguous', text: '-1,299', readings: [-1299, -1.299] });
    // One valid reading only: no question.
    expect(value('12,50', either)).toBe(12.5);
    expect(value('3,5', either)).toBe(3.5);
    expect(value('12.50', either)).toBe(12.5);
    expect(value('1 299', either)).toBe(1299);
  });

  it("in a '.' shop, 12,50 and 3,5 are asked about, never stored as 1250 or 35", () => {
    expect(readNumber('12,50', point)).toEqual({ kind: 'ambiguous', text: '12,50', readings: [1250, 12.5] });
    expect(readNumber('3,5', point)).toEqual({ kind: 'ambiguous', text: '3,5', readings: [35, 3.5] });
    expect(readNumber('１２，５０', point)).toMatchObject({ kind: 'ambiguous', readings: [1250, 12.5] });
    // The shop's mark decides what it can.
    expect(value('1,299', point)).toBe(1299);
    expect(value('1.299', point)).toBe(1.299);
    expect(value('12,500', point)).toBe(12500);
    // Only one meaning: a zero before the comma is no thousands group.
    expect(value('0,5', point)).toBe(0.5);
  });

  it("in a ',' shop, 12.50 is asked about and 1.299 is one thousand two hundred and ninety-nine", () => {
    expect(readNumber('12.50', comma)).toEqual({ kind: 'ambiguous', text: '12.50', readings: [12.5, 1250] });
    expect(value('1.299', comma)).toBe(1299);
    expect(value('1,299', comma)).toBe(1.299);
    expect(value('12,50', comma)).toBe(12.5);
  });
});

describe('numberConventions', () => {
  it("reads the shop's setting, and under auto is sure only when currency and language agree on a point", () => {
    expect(numberConventions(',', 'USD', 'en')).toEqual({ decimalMark: ',' });
    expect(numberConventions('.', 'EUR', 'en')).toEqual({ decimalMark: '.' });
    expect(numberConventions('auto', 'USD', 'en')).toEqual({ decimalMark: '.' });
    expect(numberConventions('auto', 'CNY', 'zh-CN')).toEqual({ decimalMark: '.' });
    expect(numberConventions('auto', 'EUR', 'en')).toEqual({ decimalMark: 'either' });
    expect(numberConventions('auto', 'BRL', 'zh-CN')).toEqual({ decimalMark: 'either' });
    expect(numberConventions('auto', 'XYZ', 'en')).toEqual({ decimalMark: 'either' });
  });
});

describe('writeNumber', () => {
  it('writes a chosen reading so that it reads back as that number, and only that', () => {
    for (const conventions of [point, comma, either]) {
      for (const n of [12.5, 1250, 1.299, 1299, 0.5, -3]) {
        expect(value(writeNumber(n, conventions), conventions)).toBe(n);
        expect(value(writeNumber(n, conventions, 2), conventions)).toBe(n);
      }
    }
    expect(writeNumber(12.5, point, 2)).toBe('12.50');
    expect(writeNumber(12.5, comma, 2)).toBe('12,50');
  });
});
