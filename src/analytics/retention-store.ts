// SQL for retention and customer value: the cohort cells (first-order month × month ordered in)
// and each customer's lifetime totals (net spend by the net-sales rule: GMV − order discounts −
// refunds). Cancelled orders count nowhere. Each read comes from the per-customer hourly rollup
// (customer-hourly.ts) when it can answer, else from the orders — the orders' SQL below is the
// definition and the agreement tests hold the rollup to it.
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { customerHourlyReader } from './customer-hourly.js';
import { wholeHour } from './sales-rollup.js';

export interface CustomerTotals {
  customerId: number;
  orders: number;
  ordersLastYear: number;
  /** Orders in the year before last ([previous, year)): the churn's numerator and denominator. */
  ordersPreviousYear: number;
  firstOrderAt: string;
  lastOrderAt: string;
  netSpend: number;
}

/** Customers whose first order ever falls in month `firstMonth` of the table, counted in each month they ordered in. */
export interface CohortCell {
  firstMonth: number;
  activeMonth: number;
  customers: number;
}

/** Index of the month holding `at` (month starts ascending); -1 before the first. */
function monthIndex(starts: readonly string[], at: string): number {
  let found = -1;
  for (let i = 0; i < starts.length && (starts[i] ?? '') <= at; i += 1) found = i;
  return found;
}

function build(db: Db) {
  const firstOrders = db.prepare<[string], { customerId: number; firstAt: string }>(
    `SELECT customer_id AS customerId, MIN(placed_at) AS firstAt FROM orders
     WHERE status <> 'cancelled' AND customer_id IS NOT NULL AND placed_at < ? GROUP BY customer_id`,
  );
  const ordersIn = db.prepare<[string, string], { customerId: number; at: string }>(
    `SELECT customer_id AS customerId, placed_at AS at FROM orders INDEXED BY orders_by_placed
     WHERE placed_at >= ? AND placed_at < ? AND status <> 'cancelled' AND customer_id IS NOT NULL`,
  );
  const totals = db.prepare<{ previous: string; year: string; end: string }, CustomerTotals>(
    `WITH order_gmv AS MATERIALIZED (
       -- One pass over all lines and one over all orders (every customer's lifetime), not a lookup per order.
       SELECT order_id, SUM(quantity * unit_price) AS gmv FROM order_lines NOT INDEXED GROUP BY order_id
     ), placed AS (
       SELECT o.customer_id, COUNT(*) AS orders, SUM(o.placed_at >= @year) AS ordersLastYear,
              SUM(o.placed_at >= @previous AND o.placed_at < @year) AS ordersPreviousYear,
              MIN(o.placed_at) AS firstOrderAt, MAX(o.placed_at) AS lastOrderAt,
              SUM(COALESCE(g.gmv, 0)) - SUM(o.discount_total) AS spend
       FROM orders o NOT INDEXED LEFT JOIN order_gmv g ON g.order_id = o.id
       WHERE o.status <> 'cancelled' AND o.customer_id IS NOT NULL AND o.placed_at < @end
       GROUP BY o.customer_id
     ), refunded AS (
       SELECT o.customer_id, SUM(rl.refund_amount) AS refunds
       FROM returns r JOIN return_lines rl ON rl.return_id = r.id JOIN orders o ON o.id = r.order_id
       WHERE r.returned_at < @end AND o.status <> 'cancelled' AND o.customer_id IS NOT NULL
       GROUP BY o.customer_id
     )
     SELECT p.customer_id AS customerId, p.orders, p.ordersLastYear, p.ordersPreviousYear, p.firstOrderAt, p.lastOrderAt,
            p.spend - COALESCE(f.refunds, 0) AS netSpend
     FROM placed p LEFT JOIN refunded f ON f.customer_id = p.customer_id`,
  );

  const contacts = db.prepare<[string], { customerId: number; email: string | null; name: string }>(
    'SELECT id AS customerId, email, name FROM customers WHERE id IN (SELECT value FROM json_each(?))',
  );
  // The rollup: one walk of every customer's hours up to the end, in key order (no sort).
  // Hours holding only refunds (orders = 0) add their refunds to a customer who ordered.
  const totalsFromRollup = customerHourlyReader<CustomerTotals>(
    db,
    (table, range) => `SELECT customer_id AS customerId, SUM(orders) AS orders,
                  SUM(CASE WHEN hour >= @yearHour THEN orders ELSE 0 END) AS ordersLastYear,
                  SUM(CASE WHEN hour >= @previousHour AND hour < @yearHour THEN orders ELSE 0 END) AS ordersPreviousYear,
                  MIN(first_placed_at) AS firstOrderAt, MAX(last_placed_at) AS lastOrderAt,
                  SUM(gmv) - SUM(discounts) - SUM(refunds) AS netSpend
     FROM ${table} WHERE ${range} GROUP BY customer_id HAVING SUM(orders) > 0`,
  );
  // Cohort cells: customers whose first order ever is in the table's range (a walk of every
  // customer's hours), then each one's hours with orders (a key seek per customer) put on months.
  // Months start at local midnights, which are whole UTC hours: an hour lies in one month.
  const cellsFromRollup = customerHourlyReader<CohortCell>(
    db,
    (table, range) => `WITH months AS MATERIALIZED (
       SELECT CAST(key AS INTEGER) AS idx, value ->> 'from' AS fromHour, value ->> 'to' AS toHour FROM json_each(@months)
     ), firsts AS MATERIALIZED (
       SELECT customer_id AS customerId, MIN(hour) AS firstHour FROM ${table}
       WHERE ${range} AND orders > 0 GROUP BY customer_id HAVING MIN(hour) >= @startHour
     ), active AS (
       SELECT DISTINCT f.customerId, fm.idx AS firstMonth, am.idx AS activeMonth
       -- In this order (CROSS JOIN): per first customer its months, never per month every customer.
       FROM firsts f
       CROSS JOIN months fm ON f.firstHour >= fm.fromHour AND f.firstHour < fm.toHour
       CROSS JOIN sales_customer_hourly s ON s.customer_id = f.customerId AND s.hour >= f.firstHour AND s.hour < @toHour AND s.orders > 0
       CROSS JOIN months am ON s.hour >= am.fromHour AND s.hour < am.toHour
     )
     SELECT firstMonth, activeMonth, COUNT(*) AS customers FROM active GROUP BY firstMonth, activeMonth`,
  );

  /** Cohort cells from the orders (the definition): first orders and the months each customer ordered in. */
  function cellsFromOrders(starts: readonly string[], end: string): CohortCell[] {
    const start = starts[0] ?? end;
    const active = new Map<number, Set<number>>();
    for (const row of ordersIn.all(start, end)) {
      let set = active.get(row.customerId);
      if (!set) active.set(row.customerId, (set = new Set()));
      set.add(monthIndex(starts, row.at));
    }
    const counts = new Map<string, CohortCell>();
    for (const first of firstOrders.all(end)) {
      if (first.firstAt < start) continue;
      const firstMonth = monthIndex(starts, first.firstAt);
      for (const activeMonth of active.get(first.customerId) ?? []) {
        if (activeMonth < firstMonth) continue;
        const key = `${firstMonth}|${activeMonth}`;
        const cell = counts.get(key) ?? { firstMonth, activeMonth, customers: 0 };
        cell.customers += 1;
        counts.set(key, cell);
      }
    }
    return [...counts.values()];
  }

  const hour = (iso: string) => iso.slice(0, 13);
  function cellsFromRollupOrUndefined(starts: readonly string[], end: string): CohortCell[] | undefined {
    if (!starts.every((s) => wholeHour(s) !== undefined)) return undefined;
    const months = JSON.stringify(starts.map((s, i) => ({ from: hour(s), to: hour(starts[i + 1] ?? end) })));
    return cellsFromRollup.all(null, end, { months, startHour: hour(starts[0] ?? end) });
  }
  function totalsFromRollupOrUndefined(previous: string, year: string, end: string): CustomerTotals[] | undefined {
    if (wholeHour(previous) === undefined || wholeHour(year) === undefined) return undefined;
    return totalsFromRollup.all(null, end, { previousHour: hour(previous), yearHour: hour(year) });
  }

  return {
    /**
     * Cohort cells for the months starting at `starts` (UTC instants of local month starts,
     * ascending) up to `end`: customers whose first order ever is in one of those months.
     */
    cohortCells(starts: readonly string[], end: string): CohortCell[] {
      return cellsFromRollupOrUndefined(starts, end) ?? cellsFromOrders(starts, end);
    },
    cohortCellsFromRollup: cellsFromRollupOrUndefined,
    cohortCellsFromOrders: cellsFromOrders,
    /** Every customer's lifetime totals before `end`, with their orders of [year, end) and of [previous, year). */
    totals(previous: string, year: string, end: string): CustomerTotals[] {
      return totalsFromRollupOrUndefined(previous, year, end) ?? totals.all({ previous, year, end });
    },
    totalsFromRollup: totalsFromRollupOrUndefined,
    /** Contact details of a page's customers (the lifetime rows carry none: names change without orders). */
    contacts: (customerIds: readonly number[]) => contacts.all(JSON.stringify(customerIds)),
    totalsFromOrders: (previous: string, year: string, end: string): CustomerTotals[] => totals.all({ previous, year, end }),
  };
}

export const createRetentionStore = perDatabase(build);
