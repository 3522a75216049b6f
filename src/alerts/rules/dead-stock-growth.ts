// Dead stock growth (metrics.md "Slow movers / dead stock": in stock and no sale
// for ≥ 180 days, or never sold): the count now against the count 7 days ago
// (on hand then = on hand now − movements since; last sale before then).
// Fires when it grew by at least max(1, 10 % of the count then). Needs the
// stock 7 days ago: silent until the stock history (stock-start.ts) began
// before then — otherwise all stock of an opening import would look newly dead.
import { createStockStart } from '../../analytics/stock-start.js';
import type { Finding, RuleContext } from '../rule-context.js';
import { ratioOf } from '../rule-context.js';

export const deadDays = 180;
const lookBackDays = 7;
const minGrowthShare = 0.1;

interface Row {
  sku: string;
  onHandNow: number;
  onHandThen: number;
  soldSinceNow: number;
  soldSinceThen: number;
}

export function deadStockGrowthRule(ctx: RuleContext): Finding[] {
  const thenDate = ctx.addDays(ctx.today, -lookBackDays);
  // Dead on day D: in stock and no sale on a local day after D − deadDays (so none placed from D − deadDays + 1 on).
  const params = {
    now: ctx.now,
    then: ctx.startOf(thenDate),
    nowFrom: ctx.startOf(ctx.addDays(ctx.today, 1 - deadDays)),
    thenFrom: ctx.startOf(ctx.addDays(thenDate, 1 - deadDays)),
  };
  const history = createStockStart(ctx.db).read();
  // On hand then = now − movements at or after `then`: known only when the first records came before it.
  if (!history.recorded || (history.at !== null && history.at >= params.then)) return [];
  // One range over recent orders and one over recent movements, not a probe per variant (100k SKUs).
  const rows = ctx.db
    .prepare<[typeof params], Row>(
      `WITH sold AS (
         SELECT ol.variant_id AS variantId, MAX(o.placed_at >= @nowFrom) AS soldSinceNow, MAX(o.placed_at < @then) AS soldSinceThen
         FROM orders o INDEXED BY orders_by_placed JOIN order_lines ol ON ol.order_id = o.id
         WHERE o.placed_at >= @thenFrom AND o.placed_at <= @now AND o.status <> 'cancelled' AND ol.variant_id IS NOT NULL
         GROUP BY ol.variant_id
       ),
       moved AS (SELECT variant_id AS variantId, SUM(delta) AS delta FROM stock_movements WHERE occurred_at >= @then GROUP BY variant_id)
       SELECT v.sku, v.on_hand_total AS onHandNow, v.on_hand_total - COALESCE(moved.delta, 0) AS onHandThen,
              COALESCE(sold.soldSinceNow, 0) AS soldSinceNow, COALESCE(sold.soldSinceThen, 0) AS soldSinceThen
       FROM variants v LEFT JOIN moved ON moved.variantId = v.id LEFT JOIN sold ON sold.variantId = v.id
       WHERE v.on_hand_total > 0 OR moved.delta IS NOT NULL`,
    )
    .all(params);
  const deadNowOf = (row: Row) => row.onHandNow > 0 && row.soldSinceNow === 0;
  const deadThenOf = (row: Row) => row.onHandThen > 0 && row.soldSinceThen === 0;
  const deadNow = rows.filter(deadNowOf);
  const deadThenCount = rows.filter(deadThenOf).length;
  const growth = deadNow.length - deadThenCount;
  if (growth < Math.max(1, Math.ceil(minGrowthShare * deadThenCount))) return [];
  const newlyDead = deadNow.filter((row) => !deadThenOf(row)).map((row) => row.sku).sort();
  return [
    {
      rule: 'deadStockGrowth',
      subjectType: 'shop',
      subjectId: null,
      fingerprint: 'deadStockGrowth:shop',
      severity: 'info',
      explanation: {
        title: { key: 'alerts.title.deadStockGrowth', params: { days: deadDays } },
        metric: { key: 'alerts.metric.deadStock', params: { days: deadDays } },
        unit: 'count',
        value: deadNow.length,
        baseline: deadThenCount,
        baselineText: { key: 'alerts.baseline.daysAgo', params: { days: lookBackDays } },
        change: growth,
        changeRatio: ratioOf(deadNow.length, deadThenCount),
        band: null,
        causes: newlyDead.length > 0 ? [{ key: 'alerts.cause.newlyDead', params: { skus: newlyDead.slice(0, 5).join(', '), count: newlyDead.length } }] : [],
        action: { kind: 'openReport', report: 'products' },
        window: { from: thenDate, to: ctx.today },
      },
    },
  ];
}
