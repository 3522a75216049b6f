// Undo of stock an import set. For variants that existed before the import:
// post the opposite movement through the ledger (append-only: nothing is
// deleted), refused like any stock-out when stock has since been sold below
// what the undo would take away; a level the import opened and that is empty
// again is removed. Variants the import created are deleted by the undo, and a
// ledger row cannot outlive its variant: their movements are erased with them
// (migration 0008, ledger_erasures) — refused when their stock moved since in
// a way that is still in effect (a sale, an adjustment, a later import).
import type { Db } from '../../db/open.js';
import { createLedger } from '../../inventory/ledger.js';
import { AppError } from '../../shared/app-error.js';
import { systemNote } from '../../shared/system-note.js';
import { carriedCommittedEntity, stockEntity } from './stock-write.js';

const createdVariants = `SELECT entity_id FROM change_set_items WHERE change_set_id = ? AND entity = 'variants' AND field = '$row'`;
const locationOf = (field: string): number => Number(field.slice('location:'.length));

export function reverseStockItems(db: Db, changeSetId: number, at: string): number {
  const items = db
    .prepare<[number, string, number], { variantId: number; field: string; before: string | null; after: string }>(
      `SELECT entity_id AS variantId, field, before_value AS before, after_value AS after
       FROM change_set_items WHERE change_set_id = ? AND entity = ? AND entity_id NOT IN (${createdVariants}) ORDER BY id`,
    )
    .all(changeSetId, stockEntity, changeSetId);
  const ledger = createLedger(db);
  let reversed = 0;
  for (const item of items) {
    const before = item.before === null ? 0 : Number(item.before);
    const delta = before - Number(item.after);
    if (delta === 0) continue;
    ledger.post(
      [
        {
          variantId: item.variantId,
          locationId: locationOf(item.field),
          delta,
          reason: 'adjustment',
          reasonCode: 'correction',
          note: systemNote('importUndone', { changeSetId }),
          refType: 'import',
          refId: String(changeSetId),
          actor: 'owner',
          occurredAt: at,
        },
      ],
      // Back to an oversold level is allowed (that is where it was); below it is not.
      { forbidNegative: before >= 0 },
    );
    reversed += 1;
  }
  // Levels the import opened ("none" before) that hold nothing again and have no history.
  const dropEmpty = db.prepare<[number, number, number, number]>(
    `DELETE FROM stock_levels WHERE variant_id = ? AND location_id = ? AND on_hand = 0 AND committed = 0 AND incoming = 0
       AND NOT EXISTS (SELECT 1 FROM stock_movements m WHERE m.variant_id = ? AND m.location_id = ?)`,
  );
  for (const item of items) {
    if (item.before !== null) continue;
    const locationId = locationOf(item.field);
    dropEmpty.run(item.variantId, locationId, item.variantId, locationId);
  }
  return reversed;
}

/** Undo of committed stock carried over: the carried part goes back to what it was (committed moves with it). */
export function restoreCarriedCommitted(db: Db, changeSetId: number, at: string): number {
  const items = db
    .prepare<[number, string, number], { variantId: number; field: string; before: string | null }>(
      `SELECT entity_id AS variantId, field, before_value AS before FROM change_set_items
       WHERE change_set_id = ? AND entity = ? AND entity_id NOT IN (${createdVariants}) ORDER BY id`,
    )
    .all(changeSetId, carriedCommittedEntity, changeSetId);
  const restore = db.prepare<[number, number, string, number, number]>(
    `UPDATE stock_levels SET committed = committed - carried_committed + ?, carried_committed = ?, updated_at = ?
     WHERE variant_id = ? AND location_id = ?`,
  );
  for (const item of items) {
    const before = item.before === null ? 0 : Number(item.before);
    restore.run(before, before, at, item.variantId, locationOf(item.field));
  }
  return items.length;
}

/**
 * Before the variants an import created are deleted: erase their ledger rows. Only rows of
 * imports (this one, or later ones already undone, with their reversals) may go; any other
 * movement — a sale, an adjustment, a transfer, a later import still in effect — refuses
 * the undo, naming the SKU.
 */
export function eraseCreatedVariantsLedger(db: Db, changeSetId: number): number {
  const moved = db
    .prepare<[number, string], { sku: string; changeSetId: number | null; refType: string | null }>(
      `SELECT v.sku, m.change_set_id AS changeSetId, m.ref_type AS refType
       FROM stock_movements m JOIN variants v ON v.id = m.variant_id
       WHERE m.variant_id IN (${createdVariants})
         AND NOT (m.ref_type = 'import' AND (m.ref_id = ?
           OR EXISTS (SELECT 1 FROM change_sets cs WHERE cs.id = CAST(m.ref_id AS INTEGER) AND cs.undone_at IS NOT NULL)))
       LIMIT 1`,
    )
    .get(changeSetId, String(changeSetId));
  if (moved) {
    const by = moved.changeSetId !== null ? `change set ${moved.changeSetId}` : (moved.refType ?? 'a stock change');
    throw new AppError('CONFLICT', `Change set ${changeSetId} cannot be undone: the stock of ${moved.sku}, which it created, moved since (${by}). Undo that first.`, {
      key: 'undoBlocked',
      params: { changeSetId, blockedCount: 1, laterChangeSets: moved.changeSetId === null ? '' : String(moved.changeSetId) },
    });
  }
  db.prepare<[number]>(`INSERT INTO ledger_erasures (variant_id) SELECT DISTINCT variant_id FROM stock_movements WHERE variant_id IN (${createdVariants})`).run(
    changeSetId,
  );
  const erased = db.prepare('DELETE FROM stock_movements WHERE variant_id IN (SELECT variant_id FROM ledger_erasures)').run().changes;
  db.prepare('DELETE FROM ledger_erasures').run();
  return erased;
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
