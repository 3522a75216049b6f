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
import { salesRollupOf, wholeHour } from './sales-rollup.js';
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

export interface ProductsServiceOptions {
  /** false: always read the orders and the ledger (the definition), never the rollups or the stock cache — for the agreement tests. */
  cache?: boolean;
}

export function createProductsService(db: Db, options: ProductsServiceOptions = {}) {
  const store = createProductsStore(db);
  const stockStart = createStockStart(db);
  const rollup = options.cache === false ? undefined : salesRollupOf(db);
  const stock = options.cache === false ? undefined : createStockDaily(db);

  /** The variant rollup's hour keys for [from, to) when it can answer (whole hours, brought up to date), else undefined. */
  function rolledHours(from: string, to: string): [string, string] | undefined {
    return wholeHour(from) === undefined ? undefined : rollup?.hours(from, to);
  }

  /** Per variant: sales placed and refunds dated in [from, to), from the orders (the definition). */
  function directSales(from: string, to: string): { sales: Map<number, VariantSales>; refunds: Map<number, VariantRefunds> } {
    return { sales: new Map(store.sales(from, to).map((row) => [row.variantId, row])), refunds: new Map(store.refunds(from, to).map((row) => [row.variantId, row])) };
  }

  /** The same from the variant rollup's hours [fromHour, toHour): units, net, COGS sold; refunds and returned COGS. */
  function rolledSales(fromHour: string, toHour: string) {
    const sales = new Map<number, { units: number; netOfDiscounts: number; cogsSold: number; lastPlacedAt: string | null }>();
    const refunds = new Map<number, VariantRefunds>();
    for (const row of store.rolledSums(fromHour, toHour)) {
      if (row.placed > 0) sales.set(row.variantId, row);
      if (row.refunds !== 0 || row.cogsReturned !== 0) refunds.set(row.variantId, row);
    }
    return { sales, refunds };
  }

  /** The last sale before `before` of each given variant: the order lines of each (the direct path). */
  function lastSales(variantIds: readonly number[], before: string): Map<number, string> {
    return new Map(store.lastSales(variantIds, before).map((row) => [row.variantId, row.lastPlacedAt]));
  }

  /**
   * What moved at or after an instant per variant (`after`: strictly after it), every location (on_hand_total
   * includes goods in transit): the stock cache, else the ledger. On hand then = on hand now − this.
   */
  function movedSince(instant: string, after = false): Map<number, number> {
    const deltas = stock?.deltaSince(instant, { strict: after, transit: true }) ?? store.deltasSince(instant, after);
    return new Map(deltas.map((row) => [row.variantId, row.delta]));
  }

  /** On hand (≥ 0) of a variant given what moved since. */
  const onHandThen = (v: VariantRow, moved: ReadonlyMap<number, number>) => Math.max(0, v.onHand - (moved.get(v.variantId) ?? 0));

  /** Fills in the title of each row of a page (the ranking needs only SKUs). */
  function withTitles<T extends { variantId: number }>(rows: readonly T[]): (T & { title: string })[] {
    const titles = new Map(store.titles(rows.map((row) => row.variantId)).map((row) => [row.variantId, row.title]));
    return rows.map((row) => ({ ...row, title: titles.get(row.variantId) ?? '' }));
  }

  return {
    abc(input: { asOf: string; windowDays: number; measure: 'netSales' | 'grossProfit'; offset: number; limit: number; class?: AbcClass | undefined }) {
      const window: Period = { from: addDays(input.asOf, -(input.windowDays - 1)), to: input.asOf };
      const [from, to] = utcRange(window, store.timeZone());
      const hours = rolledHours(from, to);
      const { sales, refunds } = hours ? rolledSales(...hours) : directSales(from, to);
      const items = store.variantsWithSku().map((v) => {
        const sold = sales.get(v.variantId);
        const refunded = refunds.get(v.variantId);
        // Net sales = quantity × price − line discount − refunds dated in the window.
        const netSales = (sold?.netOfDiscounts ?? 0) - (refunded?.refunds ?? 0);
        const cogs = (sold?.cogsSold ?? 0) - (refunded?.cogsReturned ?? 0);
        return { variantId: v.variantId, sku: v.sku, title: '', value: input.measure === 'netSales' ? netSales : netSales - cogs };
      });
      const ranked = classifyAbc(items);
      const matching = input.class ? ranked.filter((row) => row.class === input.class) : ranked;
      return {
        window,
        measure: input.measure,
        total: ranked.reduce((sum, row) => sum + row.value, 0),
        classes: summarizeAbc(ranked),
        totalRows: matching.length,
        rows: withTitles(matching.slice(input.offset, input.offset + input.limit)),
      };
    },

    productHealth(input: { from: string; to: string; slowDays: number; deadDays: number }) {
      const tz = store.timeZone();
      const period: Period = { from: input.from, to: input.to };
      const days = daysBetween(input.from, input.to) + 1;
      const [start, end] = utcRange(period, tz);
      const history = stockStart.read();
      const coverage = coverageOf(history, start, end);
      const known = coverage !== 'none';
      // When the history starts at or after the period's start, the stock at the start is the stock just after its first records.
      const historyStart = history.at !== null && history.at >= start ? history.at : null;
      const movedAfterStart = known ? movedSince(historyStart ?? start, historyStart !== null) : undefined;
      const movedAfterEnd = known ? movedSince(end) : new Map<number, number>();

      // Days since the last sale ≥ N ⇔ the last sale was placed before local midnight of (to − N + 1).
      // So the last sale before the end gives both counts (none = both); it matters only for SKUs in stock.
      const slowBefore = localMidnightUtc(addDays(input.to, 1 - input.slowDays), tz).toISOString();
      const deadBefore = localMidnightUtc(addDays(input.to, 1 - input.deadDays), tz).toISOString();
      const recentFrom = slowBefore < deadBefore ? slowBefore : deadBefore;
      const hours = rolledHours(start, end);
      let variants: VariantRow[];
      let lastSale: (variantId: number) => string | undefined;
      let found: { sales: ReadonlyMap<number, { units: number; cogsSold: number }>; refunds: ReadonlyMap<number, VariantRefunds> };
      if (hours && start <= recentFrom) {
        // The period holds both windows: its own last sales decide (one before the period is before them too).
        const rolled = rolledSales(...hours);
        variants = store.variants();
        lastSale = (variantId) => rolled.sales.get(variantId)?.lastPlacedAt ?? undefined;
        found = rolled;
      } else if (hours) {
        // A shorter period: each SKU's last sale before the end, asked of those that may be in stock.
        const rows = store.variantsWithLastSale(hours[1], [...movedAfterEnd.keys()]);
        const last = new Map(rows.map((row) => [row.variantId, row.lastPlacedAt ?? undefined]));
        variants = rows;
        lastSale = (variantId) => last.get(variantId);
        found = rolledSales(...hours);
      } else {
        variants = store.variants();
        // One pass over the longest of the two windows: the last sale in it, no sale in it = both.
        const scanned = store.sales(start, end, recentFrom);
        const last = new Map(scanned.map((row) => [row.variantId, row.lastPlacedAt]));
        lastSale = (variantId) => last.get(variantId);
        found = { sales: new Map(scanned.map((row) => [row.variantId, row])), refunds: new Map(store.refunds(start, end).map((row) => [row.variantId, row])) };
      }

      const shop = emptySums();
      const byCategory = new Map<string, HealthSums>();
      for (const v of variants) {
        let category = byCategory.get(v.category);
        if (!category) {
          category = emptySums();
          byCategory.set(v.category, category);
        }
        const sold = found.sales.get(v.variantId);
        const units = sold?.units ?? 0;
        const onHandEnd = known ? onHandThen(v, movedAfterEnd) : 0;
        const cost = v.cost ?? 0;
        const inStock = onHandEnd > 0;
        const last = inStock ? lastSale(v.variantId) : undefined;
        const cogs = (sold?.cogsSold ?? 0) - (found.refunds.get(v.variantId)?.cogsReturned ?? 0);
        const valueStart = movedAfterStart ? onHandThen(v, movedAfterStart) * cost : 0;
        // A SKU counts as sold with units in the period (the scan's rows without any are only its last sale).
        const soldSku = units > 0 ? 1 : 0;
        const slow = inStock && (last === undefined || last < slowBefore) ? 1 : 0;
        const dead = inStock && (last === undefined || last < deadBefore) ? 1 : 0;
        const noCost = inStock && v.cost === null ? 1 : 0;
        for (const sums of [shop, category]) {
          sums.unitsSold += units;
          sums.onHandEnd += onHandEnd;
          sums.skusSold += soldSku;
          sums.skusInStock += inStock ? 1 : 0;
          sums.cogs += cogs;
          sums.valueStart += valueStart;
          sums.valueEnd += onHandEnd * cost;
          sums.slow += slow;
          sums.dead += dead;
          sums.noCost += noCost;
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
      const moved = movedSince(end);
      const hours = rolledHours(recentFrom, end);
      let candidates: { variantId: number; sku: string; cost: number | null; units: number; last: string | undefined }[];
      if (hours) {
        // In stock at the end, with no sale since recentFrom: their last sale before the end is the one before it.
        candidates = store.variantsWithLastSale(hours[1], [...moved.keys()]).flatMap((v) => {
          const units = onHandThen(v, moved);
          return units > 0 && (v.lastPlacedAt === null || v.lastPlacedAt < recentFrom) ? [{ variantId: v.variantId, sku: v.sku, cost: v.cost, units, last: v.lastPlacedAt ?? undefined }] : [];
        });
      } else {
        const soldRecently = new Set(store.sales(recentFrom, end).map((row) => row.variantId));
        const stocked = store.variantsWithSku().flatMap((v) => {
          const units = onHandThen(v, moved);
          return units > 0 && !soldRecently.has(v.variantId) ? [{ variantId: v.variantId, sku: v.sku, cost: v.cost, units }] : [];
        });
        const last = lastSales(stocked.map((v) => v.variantId), recentFrom);
        candidates = stocked.map((v) => ({ ...v, last: last.get(v.variantId) }));
      }
      const dateOf = localDates(tz);
      const rows = candidates.map((v) => {
        const lastSaleDate = v.last === undefined ? null : dateOf(v.last);
        return {
          variantId: v.variantId,
          sku: v.sku,
          lastSaleDate,
          daysSinceLastSale: lastSaleDate === null ? null : daysBetween(lastSaleDate, input.asOf),
          onHand: v.units,
          unitCost: v.cost,
          stockValue: v.units * (v.cost ?? 0),
        };
      });
      // Never sold first (the stalest), then most days; ties by SKU.
      const staleness = (days: number | null) => (days === null ? Number.POSITIVE_INFINITY : days);
      rows.sort((a, b) => staleness(b.daysSinceLastSale) - staleness(a.daysSinceLastSale) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
      const page = withTitles(rows.slice(input.offset, input.offset + input.limit));
      return {
        asOf: input.asOf,
        minDays: input.minDays,
        totalRows: rows.length,
        rows: page.map(({ variantId, sku, title, lastSaleDate, daysSinceLastSale, onHand, unitCost, stockValue }) => ({ variantId, sku, title, lastSaleDate, daysSinceLastSale, onHand, unitCost, stockValue })),
        stockHistory: stockHistoryOf(history, coverage),
      };
    },
  };
}
