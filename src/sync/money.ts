// Money crosses the Connector interface as integer minor units; platforms speak decimal strings
// ("19.99"). Exact string arithmetic: no floating point between "19.99" and 1999. Every connector
// converts through here.

/** 1999, 2 → "19.99"; -5, 2 → "-0.05"; 1999, 0 → "1999". */
export function minorToDecimal(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const text = Math.abs(Math.trunc(minor)).toString().padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * "19.99", 2 → 1999; "19.5" → 1950. More decimals than the currency has: null with 'refuse' (the
 * value is not representable), rounded half up with 'roundHalfUp' (platforms that store more).
 */
export function decimalToMinor(text: string, digits: number, excess: 'refuse' | 'roundHalfUp' = 'refuse'): number | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  if (excess === 'refuse' && fraction.replace(/0+$/, '').length > digits) return null;
  const padded = fraction.padEnd(digits + 1, '0');
  let value = Number(whole) * 10 ** digits + Number(padded.slice(0, digits) || '0');
  if (excess === 'roundHalfUp' && Number(padded[digits] ?? '0') >= 5) value += 1;
  return sign === '-' ? -value : value;
}
