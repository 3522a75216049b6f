// Vendure orders → RemoteOrder. Vendure has an order state machine rather than separate payment
// and fulfilment statuses; the mapping below folds its default states onto Shopdesk's statuses
// and keeps the original state word for the log.
import { z } from 'zod';
import type { RemoteOrderStatus } from '../../connector.js';
import { firstCouponCode, type RemoteOrderWithCoupon } from '../../remote-order-schema.js';

export const vendureId = z.union([z.string().min(1), z.number().int()]).transform(String);
const id = vendureId;
/** A date Vendure sent; refused here rather than a RangeError later in toISOString(). */
export const vendureTimestamp = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'not a date');

export const vendureOrderSchema = z.object({
  id,
  code: z.string(),
  state: z.string(),
  active: z.boolean(),
  orderPlacedAt: vendureTimestamp.nullable(),
  createdAt: vendureTimestamp,
  updatedAt: vendureTimestamp,
  currencyCode: z.string(),
  customer: z.object({ emailAddress: z.string() }).nullable(),
  /** Coupon codes applied to the order (Order.couponCodes). */
  couponCodes: z.array(z.string()).default([]),
  lines: z.array(
    z.object({
      id,
      quantity: z.number().int().nonnegative(),
      /** What the customer ordered; `quantity` drops when lines are cancelled after placing. */
      orderPlacedQuantity: z.number().int().nonnegative(),
      unitPrice: z.number().int(),
      productVariant: z.object({ id, sku: z.string(), name: z.string() }).nullable(),
    }),
  ),
});
export type VendureOrder = z.infer<typeof vendureOrderSchema>;

export const orderFields = `id code state active orderPlacedAt createdAt updatedAt currencyCode
  customer { emailAddress } couponCodes
  lines { id quantity orderPlacedQuantity unitPrice productVariant { id sku name } }`;

const statusByState: Record<string, RemoteOrderStatus> = {
  PaymentSettled: 'paid',
  PartiallyShipped: 'paid',
  PartiallyDelivered: 'paid',
  Shipped: 'fulfilled',
  Delivered: 'fulfilled',
  Cancelled: 'cancelled',
};

/** Authorized-but-unsettled, Modifying and custom states stay 'open': nothing is certain yet. */
export function orderStatus(state: string): RemoteOrderStatus {
  return statusByState[state] ?? 'open';
}

/** Null for orders that are still carts or drafts (never placed): Shopdesk does not import those. */
export function toRemoteOrder(order: VendureOrder): RemoteOrderWithCoupon | null {
  if (order.orderPlacedAt === null) return null;
  return {
    remoteOrderId: order.id,
    number: order.code,
    status: orderStatus(order.state),
    remoteStatus: order.state,
    placedAt: new Date(order.orderPlacedAt).toISOString(),
    updatedAt: new Date(order.updatedAt).toISOString(),
    currency: order.currencyCode,
    customerEmail: order.customer?.emailAddress ?? null,
    lines: order.lines.map((line) => {
      const placed = Math.max(line.orderPlacedQuantity, line.quantity);
      return {
        remoteLineId: line.id,
        remoteVariantId: line.productVariant?.id ?? null,
        sku: line.productVariant?.sku || null,
        title: line.productVariant?.name ?? '',
        quantity: placed,
        // Vendure lowers `quantity` when items are cancelled or refunded after placing.
        refundedQuantity: placed - line.quantity,
        unitPrice: line.unitPrice,
      };
    }),
    remoteLocationId: null,
    // Several codes can apply to one order: the first is kept (remote-order-schema.ts).
    couponCode: firstCouponCode(order.couponCodes),
  };
}
