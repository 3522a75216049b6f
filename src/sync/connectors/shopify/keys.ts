// Idempotency keys for one mutation request. The engine persists one key per item before the
// call; a request carrying several items needs one key that is the same whenever the same items
// (with the same keys) are sent again, and different for any other set.
import { createHash, randomUUID } from 'node:crypto';

export function requestKey(itemKeys: readonly (string | null)[]): string {
  if (itemKeys.some((key) => key === null)) {
    // A caller without keys gets one per call: retries inside this call reuse it, a new call is a
    // new logical change (marketplaces.md: a new change must use a new key).
    return randomUUID();
  }
  const keys = itemKeys as readonly string[];
  if (keys.length === 1 && keys[0] !== undefined) return keys[0];
  const hex = createHash('sha256').update([...keys].sort().join('\n')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The index an input path like ["input","quantities","3","changeFromQuantity"] points at. */
export function indexFromField(field: readonly string[] | null | undefined, listName: string): number | null {
  if (!field) return null;
  const at = field.indexOf(listName);
  const raw = at >= 0 ? field[at + 1] : undefined;
  if (raw === undefined || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}
