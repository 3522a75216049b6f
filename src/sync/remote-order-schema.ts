// The shape a remote order must have before it touches local orders and stock, and the snapshot
// kept in channel_orders.snapshot. Connectors validate the platform's answer already; this is the
// engine's own check of what crosses the Connector interface (a connector bug, or a platform
// value no mapping foresaw, such as a negative quantity), so one bad order becomes a
// `failed_item` review row instead of a crash or a half-written order. The same schema validates
// the snapshot when it is read back (reapplyHeldOrders).
import { z } from 'zod';
import type { RemoteOrder } from './connector.js';

const timestamp = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'notADate');
const count = z.number().int().min(0).max(1_000_000);
const money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const remoteOrderLineSchema = z
  .object({
    remoteLineId: z.string().min(1),
    remoteVariantId: z.string().min(1).nullable(),
    sku: z.string().nullable(),
    title: z.string(),
    quantity: count,
    refundedQuantity: count,
    unitPrice: money,
  })
  .refine((line) => line.refundedQuantity <= line.quantity, { message: 'refundedAboveQuantity', path: ['refundedQuantity'] });

export const remoteOrderSchema = z.object({
  remoteOrderId: z.string().min(1),
  number: z.string(),
  status: z.enum(['open', 'paid', 'fulfilled', 'partially_refunded', 'refunded', 'cancelled']),
  remoteStatus: z.string(),
  placedAt: timestamp,
  updatedAt: timestamp,
  currency: z.string().min(1).max(10),
  customerEmail: z.string().nullable(),
  lines: z.array(remoteOrderLineSchema).refine((lines) => new Set(lines.map((l) => l.remoteLineId)).size === lines.length, 'duplicateLineId'),
  remoteLocationId: z.string().nullable(),
  // The coupon code the buyer entered (promotion attribution reads orders.coupon_code). Absent in
  // snapshots stored before codes were read: null, so those compare equal until the code changes.
  couponCode: z.string().max(255).nullable().default(null),
});

/**
 * A RemoteOrder with the coupon code the buyer entered. Connectors return it from their order
 * mapping (it is assignable to the Connector interface's RemoteOrder); when a platform lists
 * several codes on one order the first is kept — orders.coupon_code holds one, and one is enough
 * to find the coupon promotion.
 */
export type RemoteOrderWithCoupon = RemoteOrder & { couponCode?: string | null };

/** The first non-blank code of a platform's list, trimmed; null when there is none. */
export function firstCouponCode(codes: readonly (string | null | undefined)[]): string | null {
  for (const code of codes) {
    const trimmed = code?.trim() ?? '';
    if (trimmed !== '') return trimmed.slice(0, 255);
  }
  return null;
}

/**
 * channel_orders.snapshot: the RemoteOrder as last read, plus `appliedLines` — which local
 * order line each applied remote line became (remote line id → order_lines.id). Lines absent
 * from it are not applied yet (unlinked: held for the review queue).
 */
export const orderSnapshotSchema = remoteOrderSchema.extend({
  appliedLines: z.record(z.string(), z.number().int().positive()).default({}),
});
export type OrderSnapshot = z.infer<typeof orderSnapshotSchema>;

/** The order in a fixed key order, so two reads of the same order compare equal as text. */
export function canonicalOrder(order: RemoteOrder): string {
  const parsed = remoteOrderSchema.parse(order);
  return JSON.stringify(parsed);
}

export function snapshotText(order: RemoteOrder, appliedLines: Record<string, number>): string {
  return JSON.stringify({ ...remoteOrderSchema.parse(order), appliedLines });
}

/** The stored snapshot, or null when it is missing or does not validate. */
export function readSnapshot(text: string | null): OrderSnapshot | null {
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = orderSnapshotSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The RemoteOrder part of a snapshot (without appliedLines). */
export function orderOfSnapshot(snapshot: OrderSnapshot): RemoteOrder {
  const { appliedLines: _applied, ...order } = snapshot;
  return order;
}
