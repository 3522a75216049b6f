// Writing the stock an import planned, for every target that carries stock
// (stock levels, products): each change of on hand is one ledger movement —
// the ledger is the only way stock changes — dated when the file (or the
// person) dated the stock and carrying the unit cost the file gave; a count of
// 0 where there was no level opens one (a fact: stocked here, none left);
// committed stock carried over from another system is set beside it. Every
// change is a change-set item, so undo (stock-undo.ts) takes it back.
import { createCarriedCommittedStore } from '../../inventory/carried-committed-store.js';
import { createLedger } from '../../inventory/ledger.js';
import { systemNote } from '../../shared/system-note.js';
import type { WriteContext } from './target.js';

/** change_set_items of stock an import set: entity `stock`, the variant, field `location:<id>`, before (null: no level) / after on hand. */
export const stockEntity = 'stock';
/** Committed stock carried over: entity `stock_committed`, the variant, field `location:<id>`, before/after carried units. */
export const carriedCommittedEntity = 'stock_committed';

export const levelField = (locationId: number): string => `location:${locationId}`;

export interface StockWrite {
  variantId: number;
  locationId: number;
  /** The on hand to set there; undefined leaves it (only other parts of the level change). */
  onHand: number | undefined;
  /** Committed units carried over from another system; undefined leaves them. */
  carried?: number | undefined;
  /** Cost of the units, minor units (valuation and FIFO aging read it from the movement). */
  unitCost: number | null;
  /** When the stock was counted: the stock date's local midnight, or now. */
  occurredAt: string;
}

export function createStockWriter(ctx: WriteContext) {
  const ledger = createLedger(ctx.db);
  const carried = createCarriedCommittedStore(ctx.db);
  const level = ctx.db.prepare<[number, number], { onHand: number }>('SELECT on_hand AS onHand FROM stock_levels WHERE variant_id = ? AND location_id = ?');
  const at = ctx.clock.now().toISOString();
  const record = (entity: string, write: StockWrite, before: number | null, after: number) =>
    ctx.history.addItem(ctx.changeSetId, { entity, entityId: write.variantId, field: levelField(write.locationId), before, after });

  return (write: StockWrite): void => {
    // The level as it is now (the plan may be a moment old): the movement brings it to the file's number.
    const stored = level.get(write.variantId, write.locationId);
    if (write.onHand !== undefined) {
      const delta = write.onHand - (stored?.onHand ?? 0);
      if (delta !== 0) {
        ledger.post(
          [
            {
              variantId: write.variantId,
              locationId: write.locationId,
              delta,
              // Stock where the variant had none is its opening stock; otherwise a correction (the
              // built-in "either way" reason). Both are marked as this import by ref_type/ref_id.
              reason: stored ? 'adjustment' : 'initial',
              reasonCode: stored ? 'correction' : null,
              note: systemNote('spreadsheetImport'),
              refType: 'import',
              refId: String(ctx.changeSetId),
              unitCost: write.unitCost,
              actor: ctx.actor,
              occurredAt: write.occurredAt,
              changeSetId: ctx.changeSetId,
            },
          ],
          // Oversold stock arrives as it is (the preview flagged it).
          { forbidNegative: false },
        );
      } else if (!stored) {
        ledger.openLevel(write.variantId, write.locationId, at);
      }
      if (delta !== 0 || !stored) record(stockEntity, write, stored ? stored.onHand : null, write.onHand);
    }
    if (write.carried !== undefined) {
      if (!level.get(write.variantId, write.locationId)) ledger.openLevel(write.variantId, write.locationId, at);
      const before = carried.set(write.variantId, write.locationId, write.carried, at);
      if (before !== write.carried) record(carriedCommittedEntity, write, before, write.carried);
    }
  };
}
