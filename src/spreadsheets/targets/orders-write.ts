// Writing planned historical orders: one order per unit of work, its lines
// with the cost recorded at the sale (NULL when unknown, never a made-up 0),
// and its refunds as returns with their reason codes. Imported orders carry
// orders.imported = 1 and never touch stock: no ledger posting, no committed
// units, even while 'open' (paid, not shipped). What they need and the shop
// lacks is created on the way and recorded for undo: the default location in
// an empty shop, channels, customers.
import { recordCreated } from './plan-helpers.js';
import { firstFree } from '../../shared/unique-code.js';
import { locationCreator } from './import-locations.js';
import type { OrderLine, PlannedOrders } from './orders-plan.js';
import type { WriteContext } from './target.js';

/** Refunded at the net price paid on the line (after its discount), unless the file states the refund. */
export function lineRefund(line: Pick<OrderLine, 'quantity' | 'unitPrice' | 'discount'>, units: number): number {
  return Math.round(((line.unitPrice * line.quantity - line.discount) * units) / line.quantity);
}

export function* writeOrders(ctx: WriteContext, planned: PlannedOrders): Generator<void, void, void> {
  if (planned.ready.length === 0) return;
  const { db } = ctx;
  const at = ctx.clock.now().toISOString();
  const locationId = locationCreator(ctx)(planned.location);
  const channelId = channelResolver(ctx, at, planned.channelName);
  const customerId = customerResolver(ctx, at);
  const insertOrder = db.prepare(
    `INSERT INTO orders (channel_id, order_number, customer_id, location_id, status, placed_at, fulfilled_at, cancelled_at, currency, subtotal, discount_total, shipping, total, imported, coupon_code)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 1, ?)`,
  );
  const insertLine = db.prepare('INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, discount, unit_cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertReturn = db.prepare("INSERT INTO returns (order_id, returned_at, location_id, note) VALUES (?, ?, NULL, 'Imported refund')");
  const insertReturnLine = db.prepare('INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount, restocked) VALUES (?, ?, ?, ?, ?, 0)');
  for (const group of planned.ready) {
    const subtotal = group.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
    const discount = group.lines.reduce((sum, line) => sum + line.discount, 0);
    const placedAt = group.placedAt ?? at;
    const status = group.state.status === 'skip' ? 'fulfilled' : group.state.status;
    const orderId = Number(
      insertOrder.run(
        channelId(group.channel),
        group.number,
        customerId(group.email, group.name),
        locationId,
        status,
        placedAt,
        status === 'fulfilled' ? placedAt : null,
        status === 'cancelled' ? (group.cancelledAt ?? placedAt) : null,
        planned.settings.currency,
        subtotal,
        discount,
        subtotal - discount,
        group.couponCode,
      ).lastInsertRowid,
    );
    recordCreated(ctx, 'orders', orderId);
    for (const line of group.lines) {
      const variant = line.variant;
      if (!variant) continue;
      const lineId = Number(insertLine.run(orderId, variant.id, variant.sku, variant.title, line.quantity, line.unitPrice, line.discount, line.unitCost).lastInsertRowid);
      if (line.refunded > 0 && status !== 'cancelled') {
        const returnId = Number(insertReturn.run(orderId, line.refundAt ?? placedAt).lastInsertRowid);
        insertReturnLine.run(returnId, lineId, line.refunded, line.reason, line.refundAmount ?? lineRefund(line, line.refunded));
      }
    }
    yield;
  }
}

/** Channels by code or name; a new name becomes a channel of platform 'import' (recorded for undo). */
function channelResolver(ctx: WriteContext, at: string, displayName: (name: string) => string) {
  const find = ctx.db.prepare<[string, string], { id: number }>('SELECT id FROM channels WHERE lower(code) = lower(?) OR lower(name) = lower(?) LIMIT 1');
  const codeTaken = ctx.db.prepare<[string], { id: number }>('SELECT id FROM channels WHERE code = ?');
  const insert = ctx.db.prepare("INSERT INTO channels (code, name, platform, active, created_at) VALUES (?, ?, 'import', 1, ?)");
  return (name: string): number => {
    const found = find.get(name, name);
    if (found) return found.id;
    // Codes are unique: names without Latin letters (天猫) or that fold onto a taken code get a
    // numbered one — never 'import', which is the code of the default channel rows without one go to.
    const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'channel';
    const code = firstFree(base, (candidate) => codeTaken.get(candidate) !== undefined);
    const id = Number(insert.run(code, displayName(name), at).lastInsertRowid);
    recordCreated(ctx, 'channels', id);
    return id;
  };
}

/** Customers by e-mail; unknown e-mails become customers (recorded for undo); no e-mail, no customer. */
function customerResolver(ctx: WriteContext, at: string) {
  const find = ctx.db.prepare<[string], { id: number }>('SELECT id FROM customers WHERE email = ?');
  const insert = ctx.db.prepare('INSERT INTO customers (email, name, created_at) VALUES (?, ?, ?)');
  return (email: string, name: string): number | null => {
    if (email === '') return null;
    const found = find.get(email);
    if (found) return found.id;
    const id = Number(insert.run(email, name || email, at).lastInsertRowid);
    recordCreated(ctx, 'customers', id);
    return id;
  };
}
