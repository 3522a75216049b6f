// Planning a returns file (read-only): each row returns units of one SKU of
// an order already in the shop, matched by order number (and channel when the
// number is used on several), then to the order's line of that SKU. A row is
// refused, naming itself, when the order is unknown or cancelled, the SKU is
// not on it, more would be returned than was sold counting earlier returns
// (stored and earlier rows of the file), or it is dated before the order.
// The same return again (same line, date and units) reads as unchanged, so a
// file imported twice does not double the returns.
import { localDateOf } from '../../shared/local-time.js';
import type { ImportNotice, RowPlan } from '../contract.js';
import { notice } from '../issue-messages.js';
import { RowReader } from '../row-reader.js';
import { instantOf } from './orders-plan.js';
import { shopSettings } from './plan-helpers.js';
import { lineRefund } from './orders-write.js';
import { returnReasonFor, type ReturnReasonCode } from './return-reasons.js';
import type { PlanInput } from './target.js';

interface StoredOrder {
  id: number;
  number: string;
  placedAt: string;
  status: string;
  channelCode: string;
  channelName: string;
}

interface StoredLine {
  id: number;
  sku: string;
  quantity: number;
  unitPrice: number;
  discount: number;
  /** Units returned: stored returns plus the rows of this file planned so far. */
  returned: number;
}

export interface PlannedReturn {
  orderId: number;
  lineId: number;
  quantity: number;
  returnedAt: string;
  reason: ReturnReasonCode;
  refund: number;
}

function orderFinder(db: PlanInput['db']) {
  const byNumber = db.prepare<[string], StoredOrder>(
    `SELECT o.id, o.order_number AS number, o.placed_at AS placedAt, o.status, c.code AS channelCode, c.name AS channelName
     FROM orders o JOIN channels c ON c.id = o.channel_id WHERE o.order_number = ? ORDER BY o.id`,
  );
  /** Orders with this number; Shopify's "#1001" and a plain "1001" find each other. */
  return (number: string): StoredOrder[] => {
    const found = byNumber.all(number);
    if (found.length > 0) return found;
    return byNumber.all(number.startsWith('#') ? number.slice(1) : `#${number}`);
  };
}

function lineBook(db: PlanInput['db']) {
  const lines = db.prepare<[number], StoredLine>(
    `SELECT l.id, l.sku, l.quantity, l.unit_price AS unitPrice, l.discount,
            COALESCE((SELECT SUM(r.quantity) FROM return_lines r WHERE r.order_line_id = l.id), 0) AS returned
     FROM order_lines l WHERE l.order_id = ? ORDER BY l.id`,
  );
  const stored = db.prepare<[number], { lineId: number; at: string; quantity: number }>(
    `SELECT rl.order_line_id AS lineId, r.returned_at AS at, rl.quantity FROM returns r JOIN return_lines rl ON rl.return_id = r.id WHERE r.order_id = ?`,
  );
  const byOrder = new Map<number, { lines: StoredLine[]; returns: { lineId: number; at: string; quantity: number }[] }>();
  return (orderId: number) => {
    let book = byOrder.get(orderId);
    if (!book) {
      book = { lines: lines.all(orderId), returns: stored.all(orderId) };
      byOrder.set(orderId, book);
    }
    return book;
  };
}

export function planReturns(input: PlanInput) {
  const settings = shopSettings(input.db);
  const findOrders = orderFinder(input.db);
  const bookOf = lineBook(input.db);
  const rows: RowPlan[] = [];
  const ready: PlannedReturn[] = [];
  let datedAtOrder = 0;
  let atNetPrice = 0;
  const otherReasons: string[] = [];
  for (const row of input.rows) {
    const reader = new RowReader(input.mapping, row, { blankClears: false, decimalComma: input.decimalComma });
    const number = reader.raw('orderNumber');
    reader.require('orderNumber', number);
    const sku = reader.raw('sku');
    reader.require('sku', sku);
    const quantity = reader.integer('quantity', 1);
    reader.require('quantity', quantity);
    const date = reader.dateTime('returnDate');
    const refundGiven = reader.money('refundAmount');
    const reasonText = reader.raw('returnReason');
    const reason = returnReasonFor(reasonText);
    const notes: ImportNotice[] = [];
    let planned: PlannedReturn | null = null;
    let unchanged = false;
    const order = number === '' ? undefined : pickOrder(reader, findOrders(number), number);
    if (order && order.status === 'cancelled') reader.issue('orderNumber', 'orderCancelledReturn', { value: order.number });
    if (order && reader.issues.length === 0 && typeof quantity === 'number') {
      const returnedAt = date ? instantOf(date, settings.timeZone) : order.placedAt;
      if (returnedAt < order.placedAt) reader.issue('returnDate', 'returnBeforeOrder', { orderDate: localDateOf(order.placedAt, settings.timeZone) });
      const book = bookOf(order.id);
      const lines = book.lines.filter((line) => line.sku.toLowerCase() === sku.toLowerCase());
      if (lines.length === 0) reader.issue('sku', 'skuNotOnOrder', { value: sku, order: order.number });
      const again = book.returns.findIndex((r) => r.at === returnedAt && r.quantity === quantity && lines.some((line) => line.id === r.lineId));
      if (reader.issues.length === 0 && again >= 0) {
        // Already in the shop (the same file imported again): counted among the stored returns.
        book.returns.splice(again, 1);
        unchanged = true;
      } else if (reader.issues.length === 0) {
        const line = lines.find((candidate) => candidate.quantity - candidate.returned >= quantity);
        if (!line) {
          const sold = lines.reduce((sum, l) => sum + l.quantity, 0);
          const left = lines.reduce((sum, l) => sum + l.quantity - l.returned, 0);
          reader.issue('quantity', 'returnTooLarge', { value: quantity, left, sold });
        } else {
          line.returned += quantity;
          planned = { orderId: order.id, lineId: line.id, quantity, returnedAt, reason: reason.code, refund: refundGiven ?? lineRefund(line, quantity) };
          if (!date) notes.push(notice('rowRefundDatedAtOrder', {}));
          if (!reason.recognised) notes.push(notice('rowReturnReasonOther', { value: reasonText }));
        }
      }
    }
    const outcome = reader.issues.length > 0 ? 'error' : unchanged ? 'unchanged' : 'create';
    if (outcome === 'create' && planned) {
      ready.push(planned);
      if (!date) datedAtOrder += 1;
      if (typeof refundGiven !== 'number') atNetPrice += 1;
      if (!reason.recognised) otherReasons.push(reasonText);
    }
    rows.push({
      row: reader.rowNumber,
      outcome,
      key: number,
      label: `${sku} × ${quantity ?? ''}`,
      changes: planned ? [{ field: 'quantity', before: null, after: planned.quantity }, { field: 'refundAmount', before: null, after: planned.refund }] : [],
      issues: reader.issues,
      ...(notes.length > 0 ? { notes } : {}),
    });
  }
  const notices: ImportNotice[] = [];
  if (datedAtOrder > 0) notices.push(notice('refundsDatedAtOrder', { count: datedAtOrder }));
  if (atNetPrice > 0) notices.push(notice('refundAtNetPrice', { count: atNetPrice }));
  if (otherReasons.length > 0) {
    const values = [...new Set(otherReasons)].slice(0, 3).map((value) => `"${value}"`).join(', ');
    notices.push(notice('returnReasonOther', { count: otherReasons.length, values }));
  }
  return { rows, ready, notices };
}

/** The one order a row means: by number, narrowed by the row's channel when it names one. */
function pickOrder(reader: RowReader, candidates: StoredOrder[], number: string): StoredOrder | undefined {
  const channel = reader.raw('channel').toLowerCase();
  const matching = channel === '' ? candidates : candidates.filter((o) => o.channelCode.toLowerCase() === channel || o.channelName.toLowerCase() === channel);
  if (candidates.length === 0) reader.issue('orderNumber', 'unknownOrder', { value: number });
  else if (matching.length === 0) reader.issue('channel', 'orderNotOnChannel', { value: number, channel: reader.raw('channel') });
  else if (matching.length > 1) reader.issue('orderNumber', 'orderAmbiguous', { value: number, channels: matching.map((o) => o.channelName).join(', ') });
  return matching.length === 1 ? matching[0] : undefined;
}
