// Sales KPIs exactly as metrics.md defines them, for a period, the previous
// period and the same days last year, in total and per channel.
import type { Db } from '../db/open.js';
import type { KpiValues } from './contract.js';
import { createKpiStore } from './kpi-store.js';
import { salesRollupOf } from './sales-rollup.js';
import { cutInstant, matchingDay, partialDayOf, type Period, previousPeriod, sameDaysLastYear, shopTimeZone, utcRange } from './periods.js';
import { createReturnMaturity, stillMaturing } from './return-maturity.js';

const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

interface Parts {
  gmv: number;
  discounts: number;
  refunds: number;
  orders: number;
  units: number;
  cogsSold: number;
  cogsReturned: number;
  unitsReturned: number;
  customers: number;
  newCustomers: number;
  repeaters: number;
}

const empty = (): Parts => ({ gmv: 0, discounts: 0, refunds: 0, orders: 0, units: 0, cogsSold: 0, cogsReturned: 0, unitsReturned: 0, customers: 0, newCustomers: 0, repeaters: 0 });

function values(p: Parts): KpiValues {
  const netSales = p.gmv - p.discounts - p.refunds;
  const cogs = p.cogsSold - p.cogsReturned;
  const grossProfit = netSales - cogs;
  return {
    gmv: p.gmv,
    discounts: p.discounts,
    refunds: p.refunds,
    netSales,
    orders: p.orders,
    units: p.units,
    aov: ratio(netSales, p.orders),
    cogs,
    grossProfit,
    grossMargin: ratio(grossProfit, netSales),
    unitsReturned: p.unitsReturned,
    returnRate: ratio(p.unitsReturned, p.units),
    customers: p.customers,
    newCustomers: p.newCustomers,
    returningCustomers: p.customers - p.newCustomers,
    repurchaseRate: ratio(p.repeaters, p.customers),
  };
}

export function createKpiService(db: Db) {
  const store = createKpiStore(db);
  // The connection's one rollup (its statements prepared once, shared with the other reports).
  const rollup = salesRollupOf(db);
  const timeZone = shopTimeZone(db);
  const maturity = createReturnMaturity(db);

  /**
   * Per channel parts, and the shop total (customers counted once across channels).
   * Channel customer counts are read only when asked for (the current period).
   */
  function measure(period: Period, tz: string, channelCustomers: boolean, cutAt?: string): { total: Parts; byChannel: Map<number, Parts> } {
    const [from, end] = utcRange(period, tz);
    // A comparison period cut where the current one's partial day stands (see PartialDay).
    const to = cutAt !== undefined && cutAt < end ? cutAt : end;
    const byChannel = new Map<number, Parts>();
    const of = (channelId: number) => {
      let parts = byChannel.get(channelId);
      if (!parts) {
        parts = empty();
        byChannel.set(channelId, parts);
      }
      return parts;
    };
    const rolled = rollup.byChannel(from, to);
    if (rolled) {
      for (const row of rolled) {
        const { gmv, discounts, refunds, orders, units, cogsSold, cogsReturned, unitsReturned } = row;
        Object.assign(of(row.channelId), { gmv, discounts, refunds, orders, units, cogsSold, cogsReturned, unitsReturned });
      }
    } else {
      for (const row of store.sales(from, to)) Object.assign(of(row.channelId), { gmv: row.gmv, discounts: row.discounts, orders: row.orders, units: row.units, cogsSold: row.cogsSold });
      for (const row of store.refunds(from, to)) Object.assign(of(row.channelId), { refunds: row.refunds, cogsReturned: row.cogsReturned });
      for (const row of store.returnedFromPeriod(from, to)) of(row.channelId).unitsReturned = row.units;
    }
    if (channelCustomers && rolled) {
      // A channel's new customers: those whose first order ever was placed on it in the period (so channels add up to the shop).
      for (const row of rolled) of(row.channelId).newCustomers = row.newCustomers;
      for (const row of store.activeCustomersByChannel(from, to)) Object.assign(of(row.channelId), { customers: row.customers, repeaters: row.repeaters });
    } else if (channelCustomers) {
      for (const row of store.customersByChannel(from, to)) {
        if (row.channelId === null) continue;
        Object.assign(of(row.channelId), { customers: row.customers, newCustomers: row.newCustomers, repeaters: row.repeaters });
      }
    }
    const total = empty();
    for (const parts of byChannel.values()) {
      for (const key of ['gmv', 'discounts', 'refunds', 'orders', 'units', 'cogsSold', 'cogsReturned', 'unitsReturned'] as const) total[key] += parts[key];
    }
    // New customers: first order ever in the period — from the rollup, each counted once at that order.
    if (rolled) Object.assign(total, store.activeCustomers(from, to), { newCustomers: rolled.reduce((n, row) => n + row.newCustomers, 0) });
    else Object.assign(total, store.customers(from, to));
    return { total, byChannel };
  }

  return {
    /** The shop's KPIs for one period only (no comparisons, no channel customer counts). */
    totals(period: Period): KpiValues {
      return values(measure(period, timeZone(), false).total);
    },
    /**
     * With `now` (the handlers'), a period reaching today says so and its comparisons are cut at the same hour of
     * their matching day; and the return rate says whether its orders' returns are still coming in.
     */
    kpis(period: Period, now?: Date) {
      const tz = timeZone();
      const previous = previousPeriod(period);
      const lastYear = sameDaysLastYear(period);
      const partial = now ? partialDayOf(period, tz, now) : null;
      const cut = (day: string) => (partial ? cutInstant(day, partial.hours, tz) : undefined);
      const previousCut = partial ? cut(matchingDay(period, previous, partial.day)) : undefined;
      const lastYearCut = partial ? cut(sameDaysLastYear({ from: partial.day, to: partial.day }).from) : undefined;
      const lag = now ? maturity.lag(now, tz) : null;
      const current = measure(period, tz, true);
      const names = new Map(store.channels().map((c) => [c.id, c.name]));
      return {
        period,
        previous,
        lastYear,
        current: values(current.total),
        previousValues: values(measure(previous, tz, false, previousCut).total),
        lastYearValues: values(measure(lastYear, tz, false, lastYearCut).total),
        partial,
        returnsMaturing: lag && {
          ...lag,
          current: stillMaturing(period, lag),
          previous: stillMaturing(previous, lag),
          lastYear: stillMaturing(lastYear, lag),
        },
        byChannel: [...current.byChannel]
          .sort(([a], [b]) => a - b)
          .map(([channelId, parts]) => ({ channelId, channel: names.get(channelId) ?? String(channelId), values: values(parts) })),
      };
    },
  };
}
