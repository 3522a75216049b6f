// Selling a bundle consumes its components: a bundle holds no stock of its own
// (its availability is computed from the components, see catalog bundles), so
// an order line for a bundle must post its movements against the component
// variants instead, quantity × component quantity each. Order posting calls
// `bundleMovements` and hands the result to the ledger in its transaction.
import type { Db } from '../db/open.js';
import type { Movement, MovementReason } from './ledger.js';

export interface StockLine {
  variantId: number;
  locationId: number;
  /** Units sold (or returned); positive. */
  quantity: number;
}

export interface BundleComponent {
  variantId: number;
  /** Units of this component in one bundle. */
  quantity: number;
}

/** Components of a variant, or an empty list when it is not a bundle. */
export type ComponentsOf = (variantId: number) => readonly BundleComponent[];

/**
 * Replaces every bundle line by its components' lines (quantity × component
 * quantity) and leaves other lines as they are. Lines that land on the same
 * variant × location are merged, in order of first appearance, so a sale of a
 * bundle plus a loose component posts one movement per variant and location.
 */
export function expandBundleLines(lines: readonly StockLine[], componentsOf: ComponentsOf): StockLine[] {
  const merged = new Map<string, StockLine>();
  const add = (variantId: number, locationId: number, quantity: number) => {
    const key = `${variantId}:${locationId}`;
    const found = merged.get(key);
    if (found) found.quantity += quantity;
    else merged.set(key, { variantId, locationId, quantity });
  };
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
      throw new Error(`A stock line quantity must be a positive integer, got ${line.quantity}`);
    }
    const components = componentsOf(line.variantId);
    if (components.length === 0) add(line.variantId, line.locationId, line.quantity);
    for (const component of components) add(component.variantId, line.locationId, line.quantity * component.quantity);
  }
  return [...merged.values()];
}

export interface MovementContext {
  /** 'sale' takes stock out; 'return' puts it back. */
  reason: Extract<MovementReason, 'sale' | 'return'>;
  actor: string;
  occurredAt: string;
  refType?: string | null;
  refId?: string | null;
  note?: string | null;
}

/** The ledger movements for sale (or return) lines, with bundles consumed as their components. */
export function bundleMovements(lines: readonly StockLine[], componentsOf: ComponentsOf, context: MovementContext): Movement[] {
  const sign = context.reason === 'sale' ? -1 : 1;
  return expandBundleLines(lines, componentsOf).map((line) => ({
    variantId: line.variantId,
    locationId: line.locationId,
    delta: sign * line.quantity,
    reason: context.reason,
    refType: context.refType ?? null,
    refId: context.refId ?? null,
    note: context.note ?? null,
    actor: context.actor,
    occurredAt: context.occurredAt,
  }));
}

/** Reads bundle components from the catalog's bundle_components table. */
export function componentsFromDb(db: Db): ComponentsOf {
  const statement = db.prepare<[number], BundleComponent>(
    'SELECT component_variant_id AS variantId, quantity FROM bundle_components WHERE bundle_variant_id = ? ORDER BY component_variant_id',
  );
  return (variantId) => statement.all(variantId);
}
