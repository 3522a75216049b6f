// Product and inventory analytics exactly as metrics.md "Products and stock"
// defines them. The store returns per-variant sums from grouped passes; the
// joining, classification and shares happen here in memory (100,000 variants
// fit easily).
//
// Stock at a past instant = on hand now − Σ ledger deltas at or after it (the
// ledger is append-only). Inventory is valued at the variant's current unit
// cost (variants.cost; none = 0, counted in skusInStockWithoutCost); negative
// balances count as 0 units. The average inventory value of a period is the
// mean of its value at the start and at the end (averageInventoryMethod
// 'meanOfStartAndEnd') — two ledger reconstructions instead of one per day.
//
// Stock history (stock-start.ts): a period that ends before the stock history
// starts has no stock figures (null; sales figures stay); one that begins
// before it takes the stock at its start from when the history starts (the
// value just after the first records), and everything else from its end.
import type { Db } from '../db/open.js';
import { addDays, daysBetween, localDateOf, localMidnightUtc } from '../shared/local-time.js';
import { classifyAbc, summarizeAbc, type AbcClass } from './abc.js';
import { utcRange, type Period } from './periods.js';
import type { ProductHealth } from './products-contract.js';
import { createProductsStore, type VariantRefunds, type VariantRow, type VariantSales } from './products-store.js';
import { createSalesRollup, wholeHour } from './sales-rollup.js';
import { createSalesRollupStore } from './sales-rollup-store.js';
import { createStockDaily } from './stock-daily.js';
import { coverageOf, createStockStart, stockHistoryOf } from './stock-start.js';

const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

interface HealthSums {
  unitsSold: number;
  onHandEnd: number;
  skusSold: number;
  skusInStock: number;
  cogs: number;
  valueStart: number;
  valueEnd: number;
  slow: number;
  dead: number;
  noCost: number;
}

const emptySums = (): HealthSums => ({ unitsSold: 0, onHandEnd: 0, skusSold: 0, skusInStock: 0, cogs: 0, valueStart: 0, valueEnd: 0, slow: 0, dead: 0, noCost: 0 });

/** Turnover is stated per year whatever the period's length. */
export const daysPerYear = 365;

function health(s: HealthSums, days: number, stockKnown: boolean): ProductHealth {
  if (!stockKnown) {
    // Stock unknown: only the sales side of the figures.
    return {
      unitsSold: s.unitsSold,
      onHandEnd: null,
      sellThrough: null,
      skusSold: s.skusSold,
      skusInStock: null,
      activeSellingRate: null,
      cogs: s.cogs,
      inventoryValueStart: null,
      inventoryValueEnd: null,
      averageInventoryValue: null,
      turnover: null,
      daysOfInventory: null,
      slowMovers: null,
      slowMoversShare: null,
      deadStock: null,
      deadStockShare: null,
      skusInStockWithoutCost: null,
    };
  }
  const averageInventoryValue = (s.valueStart + s.valueEnd) / 2;
  return {
    unitsSold: s.unitsSold,
    onHandEnd: s.onHandEnd,
    sellThrough: ratio(s.unitsSold, s.unitsSold + s.onHandEnd),
    skusSold: s.skusSold,
    skusInStock: s.skusInStock,
    activeSellingRate: ratio(s.skusSold, s.skusInStock),
    cogs: s.cogs,
    inventoryValueStart: s.valueStart,
    inventoryValueEnd: s.valueEnd,
    averageInventoryValue,
    // Annualised, so a week and a year read on the same scale: COGS × 365 ÷ days ÷ average value (= 365 ÷ days of inventory).
    turnover: ratio((s.cogs * daysPerYear) / days, averageInventoryValue),
    // Days of inventory = average value ÷ COGS per day; with no (or negative) COGS the stock never turns.
    daysOfInventory: s.cogs > 0 ? (averageInventoryValue * days) / s.cogs : null,
    slowMovers: s.slow,
    slowMoversShare: ratio(s.slow, s.skusInStock),
    deadStock: s.dead,
    deadStockShare: ratio(s.dead, s.skusInStock),
    skusInStockWithoutCost: s.noCost,
  };
}

/** Local dates of UTC instants, memoised per minute (every zone offset is whole minutes). */
function localDates(timeZone: string): (instant: string) => string {
  const memo = new Map<string, string>();
  return (instant) => {
    const minute = instant.slice(0, 16);
    let date = memo.get(minute);
    if (date === undefined) {
      date = localDateOf(instant, timeZone);
      memo.set(minute, date);
    }
    return date;
  };
}

export function createProductsService(db: Db) {
  const store = createProductsStore(db);
  const stockStart = createStockStart(db);
  const rollup = createSalesRollup(db);
  const rolled = createSalesRollupStore(db);
  const stock = createStockDaily(db);

  /**
   * Per variant: sales in [from, to) with the last sale over [scanFrom, to) (store.sales), and refunds dated
   * in [from, to) (store.refunds) — from the variant rollup when it can answer, else from the orders.
   */
  function variantSales(from: string, to: string, scanFrom: string = from): { sales: VariantSales[]; refunds: VariantRefunds[] } {
    const fromHour = wholeHour(from);
    const range = fromHour === undefined ? undefined : rollup.hours(scanFrom < from ? scanFrom : from, to);
    if (fromHour === undefined || range === undefined) return { sales: store.sales(from, to, scanFrom), refunds: store.refunds(from, to) };
    const rows = rolled.variants(fromHour, range[1], range[0]);
    return {
      sales: rows.flatMap(({ variantId, units, netOfDiscounts, cogsSold, lastPlacedAt }) =>
        lastPlacedAt === null ? [] : [{ variantId, units, netOfDiscounts, cogsSold, lastPlacedAt }],
      ),
      refunds: rows.filter((row) => row.refunds !== 0 || row.cogsReturned !== 0).map(({ variantId, refunds, cogsReturned }) => ({ variantId, refunds, cogsReturned })),
    };
  }

  /** The last sale before `before` of each given variant: the variant rollup's keys, else the order lines of each. */
  function lastSales(variantIds: readonly number[], before: string): { variantId: number; lastPlacedAt: string }[] {
    const hour = wholeHour(before);
    const range = hour === undefined ? undefined : rollup.hours(before, before);
    return range ? rolled.lastPlacedBefore(variantIds, range[0]) : store.lastSales(variantIds, before);
  }

  /** On hand per variant at an instant (≥ 0), or just after it with `after`, from on hand now and the ledger since. */
  function onHandAt(variants: readonly VariantRow[], instant: string, after = false): Map<number, number> {
    // Every location counts (on_hand_total includes goods in transit): the stock cache, else the ledger.
    const deltas = stock.deltaSince(instant, { strict: after, transit: true }) ?? store.deltasSince(instant, after);
    const later = new Map(deltas.map((row) => [row.variantId, row.delta]));
    return new Map(variants.map((v) => [v.variantId, Math.max(0, v.onHand - (later.get(v.variantId) ?? 0))]));
  }

  return {
    abc(input: { asOf: string; windowDays: number; measure: 'netSales' | 'grossProfit'; offset: number; limit: number; class?: AbcClass | undefined }) {
      const window: Period = { from: addDays(input.asOf, -(input.windowDays - 1)), to: input.asOf };
      const [from, to] = utcRange(window, store.timeZone());
      const found = variantSales(from, to);
      const sales = new Map(found.sales.map((row) => [row.variantId, row]));
      const refunds = new Map(found.refunds.map((row) => [row.variantId, row]));
      const items = store.variants().map((v) => {
        const sold = sales.get(v.variantId);
        const refunded = refunds.get(v.variantId);
        // Net sales = quantity × price − line discount − refunds dated in the window.
        const netSales = (sold?.netOfDiscounts ?? 0) - (refunded?.refunds ?? 0);
        const cogs = (sold?.cogsSold ?? 0) - (refunded?.cogsReturned ?? 0);
        return { variantId: v.variantId, sku: v.sku, title: v.title, value: input.measure === 'netSales' ? netSales : netSales - cogs };
      });
      const ranked = classifyAbc(items);
      const matching = input.class ? ranked.filter((row) => row.class === input.class) : ranked;
      return {
        window,
        measure: input.measure,
        total: ranked.reduce((sum, row) => sum + row.value, 0),
        classes: summarizeAbc(ranked),
        totalRows: matching.length,
        rows: matching.slice(input.offset, input.offset + input.limit),
      };
    },

    productHealth(input: { from: string; to: string; slowDays: number; deadDays: number }) {
      const tz = store.timeZone();
      const period: Period = { from: input.from, to: input.to };
      const days = daysBetween(input.from, input.to) + 1;
      const [start, end] = utcRange(period, tz);
      const variants = store.variants();
      const history = stockStart.read();
      const coverage = coverageOf(history, start, end);
      const known = coverage !== 'none';
      // When the history starts at or after the period's start, the stock at the start is the stock just after its first records.
      const historyStart = history.at !== null && history.at >= start ? history.at : null;
      const atStart = known ? onHandAt(variants, historyStart ?? start, historyStart !== null) : new Map<number, number>();
      const atEnd = known ? onHandAt(variants, end) : new Map<number, number>();

      // Days since the last sale ≥ N ⇔ the last sale was placed before local midnight of (to − N + 1).
      // So one pass over the longest of the two windows gives both counts; no sale in it = both.
      const slowBefore = localMidnightUtc(addDays(input.to, 1 - input.slowDays), tz).toISOString();
      const deadBefore = localMidnightUtc(addDays(input.to, 1 - input.deadDays), tz).toISOString();
      const recentFrom = slowBefore < deadBefore ? slowBefore : deadBefore;
      const found = variantSales(start, end, recentFrom);
      const scanned = found.sales;
      const returned = new Map(found.refunds.map((row) => [row.variantId, row.cogsReturned]));
      const sales = new Map(scanned.filter((row) => row.units > 0).map((row) => [row.variantId, row]));
      const lastSale = new Map(scanned.map((row) => [row.variantId, row.lastPlacedAt]));

      const shop = emptySums();
      const byCategory = new Map<string, HealthSums>();
      for (const v of variants) {
        let category = byCategory.get(v.category);
        if (!category) {
          category = emptySums();
          byCategory.set(v.category, category);
        }
        const sold = sales.get(v.variantId);
        const onHandEnd = atEnd.get(v.variantId) ?? 0;
        const cost = v.cost ?? 0;
        const last = lastSale.get(v.variantId);
        const inStock = onHandEnd > 0;
        const add: HealthSums = {
          unitsSold: sold?.units ?? 0,
          onHandEnd,
          skusSold: sold ? 1 : 0,
          skusInStock: inStock ? 1 : 0,
          cogs: (sold?.cogsSold ?? 0) - (returned.get(v.variantId) ?? 0),
          valueStart: (atStart.get(v.variantId) ?? 0) * cost,
          valueEnd: onHandEnd * cost,
          slow: inStock && (last === undefined || last < slowBefore) ? 1 : 0,
          dead: inStock && (last === undefined || last < deadBefore) ? 1 : 0,
          noCost: inStock && v.cost === null ? 1 : 0,
        };
        for (const sums of [shop, category]) {
          for (const key of Object.keys(add) as (keyof HealthSums)[]) sums[key] += add[key];
        }
      }
      return {
        period,
        days,
        slowDays: input.slowDays,
        deadDays: input.deadDays,
        averageInventoryMethod: 'meanOfStartAndEnd' as const,
        shop: health(shop, days, known),
        byCategory: [...byCategory]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([category, sums]) => ({ category, ...health(sums, days, known) })),
        stockHistory: stockHistoryOf(history, coverage),
      };
    },

    slowMovers(input: { asOf: string; minDays: number; offset: number; limit: number }) {
      const tz = store.timeZone();
      const end = utcRange({ from: input.asOf, to: input.asOf }, tz)[1];
      // A sale in the last minDays local days (asOf − minDays + 1 … asOf) means fewer than minDays since it.
      const recentFrom = localMidnightUtc(addDays(input.asOf, 1 - input.minDays), tz).toISOString();
      const history = stockStart.read();
      // Only the stock at the end of asOf matters.
      const coverage = coverageOf(history, end, end);
      if (coverage === 'none') return { asOf: input.asOf, minDays: input.minDays, totalRows: 0, rows: [], stockHistory: stockHistoryOf(history, coverage) };
      const variants = store.variants();
      const onHand = onHandAt(variants, end);
      const soldRecently = new Set(variantSales(recentFrom, end).sales.map((row) => row.variantId));
      const candidates = variants.filter((v) => (onHand.get(v.variantId) ?? 0) > 0 && !soldRecently.has(v.variantId));
      const lastSale = new Map(lastSales(candidates.map((v) => v.variantId), recentFrom).map((row) => [row.variantId, row.lastPlacedAt]));
      const dateOf = localDates(tz);
      const rows = candidates.map((v) => {
        const last = lastSale.get(v.variantId);
        const lastSaleDate = last === undefined ? null : dateOf(last);
        const units = onHand.get(v.variantId) ?? 0;
        return {
          variantId: v.variantId,
          sku: v.sku,
          title: v.title,
          lastSaleDate,
          daysSinceLastSale: lastSaleDate === null ? null : daysBetween(lastSaleDate, input.asOf),
          onHand: units,
          unitCost: v.cost,
          stockValue: units * (v.cost ?? 0),
        };
      });
      // Never sold first (the stalest), then most days; ties by SKU.
      const staleness = (days: number | null) => (days === null ? Number.POSITIVE_INFINITY : days);
      rows.sort((a, b) => staleness(b.daysSinceLastSale) - staleness(a.daysSinceLastSale) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
      return {
        asOf: input.asOf,
        minDays: input.minDays,
        totalRows: rows.length,
        rows: rows.slice(input.offset, input.offset + input.limit),
        stockHistory: stockHistoryOf(history, coverage),
      };
    },
  };
}
