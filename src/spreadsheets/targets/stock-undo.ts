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

/** Undo of safety stock an import set: a setting, so the earlier value is written back as it was. */
export function restoreSafetyStock(db: Db, changeSetId: number, at: string): number {
  const items = db
    .prepare<[number], { variantId: number; field: string; before: string | null }>(
      `SELECT entity_id AS variantId, field, before_value AS before
       FROM change_set_items WHERE change_set_id = ? AND entity = 'stock_safety' ORDER BY id`,
    )
    .all(changeSetId);
  const restore = db.prepare('UPDATE stock_levels SET safety_stock = ?, updated_at = ? WHERE variant_id = ? AND location_id = ?');
  for (const item of items) {
    const before: unknown = item.before === null ? null : JSON.parse(item.before);
    restore.run(typeof before === 'number' ? before : null, at, item.variantId, Number(item.field.slice('location:'.length)));
  }
  return items.length;
}
