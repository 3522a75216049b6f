// SQL behind the promotion evaluation (evaluation-service.ts) beyond the attributed lines
// (attribution-store.ts): variants' prices and costs for the baseline, the net sales of a set of
// variants (cannibalisation), the A/B groups of a segment campaign, the promotions a results list
// or an alert looks at, and available stock.
// Sets of ids travel as one JSON array (json_each), never as a long IN list.
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { lineDiscountSql } from '../analytics/line-discount-sql.js';

export interface VariantInfo {
  variantId: number;
  productId: number;
  sku: string;
  title: string;
  price: number;
  cost: number;
}

export interface AudienceOutcome {
  customerId: number;
  inControl: number;
  orders: number;
  netSales: number;
}

export interface PromotionHeader {
  id: number;
  name: string;
  type: string;
  status: string;
  startsAt: string;
  endsAt: string;
  finishedAt: string | null;
}

// The rows' variant titles (as Analytics → Products writes them).
const title = "p.title || COALESCE(' · ' || v.option1, '') || COALESCE(' / ' || v.option2, '')";
/** Statuses a promotion has run under (a cancelled one only when it had started: checked by the caller). */
const ranStatuses = "('running', 'ended', 'cancelled')";

function build(db: Db) {
  const variants = db.prepare<[string], VariantInfo>(
    `SELECT v.id AS variantId, v.product_id AS productId, v.sku, ${title} AS title, v.price, COALESCE(v.cost, 0) AS cost
     FROM json_each(?) j JOIN variants v ON v.id = j.value JOIN products p ON p.id = v.product_id`,
  );
  // Σ baseline units × regular price, and × (regular price − cost), over a {variantId: units} object.
  const baselineValue = db.prepare<[string], { netSales: number; grossProfit: number }>(
    `SELECT COALESCE(SUM(j.value * v.price), 0) AS netSales, COALESCE(SUM(j.value * (v.price - COALESCE(v.cost, 0))), 0) AS grossProfit
     FROM json_each(?) j JOIN variants v ON v.id = CAST(j.key AS INTEGER)`,
  );
  const netSalesOf = db.prepare<[{ ids: string; from: string; to: string }], { netSales: number | null }>(
    `SELECT SUM(gmv - discount) AS netSales FROM (
       SELECT l.variant_id AS variantId, l.quantity * l.unit_price AS gmv, ${lineDiscountSql} AS discount
       FROM orders o INDEXED BY orders_by_placed JOIN order_lines l ON l.order_id = o.id
       WHERE o.placed_at >= @from AND o.placed_at < @to AND o.status <> 'cancelled'
       WINDOW w AS (PARTITION BY o.id)
     ) WHERE variantId IN (SELECT value FROM json_each(@ids))`,
  );
  const audience = db.prepare<[{ id: number; from: string; to: string }], AudienceOutcome>(
    `SELECT a.customer_id AS customerId, a.in_control AS inControl, COUNT(o.id) AS orders,
            COALESCE(SUM((SELECT SUM(l.quantity * l.unit_price) FROM order_lines l WHERE l.order_id = o.id) - o.discount_total), 0) AS netSales
     FROM promotion_audience a
     LEFT JOIN orders o ON o.customer_id = a.customer_id AND o.status <> 'cancelled' AND o.placed_at >= @from AND o.placed_at < @to
     WHERE a.promotion_id = @id
     GROUP BY a.customer_id, a.in_control`,
  );
  const hasAudience = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM promotion_audience WHERE promotion_id = ? AND in_control = 1');
  const groupSizes = db.prepare<[number], { treatment: number; control: number }>(
    'SELECT COALESCE(SUM(1 - in_control), 0) AS treatment, COALESCE(SUM(in_control), 0) AS control FROM promotion_audience WHERE promotion_id = ?',
  );
  const headerColumns = 'id, name, type, status, starts_at AS startsAt, ends_at AS endsAt, finished_at AS finishedAt';
  // Overlapping [from, to): started before `to` and ended (or was cancelled) after `from`.
  const overlapping = db.prepare<[{ from: string; to: string; limit: number }], PromotionHeader>(
    `SELECT ${headerColumns} FROM promotions
     WHERE status IN ${ranStatuses} AND (status <> 'cancelled' OR finished_at > starts_at)
       AND starts_at < @to AND COALESCE(CASE WHEN status = 'cancelled' THEN finished_at END, ends_at) > @from
     ORDER BY starts_at DESC, id DESC LIMIT @limit`,
  );
  const byStatus = db.prepare<[string], PromotionHeader>(`SELECT ${headerColumns} FROM promotions WHERE status = ? ORDER BY starts_at, id`);
  const endedSince = db.prepare<[{ since: string; now: string }], PromotionHeader>(
    `SELECT ${headerColumns} FROM promotions
     WHERE (status = 'ended' AND ends_at >= @since AND ends_at <= @now)
        OR (status = 'cancelled' AND finished_at >= @since AND finished_at <= @now AND finished_at > starts_at)
     ORDER BY ends_at, id`,
  );
  // Available on the shelves (Σ on hand − committed outside transit locations), as the low-stock rule counts it.
  const available = db.prepare<[string], { variantId: number; available: number }>(
    `SELECT sl.variant_id AS variantId, SUM(sl.on_hand - sl.committed) AS available
     FROM stock_levels sl
     WHERE sl.variant_id IN (SELECT value FROM json_each(?)) AND sl.location_id NOT IN (SELECT id FROM locations WHERE kind = 'transit')
     GROUP BY sl.variant_id`,
  );

  return {
    variants: (ids: readonly number[]): VariantInfo[] => (ids.length === 0 ? [] : variants.all(JSON.stringify(ids))),
    /** Baseline net sales and gross profit of per-variant baseline units (at each variant's regular price and cost). */
    baselineValue(units: ReadonlyMap<number, number>, scale: number): { netSales: number; grossProfit: number } {
      if (units.size === 0 || scale === 0) return { netSales: 0, grossProfit: 0 };
      const scaled: Record<string, number> = {};
      for (const [variantId, value] of units) scaled[variantId] = value * scale;
      return baselineValue.get(JSON.stringify(scaled)) ?? { netSales: 0, grossProfit: 0 };
    },
    netSalesOf: (ids: readonly number[], from: string, to: string): number =>
      ids.length === 0 ? 0 : (netSalesOf.get({ ids: JSON.stringify(ids), from, to })?.netSales ?? 0),
    hasControlGroup: (promotionId: number): boolean => (hasAudience.get(promotionId)?.n ?? 0) > 0,
    groupSizes: (promotionId: number): { treatment: number; control: number } => groupSizes.get(promotionId) ?? { treatment: 0, control: 0 },
    audience: (promotionId: number, from: string, to: string): AudienceOutcome[] => audience.all({ id: promotionId, from, to }),
    overlapping: (from: string, to: string, limit: number): PromotionHeader[] => overlapping.all({ from, to, limit }),
    running: (): PromotionHeader[] => byStatus.all('running'),
    endedSince: (since: string, now: string): PromotionHeader[] => endedSince.all({ since, now }),
    available: (ids: readonly number[]): Map<number, number> =>
      new Map(ids.length === 0 ? [] : available.all(JSON.stringify(ids)).map((r) => [r.variantId, r.available])),
  };
}

export const evaluationStoreOf = perDatabase(build);
export type EvaluationStore = ReturnType<typeof build>;
