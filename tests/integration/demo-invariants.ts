// Invariants every generated demo shop keeps, whatever its size or stocking settings.
import { expect } from 'vitest';

/** Reads one number from the shop under test. */
export type NumberOf = (sql: string, ...params: unknown[]) => number;

/** Stock on hand equals the ledger's sum per variant and location, and no running balance ever went negative. */
export function expectLedgerConsistent(num: NumberOf): void {
  expect(num(`SELECT count(*) FROM stock_levels sl JOIN (SELECT variant_id, location_id, sum(delta) AS total FROM stock_movements
    GROUP BY variant_id, location_id) m USING (variant_id, location_id) WHERE sl.on_hand <> m.total`)).toBe(0);
  expect(num(`SELECT min(balance) FROM (SELECT sum(delta) OVER (PARTITION BY variant_id, location_id ORDER BY occurred_at, id) AS balance
    FROM stock_movements)`)).toBeGreaterThanOrEqual(0);
}
