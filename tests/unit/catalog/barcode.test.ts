import { describe, expect, it } from 'vitest';
import { barcodeProblem, completeGtin, gtinCheckDigit, isValidEan13, isValidGtin, isValidUpcA } from '../../../src/catalog/barcode.js';

describe('barcode check digits (hand-computed)', () => {
  it('computes EAN-13, UPC-A and EAN-8 check digits', () => {
    // 4006381333931: weighted sum of 400638133393 from the right (3,1,3,…) is 89 -> 1.
    expect(gtinCheckDigit('400638133393')).toBe(1);
    // UPC-A 036000291452: sum 58 -> 2.
    expect(gtinCheckDigit('03600029145')).toBe(2);
    // EAN-8 96385074: sum 86 -> 4.
    expect(gtinCheckDigit('9638507')).toBe(4);
    // A sum that is already a multiple of 10 gives 0, not 10.
    expect(gtinCheckDigit('001234567890')).toBe(5);
    expect(completeGtin('590123412345')).toBe('5901234123457');
  });

  it('validates by length and check digit', () => {
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidUpcA('036000291452')).toBe(true);
    expect(isValidUpcA('4006381333931')).toBe(false);
    expect(isValidGtin('96385074')).toBe(true);
    expect(isValidGtin('12345')).toBe(false);
    expect(isValidGtin('40063813339a')).toBe(false);
    expect(() => completeGtin('123')).toThrow();
  });

  it('names the problem under the shop rule; free text accepts anything non-empty', () => {
    expect(barcodeProblem('4006381333931', 'gtin')).toBeNull();
    expect(barcodeProblem('4006381333932', 'gtin')).toBe('barcodeCheckDigit');
    expect(barcodeProblem('ABC-1', 'gtin')).toBe('barcodeFormat');
    expect(barcodeProblem('ABC-1', 'free')).toBeNull();
    expect(barcodeProblem('  ', 'free')).toBe('barcodeEmpty');
  });
});
