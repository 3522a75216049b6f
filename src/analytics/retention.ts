// Customer retention and value, exactly as metrics.md "Customers" defines
// them. Pure.
// - Cohort table: customers grouped by the local month of their first order
//   ever; cell k = share of the cohort with an order placed in month m + k.
// - Next-month retention: of the customers whose first order is in month m,
//   the share with an order in m + 1; overall, cohorts weighted by size (only
//   cohorts whose next month is over count).
// - CLV = average order value × orders per customer per year × expected
//   lifetime in years × gross margin, lifetime = 1 ÷ annual churn.

export interface CohortInput {
  /** Index of the customer's first-order month in the table's months (negative: before the table). */
  firstMonth: number;
  /** Indexes of the table's months in which the customer placed an order. */
  activeMonths: ReadonlySet<number>;
}

export interface Cohort {
  monthIndex: number;
  size: number;
  /** retained[k]: customers of the cohort with an order in month + k, for every month up to the last. */
  retained: number[];
}

export function cohortTable(customers: readonly CohortInput[], months: number): Cohort[] {
  const cohorts: Cohort[] = Array.from({ length: months }, (_, m) => ({ monthIndex: m, size: 0, retained: new Array<number>(months - m).fill(0) }));
  for (const customer of customers) {
    const cohort = cohorts[customer.firstMonth];
    if (!cohort) continue;
    cohort.size += 1;
    for (const month of customer.activeMonths) {
      const k = month - customer.firstMonth;
      if (k >= 0 && k < cohort.retained.length) cohort.retained[k] = (cohort.retained[k] ?? 0) + 1;
    }
  }
  return cohorts;
}

/** The same table from counts per (first-order month, month ordered in) — what the stores return. */
export function cohortTableFromCells(cells: readonly { firstMonth: number; activeMonth: number; customers: number }[], months: number): Cohort[] {
  const cohorts: Cohort[] = Array.from({ length: months }, (_, m) => ({ monthIndex: m, size: 0, retained: new Array<number>(months - m).fill(0) }));
  for (const cell of cells) {
    const cohort = cohorts[cell.firstMonth];
    const k = cell.activeMonth - cell.firstMonth;
    if (!cohort || k < 0 || k >= cohort.retained.length) continue;
    // Every customer of a cohort ordered in its first month: that cell is its size.
    if (k === 0) cohort.size += cell.customers;
    cohort.retained[k] = (cohort.retained[k] ?? 0) + cell.customers;
  }
  return cohorts;
}

/** Σ retained in m+1 ÷ Σ size over cohorts whose next month is complete (index < completeMonths − 1). */
export function nextMonthRetention(cohorts: readonly Cohort[], completeMonths: number): { retained: number; customers: number; rate: number | null } {
  let retained = 0;
  let customers = 0;
  for (const cohort of cohorts) {
    if (cohort.monthIndex + 1 >= completeMonths) continue;
    retained += cohort.retained[1] ?? 0;
    customers += cohort.size;
  }
  return { retained, customers, rate: customers === 0 ? null : retained / customers };
}

export interface ClvInputs {
  netSales: number;
  orders: number;
  /** Orders placed by known customers (guest orders have no customer to repeat). */
  customerOrders: number;
  customers: number;
  grossProfit: number;
  /** Customers with an order in the year before last, and how many of them ordered again in the last year. */
  previousYearCustomers: number;
  stayedCustomers: number;
}

/** Lifetime cap when no customer churned (1 ÷ 0): a shop cannot count on more. */
export const maxLifetimeYears = 10;

export function customerLifetimeValue(input: ClvInputs) {
  const aov = input.orders === 0 ? null : input.netSales / input.orders;
  const frequency = input.customers === 0 ? null : input.customerOrders / input.customers;
  const churn = input.previousYearCustomers === 0 ? null : (input.previousYearCustomers - input.stayedCustomers) / input.previousYearCustomers;
  const lifetimeYears = churn === null ? null : churn === 0 ? maxLifetimeYears : Math.min(maxLifetimeYears, 1 / churn);
  const margin = input.netSales === 0 ? null : input.grossProfit / input.netSales;
  const clv = aov === null || frequency === null || lifetimeYears === null || margin === null ? null : aov * frequency * lifetimeYears * margin;
  return { aov, frequency, churn, lifetimeYears, margin, clv };
}
