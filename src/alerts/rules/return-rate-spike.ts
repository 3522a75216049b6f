// Return-rate spike per product (metrics.md return rate: units returned, whenever,
// from lines of orders placed in the period ÷ units sold in it): the last 7
// complete local days against the 8 weeks before them. Fires when at least
// `minUnitsReturned` units came back and the rate is at least twice the
// baseline and `minRise` above it. Causes: the top return reasons.
import type { Finding, RuleContext } from '../rule-context.js';
import { ratioOf } from '../rule-context.js';
import { returnRateRows } from '../rule-store.js';

export const minUnitsReturned = 3;
export const minRise = 0.1;
const windowDays = 7;
const historyWeeks = 8;

export function returnRateSpikeRule(ctx: RuleContext): Finding[] {
  const windowFrom = ctx.addDays(ctx.today, -windowDays);
  const historyFrom = ctx.addDays(windowFrom, -7 * historyWeeks);
  const params = { historyFrom: ctx.startOf(historyFrom), windowFrom: ctx.startOf(windowFrom), to: ctx.startOf(ctx.today) };
  const rows = returnRateRows(ctx.db, params, minUnitsReturned, ctx.direct);
  const reasons = ctx.db.prepare<[{ productId: number; from: string; to: string }], { reason: string; units: number }>(
    `SELECT rl.reason_code AS reason, SUM(rl.quantity) AS units
     FROM orders o INDEXED BY orders_by_placed JOIN order_lines ol ON ol.order_id = o.id JOIN variants v ON v.id = ol.variant_id
     JOIN return_lines rl ON rl.order_line_id = ol.id
     WHERE o.placed_at >= @from AND o.placed_at < @to AND o.status <> 'cancelled' AND v.product_id = @productId
     GROUP BY rl.reason_code ORDER BY units DESC, reason LIMIT 3`,
  );
  const findings: Finding[] = [];
  for (const row of rows) {
    if (row.soldNow <= 0) continue;
    const rate = row.returnedNow / row.soldNow;
    const baseline = row.soldBefore > 0 ? row.returnedBefore / row.soldBefore : 0;
    if (rate < 2 * baseline || rate - baseline < minRise) continue;
    findings.push({
      rule: 'returnRateSpike',
      subjectType: 'product',
      subjectId: String(row.productId),
      fingerprint: `returnRateSpike:product:${row.productId}`,
      severity: 'warning',
      explanation: {
        title: { key: 'alerts.title.returnRateSpike', params: { name: row.title } },
        metric: { key: 'alerts.metric.returnRate', params: { returned: row.returnedNow, sold: row.soldNow } },
        unit: 'rate',
        value: rate,
        baseline,
        baselineText: { key: 'alerts.baseline.previousWeeks', params: { weeks: historyWeeks, returned: row.returnedBefore, sold: row.soldBefore } },
        change: rate - baseline,
        changeRatio: ratioOf(rate, baseline),
        band: null,
        causes: reasons
          .all({ productId: row.productId, from: params.windowFrom, to: params.to })
          .map((r) => ({ key: 'alerts.cause.returnReason', params: { reason: r.reason, units: r.units } })),
        action: { kind: 'openProduct', productId: row.productId },
        window: { from: windowFrom, to: ctx.addDays(ctx.today, -1) },
      },
    });
  }
  return findings;
}
