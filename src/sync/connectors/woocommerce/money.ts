// WooCommerce money is decimal strings ("19.99", "" when unset); Shopdesk uses integer minor units.
// Converted by string arithmetic so 0.1 + 0.2 style float errors cannot creep in.

/** "19.99" → 1999 (2 digits); "" → null. Extra digits beyond the currency's are rounded half up. */
export function minorFromDecimal(text: string | number, digits: number): number | null {
  const raw = typeof text === 'number' ? text.toFixed(Math.max(digits, 6)) : text.trim();
  if (raw === '') return null;
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(raw);
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const padded = fraction.padEnd(digits + 1, '0');
  let units = Number(whole) * 10 ** digits + Number(padded.slice(0, digits) || '0');
  if (Number(padded[digits] ?? '0') >= 5) units += 1;
  return sign === '-' ? -units : units;
}

/** 1999 → "19.99" (2 digits), 500 → "500" (0 digits). */
export function decimalFromMinor(units: number, digits: number): string {
  const negative = units < 0;
  const text = String(Math.abs(units)).padStart(digits + 1, '0');
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${body}` : body;
}
