// KPI limits on yesterday's (the last complete local day's) net sales, orders
// and return rate (metrics.md "Sales"): outside the owner's limits when set,
// else outside median ± 3 × MAD of the same weekday over the 8 weeks before.
// A flat history (MAD 0) gives no default band: it would flag every change.
import { bandOf } from '../bands.js';
import type { AlertKpi } from '../contract.js';
import { createLimitsStore } from '../limits-store.js';
import type { Finding, RuleContext } from '../rule-context.js';
import { ratioOf } from '../rule-context.js';

const historyWeeks = 8;

export function kpiLimitsRule(ctx: RuleContext): Finding[] {
  const sales = ctx.db.prepare<[string, string], { gmv: number | null; discounts: number | null; orders: number; units: number | null }>(
    `SELECT SUM((SELECT SUM(quantity * unit_price) FROM order_lines WHERE order_id = o.id)) AS gmv, SUM(o.discount_total) AS discounts,
            COUNT(*) AS orders, SUM((SELECT SUM(quantity) FROM order_lines WHERE order_id = o.id)) AS units
     FROM orders o INDEXED BY orders_by_placed WHERE o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled'`,
  );
  const refunds = ctx.db.prepare<[string, string], { refunds: number | null }>(
    `SELECT SUM(rl.refund_amount) AS refunds FROM returns r JOIN return_lines rl ON rl.return_id = r.id JOIN orders o ON o.id = r.order_id
     WHERE r.returned_at >= ? AND r.returned_at < ? AND o.status <> 'cancelled'`,
  );
  const returned = ctx.db.prepare<[string, string], { units: number | null }>(
    `SELECT SUM(rl.quantity) AS units FROM orders o INDEXED BY orders_by_placed JOIN returns r ON r.order_id = o.id
     JOIN return_lines rl ON rl.return_id = r.id WHERE o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled'`,
  );
  const dayValues = (date: string): Record<AlertKpi, number | null> => {
    const from = ctx.startOf(date);
    const to = ctx.startOf(ctx.addDays(date, 1));
    const s = sales.get(from, to);
    const units = s?.units ?? 0;
    return {
      netSales: (s?.gmv ?? 0) - (s?.discounts ?? 0) - (refunds.get(from, to)?.refunds ?? 0),
      orders: s?.orders ?? 0,
      returnRate: units > 0 ? (returned.get(from, to)?.units ?? 0) / units : null,
    };
  };
  const day = ctx.addDays(ctx.today, -1);
  const current = dayValues(day);
  const history = Array.from({ length: historyWeeks }, (_, k) => dayValues(ctx.addDays(day, -7 * (k + 1))));
  const findings: Finding[] = [];
  for (const limit of createLimitsStore(ctx.db).all()) {
    const value = current[limit.kpi];
    if (value === null) continue;
    const past = history.map((values) => values[limit.kpi]).filter((v): v is number => v !== null);
    const band = bandOf(past);
    const owner = limit.lower !== null || limit.upper !== null;
    const lower = owner ? limit.lower : band && band.mad > 0 ? band.lower : null;
    const upper = owner ? limit.upper : band && band.mad > 0 ? band.upper : null;
    const side = lower !== null && value < lower ? 'below' : upper !== null && value > upper ? 'above' : null;
    if (side === null) continue;
    const baseline = band?.median ?? null;
    findings.push({
      rule: 'kpiLimit',
      subjectType: 'kpi',
      subjectId: limit.kpi,
      fingerprint: `kpiLimit:${limit.kpi}:${side}`,
      severity: 'warning',
      explanation: {
        title: { key: `alerts.title.kpi.${side}`, params: { kpi: limit.kpi, date: day } },
        metric: { key: `alerts.kpi.${limit.kpi}`, params: { date: day } },
        unit: limit.kpi === 'netSales' ? 'money' : limit.kpi === 'orders' ? 'count' : 'rate',
        value,
        baseline,
        baselineText: { key: 'alerts.baseline.sameWeekdayMedian', params: { weeks: historyWeeks } },
        change: baseline === null ? null : value - baseline,
        changeRatio: ratioOf(value, baseline),
        band: { lower, upper, source: owner ? 'owner' : 'history' },
        causes: band ? [{ key: 'alerts.cause.band', params: { median: band.median, mad: band.mad, k: 3 } }] : [],
        action: { kind: 'openReport', report: 'dashboard' },
        window: { from: day, to: day },
      },
    });
  }
  return findings;
}
