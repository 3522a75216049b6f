// Sales per local-time bucket in one statement per measure: the buckets travel
// as JSON and each is a range scan on orders_by_placed / returns_by_date.
import type { Db } from '../db/open.js';
import type { Bucket } from './buckets.js';

export interface BucketSales {
  bucket: string;
  gmv: number;
  discounts: number;
  orders: number;
  units: number;
}

export function createSeriesStore(db: Db) {
  const sales = db.prepare<[string], BucketSales>(
    `SELECT b.value ->> 'bucket' AS bucket,
            COALESCE(SUM((SELECT SUM(quantity * unit_price) FROM order_lines WHERE order_id = o.id)), 0) AS gmv,
            COALESCE(SUM(o.discount_total), 0) AS discounts, COUNT(o.id) AS orders,
            COALESCE(SUM((SELECT SUM(quantity) FROM order_lines WHERE order_id = o.id)), 0) AS units
     FROM json_each(?) b
     LEFT JOIN orders o INDEXED BY orders_by_placed
       ON o.placed_at >= b.value ->> 'start' AND o.placed_at < b.value ->> 'end' AND o.status <> 'cancelled'
     GROUP BY b.key ORDER BY b.key`,
  );
  const refunds = db.prepare<[string], { bucket: string; refunds: number }>(
    `SELECT b.value ->> 'bucket' AS bucket, COALESCE(SUM(rl.refund_amount), 0) AS refunds
     FROM json_each(?) b
     JOIN returns r ON r.returned_at >= b.value ->> 'start' AND r.returned_at < b.value ->> 'end'
     JOIN return_lines rl ON rl.return_id = r.id
     JOIN orders o ON o.id = r.order_id AND o.status <> 'cancelled'
     GROUP BY b.key`,
  );
  // Distinct customers per bucket; with `new` also those whose first order ever was in it
  // (counted at that one order: ties on the same instant go by order id).
  const customers = (withNew: boolean) =>
    db.prepare<[string], { bucket: string; customers: number; newCustomers: number }>(
      `SELECT b.value ->> 'bucket' AS bucket, COUNT(DISTINCT o.customer_id) AS customers,
              ${
                withNew
                  ? `COALESCE(SUM(o.customer_id IS NOT NULL AND NOT EXISTS (
                       SELECT 1 FROM orders e WHERE e.customer_id = o.customer_id AND e.status <> 'cancelled'
                         AND (e.placed_at < o.placed_at OR (e.placed_at = o.placed_at AND e.id < o.id)))), 0)`
                  : '0'
              } AS newCustomers
       FROM json_each(?) b
       LEFT JOIN orders o INDEXED BY orders_by_placed
         ON o.placed_at >= b.value ->> 'start' AND o.placed_at < b.value ->> 'end' AND o.status <> 'cancelled'
       GROUP BY b.key ORDER BY b.key`,
    );
  const customersOnly = customers(false);
  const customersAndNew = customers(true);
  return {
    customers: (buckets: readonly Bucket[], withNew: boolean) => (withNew ? customersAndNew : customersOnly).all(JSON.stringify(buckets)),
    sales: (buckets: readonly Bucket[]) => sales.all(JSON.stringify(buckets)),
    refunds: (buckets: readonly Bucket[]) => refunds.all(JSON.stringify(buckets)),
  };
}
