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

/** Each PO line received exactly what its receipts say, the ledger holds those receipts, and what is on its way shows as incoming. */
export function expectReceiptsMatchOrders(num: NumberOf): void {
  expect(num(`SELECT count(*) FROM purchase_order_lines pl LEFT JOIN (SELECT purchase_order_line_id AS id, sum(quantity) AS q
    FROM receipt_lines GROUP BY 1) r USING (id) WHERE pl.quantity_received <> coalesce(r.q, 0)`)).toBe(0);
  expect(num(`SELECT sum(quantity) FROM receipt_lines`)).toBe(num(`SELECT sum(delta) FROM stock_movements WHERE ref_type = 'receipt'
    AND ref_id IN (SELECT CAST(id AS TEXT) FROM receipts)`));
  expect(num(`SELECT count(*) FROM stock_levels sl LEFT JOIN (SELECT pl.variant_id, po.location_id, sum(pl.quantity_ordered - pl.quantity_received) AS q
    FROM purchase_order_lines pl JOIN purchase_orders po ON po.id = pl.purchase_order_id WHERE po.status IN ('sent', 'partially_received')
    GROUP BY 1, 2) o USING (variant_id, location_id) WHERE sl.incoming <> coalesce(o.q, 0)`)).toBe(0);
}
