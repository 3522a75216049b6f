// Stock values are exact integers or nothing.
import { AppError } from '../shared/app-error.js';

/**
 * Values are exact integers or nothing: a total beyond 2^53 minor units (about 90 trillion in the
 * shop currency, far past any real shop but reachable by typing the largest allowed quantity at
 * the largest allowed cost) is refused with its reason, never shown rounded as a float.
 */
export function exactValues<T>(read: () => T, numbers: (value: T) => number[]): T {
  let value: T;
  try {
    value = read();
  } catch (error) {
    if (error instanceof Error && /integer overflow/i.test(error.message)) throw stockValueTooLarge();
    throw error;
  }
  if (!numbers(value).every((n) => Number.isSafeInteger(n))) throw stockValueTooLarge();
  return value;
}

function stockValueTooLarge(): AppError {
  return new AppError(
    'CONFLICT',
    'The stock value is larger than Shopdesk can count exactly (about 90 trillion). Check for a quantity or cost typed with too many digits.',
    { key: 'stockValueTooLarge' },
  );
}
