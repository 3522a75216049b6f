// What the reorder model needs per variant, read in two steps so the cost
// follows the variants that need ordering: first, for every candidate, the
// figures the model computes with — the chosen supplier item (preferred, else
// cheapest, else lowest id), lead time (the item's, else the supplier's
// default), stock position and safety settings; then, only for the variants
// the model suggests ordering, what the page shows (SKU, title, supplier,
// draft POs, the low-stock flag).
import { variantTitleSql } from '../catalog/store.js';
import type { Db } from '../db/open.js';
import { isLowStockOneSql } from '../inventory/low-stock-store.js';

export interface CandidateRow {
  variantId: number;
  supplierItemId: number | null;
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
}

export interface CandidateDetails {
  variantId: number;
  sku: string;
  title: string;
  supplierId: number | null;
  supplierName: string | null;
  currency: string | null;
  supplierSku: string | null;
  onDraft: number;
  /** Low by the shop's one low-stock rule (inventory/low-stock-store.ts): 1 or 0. */
  lowStock: number;
}

// What is on order for a variant: outstanding units on sent / partially received POs. For a
// few variants (the incremental alert check), each one's PO lines by the variant index; for
// many, the open POs' lines once (a few thousand, by the status index) — looking thousands of
// candidates up by variant walks every PO each was ever on (about half the statement's time).
const onOrderOneSql = `COALESCE((SELECT SUM(MAX(pol.quantity_ordered - pol.quantity_received, 0))
      FROM purchase_order_lines pol JOIN purchase_orders po ON po.id = pol.purchase_order_id
      WHERE pol.variant_id = v.id AND po.status IN ('sent', 'partially_received')), 0)`;
const onOrderManySql = `ordered (variantId, units) AS (
    SELECT pol.variant_id, SUM(MAX(pol.quantity_ordered - pol.quantity_received, 0))
    FROM purchase_orders po JOIN purchase_order_lines pol ON pol.purchase_order_id = po.id
    WHERE po.status IN ('sent', 'partially_received')
    GROUP BY pol.variant_id)`;
/** Beyond this many candidates the open POs' lines are read once rather than per variant. */
const manyCandidates = 200;

// Read for the given variants only (those that can need ordering: see
// reorder-service.ts). Each figure is a lookup on an index, so the cost follows
// those variants, not the whole catalog. Bundles are not bought: their sales
// count as demand for their components (demand.ts).
const candidatesSql = (many: boolean) => `
  WITH ids (id) AS (SELECT value FROM json_each(@ids)),
  shelves (id) AS (SELECT id FROM locations WHERE kind <> 'transit')${many ? `,
  ${onOrderManySql}` : ''}
  SELECT v.id AS variantId, si.id AS supplierItemId, si.cost AS unitCost,
    si.pack_size AS packSize, si.moq, COALESCE(si.lead_time_days, s.lead_time_days) AS leadTimeDays,
    r.safety_mode AS ruleMode, r.service_level AS ruleServiceLevel,
    COALESCE((SELECT SUM(sl.on_hand - sl.committed) FROM stock_levels sl WHERE sl.variant_id = v.id AND sl.location_id IN shelves), 0) AS available,
    (SELECT SUM(sl.safety_stock) FROM stock_levels sl WHERE sl.variant_id = v.id AND sl.location_id IN shelves) AS manualSafety,
    ${many ? 'COALESCE(ordered.units, 0)' : onOrderOneSql} AS onOrder
  FROM ids JOIN variants v ON v.id = ids.id JOIN products p ON p.id = v.product_id
    -- The chosen supplier item: preferred, else cheapest, else the oldest.
    LEFT JOIN supplier_items si ON si.id = (
      SELECT x.id FROM supplier_items x WHERE x.variant_id = v.id ORDER BY x.is_preferred DESC, x.cost, x.id LIMIT 1)
    LEFT JOIN suppliers s ON s.id = si.supplier_id
    LEFT JOIN variant_stock_rules r ON r.variant_id = v.id${many ? `
    LEFT JOIN ordered ON ordered.variantId = v.id` : ''}
  WHERE v.status = 'active' AND p.status = 'active'
    AND NOT EXISTS (SELECT 1 FROM bundle_components bc WHERE bc.bundle_variant_id = v.id)`;

// Input: JSON [[variantId, supplierItemId | null], …] of the suggested lines.
const detailsSql = `
  WITH picked (variantId, supplierItemId) AS (
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@picked)),
  -- The variants on a draft PO, from the drafts' lines (drafts are few; as \`ordered\` above).
  drafted (id) AS (
    SELECT pol.variant_id FROM purchase_orders po JOIN purchase_order_lines pol ON pol.purchase_order_id = po.id
    WHERE po.status = 'draft')
  SELECT v.id AS variantId, v.sku,
    p.title || CASE WHEN ${variantTitleSql} <> '' THEN ' — ' || ${variantTitleSql} ELSE '' END AS title,
    s.id AS supplierId, s.name AS supplierName, s.currency, si.supplier_sku AS supplierSku,
    v.id IN (SELECT id FROM drafted) AS onDraft,
    ${isLowStockOneSql('v.id')} AS lowStock
  FROM picked JOIN variants v ON v.id = picked.variantId JOIN products p ON p.id = v.product_id
    LEFT JOIN supplier_items si ON si.id = picked.supplierItemId
    LEFT JOIN suppliers s ON s.id = si.supplier_id`;

// The stock position's lower bound of every candidate: available and manual safety stock per
// variant over the shelf locations, grouped per id of the list (a range of the primary key each).
const stockSql = `
  WITH shelves (id) AS (SELECT id FROM locations WHERE kind <> 'transit')
  SELECT ids.value AS variantId, SUM(sl.on_hand - sl.committed) AS available, SUM(sl.safety_stock) AS manualSafety
  FROM json_each(@ids) ids JOIN stock_levels sl ON sl.variant_id = ids.value AND sl.location_id IN shelves
  GROUP BY ids.key`;
// Variants with a manual safety stock anywhere: candidates even without sales.
const safetySql = 'SELECT DISTINCT variant_id AS variantId FROM stock_levels WHERE safety_stock > 0';

// The longest lead time of each variant's supplier items (the item's, else its supplier's, else
// the default): the chosen item is one of them, so it bounds the lead time the model uses.
const leadSql = `
  SELECT ids.value AS variantId,
    (SELECT MAX(COALESCE(x.lead_time_days, s.lead_time_days, @defaultLead)) FROM supplier_items x LEFT JOIN suppliers s ON s.id = x.supplier_id
     WHERE x.variant_id = ids.value) AS leadTimeDays
  FROM json_each(@ids) ids`;

// The largest lead time and service level any variant can have: a bound on every reorder point.
const boundsSql = `
  SELECT MAX(COALESCE((SELECT MAX(lead_time_days) FROM supplier_items), 0), COALESCE((SELECT MAX(lead_time_days) FROM suppliers), 0)) AS leadTimeDays,
         COALESCE((SELECT MAX(service_level) FROM variant_stock_rules), 0) AS serviceLevel`;

export interface StockRow {
  variantId: number;
  available: number;
  manualSafety: number | null;
}

/** Available and manual safety stock of the candidates that have stock levels (the others have 0 and none). */
export function readCandidateStock(db: Db, demanded: readonly number[]): StockRow[] {
  const ids = new Set(demanded);
  for (const row of db.prepare<[], { variantId: number }>(safetySql).all()) ids.add(row.variantId);
  return db.prepare<[{ ids: string }], StockRow>(stockSql).all({ ids: JSON.stringify([...ids]) });
}

/** The longest lead time any supplier item of each variant gives (`defaultLead` for a variant without one). */
export function readLeadTimeBounds(db: Db, ids: readonly number[], defaultLead: number): Map<number, number> {
  const rows = db
    .prepare<[{ ids: string; defaultLead: number }], { variantId: number; leadTimeDays: number | null }>(leadSql)
    .all({ ids: JSON.stringify(ids), defaultLead });
  return new Map(rows.map((row) => [row.variantId, row.leadTimeDays ?? defaultLead]));
}

/** The longest lead time on any supplier item or supplier, and the highest service level of any variant rule. */
export function readModelBounds(db: Db): { leadTimeDays: number; serviceLevel: number } {
  return db.prepare<[], { leadTimeDays: number; serviceLevel: number }>(boundsSql).get() ?? { leadTimeDays: 0, serviceLevel: 0 };
}

/** The model's inputs for these variants (inactive ones and bundles left out). */
export function readCandidates(db: Db, ids: readonly number[]): CandidateRow[] {
  return db.prepare<[{ ids: string }], CandidateRow>(candidatesSql(ids.length > manyCandidates)).all({ ids: JSON.stringify(ids) });
}

/** What the page shows of the candidates the model suggests ordering, by variant id. */
export function readCandidateDetails(db: Db, picked: readonly CandidateRow[]): Map<number, CandidateDetails> {
  const rows = db
    .prepare<[{ picked: string }], CandidateDetails>(detailsSql)
    .all({ picked: JSON.stringify(picked.map((c) => [c.variantId, c.supplierItemId])) });
  return new Map(rows.map((row) => [row.variantId, row]));
}
