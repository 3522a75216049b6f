// Per customer over the RFM window: last order instant, distinct orders, and
// net spend (GMV − order discounts of the window's orders − refunds dated in
// the window) — one grouped pass each, never a query per customer.
// Read from the per-customer hourly rollup (sales_customer_hourly) when the
// window's bounds are whole UTC hours and the rollup is current; otherwise
// from the orders — that SQL is the definition, the rollup only its cache.
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import { customerHourlyReader } from './customer-hourly.js';

export interface CustomerWindow {
  customerId: number;
  email: string | null;
  name: string;
  lastOrderAt: string;
  orders: number;
  spend: number;
}

function build(db: Db) {
  const fromOrders = db.prepare<{ from: string; to: string }, CustomerWindow>(
    `WITH placed AS (
       SELECT o.customer_id, MAX(o.placed_at) AS lastOrderAt, COUNT(*) AS orders,
              SUM((SELECT SUM(quantity * unit_price) FROM order_lines WHERE order_id = o.id)) - SUM(o.discount_total) AS spend
       FROM orders o INDEXED BY orders_by_placed
       WHERE o.placed_at >= @from AND o.placed_at < @to AND o.status <> 'cancelled' AND o.customer_id IS NOT NULL
       GROUP BY o.customer_id
     ), refunded AS (
       SELECT o.customer_id, SUM(rl.refund_amount) AS refunds
       FROM returns r JOIN return_lines rl ON rl.return_id = r.id JOIN orders o ON o.id = r.order_id
       WHERE r.returned_at >= @from AND r.returned_at < @to AND o.status <> 'cancelled' AND o.customer_id IS NOT NULL
       GROUP BY o.customer_id
     )
     SELECT p.customer_id AS customerId, c.email, c.name, p.lastOrderAt, p.orders, p.spend - COALESCE(f.refunds, 0) AS spend
     FROM placed p JOIN customers c ON c.id = p.customer_id LEFT JOIN refunded f ON f.customer_id = p.customer_id`,
  );
  // Hours holding only refunds (orders = 0) add their refunds to a customer who ordered in the window, as above.
  const fromRollup = customerHourlyReader<CustomerWindow>(
    db,
    (table, range) => `SELECT s.customerId, c.email, c.name, s.lastOrderAt, s.orders, s.spend
     FROM (SELECT customer_id AS customerId, MAX(last_placed_at) AS lastOrderAt, SUM(orders) AS orders,
                  SUM(gmv) - SUM(discounts) - SUM(refunds) AS spend
           FROM ${table} WHERE ${range} GROUP BY customer_id HAVING SUM(orders) > 0) s
     JOIN customers c ON c.id = s.customerId`,
  );

  return {
    /** The window [from, to) (UTC instants): from the rollup when it can answer, else from the orders. */
    window(from: string, to: string): CustomerWindow[] {
      return fromRollup.all(from, to) ?? fromOrders.all({ from, to });
    },
    /** The same read from the orders alone (the definition; the agreement tests hold the rollup to it). */
    windowFromOrders: (from: string, to: string): CustomerWindow[] => fromOrders.all({ from, to }),
    /** The same read from the rollup alone, or undefined when it cannot answer. */
    windowFromRollup: (from: string, to: string): CustomerWindow[] | undefined => fromRollup.all(from, to),
  };
}

export const createSegmentsStore = perDatabase(build);
