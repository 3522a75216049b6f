// SQL for retention and customer value: first orders, orders per customer in
// a range, and each customer's lifetime totals (net spend by the net-sales
// rule: GMV − order discounts − refunds). Cancelled orders count nowhere.
import type { Db } from '../db/open.js';

export interface CustomerTotals {
  customerId: number;
  email: string | null;
  name: string;
  orders: number;
  ordersLastYear: number;
  firstOrderAt: string;
  lastOrderAt: string;
  netSpend: number;
}

export function createRetentionStore(db: Db) {
  const firstOrders = db.prepare<[string], { customerId: number; firstAt: string }>(
    `SELECT customer_id AS customerId, MIN(placed_at) AS firstAt FROM orders
     WHERE status <> 'cancelled' AND customer_id IS NOT NULL AND placed_at < ? GROUP BY customer_id`,
  );
  const ordersIn = db.prepare<[string, string], { customerId: number; at: string }>(
    `SELECT customer_id AS customerId, placed_at AS at FROM orders INDEXED BY orders_by_placed
     WHERE placed_at >= ? AND placed_at < ? AND status <> 'cancelled' AND customer_id IS NOT NULL`,
  );
  // Customers of the year before last, and how many of them ordered again in the last year (churn).
  const stayed = db.prepare<{ previous: string; year: string; end: string }, { previousYear: number; stayed: number }>(
    `SELECT COUNT(*) AS previousYear, COALESCE(SUM(EXISTS (
              SELECT 1 FROM orders e WHERE e.customer_id = p.customer_id AND e.placed_at >= @year AND e.placed_at < @end AND e.status <> 'cancelled')), 0) AS stayed
     FROM (SELECT DISTINCT customer_id FROM orders INDEXED BY orders_by_placed
           WHERE placed_at >= @previous AND placed_at < @year AND status <> 'cancelled' AND customer_id IS NOT NULL) p`,
  );
  const totals = db.prepare<{ year: string; end: string }, CustomerTotals>(
    `WITH order_gmv AS MATERIALIZED (
       -- One pass over all lines and one over all orders (every customer's lifetime), not a lookup per order.
       SELECT order_id, SUM(quantity * unit_price) AS gmv FROM order_lines NOT INDEXED GROUP BY order_id
     ), placed AS (
       SELECT o.customer_id, COUNT(*) AS orders, SUM(o.placed_at >= @year) AS ordersLastYear,
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
     SELECT p.customer_id AS customerId, c.email, c.name, p.orders, p.ordersLastYear, p.firstOrderAt, p.lastOrderAt,
            p.spend - COALESCE(f.refunds, 0) AS netSpend
     FROM placed p JOIN customers c ON c.id = p.customer_id LEFT JOIN refunded f ON f.customer_id = p.customer_id`,
  );
  return {
    firstOrders: (before: string) => firstOrders.all(before),
    ordersIn: (from: string, to: string) => ordersIn.all(from, to),
    stayed: (previous: string, year: string, end: string) => stayed.get({ previous, year, end }) ?? { previousYear: 0, stayed: 0 },
    totals: (year: string, end: string) => totals.all({ year, end }),
  };
}
