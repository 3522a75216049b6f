// Barcode rules. GTIN-8 (EAN-8), GTIN-12 (UPC-A), GTIN-13 (EAN-13) and GTIN-14
// share one mod-10 check digit: weights 3,1,3,1… from the rightmost body digit.
// Pure, so the grid can validate a cell before it is sent.

export type BarcodeMode = 'gtin' | 'free';

export const gtinLengths = [8, 12, 13, 14] as const;

/** Check digit for a GTIN body (all digits except the check digit). */
export function gtinCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new Error('A GTIN body is digits only');
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    // Position counted from the right: the digit next to the check digit weighs 3.
    const digit = Number(body[body.length - 1 - i]);
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** Appends the check digit to a body of 7, 11, 12 or 13 digits. */
export function completeGtin(body: string): string {
  if (!gtinLengths.some((length) => length === body.length + 1)) {
    throw new Error('A GTIN body has 7, 11, 12 or 13 digits');
  }
  return `${body}${gtinCheckDigit(body)}`;
}

export function isValidGtin(code: string): boolean {
  if (!/^\d+$/.test(code) || !gtinLengths.some((length) => length === code.length)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

export const isValidEan13 = (code: string): boolean => code.length === 13 && isValidGtin(code);
export const isValidUpcA = (code: string): boolean => code.length === 12 && isValidGtin(code);

/** i18n key of what is wrong with a barcode, or null when the shop's rule accepts it. */
export function barcodeProblem(code: string, mode: BarcodeMode): 'barcodeEmpty' | 'barcodeFormat' | 'barcodeCheckDigit' | null {
  const trimmed = code.trim();
  if (trimmed === '') return 'barcodeEmpty';
  if (mode === 'free') return null;
  if (!/^\d+$/.test(trimmed) || !gtinLengths.some((length) => length === trimmed.length)) return 'barcodeFormat';
  return isValidGtin(trimmed) ? null : 'barcodeCheckDigit';
}
