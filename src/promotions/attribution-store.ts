// Which order lines a promotion earned (metrics.md "Promotions", docs/metrics-notes.md
// "Evaluation"): lines of non-cancelled orders placed in the promotion's window whose variant is
// among its targets (target-sql.ts) and whose order either carries one of its coupon codes
// (case-insensitive: coupon_codes.code is COLLATE NOCASE) or was placed on a channel in its scope
// while it was active on the SKU. Coupon campaigns are attributed by code only; member prices only
// to the customers of their (frozen) audience outside the control group. Each line carries its
// share of its order's discounts exactly as the sales report splits them
// (src/analytics/report-store.ts): its own discount plus the order-level rest, split by the line's
// share of the order's GMV. Gift candidates (the gift SKU with its price fully discounted) are
// kept flagged; they count as gifts only inside attributed orders.
//
// load() writes the promotion's variants and its attributed lines into two per-connection temp
// tables once (one indexed pass over orders.placed_at), and every figure is then an aggregate over
// them in SQL: a shop-wide month is ~50,000 lines, far too many to hand to JavaScript row by row.
// Not re-entrant: one evaluation loads and reads in the same synchronous call.
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { createWriteStamp } from '../db/write-stamp.js';
import { lineDiscountSql } from '../analytics/line-discount-sql.js';
import { promotionVariantsCte } from './target-sql.js';


export type AttributionMode = 'sku' | 'code' | 'audience';

export interface AttributionQuery {
  promotionId: number;
  /** Every variant is a target (scope 'shop'): no variant set is written. */
  shopWide: boolean;
  /** UTC instants, [from, to). */
  from: string;
  to: string;
  mode: AttributionMode;
  allChannels: boolean;
  giftVariantId: number | null;
}

export interface AttributedTotals {
  orders: number;
  units: number;
  gmv: number;
  /** Σ of the lines' discount shares (fractional; rounded by the caller). */
  discount: number;
  cogs: number;
  giftCost: number;
}

export interface VariantSales {
  variantId: number;
  units: number;
  gmv: number;
  discount: number;
  cogs: number;
}

export interface CustomerSales {
  customerId: number;
  /** 1 when the customer's first non-cancelled order ever is an attributed one. */
  isNew: number;
  netSales: number;
  /** Non-cancelled orders placed after the first attributed one, before `now` (new customers only). */
  laterOrders: number;
}

export interface ControlPurchases {
  units: number;
  netSales: number;
  grossProfit: number;
}

/**
 * A line's unit cost: the one recorded on the line, else the variant's current cost. The variant is
 * looked up only for a line without one (COALESCE stops at the first value), not joined to every line.
 */
const lineCogsSql = 'COALESCE(l.unit_cost, (SELECT vc.cost FROM variants vc WHERE vc.id = l.variant_id), 0)';

/** Lines of an attributed order (a gift only counts inside one). */
const inAttributedOrder = 'order_id IN (SELECT order_id FROM temp.promotion_eval_lines WHERE gift = 0)';

function build(db: Db) {
  // Temp tables live per connection and must exist before the statements that use them are prepared.
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS promotion_eval_variants (variant_id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS promotion_eval_lines (order_id INTEGER NOT NULL, customer_id INTEGER, placed_at TEXT NOT NULL,
      variant_id INTEGER NOT NULL, quantity INTEGER NOT NULL, gmv INTEGER NOT NULL, discount REAL NOT NULL, cogs INTEGER NOT NULL, gift INTEGER NOT NULL);
    CREATE INDEX IF NOT EXISTS temp.promotion_eval_lines_by_variant ON promotion_eval_lines (variant_id);
    CREATE INDEX IF NOT EXISTS temp.promotion_eval_lines_by_customer ON promotion_eval_lines (customer_id);`);
  const clearVariants = db.prepare('DELETE FROM temp.promotion_eval_variants');
  const clearLines = db.prepare('DELETE FROM temp.promotion_eval_lines');
  const loadVariants = db.prepare<[number]>(
    `INSERT OR IGNORE INTO temp.promotion_eval_variants (variant_id)
     WITH RECURSIVE promo_ids (id) AS (SELECT ?), ${promotionVariantsCte}
     SELECT variant_id FROM promo_variants`,
  );
  const isTarget = '(@shop = 1 OR l.variant_id IN (SELECT variant_id FROM temp.promotion_eval_variants))';
  const loadLines = db.prepare<[Record<string, string | number | null>]>(
    `INSERT INTO temp.promotion_eval_lines (order_id, customer_id, placed_at, variant_id, quantity, gmv, discount, cogs, gift)
     WITH win AS (
       SELECT o.id, o.customer_id, o.placed_at, o.discount_total,
              CASE WHEN o.coupon_code IS NOT NULL
                        AND EXISTS (SELECT 1 FROM coupon_codes c WHERE c.code = o.coupon_code AND c.promotion_id = @id) THEN 1 ELSE 0 END AS byCode,
              CASE WHEN @allChannels = 1 OR o.channel_id IN (SELECT pc.channel_id FROM promotion_channels pc WHERE pc.promotion_id = @id)
                   THEN 1 ELSE 0 END AS inScope,
              CASE WHEN @audience = 1 AND o.customer_id IN (SELECT a.customer_id FROM promotion_audience a WHERE a.promotion_id = @id AND a.in_control = 0)
                   THEN 1 ELSE 0 END AS inAudience
       FROM orders o INDEXED BY orders_by_placed
       WHERE o.placed_at >= @from AND o.placed_at < @to AND o.status <> 'cancelled'
     ),
     split AS (
       SELECT o.id AS orderId, o.customer_id AS customerId, o.placed_at AS placedAt, l.variant_id AS variantId, l.quantity,
              l.quantity * l.unit_price AS gmv, ${lineDiscountSql} AS discount,
              l.quantity * ${lineCogsSql} AS cogs,
              CASE WHEN l.variant_id = @gift AND l.discount >= l.quantity * l.unit_price THEN 1 ELSE 0 END AS gift,
              CASE WHEN (o.byCode = 1 OR (@bySku = 1 AND o.inScope = 1) OR (o.inAudience = 1 AND o.inScope = 1)) AND ${isTarget} THEN 1 ELSE 0 END AS attributed
       FROM win o JOIN order_lines l ON l.order_id = o.id
       WINDOW w AS (PARTITION BY o.id)
     )
     SELECT orderId, customerId, placedAt, variantId, quantity, gmv, discount, cogs, gift
     FROM split WHERE variantId IS NOT NULL AND (gift = 1 OR attributed = 1)`,
  );
  const totals = db.prepare<[], AttributedTotals>(
    `SELECT COUNT(DISTINCT CASE WHEN gift = 0 THEN order_id END) AS orders,
            COALESCE(SUM(CASE WHEN gift = 0 THEN quantity END), 0) AS units, COALESCE(SUM(CASE WHEN gift = 0 THEN gmv END), 0) AS gmv,
            COALESCE(SUM(CASE WHEN gift = 0 THEN discount END), 0) AS discount, COALESCE(SUM(CASE WHEN gift = 0 THEN cogs END), 0) AS cogs,
            COALESCE(SUM(CASE WHEN gift = 1 AND ${inAttributedOrder} THEN cogs END), 0) AS giftCost
     FROM temp.promotion_eval_lines`,
  );
  const byVariant = db.prepare<[], VariantSales>(
    `SELECT variant_id AS variantId, SUM(quantity) AS units, SUM(gmv) AS gmv, SUM(discount) AS discount, SUM(cogs) AS cogs
     FROM temp.promotion_eval_lines WHERE gift = 0 GROUP BY variant_id`,
  );
  const topByNetSales = db.prepare<[number], VariantSales>(
    `SELECT variant_id AS variantId, SUM(quantity) AS units, SUM(gmv) AS gmv, SUM(discount) AS discount, SUM(cogs) AS cogs
     FROM temp.promotion_eval_lines WHERE gift = 0 GROUP BY variant_id ORDER BY SUM(gmv) - SUM(discount) DESC, variant_id LIMIT ?`,
  );
  const giftUnits = db.prepare<[], { variantId: number; units: number }>(
    `SELECT variant_id AS variantId, SUM(quantity) AS units FROM temp.promotion_eval_lines WHERE gift = 1 AND ${inAttributedOrder} GROUP BY variant_id`,
  );
  // New: no non-cancelled order of theirs placed before their first attributed one (index seek on orders_by_customer).
  const customers = db.prepare<[string], CustomerSales>(
    `WITH firsts AS (
       SELECT customer_id AS customerId, MIN(placed_at) AS firstAt, SUM(gmv - discount) AS netSales
       FROM temp.promotion_eval_lines WHERE gift = 0 AND customer_id IS NOT NULL GROUP BY customer_id
     ), marked AS (
       SELECT f.customerId, f.firstAt, f.netSales,
              CASE WHEN EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = f.customerId AND o.status <> 'cancelled' AND o.placed_at < f.firstAt)
                   THEN 0 ELSE 1 END AS isNew
       FROM firsts f
     )
     SELECT customerId, isNew, netSales,
            CASE WHEN isNew = 1 THEN (SELECT COUNT(*) FROM orders o WHERE o.customer_id = m.customerId AND o.status <> 'cancelled'
                                      AND o.placed_at > m.firstAt AND o.placed_at < ?) ELSE 0 END AS laterOrders
     FROM marked m`,
  );
  // Units of the promoted variants on the promotion's channels (the pull-forward window: no code needed any more).
  const scopedUnits = db.prepare<[{ id: number; from: string; to: string; allChannels: number; shop: number }], { units: number }>(
    `SELECT COALESCE(SUM(l.quantity), 0) AS units
     FROM orders o INDEXED BY orders_by_placed JOIN order_lines l ON l.order_id = o.id
     WHERE o.placed_at >= @from AND o.placed_at < @to AND o.status <> 'cancelled' AND l.variant_id IS NOT NULL
       AND (@allChannels = 1 OR o.channel_id IN (SELECT pc.channel_id FROM promotion_channels pc WHERE pc.promotion_id = @id))
       AND ${isTarget}`,
  );
  // The control group's purchases of the promoted variants in the window (any channel, with or without a code).
  const controlPurchases = db.prepare<[{ id: number; from: string; to: string; shop: number }], ControlPurchases>(
    `WITH win AS (
       SELECT o.id, o.discount_total FROM orders o INDEXED BY orders_by_placed
       WHERE o.placed_at >= @from AND o.placed_at < @to AND o.status <> 'cancelled'
         AND o.customer_id IN (SELECT a.customer_id FROM promotion_audience a WHERE a.promotion_id = @id AND a.in_control = 1)
     ), split AS (
       SELECT l.variant_id, l.quantity, l.quantity * l.unit_price AS gmv, ${lineDiscountSql} AS discount,
              l.quantity * ${lineCogsSql} AS cogs
       FROM win o JOIN order_lines l ON l.order_id = o.id
       WINDOW w AS (PARTITION BY o.id)
     )
     SELECT COALESCE(SUM(l.quantity), 0) AS units, COALESCE(SUM(l.gmv - l.discount), 0) AS netSales,
            COALESCE(SUM(l.gmv - l.discount - l.cogs), 0) AS grossProfit
     FROM split l WHERE l.variant_id IS NOT NULL AND ${isTarget}`,
  );
  // Variants of the promoted variants' categories (exactly those categories) that the promotion does not target.
  const sameCategoryOthers = db.prepare<[], { variantId: number }>(
    `SELECT v.id AS variantId FROM products p JOIN variants v ON v.product_id = p.id
     WHERE p.category_id IN (
       SELECT DISTINCT p2.category_id FROM temp.promotion_eval_variants s JOIN variants v2 ON v2.id = s.variant_id JOIN products p2 ON p2.id = v2.product_id
       WHERE p2.category_id IS NOT NULL)
       AND v.id NOT IN (SELECT variant_id FROM temp.promotion_eval_variants)`,
  );

  let loaded: AttributionQuery | null = null;
  // The write stamp right after the last load: while it holds, promotion_eval_variants is still
  // exactly the loaded promotion's variants (nothing written since, by this connection or another).
  const stamp = createWriteStamp(db);
  let loadedAt = '';
  return {
    /** Writes the promotion's variants and attributed lines; the reads below read them. */
    load(query: AttributionQuery): void {
      clearVariants.run();
      clearLines.run();
      if (!query.shopWide) loadVariants.run(query.promotionId);
      loadLines.run({
        id: query.promotionId,
        shop: query.shopWide ? 1 : 0,
        from: query.from,
        to: query.to,
        bySku: query.mode === 'sku' ? 1 : 0,
        audience: query.mode === 'audience' ? 1 : 0,
        allChannels: query.allChannels ? 1 : 0,
        gift: query.giftVariantId,
      });
      loaded = query;
      loadedAt = stamp();
    },
    /**
     * Whether temp.promotion_eval_variants holds exactly this promotion's variants now (loaded for it,
     * not shop-wide, nothing written since): the baseline of the same evaluation copies them from there
     * rather than resolving its targets a second time (baseline-store.ts).
     */
    holdsVariantsOf: (promotionId: number): boolean =>
      loaded !== null && loaded.promotionId === promotionId && !loaded.shopWide && loadedAt === stamp(),
    totals: (): AttributedTotals => totals.get() ?? { orders: 0, units: 0, gmv: 0, discount: 0, cogs: 0, giftCost: 0 },
    byVariant: (): VariantSales[] => byVariant.all(),
    /** The `limit` variants with the biggest net sales under the promotion. */
    topByNetSales: (limit: number): VariantSales[] => topByNetSales.all(limit),
    giftUnits: (): { variantId: number; units: number }[] => giftUnits.all(),
    customers: (now: string): CustomerSales[] => customers.all(now),
    /** Units of the loaded promotion's variants on its channels in [from, to). */
    scopedUnits(from: string, to: string): number {
      if (!loaded) return 0;
      const q = loaded;
      return scopedUnits.get({ id: q.promotionId, from, to, allChannels: q.allChannels ? 1 : 0, shop: q.shopWide ? 1 : 0 })?.units ?? 0;
    },
    /** The control group's purchases of the loaded promotion's variants in [from, to). */
    controlPurchases(from: string, to: string): ControlPurchases {
      const none = { units: 0, netSales: 0, grossProfit: 0 };
      if (!loaded) return none;
      return controlPurchases.get({ id: loaded.promotionId, from, to, shop: loaded.shopWide ? 1 : 0 }) ?? none;
    },
    /** The loaded promotion's categories' other variants (none for a shop-wide one). */
    sameCategoryOthers: (): number[] => (loaded === null || loaded.shopWide ? [] : sameCategoryOthers.all().map((r) => r.variantId)),
  };
}

export const attributionStoreOf = perDatabase(build);
export type AttributionStore = ReturnType<typeof build>;
