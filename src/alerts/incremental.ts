// Incremental alert evaluation (issue 16): after a data change, re-run only
// what the change touched, and keep every other finding from the last run.
//
// Triggers (migration 0016) mark what changed in alert_dirty: a variant whose
// stock, sales, supplier terms, open POs or stock rule changed; the UTC hour
// of an order, return, stock movement or undone change set; or 'all' for
// what every rule reads (settings, categories, locations, bundles, products,
// limits). An evaluation reads and clears the marks, then:
//   - stock-out, low stock, below reorder point: re-checked for the marked
//     variants only (each is a per-variant condition; the reorder alert's cap on
//     lines without a supplier is applied again over every kept line);
//   - sales drop, return-rate spike, KPI limits: re-run when a marked hour falls
//     before today — they read complete past days, so today's orders alone cannot
//     move them — or when a variant is marked (a sales drop's causes name the SKUs
//     out of stock now);
//   - dead stock growth: re-run on any variant or hour mark (a shop-wide count);
//   - sync failure and the promotion rules: always (they follow the clock, and are
//     a few rows each).
// A full evaluation runs instead when there is no earlier run on this connection,
// the shop's local day changed, an 'all' mark is present, the stock history's
// start moved, too many variants were marked to be worth it, or the last full run
// is older than `fullEveryMs` — so the findings always equal a full evaluation's
// (tests/integration/alerts/incremental-agreement.test.ts).
import type { Db } from '../db/open.js';
import type { AlertRuleFn, Finding, RuleContext } from './rule-context.js';
import { belowReorderPointRule, listedReorderFindings, reorderFindings, type ReorderFinding } from './rules/below-reorder-point.js';
import { deadStockGrowthRule } from './rules/dead-stock-growth.js';
import { kpiLimitsRule } from './rules/kpi-limits.js';
import { lowStockRule } from './rules/low-stock.js';
import { promotionBelowSimulationRule } from './rules/promotion-below-simulation.js';
import { promotionEndedRule } from './rules/promotion-ended.js';
import { promotionStockCoverRule } from './rules/promotion-stock-cover.js';
import { returnRateSpikeRule } from './rules/return-rate-spike.js';
import { salesDropRule } from './rules/sales-drop.js';
import { stockOutRule } from './rules/stock-out.js';
import { syncFailureRule } from './rules/sync-failure.js';
import { createStockStart } from '../analytics/stock-start.js';
import { createRuleMarks, type RuleMarks } from './rule-marks-store.js';

/** Every rule, in the order findings are produced. */
export const alertRules: AlertRuleFn[] = [
  stockOutRule,
  lowStockRule,
  belowReorderPointRule,
  salesDropRule,
  returnRateSpikeRule,
  deadStockGrowthRule,
  kpiLimitsRule,
  syncFailureRule,
  promotionStockCoverRule,
  promotionBelowSimulationRule,
  promotionEndedRule,
];

/** Rules re-run whenever a past day's sales or returns, or any stock, changed. */
const datedRules: AlertRuleFn[] = [salesDropRule, returnRateSpikeRule, kpiLimitsRule];
/** Rules that follow the clock and read a handful of rows: run every time. */
const alwaysRules: AlertRuleFn[] = [syncFailureRule, promotionStockCoverRule, promotionBelowSimulationRule, promotionEndedRule];

/** Beyond this many marked variants a full evaluation is as cheap as re-checking them. */
export const maxMarkedVariants = 5_000;
/** A full evaluation at least this often, whatever the marks say. */
export const fullEveryMs = 15 * 60_000;

interface State {
  today: string;
  stockStart: string;
  fullAt: number;
  /** Per variant-scoped rule: variant id → its findings. */
  stockOut: Map<number, Finding>;
  lowStock: Map<number, Finding>;
  reorder: Map<number, ReorderFinding>;
  dated: Finding[];
  deadStock: Finding[];
}

const states = new WeakMap<Db, State>();

function stockStartKey(ctx: RuleContext): string {
  const history = createStockStart(ctx.db).read();
  return `${history.recorded ? 1 : 0}:${history.at ?? ''}`;
}

const byVariant = (findings: Finding[]) => new Map(findings.map((f) => [Number(f.subjectId), f]));

function runFull(ctx: RuleContext, marks: RuleMarks): Finding[] {
  marks.clear();
  const state: State = {
    today: ctx.today,
    stockStart: stockStartKey(ctx),
    fullAt: Date.parse(ctx.now),
    stockOut: byVariant(stockOutRule(ctx)),
    lowStock: byVariant(lowStockRule(ctx)),
    reorder: new Map(reorderFindings(ctx).map((entry) => [entry.variantId, entry])),
    dated: [],
    deadStock: [],
  };
  const sales = salesDropRule(ctx);
  const returns = returnRateSpikeRule(ctx);
  state.deadStock = deadStockGrowthRule(ctx);
  const kpis = kpiLimitsRule(ctx);
  state.dated = [...sales, ...returns, ...kpis];
  states.set(ctx.db, state);
  return [
    ...state.stockOut.values(),
    ...state.lowStock.values(),
    ...listedReorderFindings(state.reorder.values()),
    ...sales,
    ...returns,
    ...state.deadStock,
    ...kpis,
    ...alwaysRules.flatMap((rule) => rule(ctx)),
  ];
}

/** Replaces the entries of `variants` in `map` with `fresh`. */
function replace<T>(map: Map<number, T>, variants: ReadonlySet<number>, fresh: Iterable<[number, T]>): void {
  for (const id of variants) map.delete(id);
  for (const [id, value] of fresh) map.set(id, value);
}

/**
 * The findings of every rule now: a full run (see the header for when), else the last run's
 * findings with the marked variants and rules re-checked.
 */
export function currentFindings(ctx: RuleContext, options: { full?: boolean } = {}): Finding[] {
  const marks = createRuleMarks(ctx.db);
  const state = states.get(ctx.db);
  if (options.full || !state || state.today !== ctx.today || Date.parse(ctx.now) - state.fullAt >= fullEveryMs) return runFull(ctx, marks);
  const changed = marks.take();
  if (changed.all || changed.variants.size > maxMarkedVariants || stockStartKey(ctx) !== state.stockStart) return runFull(ctx, marks);
  if (changed.variants.size > 0) {
    const only = changed.variants;
    replace(state.stockOut, only, byVariant(stockOutRule(ctx, only)));
    replace(state.lowStock, only, byVariant(lowStockRule(ctx, only)));
    replace(state.reorder, only, reorderFindings(ctx, only).map((entry): [number, ReorderFinding] => [entry.variantId, entry]));
  }
  const startOfToday = ctx.startOf(ctx.today);
  // A sales drop names the SKUs out of stock now among its causes: a stock change re-runs them too.
  if (changed.variants.size > 0 || changed.hours.some((hour) => `${hour}:00:00.000Z` < startOfToday)) state.dated = datedRules.flatMap((rule) => rule(ctx));
  if (changed.variants.size > 0 || changed.hours.length > 0) state.deadStock = deadStockGrowthRule(ctx);
  return [
    ...state.stockOut.values(),
    ...state.lowStock.values(),
    ...listedReorderFindings(state.reorder.values()),
    ...state.dated,
    ...state.deadStock,
    ...alwaysRules.flatMap((rule) => rule(ctx)),
  ];
}
