// Creating a draft purchase order: used by "new PO" (po-service) and by reorder
// suggestions. Runs inside the caller's transaction (callers wrap it, so a draft
// and whatever else the caller writes land together or not at all).
import { nextDocumentNumber } from '../db/document-numbers.js';
import type { Db } from '../db/open.js';
import { AppError } from '../shared/app-error.js';
import type { FieldIssue } from '../shared/envelope.js';
import { throwIfIssues } from '../inventory/stock-checks.js';

export interface DraftPoLine {
  variantId: number;
  /** Units to order, > 0. */
  quantity: number;
  /** Agreed unit cost in minor units of the supplier's currency. */
  unitCost: number;
  supplierSku?: string | null;
}

export interface DraftPo {
  supplierId: number;
  /** Where the goods are expected. */
  locationId: number;
  lines: readonly DraftPoLine[];
  note?: string;
  actor: string;
  /** UTC ISO timestamp from the injected clock. */
  now: string;
}

/** Inserts a 'draft' PO (currency = the supplier's, next PO-000001 number) and its lines; returns its id. */
export function createDraftPurchaseOrder(db: Db, po: DraftPo): number {
  if (!db.inTransaction) throw new Error('createDraftPurchaseOrder must run inside the caller’s transaction');
  const issues: FieldIssue[] = [];
  po.lines.forEach((line, i) => {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
      issues.push({ path: `lines.${i}.quantity`, key: 'quantityPositive', message: `lines.${i}.quantity: ${line.quantity} is not a quantity of at least 1` });
    }
  });
  throwIfIssues(issues, 'The purchase order');
  const supplier = db.prepare<[number], { currency: string }>('SELECT currency FROM suppliers WHERE id = ?').get(po.supplierId);
  if (!supplier) {
    throw new AppError('NOT_FOUND', `Supplier ${po.supplierId} does not exist; no purchase order was created.`, {
      key: 'unknownSupplier',
      params: { supplierId: po.supplierId },
      issues: [{ path: 'supplierId', key: 'unknownSupplier', message: `supplierId: supplier ${po.supplierId} does not exist` }],
    });
  }
  const id = Number(
    db
      .prepare(
        `INSERT INTO purchase_orders (number, supplier_id, location_id, status, currency, note, created_at, updated_at, actor)
         VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?)`,
      )
      .run(nextDocumentNumber(db, 'PO'), po.supplierId, po.locationId, supplier.currency, po.note ?? '', po.now, po.now, po.actor).lastInsertRowid,
  );
  const insert = db.prepare(
    'INSERT INTO purchase_order_lines (purchase_order_id, variant_id, supplier_sku, quantity_ordered, unit_cost) VALUES (?, ?, ?, ?, ?)',
  );
  for (const line of po.lines) insert.run(id, line.variantId, line.supplierSku ?? null, line.quantity, line.unitCost);
  return id;
}
