// Cohort retention, customer lifetime value and silent customers as of a
// local day (metrics.md "Customers"); see retention.ts for the arithmetic.
import type { Db } from '../db/open.js';
import { createWriteStamp } from '../db/write-stamp.js';
import { addDays, daysBetween, localDateOf, localMidnightUtc } from '../shared/local-time.js';
import { createKpiService } from './kpi-service.js';
import { cohortTable, customerLifetimeValue, nextMonthRetention } from './retention.js';
import { createRetentionStore, type CustomerTotals } from './retention-store.js';
import { shopTimeZone } from './periods.js';

export type CustomerValueSort = 'historicalValue' | 'expectedValue' | 'orders' | 'lastOrderAt';

const monthOf = (date: string) => date.slice(0, 7);
function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
const lastDayOfMonth = (month: string) => addDays(`${addMonths(month, 1)}-01`, -1);

export function createRetentionService(db: Db) {
  const store = createRetentionStore(db);
  const kpis = createKpiService(db);
  const timeZone = shopTimeZone(db);

  // Value and silent lists read every customer's lifetime: computed once per day and write stamp, then paged and sorted.
  const stamp = createWriteStamp(db);
  let cached: { key: string; value: ReturnType<typeof computeValueRows> } | null = null;
  function valueRows(asOf: string) {
    const key = `${asOf}|${stamp()}`;
    if (cached?.key !== key) cached = { key, value: computeValueRows(asOf) };
    return { shop: cached.value.shop, rows: [...cached.value.rows] };
  }

  /** Per customer: historical value, and the expected value from the shop's lifetime and margin. */
  function computeValueRows(asOf: string) {
    const tz = timeZone();
    const yearFrom = addDays(asOf, -364);
    const end = localMidnightUtc(addDays(asOf, 1), tz).toISOString();
    const year = localMidnightUtc(yearFrom, tz).toISOString();
    const previous = localMidnightUtc(addDays(asOf, -729), tz).toISOString();
    const current = kpis.totals({ from: yearFrom, to: asOf });
    const churn = store.stayed(previous, year, end);
    const totals = store.totals(year, end);
    const customerOrders = totals.reduce((sum, row) => sum + row.ordersLastYear, 0);
    const shop = customerLifetimeValue({
      netSales: current.netSales,
      orders: current.orders,
      customerOrders,
      customers: current.customers,
      grossProfit: current.grossProfit,
      previousYearCustomers: churn.previousYear,
      stayedCustomers: churn.stayed,
    });
    const rows = totals.map((row: CustomerTotals) => ({
      customerId: row.customerId,
      email: row.email,
      name: row.name,
      orders: row.orders,
      ordersLastYear: row.ordersLastYear,
      firstOrderDate: localDateOf(row.firstOrderAt, tz),
      lastOrderDate: localDateOf(row.lastOrderAt, tz),
      daysSinceLastOrder: daysBetween(localDateOf(row.lastOrderAt, tz), asOf),
      historicalValue: row.netSpend,
      expectedValue:
        shop.lifetimeYears === null || shop.margin === null ? null : Math.round((row.netSpend / row.orders) * row.ordersLastYear * shop.lifetimeYears * shop.margin),
    }));
    return { shop: { ...shop, customers: current.customers, orders: current.orders, customerOrders, netSales: current.netSales, previousYearCustomers: churn.previousYear, stayedCustomers: churn.stayed }, rows };
  }

  return {
    cohorts(asOf: string, months: number) {
      const tz = timeZone();
      const first = addMonths(monthOf(asOf), -(months - 1));
      const labels = Array.from({ length: months }, (_, i) => addMonths(first, i));
      const starts = labels.map((m) => localMidnightUtc(`${m}-01`, tz).toISOString());
      const end = localMidnightUtc(addDays(asOf, 1), tz).toISOString();
      const indexOf = (at: string): number => {
        let found = -1;
        for (let i = 0; i < starts.length && (starts[i] ?? '') <= at; i += 1) found = i;
        return found;
      };
      const active = new Map<number, Set<number>>();
      for (const row of store.ordersIn(starts[0] ?? end, end)) {
        let set = active.get(row.customerId);
        if (!set) active.set(row.customerId, (set = new Set()));
        set.add(indexOf(row.at));
      }
      const customers = store
        .firstOrders(end)
        .filter((row) => row.firstAt >= (starts[0] ?? end))
        .map((row) => ({ firstMonth: indexOf(row.firstAt), activeMonths: active.get(row.customerId) ?? new Set<number>() }));
      const table = cohortTable(customers, months);
      // The month of asOf is complete only on its last day.
      const completeMonths = asOf === lastDayOfMonth(monthOf(asOf)) ? months : months - 1;
      return {
        asOf,
        months: labels,
        cohorts: table.map((c) => ({ month: labels[c.monthIndex] ?? '', size: c.size, retained: c.retained, shares: c.retained.map((n) => (c.size === 0 ? null : n / c.size)) })),
        nextMonth: nextMonthRetention(table, completeMonths),
      };
    },

    customerValue(asOf: string, sort: CustomerValueSort, offset: number, limit: number) {
      const { shop, rows } = valueRows(asOf);
      const key = (row: (typeof rows)[number]) => (sort === 'lastOrderAt' ? 0 : (row[sort] ?? Number.NEGATIVE_INFINITY));
      rows.sort((a, b) => (sort === 'lastOrderAt' ? b.lastOrderDate.localeCompare(a.lastOrderDate) : key(b) - key(a)) || a.customerId - b.customerId);
      return { asOf, shop, customers: rows.slice(offset, offset + limit), total: rows.length };
    },

    silentCustomers(asOf: string, days: number, offset: number, limit: number) {
      const { rows } = valueRows(asOf);
      const silent = rows.filter((row) => row.daysSinceLastOrder >= days).sort((a, b) => b.historicalValue - a.historicalValue || a.customerId - b.customerId);
      return {
        asOf,
        days,
        counts: { customers: rows.length, silent90: rows.filter((r) => r.daysSinceLastOrder >= 90).length, silent180: rows.filter((r) => r.daysSinceLastOrder >= 180).length },
        customers: silent.slice(offset, offset + limit),
        total: silent.length,
      };
    },
  };
}
