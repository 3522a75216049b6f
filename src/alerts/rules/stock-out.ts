// Stock-out: nothing available (Σ on hand − committed over shelf locations ≤ 0)
// on a variant that sold in the last 28 days — customers are being turned away.
// Which variants count is the one low-stock rule (inventory/low-stock-store.ts):
// out of stock is always low, archived items never are.
// Not raised while no stock is on record (the stock history has not started):
// every variant would read 0 available.
import { createStockStart } from '../../analytics/stock-start.js';
import { lowStockVariantsSql } from '../../inventory/low-stock-store.js';
import type { Finding, RuleContext } from '../rule-context.js';

export const stockOutSoldWithinDays = 28;
/** A stock-out is critical when the SKU sold at least this many units in those days (one a week); slower sellers warn. */
export const criticalUnitsSold = 4;

interface Row {
  variantId: number;
  productId: number;
  sku: string;
  title: string;
  available: number;
  incoming: number;
  unitsSold: number;
}

/** Low variants with nothing available that sold in the last 28 days (none while no stock is on record). */
function stockOutRows(ctx: RuleContext): Row[] {
  const history = createStockStart(ctx.db).read();
  if (!history.recorded || (history.at !== null && history.at > ctx.now)) return [];
  const from = ctx.startOf(ctx.addDays(ctx.today, -stockOutSoldWithinDays));
  return ctx.db
    .prepare<[{ from: string; now: string }], Row>(
      `WITH sold AS (
         SELECT ol.variant_id AS variantId, SUM(ol.quantity) AS unitsSold
         FROM orders o INDEXED BY orders_by_placed JOIN order_lines ol ON ol.order_id = o.id
         WHERE o.placed_at >= @from AND o.placed_at <= @now AND o.status <> 'cancelled' AND ol.variant_id IS NOT NULL
         GROUP BY ol.variant_id
       ),
       low AS (${lowStockVariantsSql})
       SELECT v.id AS variantId, v.product_id AS productId, v.sku, p.title, sold.unitsSold, low.available,
              COALESCE((SELECT SUM(sl.incoming) FROM stock_levels sl WHERE sl.variant_id = v.id), 0) AS incoming
       FROM sold JOIN low ON low.variantId = sold.variantId JOIN variants v ON v.id = sold.variantId JOIN products p ON p.id = v.product_id
       WHERE low.available <= 0`,
    )
    .all({ from, now: ctx.now });
}

/** The variants the stock-out alert covers now (the low-stock alert leaves them to it). */
export function stockOutVariantIds(ctx: RuleContext): Set<number> {
  return new Set(stockOutRows(ctx).map((row) => row.variantId));
}

export function stockOutRule(ctx: RuleContext): Finding[] {
  const rows = stockOutRows(ctx);
  return rows
    .filter((row) => row.available <= 0)
    .map((row): Finding => ({
      rule: 'stockOut',
      subjectType: 'variant',
      subjectId: String(row.variantId),
      fingerprint: `stockOut:variant:${row.variantId}`,
      severity: row.unitsSold >= criticalUnitsSold ? 'critical' : 'warning',
      explanation: {
        title: { key: 'alerts.title.stockOut', params: { sku: row.sku, product: row.title } },
        metric: { key: 'alerts.metric.available', params: { sku: row.sku } },
        unit: 'units',
        value: row.available,
        baseline: null,
        baselineText: { key: 'alerts.baseline.soldRecently', params: { units: row.unitsSold, days: stockOutSoldWithinDays } },
        change: null,
        changeRatio: null,
        band: null,
        causes: [
          row.incoming > 0
            ? { key: 'alerts.cause.onOrder', params: { units: row.incoming } }
            : { key: 'alerts.cause.nothingOnOrder', params: {} },
        ],
        action: { kind: 'openProduct', productId: row.productId },
        window: { from: ctx.addDays(ctx.today, -stockOutSoldWithinDays), to: ctx.today },
      },
    }));
}
