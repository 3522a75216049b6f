// Money crosses the Connector interface as integer minor units; Shopify speaks decimal strings.
// Exact string arithmetic: no floating point between "19.99" and 1999.

/** 1999, 2 → "19.99"; -5, 2 → "-0.05"; 1999, 0 → "1999". */
export function minorToDecimal(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const text = Math.abs(Math.trunc(minor)).toString().padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** "19.99", 2 → 1999; "19.5" → 1950; more decimals than the currency has → null (not representable). */
export function decimalToMinor(text: string, digits: number): number | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > digits) return null;
  const value = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0').slice(0, digits) || '0');
  return sign === '-' ? -value : value;
}
