// Bounds no real shop reaches, so every figure stays an exact integer: a
// quantity (per line, per movement, per stock level) is at most a billion
// units, a unit price or cost at most 10,000,000.00 in the shop currency, any
// other amount (totals, bulk amounts) at most 100,000,000,000.00. Then a level's
// value (on hand × cost ≤ 10^18) fits SQLite's 64-bit integers, and stock
// valuation never silently becomes a float. Also: text never holds NUL or
// lone UTF-16 surrogates (they break SQLite text, exports and other programs).
// Pure: the renderer and the importers use the same limits.
import { z } from 'zod';

export const limits = {
  /** Units on one line, one movement, one stock level. */
  quantity: 1_000_000_000,
  /** Minor units of one unit's price or cost. */
  unitMoney: 1_000_000_000,
  /** Minor units of any amount (order totals, refunds, bulk amounts). */
  money: 10_000_000_000_000,
} as const;

/** A unit price or cost in minor units (0 … limits.unitMoney). */
export const unitMoneySchema = z.number().int().min(0).max(limits.unitMoney, 'moneyTooLarge');
/** An amount in minor units (0 … limits.money). */
export const moneySchema = z.number().int().min(0).max(limits.money, 'moneyTooLarge');
/** A positive count of units (1 … limits.quantity). */
export const positiveQuantitySchema = z.number().int().min(1).max(limits.quantity, 'quantityTooLarge');

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored, as an i18n key under `errors.`, or null when it is fine. */
export function textProblem(text: string): 'textNul' | 'textBrokenCharacter' | null {
  if (text.includes('\u0000')) return 'textNul';
  if (loneSurrogate.test(text)) return 'textBrokenCharacter';
  return null;
}

export interface TextIssue {
  path: string;
  key: 'textNul' | 'textBrokenCharacter';
}

/** Every string in a call's input (any depth) that cannot be stored, by path (`lines.2.note`). */
export function findTextProblems(value: unknown, path: string[] = [], found: TextIssue[] = []): TextIssue[] {
  if (found.length >= 20) return found;
  if (typeof value === 'string') {
    const key = textProblem(value);
    if (key) found.push({ path: path.join('.'), key });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => findTextProblems(item, [...path, String(index)], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) findTextProblems(item, [...path, key], found);
  }
  return found;
}
