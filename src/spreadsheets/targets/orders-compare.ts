// "The same order again" vs "a changed order": historical orders are only
// added, so a file imported twice must read as unchanged, and an order the
// file states differently from the shop is refused (orderChanged).
import type { Db } from '../../db/open.js';
import type { OrderGroup } from './orders-plan.js';

/** One line as both the file and the shop can say it: SKU, quantity, price, discount, refunded units. */
function lineSignature(sku: string, quantity: number, unitPrice: number, discount: number, refunded: number): string {
  return [sku.toLowerCase(), quantity, unitPrice, discount, refunded].join('\u0001');
}

/** Whether the shop's order holds exactly the file's status and lines (and their cost, where the file gives one). */
export function storedOrderComparer(db: Db) {
  const order = db.prepare<[number], { status: string }>('SELECT status FROM orders WHERE id = ?');
  const lines = db.prepare<[number], { sku: string; quantity: number; unitPrice: number; discount: number; unitCost: number | null; refunded: number }>(
    `SELECT l.sku, l.quantity, l.unit_price AS unitPrice, l.discount, l.unit_cost AS unitCost,
            COALESCE((SELECT SUM(r.quantity) FROM return_lines r WHERE r.order_line_id = l.id), 0) AS refunded
     FROM order_lines l WHERE l.order_id = ?`,
  );
  return (orderId: number, group: OrderGroup): boolean => {
    if (order.get(orderId)?.status !== group.state.status) return false;
    const stored = lines.all(orderId).map((l) => ({ signature: lineSignature(l.sku, l.quantity, l.unitPrice, l.discount, l.refunded), cost: l.unitCost }));
    if (stored.length !== group.lines.length) return false;
    // A cost the file does not give was today's variant cost when first imported: it may have moved since.
    return group.lines.every((line) => {
      const signature = lineSignature(line.variant?.sku ?? line.reader.raw('sku'), line.quantity, line.unitPrice, line.discount, line.refunded);
      const match = stored.findIndex((s) => s.signature === signature && (line.costFrom !== 'file' || s.cost === line.unitCost));
      if (match < 0) return false;
      stored.splice(match, 1);
      return true;
    });
  };
}
