// Stock-outs with estimated lost sales, inventory aging, and sell-through of
// new products (metrics.md "Products and stock"). See stock-history.ts for the
// day, baseline and FIFO rules, and stock-start.ts for where the stock history
// begins: no SKU-day, age or first receipt is taken from before it.
import type { Db } from '../db/open.js';
import { addDays, daysBetween, localDateOf, localMidnightUtc } from '../shared/local-time.js';
import { type Period, shopTimeZone, utcRange } from './periods.js';
import { ageBuckets, baselineDays, dailyLevels, fifoAges, fifoAgesWithin, stockOutEpisodes, type AgeBucket } from './stock-history.js';
import { coverageOf, createStockStart, stockHistoryOf } from './stock-start.js';
import { createInventoryAnalyticsStore, offsetModifier, type DayBucket } from './inventory-store.js';
import { estimateLostSales, poissonUpper, upperBoundLevel } from './lost-sales.js';
import { salesRollupOf, wholeHour } from './sales-rollup.js';
import { createStockDaily, hourDays } from './stock-daily.js';

/** In-stock days before a stock-out whose average daily sales are its "forecast demand". */
export const baselineDayCount = 28;
/** How far before the period the history is rebuilt to find those in-stock days. */
const lookbackDays = 91;
/** The oldest aging bucket starts after this many days: a history shorter than that cannot tell every bucket. */
const oldestBucketDays = 365;

function dayBuckets(firstDay: string, days: number, tz: string): DayBucket[] {
  const starts = Array.from({ length: days + 1 }, (_, i) => localMidnightUtc(addDays(firstDay, i), tz).toISOString());
  return Array.from({ length: days }, (_, i) => ({ day: addDays(firstDay, i), start: starts[i] ?? '', end: starts[i + 1] ?? '' }));
}

function groupByVariant<T extends { variantId: number; day: string }>(rows: readonly T[], dayIndex: (day: string) => number): Map<number, Map<number, T>> {
  const out = new Map<number, Map<number, T>>();
  for (const row of rows) {
    let perDay = out.get(row.variantId);
    if (!perDay) out.set(row.variantId, (perDay = new Map()));
    perDay.set(dayIndex(row.day), row);
  }
  return out;
}

export interface InventoryAnalyticsOptions {
  /** false: always read the ledger (the definition), never the stock cache — for the agreement tests. */
  cache?: boolean;
}

export function createInventoryAnalyticsService(db: Db, options: InventoryAnalyticsOptions = {}) {
  const direct = createInventoryAnalyticsStore(db);
  // The ledger questions answered by the hourly stock cache (stock-daily.ts) when it can, else by the ledger itself.
  const daily = options.cache === false ? undefined : createStockDaily(db);
  const rollup = options.cache === false ? undefined : salesRollupOf(db);
  const store = {
    ...direct,
    /**
     * Units and net paid per variant and day (its index in `buckets`) for the given variants: from the variant
     * rollup when it can answer (sales-rollup.ts), else from the orders.
     */
    soldByDay: (buckets: readonly DayBucket[], ids: readonly number[], dayIndex: (day: string) => number) => {
      const range = buckets.every((b) => wholeHour(b.start) !== undefined && wholeHour(b.end) !== undefined)
        ? rollup?.hours(buckets[0]?.start ?? '', buckets.at(-1)?.end ?? '')
        : undefined;
      if (!range) return groupByVariant(direct.soldPerDay(buckets, ids), dayIndex);
      // The day index of each hour of the range (an hour belongs to the local day whose bounds hold it).
      const first = Date.parse(buckets[0]?.start ?? '');
      const dayOfHour = new Int32Array((Date.parse(buckets.at(-1)?.end ?? '') - first) / 3_600_000);
      buckets.forEach((b, i) => dayOfHour.fill(i, (Date.parse(b.start) - first) / 3_600_000, (Date.parse(b.end) - first) / 3_600_000));
      const sums = new Map<number, Map<number, { units: number; paid: number }>>();
      for (const [variantId, hour, units, paid] of direct.soldPerHour(ids, first, ...range)) {
        const day = dayOfHour[hour] ?? -1;
        let perDay = sums.get(variantId);
        if (!perDay) sums.set(variantId, (perDay = new Map()));
        const sum = perDay.get(day);
        if (sum) {
          sum.units += units;
          sum.paid += paid;
        } else perDay.set(day, { units, paid });
      }
      return sums;
    },
    deltaSince: (since: string) => daily?.deltaSince(since) ?? direct.deltaSince(since),
    newVariants: (from: string, to: string, after: string) => daily?.newVariants(from, to, after) ?? direct.newVariants(from, to, after),
  };
  const timeZone = shopTimeZone(db);
  const stockStart = createStockStart(db);
  const topCategory = (path: string) => path.split(' > ')[0] ?? '';
  const onHandNow = () => new Map(store.onHand().map((r) => [r.variantId, r.onHand]));
  /** On hand per variant at `moment` (UTC): today's levels minus what moved since. */
  const onHandAt = (moment: string, now = onHandNow()) => {
    const levels = new Map(now);
    for (const r of store.deltaSince(moment)) levels.set(r.variantId, (levels.get(r.variantId) ?? 0) - r.delta);
    return levels;
  };
  /**
   * FIFO ages of what is on hand at `end` per variant: from the cache's inbound units within each bucket's
   * bound when it can answer, else from every inbound movement read from the ledger, newest first.
   */
  const ageSplitter = (end: string, asOf: string, modifier: string, onHand: ReadonlyMap<number, number>) => {
    const within = daily?.inboundWithin(end, asOf, modifier, ageBuckets.slice(0, 4).map((b) => b.maxDays));
    if (within) {
      const byVariant = new Map(within.map((r) => [r.variantId, r.within]));
      return (variantId: number, units: number) => fifoAgesWithin(units, byVariant.get(variantId) ?? []);
    }
    const inbound = new Map<number, { ageDays: number; quantity: number }[]>();
    for (const row of modifier === '' ? [] : direct.inbound(end, asOf, modifier)) {
      if (!onHand.has(row.variantId)) continue;
      let list = inbound.get(row.variantId);
      if (!list) inbound.set(row.variantId, (list = []));
      list.push(row);
    }
    return (variantId: number, units: number) => fifoAges(units, inbound.get(variantId) ?? []);
  };
  /**
   * The ledger's days for stock-outs from the cache: only the variants that can have a stock-out day in
   * [from, periodEnd) — a level at or below zero there, or on hand that disagrees with the ledger — are
   * walked day by day (with their on hand now); the others only count their SKU-days. Undefined when the
   * cache cannot answer.
   */
  const cachedDays = (buckets: readonly DayBucket[], from: string, periodEnd: string) => {
    const found = daily?.walkFrom(from, periodEnd);
    const ids = found && [...found.walk];
    const deltas = ids && daily?.deltas(buckets, ids);
    if (!found || !ids || !deltas) return undefined;
    return { ...found, deltas, now: new Map(direct.onHandOf(ids).map((r) => [r.variantId, r.onHand])) };
  };

  return {
    stockOuts(period: Period, offset: number, limit: number) {
      const tz = timeZone();
      const days = daysBetween(period.from, period.to) + 1;
      const firstDay = addDays(period.from, -lookbackDays);
      const total = days + lookbackDays;
      const buckets = dayBuckets(firstDay, total, tz);
      const indexOfDay = new Map(buckets.map((b, i) => [b.day, i]));
      const dayIndex = (day: string) => indexOfDay.get(day) ?? daysBetween(firstDay, day);
      const periodEnd = buckets.at(-1)?.end ?? '';
      const historyStart = buckets[0]?.start ?? '';
      const stock = stockStart.read();
      const coverage = coverageOf(stock, buckets[lookbackDays]?.start ?? '', periodEnd);
      if (coverage === 'none') {
        return {
          skuDays: 0,
          outDays: 0,
          rate: null,
          variantsOut: 0,
          lostUnits: 0,
          lostUnitsHigh: 0,
          lostNetSales: 0,
          lostNetSalesHigh: 0,
          soldUnits: 0,
          soldNetSales: 0,
          soldInStockDays: 0,
          episodes: [],
          total: 0,
          stockHistory: stockHistoryOf(stock, coverage),
        };
      }
      // The first day whose end-of-day stock is on record: the local day the stock history starts.
      const firstKnownDay = stock.at === null || stock.at < historyStart ? 0 : dayIndex(localDateOf(stock.at, tz));
      const cached = cachedDays(buckets, buckets[lookbackDays]?.start ?? '', periodEnd);
      const now = cached?.now ?? onHandNow();
      const deltas = new Map<number, Map<number, number>>();
      if (cached) {
        for (const [variantId, perDay] of cached.deltas) deltas.set(variantId, perDay);
      } else {
        for (const row of direct.deltas(buckets)) {
          let perDay = deltas.get(row.variantId);
          if (!perDay) deltas.set(row.variantId, (perDay = new Map()));
          perDay.set(dayIndex(row.day), row.delta);
        }
      }
      // The local day of an instant: by its UTC hour where the days are whole hours (no time-zone lookup per variant).
      const localDays = hourDays(buckets);
      const dayIndexOf = (instant: string) => {
        const day = localDays?.get(instant.slice(0, 13));
        return day === undefined ? dayIndex(localDateOf(instant, tz)) : dayIndex(day);
      };
      const noMovements = new Map<number, number>();
      // On hand at the end of the period: on hand now less what moved since.
      const movedSince = new Map(store.deltaSince(periodEnd).map((r) => [r.variantId, r.delta]));
      const endLevel = (variantId: number) => (now.get(variantId) ?? 0) - (movedSince.get(variantId) ?? 0);

      let skuDays = 0;
      let outDays = 0;
      /** In-stock days in the period of the variants that had a stock-out. */
      let inStockDays = 0;
      if (cached) {
        // Variants first moved before the period and never walked: tracked from the later of that and the stock history's first known day.
        skuDays += cached.othersBefore * (days - Math.max(0, Math.min(total, firstKnownDay) - lookbackDays));
      }
      // Each stock-out with its baseline in-stock days and its window: the tracked days of the lookback before it.
      const found: { variantId: number; from: number; to: number; variantOutDays: number; baseline: number[]; window: [number, number] }[] = [];
      for (const { variantId, firstAt } of cached?.firsts ?? direct.firstMovements()) {
        if (firstAt >= periodEnd) continue;
        // Tracked from the local day of its first movement.
        const firstTracked = Math.max(firstKnownDay, firstAt < historyStart ? 0 : dayIndexOf(firstAt));
        if (cached && !cached.walk.has(variantId)) {
          // In stock at the end of every day: only its SKU-days count (as dailyLevels bounds its first tracked day).
          skuDays += days - Math.max(0, Math.max(0, Math.min(total, firstTracked)) - lookbackDays);
          continue;
        }
        const history = dailyLevels(endLevel(variantId), deltas.get(variantId) ?? noMovements, total, firstTracked);
        const inPeriod = { levels: history.levels.slice(lookbackDays), firstTracked: Math.max(0, history.firstTracked - lookbackDays) };
        skuDays += days - inPeriod.firstTracked;
        const episodes = stockOutEpisodes(inPeriod);
        const variantOutDays = episodes.reduce((sum, e) => sum + e.to - e.from + 1, 0);
        if (episodes.length > 0) inStockDays += days - inPeriod.firstTracked - variantOutDays;
        outDays += variantOutDays;
        for (const e of episodes) {
          const start = e.from + lookbackDays;
          found.push({ variantId, from: e.from, to: e.to, variantOutDays, baseline: baselineDays(history, start, baselineDayCount), window: [Math.max(history.firstTracked, start - lookbackDays), start] });
        }
      }

      const ids = [...new Set(found.map((e) => e.variantId))];
      const sold = ids.length === 0 ? new Map<number, Map<number, { units: number; paid: number }>>() : store.soldByDay(buckets, ids, dayIndex);
      /** Σ lost units × price, unrounded: the whole's "at most" is scaled from it. */
      let lostValue = 0;
      // Units and net paid summed up to each day of one variant at a time (found lists a variant's stock-outs
      // together): a window's sums are two reads instead of a walk over its days. Whole numbers: exact.
      const unitsUpTo = new Float64Array(total + 1);
      const paidUpTo = new Float64Array(total + 1);
      let summed = Number.NaN;
      const sumsOf = (variantId: number) => {
        if (variantId === summed) return;
        summed = variantId;
        unitsUpTo.fill(0);
        paidUpTo.fill(0);
        for (const [day, row] of sold.get(variantId) ?? []) {
          if (day < 0 || day >= total) continue;
          unitsUpTo[day + 1] = row.units;
          paidUpTo[day + 1] = row.paid;
        }
        for (let d = 1; d <= total; d += 1) {
          unitsUpTo[d] = (unitsUpTo[d] ?? 0) + (unitsUpTo[d - 1] ?? 0);
          paidUpTo[d] = (paidUpTo[d] ?? 0) + (paidUpTo[d - 1] ?? 0);
        }
      };
      const episodes = found.map((e) => {
        const perDay = sold.get(e.variantId);
        let baselineUnits = 0;
        for (const d of e.baseline) baselineUnits += perDay?.get(d)?.units ?? 0;
        sumsOf(e.variantId);
        const windowUnits = (unitsUpTo[e.window[1]] ?? 0) - (unitsUpTo[e.window[0]] ?? 0);
        const windowPaid = (paidUpTo[e.window[1]] ?? 0) - (paidUpTo[e.window[0]] ?? 0);
        const outFor = e.to - e.from + 1;
        const { demandPerDay, lostUnits, lostUnitsHigh } = estimateLostSales({
          baselineUnits,
          baselineDays: e.baseline.length,
          windowUnits,
          windowDays: e.window[1] - e.window[0],
          outDays: outFor,
        });
        // At the average net price paid over the window before it.
        const price = windowUnits === 0 ? 0 : windowPaid / windowUnits;
        lostValue += lostUnits * price;
        return {
          variantId: e.variantId,
          from: buckets[lookbackDays + e.from]?.day ?? addDays(period.from, e.from),
          to: buckets[lookbackDays + e.to]?.day ?? addDays(period.from, e.to),
          days: outFor,
          variantOutDays: e.variantOutDays,
          ongoing: e.to === days - 1,
          baselineDays: e.baseline.length,
          demandPerDay,
          lostUnits,
          lostUnitsHigh,
          lostNetSales: Math.round(lostUnits * price),
          lostNetSalesHigh: Math.round(lostUnitsHigh * price),
        };
      });
      // The whole: the sum of the estimates, bounded by the 95th percentile of the summed demand (tighter than adding
      // every episode's bound), valued at the estimates' average price.
      const lostUnits = episodes.reduce((sum, e) => sum + e.lostUnits, 0);
      const lostUnitsHigh = Math.max(lostUnits, poissonUpper(lostUnits, upperBoundLevel));
      const lostNetSales = episodes.reduce((sum, e) => sum + e.lostNetSales, 0);
      // What the same variants did sell in the period: the plausibility check shown beside the estimate.
      const actual = { units: 0, paid: 0 };
      for (const id of ids) {
        for (const [day, row] of sold.get(id) ?? []) {
          if (day < lookbackDays) continue;
          actual.units += row.units;
          actual.paid += row.paid;
        }
      }
      episodes.sort((a, b) => b.lostNetSales - a.lostNetSales || b.days - a.days || a.variantId - b.variantId || a.from.localeCompare(b.from));
      const page = episodes.slice(offset, offset + limit);
      const info = new Map(store.variants(page.map((e) => e.variantId)).map((v) => [v.variantId, v]));
      return {
        skuDays,
        outDays,
        rate: skuDays === 0 ? null : outDays / skuDays,
        variantsOut: ids.length,
        lostUnits,
        lostUnitsHigh,
        lostNetSales,
        lostNetSalesHigh: lostUnits === 0 ? 0 : Math.round((lostValue * lostUnitsHigh) / lostUnits),
        soldUnits: actual.units,
        soldNetSales: actual.paid,
        soldInStockDays: inStockDays,
        episodes: page.map((e) => ({ ...e, productId: info.get(e.variantId)?.productId ?? 0, sku: info.get(e.variantId)?.sku ?? '', title: info.get(e.variantId)?.title ?? '' })),
        total: episodes.length,
        stockHistory: stockHistoryOf(stock, coverage),
      };
    },

    inventoryAging(asOf: string) {
      const tz = timeZone();
      const [day] = dayBuckets(asOf, 1, tz);
      const end = day?.end ?? '';
      const stock = stockStart.read();
      // Known when the stock at the end of asOf is; 'fromStart' when the history is younger than the oldest bucket
      // (stock on hand when it starts is aged from then: at least that old).
      const coverage = coverageOf(stock, end, end) === 'none' ? 'none' : coverageOf(stock, localMidnightUtc(addDays(asOf, 1 - oldestBucketDays), tz).toISOString(), end);
      if (coverage === 'none') return { asOf, shop: [], byCategory: [], stockHistory: stockHistoryOf(stock, coverage) };
      // On hand at the end of asOf (now less what moved since), with the variant's category and cost.
      const moved = new Map(store.deltaSince(end).map((r) => [r.variantId, r.delta]));
      const info = new Map<number, { categoryPath: string; cost: number | null }>();
      const onHand = new Map<number, number>();
      for (const v of store.stockAndCosts()) {
        const units = v.onHand - (moved.get(v.variantId) ?? 0);
        if (units <= 0) continue;
        onHand.set(v.variantId, units);
        info.set(v.variantId, v);
      }
      const agesOf = ageSplitter(end, asOf, day ? offsetModifier(day) : '', onHand);
      type Sums = Record<AgeBucket, { units: number; value: number }>;
      const empty = (): Sums => Object.fromEntries(ageBuckets.map((b) => [b.id, { units: 0, value: 0 }])) as Sums;
      const shop = empty();
      const byCategory = new Map<string, Sums>();
      for (const [variantId, units] of onHand) {
        const variant = info.get(variantId);
        const category = topCategory(variant?.categoryPath ?? '');
        let sums = byCategory.get(category);
        if (!sums) byCategory.set(category, (sums = empty()));
        for (const [bucket, n] of agesOf(variantId, units)) {
          // Valued at the variant's cost, as the Stock area's valuation does.
          const value = n * (variant?.cost ?? 0);
          for (const target of [shop[bucket], sums[bucket]]) {
            target.units += n;
            target.value += value;
          }
        }
      }
      const rows = (sums: Sums) => ageBuckets.map((b) => ({ bucket: b.id, ...sums[b.id] }));
      return {
        asOf,
        shop: rows(shop),
        byCategory: [...byCategory].sort(([a], [b]) => a.localeCompare(b)).map(([category, sums]) => ({ category, buckets: rows(sums) })),
        stockHistory: stockHistoryOf(stock, coverage),
      };
    },

    newProductSellThrough(asOf: string, days: number, limit: number) {
      const tz = timeZone();
      const [from, to] = utcRange({ from: addDays(asOf, -(days - 1)), to: asOf }, tz);
      const stock = stockStart.read();
      const coverage = coverageOf(stock, from, to);
      if (coverage === 'none') return { asOf, days, variants: 0, sold: 0, onHand: 0, sellThrough: null, lowest: [], stockHistory: stockHistoryOf(stock, coverage) };
      const onHand = onHandAt(to);
      const rows = store.newVariants(from, to, stock.at ?? '').map((r) => {
        const left = Math.max(0, onHand.get(r.variantId) ?? 0);
        return { variantId: r.variantId, firstReceived: localDateOf(r.firstAt, tz), sold: r.sold, onHand: left, sellThrough: r.sold + left === 0 ? null : r.sold / (r.sold + left) };
      });
      const soldTotal = rows.reduce((s, r) => s + r.sold, 0);
      const onHandTotal = rows.reduce((s, r) => s + r.onHand, 0);
      const lowest = rows
        .filter((r) => r.sellThrough !== null)
        .sort((a, b) => (a.sellThrough ?? 0) - (b.sellThrough ?? 0) || b.onHand - a.onHand || a.variantId - b.variantId)
        .slice(0, limit);
      const info = new Map(store.variants(lowest.map((r) => r.variantId)).map((v) => [v.variantId, v]));
      return {
        asOf,
        days,
        variants: rows.length,
        sold: soldTotal,
        onHand: onHandTotal,
        sellThrough: soldTotal + onHandTotal === 0 ? null : soldTotal / (soldTotal + onHandTotal),
        lowest: lowest.map((r) => ({ ...r, productId: info.get(r.variantId)?.productId ?? 0, sku: info.get(r.variantId)?.sku ?? '', title: info.get(r.variantId)?.title ?? '' })),
        stockHistory: stockHistoryOf(stock, coverage),
      };
    },
  };
}
