// Historical orders from another system, one row per order line (see
// spreadsheets.md): lines of one order share its number; dates are local
// shop time unless they carry an offset; cancelled orders are kept (they
// count nowhere); refunds are dated when they happened. Imported orders
// never move or commit stock (orders.imported = 1) and are only ever added:
// an order number already in the shop (same channel) reads as unchanged when
// the file says exactly what the shop holds (the same file imported again),
// and as an error (orderChanged) when it differs. An order with any bad row
// is refused whole. An unknown channel becomes a new channel of platform
// 'import'; rows without a channel go to the "Imported orders" channel.
// A cancelled order's refunds are not recorded (it counts nowhere). Undo
// deletes the created orders (their lines, returns and return lines go with
// them: ON DELETE CASCADE), then the customers and channels made for them.
import { localTimeUtc } from '../../shared/local-time.js';
import type { RowPlan } from '../contract.js';
import { normaliseHeader } from '../mapping.js';
import { RowReader } from '../row-reader.js';
import type { LocalDateTime } from '../values.js';
import { recordCreated } from './plan-helpers.js';
import type { FieldSpec, ImportTarget, PlanInput, WriteContext } from './target.js';
import { variantLookup, type KnownVariant } from './variant-lookup.js';

const fields: FieldSpec[] = [
  { key: 'orderNumber', type: 'text', en: 'Order number', zh: '订单号', synonyms: ['order', 'order no', 'order id', 'name', '订单编号', '单号', '主订单编号'], required: 'always' },
  { key: 'orderDate', type: 'date', en: 'Order date', zh: '下单时间', synonyms: ['date', 'created at', 'order time', 'placed at', '下单日期', '订单日期', '日期', '付款时间', '订单创建时间', '订单提交时间', '创建时间'], required: 'always' },
  { key: 'customerEmail', type: 'text', en: 'Customer email', zh: '客户邮箱', synonyms: ['email', 'e-mail', '邮箱', '买家邮箱'] },
  { key: 'customerName', type: 'text', en: 'Customer name', zh: '客户姓名', synonyms: ['customer', 'billing name', 'shipping name', '买家', '收货人', '客户名称', '买家会员名', '买家昵称'] },
  { key: 'channel', type: 'text', en: 'Channel', zh: '渠道', synonyms: ['source', 'sales channel', 'store', 'platform', '平台', '店铺', '销售渠道'] },
  { key: 'sku', type: 'text', en: 'SKU', zh: '商品编码', synonyms: ['lineitem sku', 'variant sku', 'sku编码', '货号', '商家编码'], required: 'always' },
  { key: 'quantity', type: 'integer', en: 'Quantity', zh: '数量', synonyms: ['lineitem quantity', 'qty', '购买数量', '销售数量', '商品数量', '宝贝数量'], required: 'always' },
  { key: 'unitPrice', type: 'money', en: 'Unit price', zh: '成交单价', synonyms: ['lineitem price', 'price', '单价', '售价', '成交价', '商品单价', '商品价格'], required: 'always' },
  { key: 'lineDiscount', type: 'money', en: 'Line discount', zh: '优惠金额', synonyms: ['discount', 'lineitem discount', 'discount amount', '折扣', '优惠'] },
  { key: 'status', type: 'text', en: 'Status', zh: '订单状态', synonyms: ['order status', 'financial status', '状态'] },
  // Shopify's export marks a cancelled order by filling "Cancelled at" (its status then says paid or refunded).
  { key: 'cancelledAt', type: 'date', en: 'Cancelled at', zh: '取消时间', synonyms: ['canceled at', 'cancelled date', 'cancel date', '取消日期', '关闭时间'] },
  { key: 'refundedQuantity', type: 'integer', en: 'Refunded quantity', zh: '退款数量', synonyms: ['refunded qty', 'returned quantity', '退货数量'] },
  { key: 'refundDate', type: 'date', en: 'Refund date', zh: '退款时间', synonyms: ['refunded at', 'return date', '退款日期', '退货日期'] },
];

const cancelledWords = new Set(['cancelled', 'canceled', 'voided', 'void', '已取消', '取消', '交易关闭', '已关闭']);

interface OrderLine {
  reader: RowReader;
  variant: KnownVariant | undefined;
  quantity: number;
  unitPrice: number;
  discount: number;
  refunded: number;
  refundAt: string | null;
}

interface OrderGroup {
  number: string;
  channel: string;
  placedAt: string | null;
  /** When the order was cancelled (its placed time when the file gives no time), or null. */
  cancelledAt: string | null;
  cancelled: boolean;
  email: string;
  name: string;
  lines: OrderLine[];
  /** The shop's order with this number on this channel, if any. */
  existingId: number | undefined;
}

function instantOf(value: LocalDateTime, timeZone: string): string {
  if (value.offset !== null) return new Date(Date.parse(`${value.date}T${value.time ?? '00:00:00'}${value.offset}`)).toISOString();
  return localTimeUtc(value.date, value.time ?? '00:00:00', timeZone).toISOString();
}

function plan(input: PlanInput) {
  const { db } = input;
  const settings = db.prepare('SELECT time_zone AS timeZone, currency FROM shop_settings WHERE id = 1').get() as { timeZone: string; currency: string };
  const variants = variantLookup(db);
  const channels = new Map<string, { id: number; code: string }>();
  for (const channel of db.prepare<[], { id: number; code: string; name: string }>('SELECT id, code, name FROM channels').all()) {
    channels.set(channel.code.toLowerCase(), channel);
    channels.set(channel.name.toLowerCase(), channel);
  }
  const existing = db.prepare<[number, string], { id: number }>('SELECT id FROM orders WHERE channel_id = ? AND order_number = ?');
  const sameAsStored = storedOrderComparer(db);
  const groups = new Map<string, OrderGroup>();
  const firstByNumber = new Map<string, OrderGroup>();
  for (const row of input.rows) {
    const reader = new RowReader(input.mapping, row, { blankClears: false, decimalComma: input.decimalComma });
    const number = reader.raw('orderNumber');
    reader.require('orderNumber', number);
    // Platform exports (Shopify) fill the order's columns on its first line only: a later
    // line without a channel belongs to the order of that number already in the file.
    const named = reader.raw('channel');
    const channel = named || (number !== '' ? firstByNumber.get(number)?.channel : undefined) || 'import';
    const key = `${channel.toLowerCase()}\u0001${number}`;
    let group = groups.get(key);
    if (!group) {
      const date = reader.dateTime('orderDate');
      reader.require('orderDate', date);
      const stored = channels.get(channel.toLowerCase());
      const placedAt = date ? instantOf(date, settings.timeZone) : null;
      const cancelledDate = reader.dateTime('cancelledAt');
      const cancelled = cancelledWords.has(reader.raw('status').toLowerCase()) || (cancelledDate !== undefined && cancelledDate !== null);
      group = {
        number,
        channel,
        placedAt,
        cancelled,
        cancelledAt: cancelledDate ? instantOf(cancelledDate, settings.timeZone) : cancelled ? placedAt : null,
        email: reader.raw('customerEmail'),
        name: reader.raw('customerName'),
        lines: [],
        existingId: stored !== undefined && number !== '' ? existing.get(stored.id, number)?.id : undefined,
      };
      groups.set(key, group);
      if (!firstByNumber.has(number)) firstByNumber.set(number, group);
    }
    const sku = reader.raw('sku');
    reader.require('sku', sku);
    const variant = sku === '' ? undefined : variants.bySku(sku);
    // Reported, never dropped: the order waits until the SKU exists or the row is fixed.
    if (sku !== '' && !variant) reader.issue('sku', 'unknownSku', { value: sku });
    const quantity = reader.integer('quantity', 1);
    reader.require('quantity', quantity);
    const unitPrice = reader.money('unitPrice');
    reader.require('unitPrice', unitPrice);
    // A discount written as a percentage ("10%") is that share of the line.
    const percentOff = /[%％]$/.test(reader.raw('lineDiscount')) ? reader.percent('lineDiscount') : undefined;
    const discount =
      typeof percentOff === 'number' ? Math.round(((unitPrice ?? 0) * (quantity ?? 0) * percentOff) / 100) : (reader.money('lineDiscount') ?? 0);
    const refunded = reader.integer('refundedQuantity', 0) ?? 0;
    const refundDate = reader.dateTime('refundDate');
    let refundAt: string | null = null;
    if (refunded > 0) {
      reader.require('refundDate', refundDate);
      if (typeof quantity === 'number' && refunded > quantity) reader.issue('refundedQuantity', 'refundTooLarge', { value: refunded });
      if (refundDate) {
        refundAt = instantOf(refundDate, settings.timeZone);
        if (group.placedAt !== null && refundAt < group.placedAt) reader.issue('refundDate', 'refundAfterOrder', {});
      }
    }
    group.lines.push({ reader, variant, quantity: quantity ?? 0, unitPrice: unitPrice ?? 0, discount, refunded, refundAt });
  }
  const rows: RowPlan[] = [];
  for (const group of groups.values()) {
    const bad = group.lines.find((line) => line.reader.issues.length > 0);
    // History is only added: the same order again is "unchanged", a different one is refused.
    const unchanged = group.existingId !== undefined && bad === undefined && sameAsStored(group.existingId, group);
    if (group.existingId !== undefined && !unchanged) {
      for (const line of group.lines) line.reader.issue('orderNumber', 'orderChanged', { value: group.number });
    }
    for (const line of group.lines) {
      if (bad && line !== bad && line.reader.issues.length === 0) line.reader.issue(null, 'orderHasErrors', { otherRow: bad.reader.rowNumber });
      const outcome = unchanged ? 'unchanged' : line.reader.issues.length > 0 ? 'error' : 'create';
      rows.push({
        row: line.reader.rowNumber,
        outcome,
        key: group.number,
        label: `${line.variant?.title ?? line.reader.raw('sku')} × ${line.quantity}`,
        changes: outcome === 'create' ? [{ field: 'quantity', before: null, after: line.quantity }, { field: 'unitPrice', before: null, after: line.unitPrice }] : [],
        issues: line.reader.issues,
      });
    }
  }
  rows.sort((a, b) => a.row - b.row);
  const ready = [...groups.values()].filter((group) => group.existingId === undefined && group.lines.every((line) => line.reader.issues.length === 0));
  return { rows, ready, settings };
}

/** One line as both the file and the shop can say it, to tell "the same order again" from a changed one. */
function lineSignature(sku: string, quantity: number, unitPrice: number, discount: number, refunded: number): string {
  return [sku.toLowerCase(), quantity, unitPrice, discount, refunded].join('\u0001');
}

/** Whether the shop's order holds exactly the file's lines (SKU, quantity, price, discount, refunded) and cancellation. */
function storedOrderComparer(db: PlanInput['db']) {
  const order = db.prepare<[number], { status: string }>('SELECT status FROM orders WHERE id = ?');
  const lines = db.prepare<[number], { sku: string; quantity: number; unitPrice: number; discount: number; refunded: number }>(
    `SELECT l.sku, l.quantity, l.unit_price AS unitPrice, l.discount,
            COALESCE((SELECT SUM(r.quantity) FROM return_lines r WHERE r.order_line_id = l.id), 0) AS refunded
     FROM order_lines l WHERE l.order_id = ?`,
  );
  return (orderId: number, group: OrderGroup): boolean => {
    if ((order.get(orderId)?.status === 'cancelled') !== group.cancelled) return false;
    const stored = lines.all(orderId).map((l) => lineSignature(l.sku, l.quantity, l.unitPrice, l.discount, l.refunded));
    // Refunds of a cancelled order are not recorded (it counts nowhere), so they are not compared either.
    const incoming = group.lines.map((l) =>
      lineSignature(l.variant?.sku ?? l.reader.raw('sku'), l.quantity, l.unitPrice, l.discount, group.cancelled ? 0 : l.refunded),
    );
    return stored.sort().join('\n') === incoming.sort().join('\n');
  };
}

export const ordersTarget: ImportTarget = {
  id: 'orders',
  fields,
  needs: [],
  template: {
    fields: ['orderNumber', 'orderDate', 'customerEmail', 'customerName', 'channel', 'sku', 'quantity', 'unitPrice', 'lineDiscount', 'status', 'refundedQuantity', 'refundDate'],
    example: ['10001', '2026-03-05 14:30', 'li.na@example.com', '李娜', 'Tmall', 'LS-WHT-M', 2, '199.00', '10.00', 'fulfilled', 1, '2026-03-12'],
  },
  // Shopify's order export has an order-level "Discount Amount" before "Lineitem discount"; the line's is the one wanted.
  refineAssignments(headers, assignments) {
    const lineColumn = headers.findIndex((header) => normaliseHeader(header) === 'lineitemdiscount');
    if (lineColumn < 0 || assignments[lineColumn] !== null) return assignments;
    return assignments.map((field, column) => (column === lineColumn ? 'lineDiscount' : field === 'lineDiscount' ? null : field));
  },
  plan(input) {
    const planned = plan(input);
    return {
      rows: planned.rows,
      *write(ctx: WriteContext) {
        const { db } = ctx;
        const at = ctx.clock.now().toISOString();
        const location = db.prepare("SELECT id FROM locations WHERE active = 1 AND kind <> 'transit' ORDER BY kind <> 'warehouse', id LIMIT 1").get() as { id: number } | undefined;
        const channelId = channelResolver(ctx, at);
        const customerId = customerResolver(ctx, at);
        const insertOrder = db.prepare(
          `INSERT INTO orders (channel_id, order_number, customer_id, location_id, status, placed_at, fulfilled_at, cancelled_at, currency, subtotal, discount_total, shipping, total, imported)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 1)`,
        );
        const insertLine = db.prepare('INSERT INTO order_lines (order_id, variant_id, sku, title, quantity, unit_price, discount, unit_cost) VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT cost FROM variants WHERE id = ?))');
        const insertReturn = db.prepare("INSERT INTO returns (order_id, returned_at, location_id, note) VALUES (?, ?, NULL, 'Imported refund')");
        const insertReturnLine = db.prepare("INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount, restocked) VALUES (?, ?, ?, 'other', ?, 0)");
        for (const group of planned.ready) {
          if (!location) throw new Error('The shop has no location to record imported orders at');
          const subtotal = group.lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
          const discount = group.lines.reduce((sum, line) => sum + line.discount, 0);
          const placedAt = group.placedAt ?? at;
          const orderId = Number(
            insertOrder.run(
              channelId(group.channel),
              group.number,
              customerId(group.email, group.name),
              location.id,
              group.cancelled ? 'cancelled' : 'fulfilled',
              placedAt,
              group.cancelled ? null : placedAt,
              group.cancelled ? (group.cancelledAt ?? placedAt) : null,
              planned.settings.currency,
              subtotal,
              discount,
              subtotal - discount,
            ).lastInsertRowid,
          );
          recordCreated(ctx, 'orders', orderId);
          for (const line of group.lines) {
            const variant = line.variant;
            if (!variant) continue;
            const lineId = Number(insertLine.run(orderId, variant.id, variant.sku, variant.title, line.quantity, line.unitPrice, line.discount, variant.id).lastInsertRowid);
            if (line.refunded > 0 && line.refundAt !== null && !group.cancelled) {
              // Refunded at the net price paid (after the line's discount).
              const refund = Math.round(((line.unitPrice * line.quantity - line.discount) * line.refunded) / line.quantity);
              const returnId = Number(insertReturn.run(orderId, line.refundAt).lastInsertRowid);
              insertReturnLine.run(returnId, lineId, line.refunded, refund);
            }
          }
          yield;
        }
      },
    };
  },
};

/** Channels by code or name; a new name becomes a channel of platform 'import' (recorded for undo). */
function channelResolver(ctx: WriteContext, at: string) {
  const find = ctx.db.prepare<[string, string], { id: number }>('SELECT id FROM channels WHERE lower(code) = lower(?) OR lower(name) = lower(?) LIMIT 1');
  const codeTaken = ctx.db.prepare<[string], { id: number }>('SELECT id FROM channels WHERE code = ?');
  const insert = ctx.db.prepare("INSERT INTO channels (code, name, platform, active, created_at) VALUES (?, ?, 'import', 1, ?)");
  return (name: string): number => {
    const found = find.get(name, name);
    if (found) return found.id;
    // Codes are unique: names without Latin letters (天猫) or that fold onto a taken code get a numbered one.
    const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'import';
    let code = base;
    for (let n = 2; codeTaken.get(code); n += 1) code = `${base}-${n}`;
    const id = Number(insert.run(code, name === 'import' ? 'Imported orders' : name, at).lastInsertRowid);
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
