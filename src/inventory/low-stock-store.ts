// "Low stock": one rule, written once, read by Stock → Levels (the *Low stock
// only* filter and each row's flag), the stock alerts (stock-out and low
// stock) and the weekly report's stock-outs, so they never disagree about
// which items are low (docs/metrics-notes.md "Low stock").
//
// A variant is low when
//   - neither it nor its product is archived (an archived item is not sold or
//     restocked any more: never low),
//   - it has stock levels at a shelf location (it is stocked somewhere), and
//   - its available stock over the shelf locations (Σ on hand − committed; goods
//     in transit are not on a shelf) is at or below its low-stock point: the
//     variant's low-stock mark when set, else its manual safety stock summed over
//     the shelves when any is set, else 0 — so out of stock is always low.
// The rule is per variant (all shelves together), as the alerts and Reorder
// count stock; a Levels row is low when its variant is.
import type { Db } from '../db/open.js';

/**
 * One row per low variant: variantId, available (shelves), lowPoint and where the
 * point comes from ('mark' | 'safetyStock' | 'outOfStock'). `only` narrows it to
 * one variant (an SQL expression, e.g. an outer column). Its aliases (ls*) are its
 * own, so it nests inside any query (Levels inspects the outer aliases).
 */
function lowStockSelect(only?: string): string {
  // Summed per variant first (one pass over the levels in key order), then joined per variant: 3–4× faster on
  // 100,000 variants than joining every level row.
  const point = `COALESCE(lsr.low_stock_at, CASE WHEN COALESCE(lsr.safety_mode, 'manual') = 'manual' THEN lsa.safety END, 0)`;
  return `
  SELECT lsa.variantId, lsa.available, ${point} AS lowPoint,
         CASE WHEN lsr.low_stock_at IS NOT NULL THEN 'mark'
              WHEN COALESCE(lsr.safety_mode, 'manual') = 'manual' AND lsa.safety IS NOT NULL THEN 'safetyStock'
              ELSE 'outOfStock' END AS pointSource
  FROM (SELECT lssl.variant_id AS variantId, SUM(lssl.on_hand - lssl.committed) AS available, SUM(lssl.safety_stock) AS safety
        FROM stock_levels lssl
        WHERE lssl.location_id NOT IN (SELECT lsloc.id FROM locations lsloc WHERE lsloc.kind = 'transit')${only === undefined ? '' : ` AND lssl.variant_id = ${only}`}
        GROUP BY lssl.variant_id) lsa
  JOIN variants lsv ON lsv.id = lsa.variantId
  JOIN products lsp ON lsp.id = lsv.product_id
  LEFT JOIN variant_stock_rules lsr ON lsr.variant_id = lsa.variantId
  WHERE lsv.status <> 'archived' AND lsp.status <> 'archived' AND lsa.available <= ${point}`;
}

/** Every low variant (see lowStockSelect), for use as a subquery or CTE. */
export const lowStockVariantsSql = lowStockSelect();

/** SQL condition: `variantIdSql` names a low variant. The set is built once per statement: right for filtering many rows. */
export function isLowStockSql(variantIdSql: string): string {
  return `${variantIdSql} IN (SELECT variantId FROM (${lowStockVariantsSql}))`;
}

/** The same condition checked for one variant at a time: right for flagging the rows of one page. */
export function isLowStockOneSql(variantIdSql: string): string {
  return `EXISTS (${lowStockSelect(variantIdSql)})`;
}

export interface LowStockRow {
  variantId: number;
  available: number;
  lowPoint: number;
  pointSource: 'mark' | 'safetyStock' | 'outOfStock';
}

export function createLowStockStore(db: Db) {
  const all = db.prepare<[], LowStockRow>(`SELECT * FROM (${lowStockVariantsSql}) ORDER BY variantId`);
  return {
    /** Every low variant, by id. */
    variants: (): LowStockRow[] => all.all(),
  };
}
