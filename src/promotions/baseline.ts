// The promotion baseline (metrics.md "Promotions", docs/metrics-notes.md "Baseline and
// simulation"): what the promoted variants would have sold without the promotion. To stay fast
// on thousands of SKUs the variants are forecast as ONE series — their daily total units
// (non-cancelled orders, by the shop-local day placed) over up to two years before the first
// day, through the same model and holdout WAPE as Analytics (forecast.ts) — and the window's
// total is split over the variants by their share of those units in the 56 days before the
// start. No days are taken out for earlier promotions; the WAPE tells how far to trust it.
import type { Db } from '../db/open.js';
import { forecastDemand } from '../analytics/forecast.js';
import { localMidnights } from '../analytics/customer-days.js';
import { wholeHour } from '../analytics/sales-rollup.js';
import { addDays } from '../shared/local-time.js';
import { baselineStoreOf, type BaselineStore, type SaleAt } from './baseline-store.js';

export interface Baseline {
  /** Local dates of the window, in order. */
  dates: string[];
  /** Baseline units per day over all the promotion's variants. */
  daily: number[];
  /** Baseline units per variant over the whole window (variants with no history are absent = 0). */
  byVariant: Map<number, number>;
  /** Holdout WAPE of the forecast (null: too little history). */
  wape: number | null;
  /** Σ daily. */
  total: number;
  /** Days of history the forecast was fitted on (0: the variants never sold before the window). */
  historyDays: number;
}

/** History fed to the forecast: up to two years (a yearly season needs 730 days). */
export const baselineHistoryDays = 730;
/** The recent days whose units split the total over the variants. */
export const baselineShareDays = 56;

/** Daily units per local day of `[firstDay, firstDay + days)`, from quarter-hour or hour sums (binary search on the days' UTC starts). */
function dailyUnits(sales: readonly SaleAt[], starts: readonly string[]): number[] {
  const days = starts.length - 1;
  const daily = new Array<number>(days).fill(0);
  for (const row of sales) {
    let lo = 0;
    let hi = days - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? '') <= row.at) lo = mid;
      else hi = mid - 1;
    }
    daily[lo] = (daily[lo] ?? 0) + row.units;
  }
  return daily;
}

/** The baseline of the set loaded in `store` (withVariantSet) — for callers that read more of the same set. */
export function baselineOfLoadedSet(store: BaselineStore, fromLocalDate: string, days: number, options: { exact?: boolean } = {}): Baseline {
  const tz = store.timeZone();
  const dates = Array.from({ length: days }, (_, i) => addDays(fromLocalDate, i));
  const firstDay = addDays(fromLocalDate, -baselineHistoryDays);
  const starts = localMidnights(firstDay, baselineHistoryDays + 1, tz);
  const historyFrom = starts[0] ?? '';
  const windowStart = starts[baselineHistoryDays] ?? '';
  // Days that all start on a whole UTC hour can be summed from hourly rollups (baseline-store.ts).
  const wholeHours = starts.every((start) => wholeHour(start) !== undefined);
  const daily = dailyUnits(store.sales(historyFrom, windowStart, { wholeHours, exact: options.exact === true }), starts);
  // History starts on the first day anything sold, as in Analytics' forecasts: a new product is not two years of zeros.
  const firstSale = daily.findIndex((units) => units > 0);
  const history = firstSale < 0 ? [] : daily.slice(firstSale);
  const forecast = forecastDemand(history, days);
  const values = history.length === 0 ? dates.map(() => 0) : forecast.values;
  const total = values.reduce((a, b) => a + b, 0);

  // Shares from the last 56 days; when none of the variants sold then (but the forecast is still
  // above 0), the whole history's shares, so the per-variant figures always add up to the total.
  const shareFrom = starts[baselineHistoryDays - baselineShareDays] ?? '';
  const exact = { exact: options.exact === true };
  let shares = store.unitsByVariant(shareFrom, windowStart, exact);
  if (shares.length === 0 && total > 0) shares = store.unitsByVariant(historyFrom, windowStart, exact);
  const shareTotal = shares.reduce((sum, share) => sum + share.units, 0);
  const byVariant = new Map<number, number>();
  if (shareTotal > 0 && total > 0) for (const share of shares) byVariant.set(share.variantId, (total * share.units) / shareTotal);

  return { dates, daily: values, byVariant, wape: history.length === 0 ? null : forecast.wape, total, historyDays: history.length };
}

/** Baseline demand of the promotion's variants for `days` local days from `fromLocalDate`, fitted on history before it. */
export function promotionBaseline(db: Db, promotionId: number, fromLocalDate: string, days: number): Baseline {
  const store = baselineStoreOf(db);
  return store.withVariantSet({ promotionId }, () => baselineOfLoadedSet(store, fromLocalDate, days));
}

/**
 * The same baseline for any set of variants (e.g. cannibalisation: the promoted categories'
 * other products). Ids that are not variants are ignored; 10,000+ ids are fine (a temp table).
 */
export function baselineForVariants(db: Db, variantIds: readonly number[], fromLocalDate: string, days: number): Baseline {
  const store = baselineStoreOf(db);
  return store.withVariantSet({ variantIds }, () => baselineOfLoadedSet(store, fromLocalDate, days));
}
