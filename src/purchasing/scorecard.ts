// Supplier scorecard over the orders sent in a period: on-time rate, fill
// rate, promised vs actual lead time, and unit-cost changes between orders.
// Dates compare as local days in the shop's time zone; every figure carries an
// English explanation with the numbers it was computed from.
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { daysBetween, localDateOf } from '../shared/local-time.js';

interface OrderRow {
  id: number;
  supplierId: number;
  supplier: string;
  currency: string;
  status: string;
  sentAt: string;
  expectedAt: string | null;
  /** Full receipt (received_at) or the close (closed_at); null while open. */
  completedAt: string | null;
  lastReceiptAt: string | null;
  ordered: number;
  filled: number;
}

interface PriceRow {
  supplierId: number;
  variantId: number;
  sku: string;
  unitCost: number;
  previous: number;
  order: string;
  previousOrder: string;
  at: string;
}

export interface ScorecardRange {
  from?: string | undefined;
  to?: string | undefined;
  supplierId?: number | undefined;
}

const largestListed = 5;
const average = (values: number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const percent = (share: number | null) => (share === null ? 'n/a' : `${(share * 100).toFixed(1)} %`);
const signedPercent = (share: number | null) => (share === null ? 'n/a' : `${share >= 0 ? '+' : ''}${(share * 100).toFixed(1)} %`);
const days = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(1)} days`);

export function supplierScorecards(db: Db, clock: Clock, range: ScorecardRange) {
  const timeZone = db.prepare<[], { tz: string }>('SELECT time_zone AS tz FROM shop_settings WHERE id = 1').get()?.tz ?? 'UTC';
  const now = clock.now().toISOString();
  const from = range.from ?? '0000';
  const to = range.to ?? now;
  const day = (iso: string) => localDateOf(iso, timeZone);
  const today = day(now);
  const period = `${range.from ? `from ${day(range.from)}` : 'since the first order'} to ${day(to)}`;

  const orders = db
    .prepare<{ from: string; to: string; supplierId: number | null }, OrderRow>(
      `SELECT po.id, po.supplier_id AS supplierId, s.name AS supplier, s.currency, po.status, po.sent_at AS sentAt, po.expected_at AS expectedAt,
         CASE po.status
           WHEN 'received' THEN COALESCE(po.received_at, (SELECT MAX(received_at) FROM receipts WHERE purchase_order_id = po.id))
           WHEN 'closed' THEN po.closed_at END AS completedAt,
         (SELECT MAX(received_at) FROM receipts WHERE purchase_order_id = po.id) AS lastReceiptAt,
         COALESCE((SELECT SUM(quantity_ordered) FROM purchase_order_lines WHERE purchase_order_id = po.id), 0) AS ordered,
         COALESCE((SELECT SUM(MIN(quantity_received, quantity_ordered)) FROM purchase_order_lines WHERE purchase_order_id = po.id), 0) AS filled
       FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id
       WHERE po.sent_at IS NOT NULL AND po.sent_at >= @from AND po.sent_at < @to AND po.status <> 'cancelled'
         AND (@supplierId IS NULL OR po.supplier_id = @supplierId)
       ORDER BY po.sent_at, po.id`,
    )
    .all({ from, to, supplierId: range.supplierId ?? null });

  // Each line against the previous sent order of the same item from the same supplier
  // (which may be older than the period); orders in another currency are not comparable.
  const prices = db
    .prepare<{ from: string; to: string }, PriceRow>(
      `SELECT supplierId, variantId, sku, unitCost, previous, "order", previousOrder, at FROM (
         SELECT po.supplier_id AS supplierId, pol.variant_id AS variantId, v.sku, pol.unit_cost AS unitCost, po.number AS "order",
           po.sent_at AS at, po.currency,
           LAG(pol.unit_cost) OVER w AS previous, LAG(po.number) OVER w AS previousOrder, LAG(po.currency) OVER w AS previousCurrency
         FROM purchase_order_lines pol JOIN purchase_orders po ON po.id = pol.purchase_order_id JOIN variants v ON v.id = pol.variant_id
         WHERE po.sent_at IS NOT NULL AND po.status <> 'cancelled'
         WINDOW w AS (PARTITION BY po.supplier_id, pol.variant_id ORDER BY po.sent_at, po.id))
       WHERE at >= @from AND at < @to AND previous IS NOT NULL AND previous > 0 AND previous <> unitCost AND currency = previousCurrency`,
    )
    .all({ from, to });

  const bySupplier = new Map<number, OrderRow[]>();
  for (const order of orders) bySupplier.set(order.supplierId, [...(bySupplier.get(order.supplierId) ?? []), order]);

  return [...bySupplier]
    .map(([supplierId, list]) => {
      const first = list[0];
      const completed = list.filter((o) => o.completedAt !== null);
      const overdue = list.filter((o) => o.completedAt === null && o.expectedAt !== null && today > day(o.expectedAt));
      const onTime = completed.filter((o) => o.expectedAt === null || day(o.completedAt ?? '') <= day(o.expectedAt));
      const judged = completed.length + overdue.length;
      const onTimeRate = judged ? onTime.length / judged : null;

      const ordered = completed.reduce((sum, o) => sum + o.ordered, 0);
      const filled = completed.reduce((sum, o) => sum + o.filled, 0);
      const fillRate = ordered > 0 ? filled / ordered : null;

      const promised = completed.filter((o) => o.expectedAt !== null).map((o) => daysBetween(day(o.sentAt), day(o.expectedAt ?? o.sentAt)));
      const actual = completed.filter((o) => o.lastReceiptAt !== null).map((o) => daysBetween(day(o.sentAt), day(o.lastReceiptAt ?? o.sentAt)));
      const promisedLeadDays = average(promised);
      const actualLeadDays = average(actual);

      const changes = prices
        .filter((p) => p.supplierId === supplierId)
        .map((p) => ({
          sku: p.sku,
          variantId: p.variantId,
          from: p.previous,
          to: p.unitCost,
          change: (p.unitCost - p.previous) / p.previous,
          previousOrder: p.previousOrder,
          order: p.order,
          at: p.at,
        }));
      const averagePriceChange = average(changes.map((c) => c.change));

      return {
        supplierId,
        supplier: first?.supplier ?? '',
        currency: first?.currency ?? '',
        ordersSent: list.length,
        ordersCompleted: completed.length,
        ordersOverdue: overdue.length,
        onTimeRate,
        fillRate,
        promisedLeadDays,
        actualLeadDays,
        priceChanges: changes.length,
        averagePriceChange,
        largestPriceChanges: [...changes].sort((a, b) => Math.abs(b.change) - Math.abs(a.change)).slice(0, largestListed),
        explain: {
          ordersSent: `${list.length} orders sent ${period} (cancelled orders left out); ${completed.length} completed (received in full or closed short), ${overdue.length} still open past the promised date.`,
          onTime:
            `${onTime.length} of ${judged} orders on time = ${percent(onTimeRate)}. An order is on time when its full receipt, or its close if it was closed short, ` +
            `falls on or before the promised date, comparing local dates in ${timeZone}; open orders already past the promised date count as late, open orders not yet due are not counted.`,
          fill: `${filled} of ${ordered} units ordered on the ${completed.length} completed orders were received = ${percent(fillRate)}. Each line counts at most its ordered quantity, so extra units do not make up for short lines.`,
          lead:
            `Promised: the mean of (promised date − sent date) = ${days(promisedLeadDays)} over ${promised.length} completed orders. ` +
            `Actual: the mean of (last receipt − sent date) = ${days(actualLeadDays)} over ${actual.length} completed orders. Whole local days in ${timeZone}.`,
          price:
            `${changes.length} unit-cost changes: each line of an order sent ${period} compared with the same item on this supplier's previous sent order ` +
            `(in the same currency). Change = (new − previous) ÷ previous; the average is ${signedPercent(averagePriceChange)}; the ${largestListed} largest by size are listed.`,
        },
      };
    })
    .sort((a, b) => a.supplier.localeCompare(b.supplier));
}
