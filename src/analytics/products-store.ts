// SQL for product and inventory analytics. Every statement is one grouped
// pass over a range of an index (orders by placed time, returns by date,
// movements by location and time) — never a query per SKU — so it runs on a
// shop of 100,000 variants and a million order lines. Instants are UTC ISO
// bounds [from, to) computed by the service from local days.
// Cancelled orders count nowhere; lines without a variant (removed from the
// catalog) are not SKUs and are left out.
import type { Db } from '../db/open.js';
import { shopTimeZone } from './periods.js';

export interface VariantRow {
  variantId: number;
  sku: string;
  title: string;
  cost: number | null;
  /** On hand now, all locations (variants.on_hand_total, kept by triggers). */
  onHand: number;
  /** Top-level category path ('' when the product has none). */
  category: string;
}

export interface VariantSales {
  variantId: number;
  units: number;
  /** Σ quantity × unit price − line discount. */
  netOfDiscounts: number;
  cogsSold: number;
  lastPlacedAt: string;
}

export interface VariantRefunds {
  variantId: number;
  refunds: number;
  cogsReturned: number;
}

const topLevel = "CASE WHEN instr(c.path, ' > ') > 0 THEN substr(c.path, 1, instr(c.path, ' > ') - 1) ELSE COALESCE(c.path, '') END";
const title = "p.title || CASE WHEN v.option1 IS NULL THEN '' ELSE ' · ' || v.option1 END || CASE WHEN v.option2 IS NULL THEN '' ELSE ' / ' || v.option2 END";

export function createProductsStore(db: Db) {
  const variants = db.prepare<[], VariantRow>(
    `SELECT v.id AS variantId, v.sku, ${title} AS title, v.cost, v.on_hand_total AS onHand, ${topLevel} AS category
     FROM variants v JOIN products p ON p.id = v.product_id LEFT JOIN categories c ON c.id = p.category_id`,
  );
  // Order-level discount_total is NOT used: it is the sum of the line discounts
  // (the demo generator and imports write it so), and a SKU can only carry the
  // discount on its own line. An order-level discount beyond the lines would
  // lower the shop's net sales (analytics.kpis) but no SKU's.
  // One pass over [scanFrom, to): sums only for orders placed at or after `from`, the last placed time over
  // the whole scan (productHealth widens the scan to its slow/dead window instead of a second pass).
  const sales = db.prepare<[{ scanFrom: string; from: string; to: string }], VariantSales>(
    `SELECT l.variant_id AS variantId,
            SUM(CASE WHEN o.placed_at >= @from THEN l.quantity ELSE 0 END) AS units,
            SUM(CASE WHEN o.placed_at >= @from THEN l.quantity * l.unit_price - l.discount ELSE 0 END) AS netOfDiscounts,
            SUM(CASE WHEN o.placed_at >= @from THEN l.quantity * COALESCE(l.unit_cost, 0) ELSE 0 END) AS cogsSold,
            MAX(o.placed_at) AS lastPlacedAt
     FROM orders o INDEXED BY orders_by_placed JOIN order_lines l ON l.order_id = o.id
     WHERE o.placed_at >= @scanFrom AND o.placed_at < @to AND o.status <> 'cancelled' AND l.variant_id IS NOT NULL
     GROUP BY l.variant_id`,
  );
  // Refunds and returned cost are dated when the return happened, whatever period the order was in.
  const refunds = db.prepare<[string, string], VariantRefunds>(
    `SELECT ol.variant_id AS variantId, SUM(rl.refund_amount) AS refunds, SUM(rl.quantity * COALESCE(ol.unit_cost, 0)) AS cogsReturned
     FROM returns r INDEXED BY returns_by_date
     JOIN return_lines rl ON rl.return_id = r.id
     JOIN order_lines ol ON ol.id = rl.order_line_id
     JOIN orders o ON o.id = r.order_id
     WHERE r.returned_at >= ? AND r.returned_at < ? AND o.status <> 'cancelled' AND ol.variant_id IS NOT NULL
     GROUP BY ol.variant_id`,
  );
  // Ledger deltas at or after an instant, per variant: on hand then = on hand now − this.
  // There is no index on occurred_at alone; one range per location on (location_id, occurred_at) does it.
  const deltasSince = db.prepare<[string], { variantId: number; delta: number }>(
    `SELECT m.variant_id AS variantId, SUM(m.delta) AS delta
     FROM locations loc JOIN stock_movements m INDEXED BY stock_movements_by_location ON m.location_id = loc.id AND m.occurred_at >= ?
     GROUP BY m.variant_id`,
  );
  // The same strictly after an instant: the stock just after the records at that instant (the history's start).
  const deltasAfter = db.prepare<[string], { variantId: number; delta: number }>(
    `SELECT m.variant_id AS variantId, SUM(m.delta) AS delta
     FROM locations loc JOIN stock_movements m INDEXED BY stock_movements_by_location ON m.location_id = loc.id AND m.occurred_at > ?
     GROUP BY m.variant_id`,
  );
  // Last sale before an instant of the given variants (JSON array of ids), through order_lines_by_variant.
  // Asked only for slow-mover candidates: SKUs without a recent sale, which have few lines.
  const lastSales = db.prepare<[string, string], { variantId: number; lastPlacedAt: string }>(
    `SELECT l.variant_id AS variantId, MAX(o.placed_at) AS lastPlacedAt
     FROM json_each(?) ids JOIN order_lines l INDEXED BY order_lines_by_variant ON l.variant_id = ids.value
     JOIN orders o ON o.id = l.order_id
     WHERE o.placed_at < ? AND o.status <> 'cancelled'
     GROUP BY l.variant_id`,
  );

  return {
    timeZone: shopTimeZone(db),
    variants: () => variants.all(),
    /** Per variant sold in [from, to); with scanFrom < from, also the variants whose last sale in [scanFrom, to) is before `from` (units 0). */
    sales: (from: string, to: string, scanFrom: string = from) => sales.all({ scanFrom: scanFrom < from ? scanFrom : from, from, to }),
    refunds: (from: string, to: string) => refunds.all(from, to),
    /** Net movement per variant at or after an instant (`after`: strictly after it). */
    deltasSince: (instant: string, after = false) => (after ? deltasAfter : deltasSince).all(instant),
    lastSales: (variantIds: readonly number[], before: string) => lastSales.all(JSON.stringify(variantIds), before),
  };
}
