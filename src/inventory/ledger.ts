// The one way stock changes: append movements to the ledger and move the
// materialised levels by the same deltas, inside the caller's transaction.
// Every stock feature (adjustments, transfers, stocktakes, receiving, channel
// orders) posts through here, so "levels = sum of ledger" holds by construction.
import type { Db } from '../db/open.js';
import { AppError } from '../shared/app-error.js';
import { limits } from '../shared/bounds.js';

export const movementReasons = [
  'initial',
  'receive',
  'sale',
  'return',
  'adjustment',
  'transfer_out',
  'transfer_in',
  'stocktake',
  'damage',
  'sync',
] as const;
export type MovementReason = (typeof movementReasons)[number];

export interface Movement {
  variantId: number;
  locationId: number;
  /** Non-zero; negative takes stock out. */
  delta: number;
  reason: MovementReason;
  reasonCode?: string | null;
  note?: string | null;
  refType?: string | null;
  refId?: string | null;
  /** Cost of the units moved, minor units (receipts: purchase cost). */
  unitCost?: number | null;
  actor: string;
  occurredAt: string;
  changeSetId?: number | null;
}

/** What one posted movement did: its ledger row and the level it left. */
export interface PostedMovement {
  id: number;
  variantId: number;
  locationId: number;
  delta: number;
  onHand: number;
}

export interface PostOptions {
  /** Refuse a movement that would leave on hand below zero (default true). */
  forbidNegative?: boolean;
}

export function insufficientStock(sku: string, location: string, onHand: number, wanted: number): AppError {
  return new AppError(
    'CONFLICT',
    `Only ${onHand} of ${sku} on hand at ${location}; ${wanted} requested. Nothing was changed.`,
    { key: 'insufficientStock', params: { sku, location, onHand, wanted } },
  );
}

/** A level beyond the bound no real shop reaches (shared/bounds.ts): refused, so values stay exact integers. */
export function levelTooLarge(sku: string, location: string, onHand: number): AppError {
  return new AppError(
    'VALIDATION',
    `${sku} at ${location} would have ${onHand} units, more than Shopdesk accepts (±${limits.quantity}). Nothing was changed.`,
    { key: 'quantityTooLarge', params: { sku, location, onHand }, issues: [{ path: 'quantity', key: 'quantityTooLarge', message: `quantity: beyond ±${limits.quantity}` }] },
  );
}

export function createLedger(db: Db) {
  const insertMovement = db.prepare(
    `INSERT INTO stock_movements (variant_id, location_id, delta, reason, reason_code, note, ref_type, ref_id,
       unit_cost, actor, occurred_at, change_set_id)
     VALUES (@variantId, @locationId, @delta, @reason, @reasonCode, @note, @refType, @refId, @unitCost, @actor,
       @occurredAt, @changeSetId)`,
  );
  const upsertLevel = db.prepare(
    `INSERT INTO stock_levels (variant_id, location_id, on_hand, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (variant_id, location_id) DO UPDATE SET on_hand = on_hand + excluded.on_hand,
       updated_at = excluded.updated_at
     RETURNING on_hand AS onHand`,
  );
  const openLevel = db.prepare(
    `INSERT INTO stock_levels (variant_id, location_id, on_hand, updated_at) VALUES (?, ?, 0, ?)
     ON CONFLICT (variant_id, location_id) DO NOTHING`,
  );
  const describe = db.prepare<[number, number], { sku: string; location: string }>(
    `SELECT (SELECT sku FROM variants WHERE id = ?) AS sku, (SELECT name FROM locations WHERE id = ?) AS location`,
  );

  return {
    /**
     * Appends the movements and moves the levels; must run inside a transaction
     * (the caller's), which a thrown error rolls back as a whole. Returns each
     * movement's ledger id and the on-hand level it left, in input order.
     */
    post(movements: readonly Movement[], options: PostOptions = {}): PostedMovement[] {
      if (!db.inTransaction) throw new Error('ledger.post must run inside a transaction');
      const forbidNegative = options.forbidNegative ?? true;
      const posted: PostedMovement[] = [];
      for (const movement of movements) {
        if (!Number.isInteger(movement.delta) || movement.delta === 0) {
          throw new Error(`Movement delta must be a non-zero integer, got ${movement.delta}`);
        }
        const inserted = insertMovement.run({
          reasonCode: null,
          note: null,
          refType: null,
          refId: null,
          unitCost: null,
          changeSetId: null,
          ...movement,
        });
        const level = upsertLevel.get(movement.variantId, movement.locationId, movement.delta, movement.occurredAt) as {
          onHand: number;
        };
        if (Math.abs(level.onHand) > limits.quantity || Math.abs(movement.delta) > limits.quantity) {
          const names = describe.get(movement.variantId, movement.locationId);
          throw levelTooLarge(names?.sku ?? String(movement.variantId), names?.location ?? String(movement.locationId), level.onHand);
        }
        if (forbidNegative && movement.delta < 0 && level.onHand < 0) {
          const names = describe.get(movement.variantId, movement.locationId);
          throw insufficientStock(
            names?.sku ?? String(movement.variantId),
            names?.location ?? String(movement.locationId),
            level.onHand - movement.delta,
            -movement.delta,
          );
        }
        posted.push({
          id: Number(inserted.lastInsertRowid),
          variantId: movement.variantId,
          locationId: movement.locationId,
          delta: movement.delta,
          onHand: level.onHand,
        });
      }
      return posted;
    },
    /**
     * Opens a level of 0 where the variant has none at the location: a count of 0 says
     * "stocked here, none left", which no level at all does not. No movement is needed —
     * the ledger's sum there is 0 already, so levels still equal the ledger. Returns
     * whether a level was opened.
     */
    openLevel(variantId: number, locationId: number, at: string): boolean {
      if (!db.inTransaction) throw new Error('ledger.openLevel must run inside a transaction');
      return openLevel.run(variantId, locationId, at).changes > 0;
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
