// WooCommerce money is decimal strings ("19.99", "" when unset; some plugins send numbers) and may
// carry more decimals than the currency: rounded half up (src/sync/money.ts does the arithmetic).
import { decimalToMinor } from '../../money.js';

/** "19.99" → 1999 (2 digits); "" → null. Extra digits beyond the currency's are rounded half up. */
export function minorFromDecimal(text: string | number, digits: number): number | null {
  const raw = typeof text === 'number' ? text.toFixed(Math.max(digits, 6)) : text.trim();
  return raw === '' ? null : decimalToMinor(raw, digits, 'roundHalfUp');
}
