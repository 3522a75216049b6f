// What import change sets hold beyond catalog edits, so undo can reverse a
// whole import: rows it created (deleted again, children first), columns of
// suppliers / supplier items / customers it changed, and stock it set
// (reversed through the ledger by a hook, because the ledger is append-only).
import type { UndoTargets } from '../history/store.js';
import { restoreSafetyStock, reverseStockItems } from './targets/stock-undo.js';
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
  },
  memberships: {},
  rows: {
    order_lines: { order: 1 },
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
  hooks: { stock: reverseStockItems, stock_safety: restoreSafetyStock, stocktake_count: restoreStocktakeCounts },
};
