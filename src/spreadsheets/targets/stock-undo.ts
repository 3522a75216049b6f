// Undo of stock an import set: post the opposite movement through the ledger
// (which is append-only, so nothing is deleted). Refused, like any stock-out,
// when stock has since been sold below what the undo would take away.
import type { Db } from '../../db/open.js';
import { createLedger } from '../../inventory/ledger.js';

export function reverseStockItems(db: Db, changeSetId: number, at: string): number {
  const items = db
    .prepare<[number], { variantId: number; field: string; before: string; after: string }>(
      `SELECT entity_id AS variantId, field, before_value AS before, after_value AS after
       FROM change_set_items WHERE change_set_id = ? AND entity = 'stock' ORDER BY id`,
    )
    .all(changeSetId);
  const movements = items
    .map((item) => ({
      variantId: item.variantId,
      locationId: Number(item.field.slice('location:'.length)),
      delta: Number(item.before) - Number(item.after),
      reason: 'adjustment' as const,
      reasonCode: 'correction',
      note: `Undo of import #${changeSetId}`,
      refType: 'import',
      refId: String(changeSetId),
      actor: 'owner',
      occurredAt: at,
    }))
    .filter((movement) => movement.delta !== 0);
  createLedger(db).post(movements);
  return movements.length;
}
