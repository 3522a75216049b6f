// Supplier scorecard over the orders sent in a period: on-time rate, fill
// rate, promised vs actual lead time, and unit-cost changes between orders.
// Dates compare as local days in the shop's time zone.
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { daysBetween, localDateOf } from '../shared/local-time.js';

interface OrderRow {
  id: number;
  supplierId: number;
  supplier: string;
  status: string;
  sentAt: string;
  expectedAt: string | null;
  /** The last receipt, or the close when closed without one. */
  completedAt: string | null;
  ordered: number;
  filled: number;
}

interface PriceRow {
  supplierId: number;
  sku: string;
  unitCost: number;
  previous: number | null;
  at: string;
}

const explain = {
  onTime: 'Orders fully received (or closed) on or before the promised date, by local day, ÷ orders completed.',
  fill: 'Units received up to the quantity ordered ÷ units ordered, over completed orders.',
  lead: 'Promised: days from sending to the promised date. Actual: days from sending to the last receipt. Averages over completed orders.',
  price: 'Unit cost on an order compared with the previous order of the same item from this supplier.',
};

const average = (values: number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

export function supplierScorecards(db: Db, clock: Clock, range: { from?: string | undefined; to?: string | undefined; supplierId?: number | undefined }) {
  const timeZone = db.prepare<[], { tz: string }>('SELECT time_zone AS tz FROM shop_settings WHERE id = 1').get()?.tz ?? 'UTC';
  const from = range.from ?? '0000';
  const to = range.to ?? clock.now().toISOString();
  const orders = db
    .prepare<{ from: string; to: string; supplierId: number | null }, OrderRow>(
      `SELECT po.id, po.supplier_id AS supplierId, s.name AS supplier, po.status, po.sent_at AS sentAt, po.expected_at AS expectedAt,
         COALESCE((SELECT MAX(received_at) FROM receipts WHERE purchase_order_id = po.id), po.closed_at) AS completedAt,
         (SELECT SUM(quantity_ordered) FROM purchase_order_lines WHERE purchase_order_id = po.id) AS ordered,
         (SELECT SUM(MIN(quantity_received, quantity_ordered)) FROM purchase_order_lines WHERE purchase_order_id = po.id) AS filled
       FROM purchase_orders po JOIN suppliers s ON s.id = po.supplier_id
       WHERE po.sent_at IS NOT NULL AND po.sent_at >= @from AND po.sent_at < @to AND po.status <> 'cancelled'
         AND (@supplierId IS NULL OR po.supplier_id = @supplierId)`,
    )
    .all({ from, to, supplierId: range.supplierId ?? null });
  const prices = db
    .prepare<{ from: string; to: string }, PriceRow>(
      `SELECT supplierId, sku, unitCost, previous, at FROM (
         SELECT po.supplier_id AS supplierId, v.sku, pol.unit_cost AS unitCost, po.sent_at AS at,
           LAG(pol.unit_cost) OVER (PARTITION BY po.supplier_id, pol.variant_id ORDER BY po.sent_at, po.id) AS previous
         FROM purchase_order_lines pol JOIN purchase_orders po ON po.id = pol.purchase_order_id JOIN variants v ON v.id = pol.variant_id
         WHERE po.sent_at IS NOT NULL AND po.status <> 'cancelled')
       WHERE at >= @from AND at < @to AND previous IS NOT NULL AND previous <> unitCost`,
    )
    .all({ from, to });

  const bySupplier = new Map<number, { supplier: string; orders: OrderRow[] }>();
  for (const order of orders) {
    const entry = bySupplier.get(order.supplierId) ?? { supplier: order.supplier, orders: [] };
    entry.orders.push(order);
    bySupplier.set(order.supplierId, entry);
  }
  return [...bySupplier].map(([supplierId, { supplier, orders: list }]) => {
    const completed = list.filter((o) => (o.status === 'received' || o.status === 'closed') && o.completedAt !== null);
    const day = (iso: string) => localDateOf(iso, timeZone);
    const onTime = completed.filter((o) => o.expectedAt === null || day(o.completedAt ?? '') <= day(o.expectedAt));
    const ordered = completed.reduce((sum, o) => sum + o.ordered, 0);
    const filled = completed.reduce((sum, o) => sum + o.filled, 0);
    const changes = prices
      .filter((p) => p.supplierId === supplierId && p.previous !== null && p.previous > 0)
      .map((p) => ({ sku: p.sku, from: p.previous ?? 0, to: p.unitCost, change: (p.unitCost - (p.previous ?? 0)) / (p.previous ?? 1), at: p.at }));
    return {
      supplierId,
      supplier,
      ordersSent: list.length,
      ordersCompleted: completed.length,
      onTimeRate: completed.length ? onTime.length / completed.length : null,
      fillRate: ordered > 0 ? filled / ordered : null,
      promisedLeadDays: average(completed.filter((o) => o.expectedAt).map((o) => daysBetween(day(o.sentAt), day(o.expectedAt ?? o.sentAt)))),
      actualLeadDays: average(completed.map((o) => daysBetween(day(o.sentAt), day(o.completedAt ?? o.sentAt)))),
      priceChanges: changes.length,
      averagePriceChange: average(changes.map((c) => c.change)),
      largestPriceChanges: [...changes].sort((a, b) => Math.abs(b.change) - Math.abs(a.change)).slice(0, 5),
      explain,
    };
  }).sort((a, b) => a.supplier.localeCompare(b.supplier));
}
