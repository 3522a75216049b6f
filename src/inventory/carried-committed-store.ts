// Committed stock carried over from another system (migration 0008): units a
// shop moving in had already promised to orders Shopdesk does not hold, or set
// aside as unavailable. They are part of stock_levels.committed, so every
// available figure (on hand − committed) counts them without knowing about
// them, and are remembered apart in carried_committed so that a later stock
// import can release or replace them (and undo can put them back).
import type { Db } from '../db/open.js';

export function createCarriedCommittedStore(db: Db) {
  const read = db.prepare<[number, number], { carried: number }>(
    'SELECT carried_committed AS carried FROM stock_levels WHERE variant_id = ? AND location_id = ?',
  );
  const write = db.prepare<[number, number, string, number, number]>(
    `UPDATE stock_levels SET committed = committed - carried_committed + ?, carried_committed = ?, updated_at = ?
     WHERE variant_id = ? AND location_id = ?`,
  );
  return {
    /** The carried part of committed at a level (0 where there is no level). */
    get: (variantId: number, locationId: number): number => read.get(variantId, locationId)?.carried ?? 0,
    /**
     * Replaces the carried part of committed at an existing level (committed moves by the
     * difference, what open orders commit stays). Returns the value it replaced.
     */
    set(variantId: number, locationId: number, carried: number, at: string): number {
      const before = read.get(variantId, locationId);
      if (!before) throw new Error(`No stock level for variant ${variantId} at location ${locationId}`);
      if (before.carried !== carried) write.run(carried, carried, at, variantId, locationId);
      return before.carried;
    },
  };
}
