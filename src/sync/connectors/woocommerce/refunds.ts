// Per-line refunded quantities. An order's `refunds` list carries only ids and totals; the lines a
// refund covers are on GET /orders/{id}/refunds (`line_items` with negative quantities, each naming
// the order line in its `_refunded_item_id` meta). One extra request per partly refunded order.
import { z } from 'zod';
import { clampPerPage, hasNextPage, parseAnswer } from './answers.js';
import { type WooHttp } from './http.js';
import type { WooOrderAnswer } from './schemas.js';

const refundLineSchema = z.object({
  product_id: z.number().int().default(0),
  variation_id: z.number().int().default(0),
  /** Negative in WooCommerce's answer (-2 = two units refunded). */
  quantity: z.number().int(),
  meta_data: z.array(z.object({ key: z.string(), value: z.unknown() })).default([]),
});

export const refundSchema = z.object({ id: z.number().int(), line_items: z.array(refundLineSchema).default([]) });

/** The order line a refund line refunds: its `_refunded_item_id`, else the line with the same product. */
function orderLineOf(order: WooOrderAnswer, line: z.infer<typeof refundLineSchema>): number | null {
  const meta = line.meta_data.find((m) => m.key === '_refunded_item_id');
  const named = typeof meta?.value === 'string' || typeof meta?.value === 'number' ? Number(meta.value) : NaN;
  if (order.line_items.some((li) => li.id === named)) return named;
  const same = order.line_items.find((li) => li.product_id === line.product_id && li.variation_id === line.variation_id);
  return same?.id ?? null;
}

/** Refunded units per order line id, read from the order's refund resources. */
export async function refundedQuantities(http: WooHttp, order: WooOrderAnswer): Promise<Map<number, number>> {
  const refunded = new Map<number, number>();
  const perPage = clampPerPage(100);
  for (let page = 1; ; page += 1) {
    const answer = await http.get(`orders/${order.id}/refunds`, { page, per_page: perPage });
    const refunds = parseAnswer(z.array(refundSchema), answer, 'refunds');
    for (const line of refunds.flatMap((refund) => refund.line_items)) {
      const lineId = orderLineOf(order, line);
      if (lineId !== null) refunded.set(lineId, (refunded.get(lineId) ?? 0) + Math.abs(line.quantity));
    }
    if (!hasNextPage(answer, page, perPage, refunds.length)) return refunded;
  }
}
