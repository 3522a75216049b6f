// Cohort retention, customer lifetime value and silent customers as of a
// local day (metrics.md "Customers"); see retention.ts for the arithmetic.
import type { Db } from '../db/open.js';
import { createWriteStamp } from '../db/write-stamp.js';
import { addDays, localDateOf, localMidnightUtc } from '../shared/local-time.js';
import { localDays } from './customer-days.js';
import { createKpiService } from './kpi-service.js';
import { cohortTableFromCells, customerLifetimeValue, nextMonthRetention } from './retention.js';
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

  /** A page's rows with each customer's email and name, read for that page only. */
  function withContacts<T extends { customerId: number }>(page: T[]): (T & { email: string | null; name: string })[] {
    const contacts = new Map(store.contacts(page.map((row) => row.customerId)).map((c) => [c.customerId, c]));
    return page.map((row) => ({ ...row, email: contacts.get(row.customerId)?.email ?? null, name: contacts.get(row.customerId)?.name ?? '' }));
  }

  /** Per customer: historical value, and the expected value from the shop's lifetime and margin. */
  function computeValueRows(asOf: string) {
    const tz = timeZone();
    const yearFrom = addDays(asOf, -364);
    const end = localMidnightUtc(addDays(asOf, 1), tz).toISOString();
    const year = localMidnightUtc(yearFrom, tz).toISOString();
    const previous = localMidnightUtc(addDays(asOf, -729), tz).toISOString();
    const current = kpis.totals({ from: yearFrom, to: asOf });
    const totals = store.totals(previous, year, end);
    // Churn: customers of the year before last, and how many of them ordered again in the last year.
    const churn = { previousYear: 0, stayed: 0 };
    for (const row of totals) {
      if (row.ordersPreviousYear === 0) continue;
      churn.previousYear += 1;
      if (row.ordersLastYear > 0) churn.stayed += 1;
    }
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
    // Every customer's first and last order on the calendar: one binary search each on the days' midnights.
    const earliest = totals.reduce((min, row) => (row.firstOrderAt < min ? row.firstOrderAt : min), end);
    const days = localDays(localDateOf(earliest, tz), asOf, tz);
    const rows = totals.map((row: CustomerTotals) => ({
      customerId: row.customerId,
      orders: row.orders,
      ordersLastYear: row.ordersLastYear,
      firstOrderDate: days.dateOf(row.firstOrderAt),
      lastOrderDate: days.dateOf(row.lastOrderAt),
      daysSinceLastOrder: days.daysBefore(row.lastOrderAt, asOf),
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
      const table = cohortTableFromCells(store.cohortCells(starts, end), months);
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
      // Dates are 'YYYY-MM-DD': compared as strings.
      const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      rows.sort((a, b) => (sort === 'lastOrderAt' ? byDate(b.lastOrderDate, a.lastOrderDate) : key(b) - key(a)) || a.customerId - b.customerId);
      return { asOf, shop, customers: withContacts(rows.slice(offset, offset + limit)), total: rows.length };
    },

    silentCustomers(asOf: string, days: number, offset: number, limit: number) {
      const { rows } = valueRows(asOf);
      const silent = rows.filter((row) => row.daysSinceLastOrder >= days).sort((a, b) => b.historicalValue - a.historicalValue || a.customerId - b.customerId);
      return {
        asOf,
        days,
        counts: { customers: rows.length, silent90: rows.filter((r) => r.daysSinceLastOrder >= 90).length, silent180: rows.filter((r) => r.daysSinceLastOrder >= 180).length },
        customers: withContacts(silent.slice(offset, offset + limit)),
        total: silent.length,
      };
    },
  };
}
