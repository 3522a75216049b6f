// How real a generated demo shop looks, measured with the app's own methods (the
// figures a person sees on the Analytics, Purchasing and Alerts pages), so the
// generator can be tuned against them and a test can hold them in range.
import type { Core } from '../core.js';
import type { MethodInput, MethodName, MethodOutput } from '../contract.js';

export interface RealismFigures {
  asOf: string;
  /** Shop sell-through of the 30 local days ending on asOf. */
  sellThrough30: number | null;
  slowMoversShare: number | null;
  deadStockShare: number | null;
  skusInStock: number | null;
  /** Shop days of inventory over the 30 days, and the median over the top-level categories. */
  daysOfInventory: number | null;
  medianCategoryDaysOfInventory: number | null;
  /** Share of on-hand units by age bucket (FIFO) at asOf. */
  aging: Record<string, number>;
  /** Stock-outs whose episode touches the last 30 days. */
  stockOutVariants: number;
  stockOutEpisodes: number;
  stockOutRate: number | null;
  openPurchaseOrders: number;
  purchaseOrdersByStatus: Record<string, number>;
  /** Net sales per month of the last 24 months: the largest month ÷ the smallest full month. */
  monthlyNetSales: { bucket: string; netSales: number }[];
  seasonality: number;
  segments: Record<string, number>;
  alertsByRule: Record<string, number>;
  alertsOpen: number;
}

const DAY_MS = 86_400_000;

export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function median(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] ?? null : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Figures as of the local day asOf (the last full day of the demo); runs one alert evaluation. */
export async function measureRealism(core: Core, asOf: string): Promise<RealismFigures> {
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const answer = await core.call(method, input);
    if (!answer.ok) throw new Error(`${method} failed: ${answer.error.code} ${answer.error.message}`);
    return answer.value as MethodOutput<M>;
  };
  const from30 = shiftDate(asOf, -29);
  const health = await call('analytics.productHealth', { from: from30, to: asOf, slowDays: 60, deadDays: 180 });
  const aging = await call('analytics.inventoryAging', { asOf });
  const outs = await call('analytics.stockOuts', { from: from30, to: asOf, offset: 0, limit: 1000 });
  const series = await call('analytics.salesSeries', { from: `${shiftDate(asOf, -729).slice(0, 7)}-01`, to: asOf, granularity: 'month' });
  const segments = await call('analytics.segments', { asOf, windowDays: 365, offset: 0, limit: 1 });
  const pos = await call('purchaseOrders.list', { offset: 0, limit: 1000, open: false });
  const open = await call('purchaseOrders.list', { offset: 0, limit: 1, open: true });
  await call('alerts.evaluate', {});
  const alertsByRule: Record<string, number> = {};
  let alertsOpen = 0;
  for (let offset = 0; ; offset += 500) {
    const page = await call('alerts.list', { offset, limit: 500 });
    for (const a of page.alerts) {
      if (a.status === 'resolved') continue;
      alertsByRule[a.rule] = (alertsByRule[a.rule] ?? 0) + 1;
      alertsOpen++;
    }
    if (offset + 500 >= page.total) break;
  }
  const units = aging.shop.reduce((s, b) => s + b.units, 0);
  const byStatus: Record<string, number> = {};
  for (const po of pos.rows) byStatus[po.status] = (byStatus[po.status] ?? 0) + 1;
  // Full months only (the first and the current one are partial).
  const months = series.points.map((p) => ({ bucket: p.bucket, netSales: p.netSales }));
  const full = months.slice(1, -1).map((m) => m.netSales).filter((v) => v > 0);
  return {
    asOf,
    sellThrough30: health.shop.sellThrough,
    slowMoversShare: health.shop.slowMoversShare,
    deadStockShare: health.shop.deadStockShare,
    skusInStock: health.shop.skusInStock,
    daysOfInventory: health.shop.daysOfInventory,
    medianCategoryDaysOfInventory: median(health.byCategory.flatMap((c) => (c.daysOfInventory === null ? [] : [c.daysOfInventory]))),
    aging: Object.fromEntries(aging.shop.map((b) => [b.bucket, units > 0 ? b.units / units : 0])),
    stockOutVariants: outs.variantsOut,
    stockOutEpisodes: outs.total,
    stockOutRate: outs.rate,
    openPurchaseOrders: open.total,
    purchaseOrdersByStatus: byStatus,
    monthlyNetSales: months,
    seasonality: full.length > 0 ? Math.max(...full) / Math.min(...full) : 0,
    segments: Object.fromEntries(segments.summary.map((s) => [s.segment, s.customers])),
    alertsByRule,
    alertsOpen,
  };
}
