// SQL for product and inventory analytics. Every statement is one grouped
// pass over a range of an index (orders by placed time, returns by date,
// movements by location and time) — never a query per SKU — so it runs on a
// shop of 100,000 variants and a million order lines. Instants are UTC ISO
// bounds [from, to) computed by the service from local days.
// Cancelled orders count nowhere; lines without a variant (removed from the
// catalog) are not SKUs and are left out.
import type { Db } from '../db/open.js';
import { shopTimeZone } from './periods.js';
import type { RollupVariantRow } from './sales-rollup-store.js';

export interface VariantRow {
  variantId: number;
  cost: number | null;
  /** On hand now, all locations (variants.on_hand_total, kept by triggers). */
  onHand: number;
  /** Top-level category path ('' when the product has none). */
  category: string;
}

/** A catalogue variant with its SKU (ABC ranks ties by it). */
export interface VariantSkuRow extends VariantRow {
  sku: string;
}

/** Per variant sums from the variant rollup over [fromHour, toHour): sales placed and refunds dated in the hours (same shape as the report's). */
export type RolledVariantSums = RollupVariantRow;

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

const title = "p.title || CASE WHEN v.option1 IS NULL THEN '' ELSE ' · ' || v.option1 END || CASE WHEN v.option2 IS NULL THEN '' ELSE ' / ' || v.option2 END";

/** The top-level part of a category path ('A > B' → 'A'). */
const topLevelOf = (path: string): string => {
  const cut = path.indexOf(' > ');
  return cut < 0 ? path : path.slice(0, cut);
};

/** Periods longer than this many hours walk the variant rollup in key order instead of its hour index (then a sort). */
const rollupScanAboveHours = 24 * 14;

export function createProductsStore(db: Db) {
  // Ids and numbers only, 100,000 rows, without a join: the products' categories and the category paths
  // are read once (fewer rows), titles only for a page.
  const catalogue = db.prepare<[], [number, number, number | null, number]>('SELECT id, product_id, cost, on_hand_total FROM variants').raw();
  const catalogueWithSku = db.prepare<[], [number, number, number | null, number, string]>('SELECT id, product_id, cost, on_hand_total, sku FROM variants').raw();
  const productCategories = db.prepare<[], [number, number | null]>('SELECT id, category_id FROM products').raw();
  const categoryPaths = db.prepare<[], [number, string]>('SELECT id, path FROM categories').raw();
  const titles = db.prepare<[string], { variantId: number; sku: string; title: string }>(
    `SELECT v.id AS variantId, v.sku, ${title} AS title
     FROM json_each(?) ids JOIN variants v ON v.id = ids.value JOIN products p ON p.id = v.product_id`,
  );
  /** The top-level category of each product ('' without one). */
  const productTops = (): Map<number, string> => {
    const tops = new Map(categoryPaths.all().map(([id, path]) => [id, topLevelOf(path)]));
    return new Map(productCategories.all().map(([id, categoryId]) => [id, (categoryId === null ? undefined : tops.get(categoryId)) ?? '']));
  };
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

  // From the variant rollup (migration 0014; the caller has vouched for the hours): sums per variant over
  // [fromHour, toHour). A short period reads its hours through the hour index and sorts them by variant;
  // a longer one walks the table in key order (already grouped) and skips the other hours — on the large
  // demo that walk beats the index (and its sort) from about two weeks on: 30 days 92 vs 144 ms, a year 233
  // vs 1,347 ms.
  const rolledColumns = `variant_id, SUM(units), SUM(gmv - own_discounts), SUM(cogs_sold), SUM(refunds), SUM(cogs_returned), SUM(orders), MAX(last_placed_at)`;
  const rolledSeek = db.prepare<[string, string], [number, number, number, number, number, number, number, string | null]>(
    `SELECT ${rolledColumns} FROM sales_variant_hourly INDEXED BY sales_variant_hourly_by_hour
     WHERE hour >= ? AND hour < ? AND variant_id > 0 GROUP BY variant_id`,
  ).raw();
  const rolledScan = db.prepare<[string, string], [number, number, number, number, number, number, number, string | null]>(
    `SELECT ${rolledColumns} FROM sales_variant_hourly NOT INDEXED
     WHERE +hour >= ? AND +hour < ? AND variant_id > 0 GROUP BY variant_id`,
  ).raw();
  // Every catalogue variant with its SKU and, for those that may be in stock (on hand now, or moved since:
  // a JSON array of ids), its last sale before an hour — its rollup rows newest first, through the primary key.
  const withLastSale = db.prepare<[{ beforeHour: string; moved: string }], [number, number, number | null, number, string, string | null]>(
    `SELECT v.id, v.product_id, v.cost, v.on_hand_total, v.sku,
            CASE WHEN v.on_hand_total > 0 OR v.id IN (SELECT value FROM json_each(@moved)) THEN
              (SELECT s.last_placed_at FROM sales_variant_hourly s
               WHERE s.variant_id = v.id AND s.hour < @beforeHour AND s.last_placed_at IS NOT NULL
               ORDER BY s.hour DESC LIMIT 1) END
     FROM variants v`,
  ).raw();

  return {
    timeZone: shopTimeZone(db),
    /** Every catalogue variant: cost, on hand now and top-level category. */
    variants: (): VariantRow[] => {
      const tops = productTops();
      return catalogue.all().map(([variantId, productId, cost, onHand]) => ({ variantId, cost, onHand, category: tops.get(productId) ?? '' }));
    },
    /** The same with each variant's SKU. */
    variantsWithSku: (): VariantSkuRow[] => {
      const tops = productTops();
      return catalogueWithSku.all().map(([variantId, productId, cost, onHand, sku]) => ({ variantId, cost, onHand, sku, category: tops.get(productId) ?? '' }));
    },
    /**
     * variantsWithSku, each with its last sale before an hour from the variant rollup (which must be current up
     * to it) — asked only of the variants on hand now or among `moved`, null for the others and when none.
     */
    variantsWithLastSale(beforeHour: string, moved: readonly number[]): (VariantSkuRow & { lastPlacedAt: string | null })[] {
      const tops = productTops();
      return withLastSale
        .all({ beforeHour, moved: JSON.stringify(moved) })
        .map(([variantId, productId, cost, onHand, sku, lastPlacedAt]) => ({ variantId, cost, onHand, sku, category: tops.get(productId) ?? '', lastPlacedAt }));
    },
    /** SKU and display title of the given variants (a page of a report). */
    titles: (variantIds: readonly number[]) => titles.all(JSON.stringify(variantIds)),
    /** Per variant with rollup rows in [fromHour, toHour): its sums there (the rollup must be current). */
    rolledSums(fromHour: string, toHour: string): RolledVariantSums[] {
      const hours = (Date.parse(`${toHour}:00:00Z`) - Date.parse(`${fromHour}:00:00Z`)) / 3_600_000;
      return (hours > rollupScanAboveHours ? rolledScan : rolledSeek)
        .all(fromHour, toHour)
        .map(([variantId, units, netOfDiscounts, cogsSold, refunds, cogsReturned, placed, lastPlacedAt]) => ({ variantId, units, netOfDiscounts, cogsSold, refunds, cogsReturned, placed, lastPlacedAt }));
    },
    /** Per variant sold in [from, to); with scanFrom < from, also the variants whose last sale in [scanFrom, to) is before `from` (units 0). */
    sales: (from: string, to: string, scanFrom: string = from) => sales.all({ scanFrom: scanFrom < from ? scanFrom : from, from, to }),
    refunds: (from: string, to: string) => refunds.all(from, to),
    /** Net movement per variant at or after an instant (`after`: strictly after it). */
    deltasSince: (instant: string, after = false) => (after ? deltasAfter : deltasSince).all(instant),
    lastSales: (variantIds: readonly number[], before: string) => lastSales.all(JSON.stringify(variantIds), before),
  };
}
