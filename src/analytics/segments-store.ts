// Per customer over the RFM window: last order instant, distinct orders, and
// net spend (GMV − order discounts of the window's orders − refunds dated in
// the window) — one grouped pass each, never a query per customer.
import type { Db } from '../db/open.js';

export interface CustomerWindow {
  customerId: number;
  email: string | null;
  name: string;
  lastOrderAt: string;
  orders: number;
  spend: number;
}

export function createSegmentsStore(db: Db) {
  const window = db.prepare<{ from: string; to: string }, CustomerWindow>(
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
  return { window: (from: string, to: string) => window.all({ from, to }) };
}
