// SQL of the local side of a channel order: the orders / order_lines / returns / return_lines
// rows it becomes, the customer found or created by e-mail, the variant facts a line needs
// (SKU, title, price, cost), the shop's default location, and committed stock. On-hand stock
// never changes here: sales go through the ledger (src/inventory/ledger.ts).
//
// Customers by e-mail: src/spreadsheets/targets/orders-write.ts has the same rule in a private
// function that also records undo for the import's change set; this is the sync's own small copy
// (find case-insensitively, create with the e-mail as the name), without the undo record.
import type { Db } from '../db/open.js';

export type LocalOrderStatus = 'open' | 'fulfilled' | 'cancelled';

export interface LocalOrder {
  id: number;
  orderNumber: string;
  status: LocalOrderStatus;
  locationId: number;
  fulfilledAt: string | null;
  cancelledAt: string | null;
}

export interface LocalLine {
  id: number;
  variantId: number | null;
  quantity: number;
  unitPrice: number;
  /** Units already on return lines of this order line. */
  returned: number;
}

export interface VariantFacts {
  id: number;
  sku: string;
  title: string;
  price: number;
  cost: number | null;
}

export interface OrderFields {
  channelId: number;
  orderNumber: string;
  externalId: string;
  customerId: number | null;
  locationId: number;
  status: LocalOrderStatus;
  placedAt: string;
  fulfilledAt: string | null;
  cancelledAt: string | null;
  currency: string;
  subtotal: number;
  /** The coupon code the buyer entered (first of several), or null. */
  couponCode: string | null;
}

export interface LineFields {
  variantId: number | null;
  sku: string;
  title: string;
  quantity: number;
  unitPrice: number;
  unitCost: number | null;
}

export function createLocalOrderStore(db: Db) {
  const order = db.prepare<[number], LocalOrder>(
    `SELECT id, order_number AS orderNumber, status, location_id AS locationId, fulfilled_at AS fulfilledAt, cancelled_at AS cancelledAt
     FROM orders WHERE id = ?`,
  );
  const numberTaken = db.prepare<[number, string], { id: number }>('SELECT id FROM orders WHERE channel_id = ? AND order_number = ?');
  const insertOrder = db.prepare<OrderFields>(
    `INSERT INTO orders (channel_id, order_number, external_id, customer_id, location_id, status, placed_at, fulfilled_at, cancelled_at,
       currency, subtotal, discount_total, shipping, total, imported, coupon_code)
     VALUES (@channelId, @orderNumber, @externalId, @customerId, @locationId, @status, @placedAt, @fulfilledAt, @cancelledAt,
       @currency, @subtotal, 0, 0, @subtotal, 0, @couponCode)`,
  );
  const updateOrder = db.prepare<Omit<OrderFields, 'channelId' | 'orderNumber' | 'externalId'> & { id: number }>(
    `UPDATE orders SET customer_id = @customerId, location_id = @locationId, status = @status, placed_at = @placedAt,
       fulfilled_at = @fulfilledAt, cancelled_at = @cancelledAt, currency = @currency, subtotal = @subtotal,
       total = @subtotal - discount_total + shipping, coupon_code = @couponCode
     WHERE id = @id`,
  );
  const lines = db.prepare<[number], LocalLine>(
    `SELECT l.id, l.variant_id AS variantId, l.quantity, l.unit_price AS unitPrice,
       COALESCE((SELECT SUM(rl.quantity) FROM return_lines rl WHERE rl.order_line_id = l.id), 0) AS returned
     FROM order_lines l WHERE l.order_id = ? ORDER BY l.id`,
  );
  const insertLine = db.prepare<[number, number | null, string, string, number, number, number | null]>(
    'INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, discount, unit_cost) VALUES (?, ?, ?, ?, ?, ?, 0, ?)',
  );
  const updateLine = db.prepare<[number, number, number]>('UPDATE order_lines SET quantity = ?, unit_price = ? WHERE id = ?');
  const deleteLine = db.prepare<[number]>('DELETE FROM order_lines WHERE id = ?');
  const insertReturn = db.prepare<[number, string, number, string | null]>('INSERT INTO returns (order_id, returned_at, location_id, note) VALUES (?, ?, ?, ?)');
  const insertReturnLine = db.prepare<[number, number, number, number]>(
    "INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount, restocked) VALUES (?, ?, ?, 'other', ?, 0)",
  );
  const customer = db.prepare<[string], { id: number }>('SELECT id FROM customers WHERE email = ?');
  const insertCustomer = db.prepare<[string, string, string]>('INSERT INTO customers (email, name, created_at) VALUES (?, ?, ?)');
  const variant = db.prepare<[number], VariantFacts>(
    `SELECT v.id, v.sku, p.title || COALESCE(' / ' || NULLIF(TRIM(COALESCE(v.option1, '') || ' ' || COALESCE(v.option2, '')), ''), '') AS title,
       v.price, v.cost
     FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ?`,
  );
  const defaultLocation = db.prepare<[], { id: number }>(
    "SELECT id FROM locations WHERE active = 1 AND kind <> 'transit' ORDER BY kind <> 'warehouse', id LIMIT 1",
  );
  // Never below 0 (CHECK committed >= 0): a release of units someone else already released
  // (a stock import replacing committed) stops at 0 rather than failing the order.
  const insertLevel = db.prepare<[number, number, number, string]>(
    'INSERT INTO stock_levels (variant_id, location_id, on_hand, committed, updated_at) VALUES (?, ?, 0, ?, ?)',
  );
  const commitExisting = db.prepare<{ variantId: number; locationId: number; delta: number; at: string }>(
    `UPDATE stock_levels SET committed = CASE WHEN committed + @delta < 0 THEN 0 ELSE committed + @delta END, updated_at = @at
     WHERE variant_id = @variantId AND location_id = @locationId`,
  );
  const levelExists = db.prepare<[number, number], { one: number }>('SELECT 1 AS one FROM stock_levels WHERE variant_id = ? AND location_id = ?');

  return {
    order: (id: number): LocalOrder | undefined => order.get(id),
    /** Another order of the channel already uses the number. */
    numberTaken: (channelId: number, orderNumber: string): boolean => numberTaken.get(channelId, orderNumber) !== undefined,
    insertOrder: (fields: OrderFields): number => Number(insertOrder.run(fields).lastInsertRowid),
    updateOrder(id: number, fields: Omit<OrderFields, 'channelId' | 'orderNumber' | 'externalId'>): void {
      updateOrder.run({ ...fields, id });
    },
    lines: (orderId: number): LocalLine[] => lines.all(orderId),
    insertLine: (orderId: number, line: LineFields): number =>
      Number(insertLine.run(orderId, line.variantId, line.sku, line.title, line.quantity, line.unitPrice, line.unitCost).lastInsertRowid),
    updateLine(lineId: number, quantity: number, unitPrice: number): void {
      updateLine.run(quantity, unitPrice, lineId);
    },
    deleteLine(lineId: number): void {
      deleteLine.run(lineId);
    },
    /** A return dated `at` with one return line per entry (refund in minor units, not restocked). */
    insertReturn(orderId: number, at: string, locationId: number, note: string | null, entries: readonly { orderLineId: number; quantity: number; refund: number }[]): number {
      const returnId = Number(insertReturn.run(orderId, at, locationId, note).lastInsertRowid);
      for (const entry of entries) insertReturnLine.run(returnId, entry.orderLineId, entry.quantity, entry.refund);
      return returnId;
    },
    /** The customer with this e-mail (case-insensitive), created when unknown. */
    customerByEmail(email: string, at: string): number {
      const found = customer.get(email);
      if (found) return found.id;
      return Number(insertCustomer.run(email, email, at).lastInsertRowid);
    },
    variant: (id: number): VariantFacts | undefined => variant.get(id),
    /** The first active warehouse, else the first active store (as purchasing's reorder picks it). */
    defaultLocation: (): number | undefined => defaultLocation.get()?.id,
    /** Moves committed by `delta` (clamped at 0); opens a level row for a first commitment. */
    addCommitted(variantId: number, locationId: number, delta: number, at: string): void {
      if (delta === 0) return;
      if (levelExists.get(variantId, locationId)) commitExisting.run({ variantId, locationId, delta, at });
      else if (delta > 0) {
        insertLevel.run(variantId, locationId, delta, at);
      }
    },
  };
}

export type LocalOrderStore = ReturnType<typeof createLocalOrderStore>;
