// Cohort arithmetic and CLV on numbers worked out by hand.
import { describe, expect, it } from 'vitest';
import { cohortTable, customerLifetimeValue, maxLifetimeYears, nextMonthRetention } from '../../../src/analytics/retention.js';

describe('cohort table', () => {
  it('counts each cohort member once per month they ordered in, from their first month on', () => {
    const table = cohortTable(
      [
        { firstMonth: 0, activeMonths: new Set([0, 1, 2]) },
        { firstMonth: 0, activeMonths: new Set([0, 2]) },
        { firstMonth: 1, activeMonths: new Set([1]) },
        // First ordered before the table: in no cohort.
        { firstMonth: -1, activeMonths: new Set([0, 1]) },
      ],
      3,
    );
    expect(table.map((c) => [c.size, c.retained])).toEqual([
      [2, [2, 1, 2]],
      [1, [1, 0]],
      [0, [0]],
    ]);
    // Month 2 not over yet: only the first cohort's next month (month 1) counts: 1 of 2.
    expect(nextMonthRetention(table, 2)).toEqual({ retained: 1, customers: 2, rate: 0.5 });
    // All three over: (1 + 0) ÷ (2 + 1).
    expect(nextMonthRetention(table, 3)).toEqual({ retained: 1, customers: 3, rate: 1 / 3 });
  });
});

describe('customer lifetime value', () => {
  it('multiplies average order value, yearly frequency, lifetime from churn and margin', () => {
    // AOV 100.00, 2.2 orders a year, half of last year's customers churned → 2 years, margin 60 %: 264.00.
    expect(customerLifetimeValue({ netSales: 110000, orders: 11, customerOrders: 11, customers: 5, grossProfit: 66000, previousYearCustomers: 2, stayedCustomers: 1 })).toEqual({
      aov: 10000,
      frequency: 2.2,
      churn: 0.5,
      lifetimeYears: 2,
      margin: 0.6,
      clv: 10000 * 2.2 * 2 * 0.6,
    });
  });

  it('caps the lifetime when nobody churned and says nothing without a previous year', () => {
    expect(customerLifetimeValue({ netSales: 100, orders: 1, customerOrders: 1, customers: 1, grossProfit: 50, previousYearCustomers: 3, stayedCustomers: 3 }).lifetimeYears).toBe(maxLifetimeYears);
    expect(customerLifetimeValue({ netSales: 100, orders: 1, customerOrders: 1, customers: 1, grossProfit: 50, previousYearCustomers: 0, stayedCustomers: 0 }).clv).toBeNull();
  });
});
