// What the reorder model needs per variant, read in one query: the
// chosen supplier item (preferred, else cheapest, else lowest id), lead time
// (the item's, else the supplier's default), stock position and safety settings.
import { variantTitleSql } from '../catalog/store.js';
import type { Db } from '../db/open.js';
import { lowStockVariantsSql } from '../inventory/low-stock-store.js';

export interface CandidateRow {
  variantId: number;
  sku: string;
  title: string;
  supplierId: number | null;
  supplierName: string | null;
  currency: string | null;
  supplierSku: string | null;
  unitCost: number | null;
  packSize: number | null;
  moq: number | null;
  leadTimeDays: number | null;
  ruleMode: 'manual' | 'computed' | null;
  ruleServiceLevel: number | null;
  /** Σ (on hand − committed) over non-transit locations. */
  available: number;
  /** Σ manual safety stock over non-transit locations; null when none is set anywhere. */
  manualSafety: number | null;
  /** Outstanding on sent / partially received POs (the PO lines, not the incoming mirror). */
  onOrder: number;
  onDraft: number;
  /** Low by the shop's one low-stock rule (inventory/low-stock-store.ts): 1 or 0. */
  lowStock: number;
}

// Read only for the variants that can need ordering: those that sold in their
// window (`demanded`) and those with a manual safety stock somewhere. Each figure
// is a correlated lookup on an index, so the cost follows those variants, not
// the whole catalog. Bundles are not bought: their sales count as demand for
// their components (demand.ts).
const candidatesSql = `
  WITH ids (id) AS (
    SELECT value FROM json_each(@demanded) UNION SELECT variant_id FROM stock_levels WHERE safety_stock > 0),
  shelves (id) AS (SELECT id FROM locations WHERE kind <> 'transit'),
  low AS (${lowStockVariantsSql})
  SELECT v.id AS variantId, v.sku,
    p.title || CASE WHEN ${variantTitleSql} <> '' THEN ' — ' || ${variantTitleSql} ELSE '' END AS title,
    s.id AS supplierId, s.name AS supplierName, s.currency, si.supplier_sku AS supplierSku, si.cost AS unitCost,
    si.pack_size AS packSize, si.moq, COALESCE(si.lead_time_days, s.lead_time_days) AS leadTimeDays,
    r.safety_mode AS ruleMode, r.service_level AS ruleServiceLevel,
    COALESCE((SELECT SUM(sl.on_hand - sl.committed) FROM stock_levels sl WHERE sl.variant_id = v.id AND sl.location_id IN shelves), 0) AS available,
    (SELECT SUM(sl.safety_stock) FROM stock_levels sl WHERE sl.variant_id = v.id AND sl.location_id IN shelves) AS manualSafety,
    COALESCE((SELECT SUM(MAX(pol.quantity_ordered - pol.quantity_received, 0))
      FROM purchase_order_lines pol JOIN purchase_orders po ON po.id = pol.purchase_order_id
      WHERE pol.variant_id = v.id AND po.status IN ('sent', 'partially_received')), 0) AS onOrder,
    EXISTS (SELECT 1 FROM purchase_order_lines pol JOIN purchase_orders po ON po.id = pol.purchase_order_id
      WHERE pol.variant_id = v.id AND po.status = 'draft') AS onDraft,
    EXISTS (SELECT 1 FROM low WHERE low.variantId = v.id) AS lowStock
  FROM ids JOIN variants v ON v.id = ids.id JOIN products p ON p.id = v.product_id
    -- The chosen supplier item: preferred, else cheapest, else the oldest.
    LEFT JOIN supplier_items si ON si.id = (
      SELECT x.id FROM supplier_items x WHERE x.variant_id = v.id ORDER BY x.is_preferred DESC, x.cost, x.id LIMIT 1)
    LEFT JOIN suppliers s ON s.id = si.supplier_id
    LEFT JOIN variant_stock_rules r ON r.variant_id = v.id
  WHERE v.status = 'active' AND p.status = 'active'
    AND NOT EXISTS (SELECT 1 FROM bundle_components bc WHERE bc.bundle_variant_id = v.id)`;

/** Candidates among `demanded` (variant ids that sold) plus every variant with a manual safety stock. */
export function readCandidates(db: Db, demanded: readonly number[]): CandidateRow[] {
  return db.prepare<[{ demanded: string }], CandidateRow>(candidatesSql).all({ demanded: JSON.stringify(demanded) });
}
