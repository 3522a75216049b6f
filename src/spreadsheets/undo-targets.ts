// What import change sets hold beyond catalog edits, so undo can reverse a
// whole import: rows it created (deleted again, children first), columns of
// suppliers / supplier items / customers it changed, and stock it set
// (reversed through the ledger by a hook, because the ledger is append-only;
// a variant the import created takes its own ledger rows with it, and a
// location it created is deleted, or kept inactive where history needs it).
import type { UndoTargets } from '../history/store.js';
import { undoCreatedLocations } from './targets/import-locations.js';
import { eraseCreatedVariantsLedger, restoreCarriedCommitted, restoreSafetyStock, reverseStockItems } from './targets/stock-undo.js';
import { restoreStocktakeCounts } from './targets/stocktake-counts.js';

export const importUndoTargets: UndoTargets = {
  columns: {
    suppliers: {
      fields: ['contact_name', 'email', 'phone', 'currency', 'payment_terms', 'lead_time_days', 'notes'],
      touch: 'updated_at',
    },
    supplier_items: { fields: ['supplier_sku', 'cost', 'pack_size', 'moq', 'lead_time_days', 'is_preferred'] },
    customers: { fields: ['name', 'phone', 'city', 'country'] },
    purchase_order_lines: { fields: ['quantity_ordered', 'unit_cost'] },
    // An inactive location an import put stock in was made active again.
    locations: { fields: ['active'] },
  },
  memberships: {},
  rows: {
    order_lines: { order: 1 },
    // Returns a returns file added (their lines go with them: ON DELETE CASCADE).
    returns: { order: 1 },
    purchase_order_lines: { order: 1 },
    supplier_items: { order: 2 },
    orders: { order: 3 },
    variants: { order: 4 },
    products: { order: 5 },
    customers: { order: 6 },
    suppliers: { order: 6 },
    categories: { order: 7 },
    channels: { order: 7 },
  },
  hooks: { stock: reverseStockItems, stock_safety: restoreSafetyStock, stocktake_count: restoreStocktakeCounts, stock_committed: restoreCarriedCommitted },
  // A variant the import created takes its ledger rows with it (stock-undo.ts says when that is refused).
  beforeDelete: { variants: (db, changeSetId) => eraseCreatedVariantsLedger(db, changeSetId) },
  // Locations it created: deleted when nothing refers to them any more, else kept (import-locations.ts).
  afterDelete: { locations: (db, changeSetId) => undoCreatedLocations(db, changeSetId) },
  // Returns a later returns file added to imported orders: undoing the orders would delete them unseen.
  dependents: [{ entity: 'orders', childTable: 'returns', childColumn: 'order_id' }],
};
