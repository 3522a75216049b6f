// Grouped reads of the hourly sales rollups (migrations 0006, 0014) for the reports below the
// dashboard: the sales report by product, category and customer, returns, ABC, product health
// and slow movers. Every statement takes hour keys [fromHour, toHour) that
// createSalesRollup(db).hours() has vouched for (whole UTC hours, rollups current); the callers
// keep their direct SQL over the orders for the other cases, and that SQL stays the definition.
//
// Per variant, two plans for one statement, chosen by the period's length (measured on the large
// demo shop): a short period seeks each catalogue variant's hours through the primary key
// (variant_id, hour), so rows arrive grouped by variant and nothing is sorted; a long one walks
// the whole table in key order and skips the other hours (cheaper than 100,000 seeks once the
// period holds most of the table). The hour index would need a sort of every row it finds.
import type { Db } from '../db/open.js';
import type { ReportRow } from './report-store.js';

/** A report row: the sales report's own shape. */
export type RollupReportRow = ReportRow;

/** A catalogue variant's sums: sales over [from, to), its last sale over [scanFrom, to). */
export interface RollupVariantRow {
  variantId: number;
  units: number;
  /** Σ quantity × unit price − the lines' own discounts. */
  netOfDiscounts: number;
  cogsSold: number;
  /** Refunds and returned cost dated in [from, to). */
  refunds: number;
  cogsReturned: number;
  /** Lines of the variant placed in [from, to). */
  placed: number;
  /** The latest order with a line of it in [scanFrom, to); null when none. */
  lastPlacedAt: string | null;
}

/** Periods longer than this many hours walk the variant rollup whole instead of seeking each variant. */
export const variantScanAboveHours = 24 * 200;
/** The same for the customer rollup, whose short periods seek its hour index instead. */
export const customerScanAboveHours = 24 * 90;

// Lines of products in the category @category or below it (by its path); `p` is the product.
const inCategory = `(@category IS NULL OR p.category_id IN (
  SELECT id FROM categories WHERE id = @category OR path LIKE (SELECT path FROM categories WHERE id = @category) || ' > %'))`;

/** Periods longer than this walk the product rollup in (product, hour) order instead of sorting the period's hours by product. */
export const productScanAboveHours = 24 * 180;

// Per product over the hours: a short period reads its range of the (hour, product) key and sorts it by product; a long
// one walks sales_product_hourly_by_product (product, hour, and every summed column: 0013, 0018) whole and skips the
// other hours, the rows arriving grouped by product with no sort (a year on the large demo shop: 375 → 203 ms).
const productSumsOf = (scan: boolean) =>
  `SELECT product_id AS productId, SUM(gmv) AS gmv, SUM(discounts) AS discounts, SUM(refunds) AS refunds, SUM(orders) AS orders,
         SUM(units) AS units, SUM(cogs_sold) AS cogsSold, SUM(cogs_returned) AS cogsReturned
  FROM ${scan ? 'sales_product_hourly INDEXED BY sales_product_hourly_by_product WHERE +hour >= @fromHour AND +hour < @toHour' : 'sales_product_hourly WHERE hour >= @fromHour AND hour < @toHour'}
  GROUP BY product_id`;
const productScan = (fromHour: string, toHour: string) =>
  (Date.parse(`${toHour}:00:00Z`) - Date.parse(`${fromHour}:00:00Z`)) / 3_600_000 > productScanAboveHours;

const variantSums = (from: string, range: string, key: string) =>
  `SELECT ${key} AS variantId,
          SUM(CASE WHEN s.hour >= @fromHour THEN s.units ELSE 0 END) AS units,
          SUM(CASE WHEN s.hour >= @fromHour THEN s.gmv - s.own_discounts ELSE 0 END) AS netOfDiscounts,
          SUM(CASE WHEN s.hour >= @fromHour THEN s.cogs_sold ELSE 0 END) AS cogsSold,
          SUM(CASE WHEN s.hour >= @fromHour THEN s.refunds ELSE 0 END) AS refunds,
          SUM(CASE WHEN s.hour >= @fromHour THEN s.cogs_returned ELSE 0 END) AS cogsReturned,
          SUM(CASE WHEN s.hour >= @fromHour THEN s.orders ELSE 0 END) AS placed,
          MAX(s.last_placed_at) AS lastPlacedAt
   FROM ${from} WHERE ${range}
   GROUP BY ${key}`;

type Hours = { fromHour: string; toHour: string };

export function createSalesRollupStore(db: Db) {
  // Each statement over the product sums, prepared for both plans.
  const plans = <P extends Hours, R>(sql: (productSums: string) => string) => {
    const seek = db.prepare<[P], R>(sql(productSumsOf(false)));
    const scan = db.prepare<[P], R>(sql(productSumsOf(true)));
    return { all: (params: P): R[] => (productScan(params.fromHour, params.toHour) ? scan : seek).all(params) };
  };
  const byProduct = plans<Hours & { category: number | null }, RollupReportRow>(
    (productSums) => `SELECT s.productId AS key, COALESCE(p.title, '') AS label, s.gmv, CAST(ROUND(s.discounts) AS INTEGER) AS discounts, s.refunds, s.orders,
            s.units, s.cogsSold, s.cogsReturned
     FROM (${productSums}) s LEFT JOIN products p ON p.id = s.productId
     WHERE ${inCategory}`,
  );
  // Sums of the category's products; distinct orders from the category rollup (an order with two of its products counts once).
  const byCategory = plans<Hours & { category: number | null }, RollupReportRow>(
    (productSums) => `WITH sums AS (
       SELECT COALESCE(c.id, 0) AS key, COALESCE(c.path, '') AS label, SUM(s.gmv) AS gmv, CAST(ROUND(SUM(s.discounts)) AS INTEGER) AS discounts,
              SUM(s.refunds) AS refunds, SUM(s.units) AS units, SUM(s.cogsSold) AS cogsSold, SUM(s.cogsReturned) AS cogsReturned
       FROM (${productSums}) s LEFT JOIN products p ON p.id = s.productId LEFT JOIN categories c ON c.id = p.category_id
       WHERE ${inCategory}
       GROUP BY 1
     ), orders AS (
       SELECT COALESCE(c.id, 0) AS key, SUM(h.orders) AS orders
       FROM sales_category_hourly h LEFT JOIN categories c ON c.id = h.category_id
       WHERE h.hour >= @fromHour AND h.hour < @toHour
       GROUP BY 1
     )
     SELECT sums.key, sums.label, sums.gmv, sums.discounts, sums.refunds, COALESCE(orders.orders, 0) AS orders, sums.units, sums.cogsSold, sums.cogsReturned
     FROM sums LEFT JOIN orders ON orders.key = sums.key`,
  );
  // Per time bucket, the products of the category @category or below it (their current category, as the direct report
  // reads it): each bucket a range of the primary key (hour, product), so the hours arrive in order and nothing is
  // sorted. Orders are not here: an order with two of the category's products counts once (report-store.ts counts them).
  const categoryByBucket = db.prepare<[{ buckets: string; category: number }], Omit<RollupReportRow, 'key' | 'label' | 'orders'> & { i: number }>(
    `SELECT b.key AS i, COALESCE(SUM(s.gmv), 0) AS gmv, CAST(ROUND(COALESCE(SUM(s.discounts), 0)) AS INTEGER) AS discounts,
            COALESCE(SUM(s.refunds), 0) AS refunds, COALESCE(SUM(s.units), 0) AS units, COALESCE(SUM(s.cogs_sold), 0) AS cogsSold,
            COALESCE(SUM(s.cogs_returned), 0) AS cogsReturned
     FROM json_each(@buckets) b
     LEFT JOIN sales_product_hourly s ON s.hour >= b.value ->> 'fromHour' AND s.hour < b.value ->> 'toHour'
       AND +s.product_id IN (SELECT p.id FROM products p WHERE ${inCategory})
     GROUP BY b.key ORDER BY b.key`,
  );
  // The title of lines sold without a variant (product 0): the direct report labels them so.
  const unlinkedTitle = db.prepare<[{ from: string; to: string }], { title: string | null }>(
    `SELECT MIN(title) AS title FROM (
       SELECT l.title FROM order_lines l INDEXED BY order_lines_by_variant JOIN orders o ON o.id = l.order_id
       WHERE l.variant_id IS NULL AND o.placed_at >= @from AND o.placed_at < @to AND o.status <> 'cancelled'
       UNION ALL
       SELECT l.title FROM returns r INDEXED BY returns_by_date JOIN return_lines rl ON rl.return_id = r.id
       JOIN order_lines l ON l.id = rl.order_line_id JOIN orders o ON o.id = r.order_id AND o.status <> 'cancelled'
       WHERE l.variant_id IS NULL AND r.returned_at >= @from AND r.returned_at < @to)`,
  );
  // Units sold per product / category / channel for returns; only keys with lines placed in the period.
  const soldByProduct = plans<Hours, { key: number; label: string; unitsSold: number }>(
    (productSums) => `SELECT s.productId AS key, COALESCE(p.title, '') AS label, s.units AS unitsSold
     FROM (${productSums}) s LEFT JOIN products p ON p.id = s.productId WHERE s.orders > 0`,
  );
  const soldByCategory = plans<Hours, { key: number; label: string; unitsSold: number }>(
    (productSums) => `SELECT COALESCE(c.id, 0) AS key, COALESCE(c.path, '') AS label, SUM(s.units) AS unitsSold
     FROM (${productSums}) s LEFT JOIN products p ON p.id = s.productId LEFT JOIN categories c ON c.id = p.category_id
     WHERE s.orders > 0 GROUP BY 1`,
  );
  const soldByChannel = db.prepare<[Hours], { key: number; label: string; unitsSold: number }>(
    `SELECT s.channel_id AS key, ch.name AS label, SUM(s.units) AS unitsSold
     FROM sales_hourly s JOIN channels ch ON ch.id = s.channel_id
     WHERE s.hour >= @fromHour AND s.hour < @toHour GROUP BY s.channel_id HAVING SUM(s.units) > 0`,
  );
  // Per customer (guests are not in the rollup: the service takes them as the shop's total less the customers').
  const customerSums = (from: string, range: string) =>
    `SELECT customer_id AS key, '' AS label, SUM(gmv) AS gmv, SUM(discounts) AS discounts, SUM(refunds) AS refunds, SUM(orders) AS orders,
            SUM(units) AS units, SUM(cogs_sold) AS cogsSold, SUM(cogs_returned) AS cogsReturned
     FROM ${from} WHERE ${range} GROUP BY customer_id`;
  const customersScan = db.prepare<[Hours], RollupReportRow>(customerSums('sales_customer_hourly NOT INDEXED', '+hour >= @fromHour AND +hour < @toHour'));
  const customersSeek = db.prepare<[Hours], RollupReportRow>(
    customerSums('sales_customer_hourly INDEXED BY sales_customer_hourly_by_hour', 'hour >= @fromHour AND hour < @toHour'),
  );
  const shopTotal = db.prepare<[Hours], RollupReportRow>(
    `SELECT 0 AS key, '' AS label, COALESCE(SUM(gmv), 0) AS gmv, COALESCE(SUM(discounts), 0) AS discounts, COALESCE(SUM(refunds), 0) AS refunds,
            COALESCE(SUM(orders), 0) AS orders, COALESCE(SUM(units), 0) AS units, COALESCE(SUM(cogs_sold), 0) AS cogsSold,
            COALESCE(SUM(cogs_returned), 0) AS cogsReturned
     FROM sales_hourly WHERE hour >= @fromHour AND hour < @toHour`,
  );
  type VariantParams = Hours & { scanHour: string };
  const variantsSeek = db.prepare<[VariantParams], RollupVariantRow>(
    variantSums('variants v CROSS JOIN sales_variant_hourly s', 's.variant_id = v.id AND s.hour >= @scanHour AND s.hour < @toHour', 'v.id'),
  );
  // Lines without a variant (0) are no SKU: left out, as the catalogue walk above leaves them.
  const variantsScan = db.prepare<[VariantParams], RollupVariantRow>(
    variantSums('sales_variant_hourly s', 's.variant_id > 0 AND +s.hour >= @scanHour AND +s.hour < @toHour', 's.variant_id'),
  );
  const lastPlacedBefore = db.prepare<[{ ids: string; beforeHour: string }], { variantId: number; lastPlacedAt: string }>(
    `SELECT s.variant_id AS variantId, MAX(s.last_placed_at) AS lastPlacedAt
     FROM json_each(@ids) ids JOIN sales_variant_hourly s ON s.variant_id = ids.value AND s.hour < @beforeHour
     GROUP BY s.variant_id HAVING MAX(s.last_placed_at) IS NOT NULL`,
  );

  return {
    /** The sales report by product (only products in `category` or below it, when given); product 0 unlabelled. */
    byProduct: (fromHour: string, toHour: string, category: number | null) => byProduct.all({ fromHour, toHour, category }),
    /** The sales report by (leaf) category. */
    byCategory: (fromHour: string, toHour: string, category: number | null) => byCategory.all({ fromHour, toHour, category }),
    /**
     * The sales report's sums (all but orders) per bucket of hour keys [fromHour, toHour), in bucket order, for the products
     * in `category` or below it.
     */
    categoryByBucket(buckets: readonly { fromHour: string; toHour: string }[], category: number) {
      return categoryByBucket.all({ buckets: JSON.stringify(buckets.map((b) => ({ fromHour: b.fromHour, toHour: b.toHour }))), category });
    },
    /** A title of the lines without a variant sold or refunded in [from, to) (UTC instants). */
    unlinkedTitle: (from: string, to: string) => unlinkedTitle.get({ from, to })?.title ?? null,
    /** Per customer with orders or refunds in the period (orders count whole: discounts are the orders' discount totals). */
    byCustomer(fromHour: string, toHour: string): RollupReportRow[] {
      const hours = (Date.parse(`${toHour}:00:00Z`) - Date.parse(`${fromHour}:00:00Z`)) / 3_600_000;
      return (hours > customerScanAboveHours ? customersScan : customersSeek).all({ fromHour, toHour });
    },
    /** The whole shop's sums in the period (every channel, guests included). */
    shopTotal: (fromHour: string, toHour: string): RollupReportRow | undefined => shopTotal.get({ fromHour, toHour }),
    /** Units sold in the period per product, category or channel (keys with lines placed in it). */
    sold(dimension: 'product' | 'category' | 'channel', fromHour: string, toHour: string) {
      const statement = dimension === 'product' ? soldByProduct : dimension === 'category' ? soldByCategory : soldByChannel;
      return statement.all({ fromHour, toHour });
    },
    /** Per catalogue variant with sales, refunds or a sale in the scan: sums over [fromHour, toHour), last sale over [scanHour, toHour). */
    variants(fromHour: string, toHour: string, scanHour: string = fromHour): RollupVariantRow[] {
      const scan = scanHour < fromHour ? scanHour : fromHour;
      const hours = (Date.parse(`${toHour}:00:00Z`) - Date.parse(`${scan}:00:00Z`)) / 3_600_000;
      return (hours > variantScanAboveHours ? variantsScan : variantsSeek).all({ fromHour, toHour, scanHour: scan });
    },
    /** The last sale before an hour of each given variant (those that ever sold), from the variant rollup's primary key. */
    lastPlacedBefore: (variantIds: readonly number[], beforeHour: string) => lastPlacedBefore.all({ ids: JSON.stringify(variantIds), beforeHour }),
  };
}
