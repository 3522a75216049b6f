// Customer retention and value: the cohort table with next-month retention,
// CLV (shop and per customer) and silent customers. Pure (zod).
import { z } from 'zod';
import { costFigure } from '../team/cost-mark.js';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'localDate');
const int = z.number().int();
const share = z.number().nullable();

export const customerValueRowSchema = z.object({
  customerId: int,
  email: z.string().nullable(),
  name: z.string(),
  orders: int,
  ordersLastYear: int,
  firstOrderDate: z.string(),
  lastOrderDate: z.string(),
  daysSinceLastOrder: int,
  /** Net spend over all their orders so far (net-sales rule). */
  historicalValue: int,
  /** Their net spend per order × their orders in the last year × the shop's expected lifetime × gross margin. */
  expectedValue: costFigure(int.nullable()),
});

const paging = { offset: int.min(0).default(0), limit: int.min(1).max(1000).default(100) };

export const retentionContract = {
  /** Cohorts by first-order month for the `months` months ending with asOf's month; cell k = share ordering in month + k. */
  'analytics.cohorts': {
    input: z.object({ asOf: localDate, months: int.min(2).max(36).default(12) }),
    output: z.object({
      asOf: z.string(),
      months: z.array(z.string()),
      cohorts: z.array(z.object({ month: z.string(), size: int, retained: z.array(int), shares: z.array(share) })),
      /** Cohorts whose next month is over, weighted by size. */
      nextMonth: z.object({ retained: int, customers: int, rate: share }),
    }),
  },
  /** The shop's CLV with every factor, and customers by historical or expected value. */
  'analytics.customerValue': {
    input: z.object({ asOf: localDate, sort: z.enum(['historicalValue', 'expectedValue', 'orders', 'lastOrderAt']).default('historicalValue'), ...paging }),
    output: z.object({
      asOf: z.string(),
      shop: z.object({
        netSales: int,
        orders: int,
        /** Orders of known customers in the last year (the frequency's numerator; guest orders excluded). */
        customerOrders: int,
        customers: int,
        previousYearCustomers: int,
        stayedCustomers: int,
        aov: z.number().nullable(),
        frequency: z.number().nullable(),
        churn: z.number().nullable(),
        lifetimeYears: z.number().nullable(),
        margin: costFigure(z.number().nullable()),
        clv: costFigure(z.number().nullable()),
      }),
      customers: z.array(customerValueRowSchema),
      total: int,
    }),
  },
  /** Customers with no order for at least `days` days (metrics.md defaults 90 / 180), most valuable first. */
  'analytics.silentCustomers': {
    input: z.object({ asOf: localDate, days: int.min(1).max(3650).default(90), ...paging }),
    output: z.object({
      asOf: z.string(),
      days: int,
      counts: z.object({ customers: int, silent90: int, silent180: int }),
      customers: z.array(customerValueRowSchema),
      total: int,
    }),
  },
} as const;
