// "Incoming" maintenance: the quantities still expected on open purchase orders,
// mirrored per variant and destination in stock_levels.incoming (0004_purchasing.sql).
// Sending adds the outstanding quantities; receiving, closing and cancelling take
// them away. Callers run these inside their own transaction.
import type { Db } from '../db/open.js';

export interface IncomingChange {
  variantId: number;
  locationId: number;
  /** Units to add (positive) or remove (negative). */
  delta: number;
}

export function createIncoming(db: Db) {
  // A missing level row is created (a PO may bring an item the location never held);
  // the result never goes below zero, so receiving more than ordered, or a PO
  // whose numbers were seeded by hand, cannot leave a negative "incoming".
  const move = db.prepare<{ variantId: number; locationId: number; delta: number; at: string }>(
    `INSERT INTO stock_levels (variant_id, location_id, on_hand, incoming, updated_at)
     VALUES (@variantId, @locationId, 0, MAX(@delta, 0), @at)
     ON CONFLICT (variant_id, location_id) DO UPDATE SET incoming = MAX(incoming + @delta, 0), updated_at = @at`,
  );
  const exists = db.prepare<[number, number], { one: number }>('SELECT 1 AS one FROM stock_levels WHERE variant_id = ? AND location_id = ?');
  return {
    apply(changes: readonly IncomingChange[], at: string): void {
      if (!db.inTransaction) throw new Error('incoming changes must run inside a transaction');
      for (const change of changes) {
        if (change.delta === 0) continue;
        // Removing from a row that does not exist has nothing to remove: do not create an empty row.
        if (change.delta < 0 && !exists.get(change.variantId, change.locationId)) continue;
        move.run({ ...change, at });
      }
    },
  };
}
