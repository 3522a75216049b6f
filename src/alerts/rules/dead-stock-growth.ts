// Dead stock growth (metrics.md "Slow movers / dead stock": in stock and no sale
// for ≥ 180 days, or never sold): the count now against the count 7 days ago
// (on hand then = on hand now − movements since; last sale before then).
// Fires when it grew by at least max(1, 10 % of the count then). Needs the
// stock 7 days ago: silent until the stock history (stock-start.ts) began
// before then — otherwise all stock of an opening import would look newly dead.
import { createStockStart } from '../../analytics/stock-start.js';
import type { Finding, RuleContext } from '../rule-context.js';
import { deadStockSummary } from '../rule-store.js';
import { ratioOf } from '../rule-context.js';

export const deadDays = 180;
const lookBackDays = 7;
const minGrowthShare = 0.1;


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
  // One range over recent sales (the hourly rollup, or the orders) and one over recent movements,
  // counted in SQL: not a probe nor a row per variant (100k SKUs).
  const dead = deadStockSummary(ctx.db, params, ctx.direct);
  const growth = dead.deadNow - dead.deadThen;
  if (growth < Math.max(1, Math.ceil(minGrowthShare * dead.deadThen))) return [];
  const newlyDead = [...dead.newlyDead].sort();
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
        value: dead.deadNow,
        baseline: dead.deadThen,
        baselineText: { key: 'alerts.baseline.daysAgo', params: { days: lookBackDays } },
        change: growth,
        changeRatio: ratioOf(dead.deadNow, dead.deadThen),
        band: null,
        causes: newlyDead.length > 0 ? [{ key: 'alerts.cause.newlyDead', params: { skus: newlyDead.slice(0, 5).join(', '), count: newlyDead.length } }] : [],
        action: { kind: 'openReport', report: 'products' },
        window: { from: thenDate, to: ctx.today },
      },
    },
  ];
}
