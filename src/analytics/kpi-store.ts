// SQL for sales KPIs over one period [from, to) of UTC instants, grouped by
// channel (the shop total is the sum, except distinct customers, counted
// once across channels). Cancelled orders count nowhere; refunds and returns
// count in the period they happened (metrics.md).
import type { Db } from '../db/open.js';

export interface ChannelSums {
  channelId: number;
  gmv: number;
  discounts: number;
  orders: number;
  units: number;
  cogsSold: number;
}

export interface ChannelRefunds {
  channelId: number;
  refunds: number;
  cogsReturned: number;
}

export interface CustomerCounts {
  customers: number;
  newCustomers: number;
  repeaters: number;
}

/**
 * Periods longer than this read the customer counts through orders_customers_by_channel (a pass over every
 * order with a customer) rather than the period's range of orders_by_placed (a lookup and a sort per order):
 * measured on the large demo shop, the two cost the same at about two months.
 */
export const customerIndexAboveDays = 60;

const lengthOf = (from: string, to: string): 'short' | 'long' =>
  Date.parse(to) - Date.parse(from) > customerIndexAboveDays * 86_400_000 ? 'long' : 'short';

export function createKpiStore(db: Db) {
  // Per order in the period, not a join over all lines: the range keeps it to the period's orders.
  const salesInRange = db.prepare<[string, string], ChannelSums>(
    `SELECT o.channel_id AS channelId,
            SUM((SELECT SUM(quantity * unit_price) FROM order_lines WHERE order_id = o.id)) AS gmv,
            SUM(o.discount_total) AS discounts, COUNT(*) AS orders,
            SUM((SELECT SUM(quantity) FROM order_lines WHERE order_id = o.id)) AS units,
            SUM((SELECT SUM(quantity * COALESCE(unit_cost, 0)) FROM order_lines WHERE order_id = o.id)) AS cogsSold
     FROM orders o INDEXED BY orders_by_placed
     WHERE o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled'
     GROUP BY o.channel_id`,
  );
  const refunds = db.prepare<[string, string], ChannelRefunds>(
    `SELECT o.channel_id AS channelId, SUM(rl.refund_amount) AS refunds, SUM(rl.quantity * COALESCE(ol.unit_cost, 0)) AS cogsReturned
     FROM returns r
     JOIN return_lines rl ON rl.return_id = r.id
     JOIN order_lines ol ON ol.id = rl.order_line_id
     JOIN orders o ON o.id = r.order_id
     WHERE r.returned_at >= ? AND r.returned_at < ? AND o.status <> 'cancelled'
     GROUP BY o.channel_id`,
  );
  const returnedFromPeriod = db.prepare<[string, string], { channelId: number; units: number }>(
    `SELECT o.channel_id AS channelId, SUM(rl.quantity) AS units
     FROM orders o INDEXED BY orders_by_placed
     JOIN returns r ON r.order_id = o.id
     JOIN return_lines rl ON rl.return_id = r.id
     WHERE o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled'
     GROUP BY o.channel_id`,
  );
  // A customer's first order is their earliest non-cancelled one, ever: new in the period
  // means no non-cancelled order before it (an index range on orders_by_customer).
  const customerCounts = (channelExpr: string, access: string) =>
    db.prepare<[{ from: string; to: string }], CustomerCounts & { channelId: number | null }>(
      `WITH period AS (
         SELECT customer_id, ${channelExpr} AS channelId, COUNT(*) AS n FROM orders INDEXED BY ${access}
         WHERE placed_at >= @from AND placed_at < @to AND status <> 'cancelled' AND customer_id IS NOT NULL
         GROUP BY customer_id, channelId
       )
       SELECT channelId, COUNT(*) AS customers,
              SUM(NOT EXISTS (SELECT 1 FROM orders e WHERE e.customer_id = period.customer_id AND e.placed_at < @from AND e.status <> 'cancelled')
                  -- Per channel: new on the channel that took their first order (so channels add up to the shop).
                  AND (channelId IS NULL OR channelId = (SELECT f.channel_id FROM orders f WHERE f.customer_id = period.customer_id AND f.status <> 'cancelled'
                                                         ORDER BY f.placed_at, f.id LIMIT 1))) AS newCustomers,
              SUM(n >= 2) AS repeaters
       FROM period GROUP BY channelId`,
    );
  const customersTotal = { short: customerCounts('NULL', 'orders_by_placed'), long: customerCounts('NULL', 'orders_customers_by_channel') };
  // Distinct and repeat customers of the period, per channel and in total. A short period reads its own orders
  // (orders_by_placed); a long one walks orders_customers_by_channel (0017: the non-cancelled orders with a
  // customer, by customer and channel) whole — no table lookup, and the rows arrive grouped by customer.
  const activeByChannelSql = (access: string) =>
    `SELECT channel_id AS channelId, COUNT(*) AS customers, COALESCE(SUM(n >= 2), 0) AS repeaters FROM (
       SELECT channel_id, COUNT(*) AS n FROM orders INDEXED BY ${access}
       WHERE placed_at >= ? AND placed_at < ? AND status <> 'cancelled' AND customer_id IS NOT NULL
       GROUP BY customer_id, channel_id)
     GROUP BY channel_id`;
  const activeByChannel = {
    short: db.prepare<[string, string], { channelId: number; customers: number; repeaters: number }>(activeByChannelSql('orders_by_placed')),
    long: db.prepare<[string, string], { channelId: number; customers: number; repeaters: number }>(activeByChannelSql('orders_customers_by_channel')),
  };
  // With new customers from the rollup, only distinct and repeat customers need the period's orders.
  const activeCustomersSql = (access: string) =>
    `SELECT COUNT(*) AS customers, COALESCE(SUM(n >= 2), 0) AS repeaters FROM (
       SELECT COUNT(*) AS n FROM orders INDEXED BY ${access}
       WHERE placed_at >= ? AND placed_at < ? AND status <> 'cancelled' AND customer_id IS NOT NULL
       GROUP BY customer_id)`;
  const activeCustomers = {
    short: db.prepare<[string, string], { customers: number; repeaters: number }>(activeCustomersSql('orders_by_placed')),
    long: db.prepare<[string, string], { customers: number; repeaters: number }>(activeCustomersSql('orders_customers_by_channel')),
  };
  const customersByChannel = { short: customerCounts('channel_id', 'orders_by_placed'), long: customerCounts('channel_id', 'orders_customers_by_channel') };
  const channels = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM channels ORDER BY id');

  return {
    sales: (from: string, to: string) => salesInRange.all(from, to),
    refunds: (from: string, to: string) => refunds.all(from, to),
    returnedFromPeriod: (from: string, to: string) => returnedFromPeriod.all(from, to),
    customers: (from: string, to: string): CustomerCounts => {
      const row = customersTotal[lengthOf(from, to)].get({ from, to });
      return { customers: row?.customers ?? 0, newCustomers: row?.newCustomers ?? 0, repeaters: row?.repeaters ?? 0 };
    },
    activeCustomersByChannel: (from: string, to: string) => activeByChannel[lengthOf(from, to)].all(from, to),
    activeCustomers: (from: string, to: string) => activeCustomers[lengthOf(from, to)].get(from, to) ?? { customers: 0, repeaters: 0 },
    customersByChannel: (from: string, to: string) => customersByChannel[lengthOf(from, to)].all({ from, to }),
    channels: () => channels.all(),
  };
}
