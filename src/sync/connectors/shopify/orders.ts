// Orders in: incremental by updated_at from the watermark minus the overlap, sorted by
// UPDATED_AT so the engine's watermark (the last order's updatedAt) only moves forward.
// Lines carry their original unit price (shop currency, minor units); the order its buyer's
// e-mail, the location Shopify assigned it to (its first open fulfillment order's) and the
// discount code the buyer entered.
import type { OrdersPage, OrdersRequest, RemoteOrder, RemoteOrderLine, RemoteOrderStatus } from '../../connector.js';
import { decimalToMinor } from '../../money.js';
import { firstCouponCode, type RemoteOrderWithCoupon } from '../../remote-order-schema.js';
import type { ShopifyClient } from './client.js';
import { clampFirst, searchTime } from './catalog.js';
import { orderLinesCost, orderLinesQuery, orderNodeCost, ordersCost, ordersQuery } from './queries.js';
import { orderLinesDataSchema, ordersDataSchema, type OrderNode } from './schemas.js';

/** The most orders per page that stays under Shopify's single-query cost limit (1000). */
export const ordersPageMax = Math.floor((1000 - 2) / orderNodeCost);

export function orderStatus(node: Pick<OrderNode, 'cancelledAt' | 'displayFinancialStatus'>): RemoteOrderStatus {
  if (node.cancelledAt !== null) return 'cancelled';
  switch (node.displayFinancialStatus) {
    case 'PAID':
      return 'paid';
    case 'PARTIALLY_REFUNDED':
      return 'partially_refunded';
    case 'REFUNDED':
      return 'refunded';
    case 'VOIDED':
      return 'cancelled';
    default:
      // PENDING, AUTHORIZED, PARTIALLY_PAID, unknown future values: not yet money in hand.
      return 'open';
  }
}

type LineNode = OrderNode['lineItems']['nodes'][number];

/** All line items of an order: the first page came with it, the rest are read by id. */
async function allLines(client: ShopifyClient, node: OrderNode): Promise<LineNode[]> {
  const lines = [...node.lineItems.nodes];
  let info = node.lineItems.pageInfo;
  while (info.hasNextPage) {
    const { data } = await client.request({
      query: orderLinesQuery, variables: { id: node.id, after: info.endCursor }, estimatedCost: orderLinesCost, data: orderLinesDataSchema,
    });
    if (data.order === null) break;
    lines.push(...data.order.lineItems.nodes);
    info = data.order.lineItems.pageInfo;
  }
  return lines;
}

/** The order's location: the assigned location of its first fulfillment order not closed yet, else of the first. */
export function assignedLocationId(node: Pick<OrderNode, 'fulfillmentOrders'>): string | null {
  const located = node.fulfillmentOrders.nodes.filter((f) => f.assignedLocation.location !== null);
  const current = located.find((f) => f.status !== 'CLOSED' && f.status !== 'CANCELLED') ?? located[0];
  return current?.assignedLocation.location?.id ?? null;
}

function toOrder(node: OrderNode, lines: LineNode[], currency: string, currencyDigits: number): RemoteOrderWithCoupon {
  const refunded = new Map<string, number>();
  for (const refund of node.refunds) {
    for (const line of refund.refundLineItems.nodes) {
      if (line.lineItem) refunded.set(line.lineItem.id, (refunded.get(line.lineItem.id) ?? 0) + line.quantity);
    }
  }
  const mapped: RemoteOrderLine[] = lines.map((line) => ({
    remoteLineId: line.id,
    remoteVariantId: line.variant?.id ?? null,
    sku: line.sku === '' ? null : line.sku,
    title: line.title,
    quantity: line.quantity,
    refundedQuantity: Math.min(line.quantity, refunded.get(line.id) ?? 0),
    // Before discounts. Shopify prints the currency's precision; the schema guarantees a decimal.
    unitPrice: decimalToMinor(line.originalUnitPriceSet.shopMoney.amount, currencyDigits, 'roundHalfUp') ?? 0,
  }));
  return {
    remoteOrderId: node.id,
    number: node.name,
    status: orderStatus(node),
    remoteStatus: node.cancelledAt !== null ? `CANCELLED/${node.displayFinancialStatus ?? ''}` : (node.displayFinancialStatus ?? ''),
    placedAt: node.createdAt,
    updatedAt: node.updatedAt,
    currency,
    customerEmail: node.email === null || node.email === '' ? null : node.email,
    lines: mapped,
    remoteLocationId: assignedLocationId(node),
    // Several codes can combine on one order: the first is kept (remote-order-schema.ts).
    couponCode: firstCouponCode(node.discountCodes),
  };
}

export async function pullOrders(
  client: ShopifyClient,
  request: OrdersRequest,
  currency: () => Promise<string>,
  currencyDigits: number,
): Promise<OrdersPage> {
  // A page must fit the bucket too (a shop's bucket may be smaller than the query limit).
  const fitsBucket = Math.floor((client.pacer.maximumAvailable - 2) / orderNodeCost);
  const first = clampFirst(request.limit, Math.min(ordersPageMax, fitsBucket));
  const q = request.since === null ? null : `updated_at:>='${searchTime(Date.parse(request.since) - Math.max(0, request.overlapSeconds) * 1000)}'`;
  const { data } = await client.request({
    query: ordersQuery, variables: { first, after: request.cursor, q }, estimatedCost: ordersCost(first), data: ordersDataSchema,
  });
  const code = await currency();
  const orders: RemoteOrder[] = [];
  for (const node of data.orders.nodes) orders.push(toOrder(node, await allLines(client, node), code, currencyDigits));
  const info = data.orders.pageInfo;
  return { orders, nextCursor: info.hasNextPage ? info.endCursor : null };
}
