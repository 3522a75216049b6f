// SQL behind alert groups: the alerts of a status with what grouping needs of
// their subject — the supplier the Reorder page would order a variant from
// (the chosen supplier item: preferred, else cheapest, else the oldest, as in
// purchasing/reorder-candidates.ts) and the category of the variant's or
// product's product, and whether a stock-out's item also has an open
// below-reorder-point alert — read at grouping time, so a changed supplier or
// category regroups open alerts at once. Plus the names groups are shown by.
import type { Db } from '../db/open.js';
import type { Alert, AlertStatus } from './contract.js';
import type { SubjectRefs } from './group-key.js';
import { alertColumns, toAlert, type AlertRow } from './store.js';

type Row = AlertRow & { supplierId: number | null; categoryId: number | null };

export interface AlertWithRefs {
  alert: Alert;
  refs: SubjectRefs;
}

export function createAlertGroupStore(db: Db) {
  const rows = db.prepare<[{ status: string | null }], Row>(
    `SELECT ${alertColumns('a')},
       CASE WHEN a.subject_type = 'variant' THEN
         (SELECT x.supplier_id FROM supplier_items x WHERE x.variant_id = v.id ORDER BY x.is_preferred DESC, x.cost, x.id LIMIT 1)
       END AS supplierId,
       COALESCE(p.category_id, pp.category_id, CASE WHEN a.subject_type = 'category' THEN CAST(a.subject_id AS INTEGER) END) AS categoryId
     FROM alerts a
     LEFT JOIN variants v ON a.subject_type = 'variant' AND v.id = CAST(a.subject_id AS INTEGER)
     LEFT JOIN products p ON p.id = v.product_id
     LEFT JOIN products pp ON a.subject_type = 'product' AND pp.id = CAST(a.subject_id AS INTEGER)
     WHERE @status IS NULL OR a.status = @status`,
  );
  // The suppliers with an open reorder alert, in one pass (no index on subject_id: a probe per stock-out would scan the table each time).
  const reorderSuppliers = db.prepare<[], { supplierId: number }>(
    `SELECT DISTINCT (SELECT x.supplier_id FROM supplier_items x WHERE x.variant_id = CAST(a.subject_id AS INTEGER)
                      ORDER BY x.is_preferred DESC, x.cost, x.id LIMIT 1) AS supplierId
     FROM alerts a WHERE a.rule = 'belowReorderPoint' AND a.subject_type = 'variant' AND a.status <> 'resolved'`,
  );
  const suppliers = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM suppliers');
  const categories = db.prepare<[], { id: number; parentId: number | null; path: string }>('SELECT id, parent_id AS parentId, path FROM categories');

  return {
    /** Every alert of the status (all when undefined) with its subject's supplier and category. */
    alerts: (status: AlertStatus | undefined): AlertWithRefs[] => {
      const reordering = new Set(reorderSuppliers.all().map((row) => row.supplierId));
      return rows.all({ status: status ?? null }).map(({ supplierId, categoryId, ...row }) => ({
        alert: toAlert(row),
        refs: { supplierId, categoryId, reorderable: row.rule === 'stockOut' && supplierId !== null && reordering.has(supplierId) },
      }));
    },
    supplierNames: () => new Map(suppliers.all().map((row) => [row.id, row.name])),
    categories: () => categories.all(),
  };
}
