// Shared setup for the purchasing tests: the small catalog plus a store, and a
// snapshot of every table purchasing writes, to prove refused input changed nothing.
import { openDatabase, type Db } from '../../src/db/open.js';
import { seedCatalog } from './catalog-fixture.js';

// seedCatalog at the warehouse (location 1): HOD-001-BLK-M 12 on hand at 21.00; HOD-001-BLK-L 0 at 21.00;
// TEA-100 40 at 50.00; MUG-50% 3 with no cost. Every variant has a level row at the warehouse only.
export const HOD_M = 1;
export const HOD_L = 2;
export const TEA = 3;
export const MUG = 4;
export const WAREHOUSE = 1;
/** Added here: a shop location with no stock level rows at all. */
export const STORE = 2;

export function seedPurchasing(path: string): void {
  seedCatalog(path);
  const db = openDatabase(path);
  db.prepare("INSERT INTO locations (id, code, name, kind, created_at) VALUES (2, 'ST-1', 'City store', 'store', '2026-11-01T00:00:00.000Z')").run();
  db.close();
}

export interface Level {
  onHand: number;
  incoming: number;
}

/** The level row, or undefined when the location never had one for the variant. */
export function levelOf(db: Db, variantId: number, locationId: number): Level | undefined {
  return db.prepare<[number, number], Level>('SELECT on_hand AS onHand, incoming FROM stock_levels WHERE variant_id = ? AND location_id = ?').get(variantId, locationId);
}

export function costOf(db: Db, variantId: number): number | null {
  return db.prepare<[number], { cost: number | null }>('SELECT cost FROM variants WHERE id = ?').get(variantId)?.cost ?? null;
}

const writtenTables = [
  'suppliers',
  'supplier_items',
  'purchase_orders',
  'purchase_order_lines',
  'receipts',
  'receipt_lines',
  'stock_levels',
  'stock_movements',
  'variants',
  'change_sets',
  'change_set_items',
] as const;

/** Every row of every table purchasing writes, in a stable order. */
export function purchasingState(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(writtenTables.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]));
}
