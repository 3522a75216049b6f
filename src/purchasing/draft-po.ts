// Creating a draft purchase order: used by "new PO" and by reorder suggestions.
// Runs inside the caller's transaction; the caller has validated the lines.
import { nextDocumentNumber } from '../db/document-numbers.js';
import type { Db } from '../db/open.js';

export interface DraftPoLine {
  variantId: number;
  quantity: number;
  unitCost: number;
  supplierSku?: string | null;
}

export interface DraftPo {
  supplierId: number;
  locationId: number;
  lines: readonly DraftPoLine[];
  note?: string;
  actor: string;
  now: string;
}

export function createDraftPurchaseOrder(db: Db, po: DraftPo): number {
  if (!db.inTransaction) throw new Error('createDraftPurchaseOrder must run inside a transaction');
  const id = Number(
    db
      .prepare(
        `INSERT INTO purchase_orders (number, supplier_id, location_id, status, currency, note, created_at, updated_at, actor)
         SELECT ?, id, ?, 'draft', currency, ?, ?, ?, ? FROM suppliers WHERE id = ?`,
      )
      .run(nextDocumentNumber(db, 'PO'), po.locationId, po.note ?? '', po.now, po.now, po.actor, po.supplierId).lastInsertRowid,
  );
  const insert = db.prepare(
    'INSERT INTO purchase_order_lines (purchase_order_id, variant_id, supplier_sku, quantity_ordered, unit_cost) VALUES (?, ?, ?, ?, ?)',
  );
  for (const line of po.lines) insert.run(id, line.variantId, line.supplierSku ?? null, line.quantity, line.unitCost);
  return id;
}
