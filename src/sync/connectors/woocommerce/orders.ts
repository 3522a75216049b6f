// pullOrders: orders modified after (watermark − overlap), in GMT, ordered by id ascending. Id order
// works on every WooCommerce version (orderby=modified is recent) and is stable while paging: an
// order modified meanwhile stays in the filtered set at the same position, new ones append.
// A partly refunded order costs one more request: its refunds, for the per-line quantities.
import { z } from 'zod';
import type { OrdersPage, OrdersRequest, RemoteOrder, RemoteOrderLine, RemoteOrderStatus } from '../../connector.js';
import { clampPerPage, hasNextPage, pageFromCursor, parseAnswer } from './answers.js';
import { type WooHttp } from './http.js';
import { variantIdOf } from './ids.js';
import { minorFromDecimal } from './money.js';
import { refundedQuantities } from './refunds.js';
import { orderSchema, type WooOrderAnswer } from './schemas.js';
import { fromWooGmt, toGmtQuery } from './time.js';
import { firstCouponCode, type RemoteOrderWithCoupon } from '../../remote-order-schema.js';

/**
 * WooCommerce status → Shopdesk's. pending/on-hold are unpaid (on-hold: awaiting a bank transfer);
 * processing is paid and not shipped; failed/trash never became a sale. Unknown (plugin) statuses
 * are kept as 'open' with remoteStatus preserved for the review queue.
 */
const statusMap: Record<string, RemoteOrderStatus> = {
  pending: 'open',
  'on-hold': 'open',
  'checkout-draft': 'open',
  processing: 'paid',
  completed: 'fulfilled',
  cancelled: 'cancelled',
  failed: 'cancelled',
  trash: 'cancelled',
  refunded: 'refunded',
};

export async function pullOrders(http: WooHttp, request: OrdersRequest, currencyDigits: number): Promise<OrdersPage> {
  const page = pageFromCursor(request.cursor);
  const perPage = clampPerPage(request.limit);
  const query: Record<string, string | number> = { page, per_page: perPage, orderby: 'id', order: 'asc', status: 'any' };
  if (request.since !== null) {
    query.modified_after = toGmtQuery(request.since, Math.max(1, request.overlapSeconds));
    query.dates_are_gmt = 'true';
  }
  const answer = await http.get('orders', query);
  const orders = parseAnswer(z.array(orderSchema), answer, 'orders');
  const mapped: RemoteOrder[] = [];
  for (const order of orders) {
    // A full refund returns every line without asking; only partial refunds need the lines.
    const partial = order.refunds.length > 0 && order.status !== 'refunded';
    mapped.push(toRemoteOrder(order, currencyDigits, partial ? await refundedQuantities(http, order) : new Map()));
  }
  return {
    orders: mapped,
    nextCursor: hasNextPage(answer, page, perPage, orders.length) ? String(page + 1) : null,
  };
}

function toRemoteOrder(order: WooOrderAnswer, digits: number, refunded: ReadonlyMap<number, number>): RemoteOrderWithCoupon {
  const fullyRefunded = order.status === 'refunded';
  let status = statusMap[order.status] ?? 'open';
  // A refund short of the total leaves the WooCommerce status alone; Shopdesk shows it.
  if (!fullyRefunded && order.refunds.length > 0 && status !== 'cancelled') status = 'partially_refunded';
  return {
    remoteOrderId: String(order.id),
    number: order.number,
    status,
    remoteStatus: order.status,
    placedAt: fromWooGmt(order.date_created_gmt),
    updatedAt: fromWooGmt(order.date_modified_gmt),
    currency: order.currency,
    customerEmail: order.billing?.email ? order.billing.email : null,
    lines: order.line_items.map((line): RemoteOrderLine => ({
      remoteLineId: String(line.id),
      // product_id 0: the product was deleted since; the line is not a catalogue variant any more.
      remoteVariantId: line.product_id > 0 ? variantIdOf(line.product_id, line.variation_id) : null,
      sku: line.sku ? line.sku : null,
      title: line.name,
      quantity: line.quantity,
      // A full refund returns every line; a partial one what its refunds list (an amount-only
      // refund names no lines: 0 here, the status above still says partially refunded).
      refundedQuantity: fullyRefunded ? line.quantity : Math.min(line.quantity, refunded.get(line.id) ?? 0),
      unitPrice: minorFromDecimal(line.price, digits) ?? 0,
    })),
    remoteLocationId: null,
    // Several coupons can apply to one order: the first is kept (remote-order-schema.ts).
    couponCode: firstCouponCode(order.coupon_lines.map((c) => c.code)),
  };
}
