// Returns from a separate file (a marketplace's after-sales export, a
// returns log): order number, SKU, quantity, date, reason, refund amount and,
// where order numbers repeat across channels, the channel. Rows become
// returns of the shop's existing orders (returns-plan.ts), dated when they
// happened and keeping their reason code, so the returns report's quality /
// transit / fit / preference split covers them. The refund defaults to the
// line's net unit price × units. Like imported orders they never move stock
// (restocked = 0). Rows of one order with the same date become one return;
// undo deletes the created returns (their lines go with them).
import { recordCreated } from './plan-helpers.js';
import { planReturns, type PlannedReturn } from './returns-plan.js';
import type { FieldSpec, ImportTarget, WriteContext } from './target.js';

const fields: FieldSpec[] = [
  { key: 'orderNumber', type: 'text', en: 'Order number', zh: '订单号', synonyms: ['order', 'order no', 'order id', 'order name', 'name', '订单编号', '原订单号', '单号'], required: 'always' },
  { key: 'sku', type: 'text', en: 'SKU', zh: '商品编码', synonyms: ['lineitem sku', 'variant sku', 'sku编码', '货号', '商家编码'], required: 'always' },
  { key: 'quantity', type: 'integer', en: 'Quantity', zh: '退货数量', synonyms: ['qty', 'returned quantity', 'return quantity', 'refunded quantity', 'returned qty', '数量', '退款数量', '退货件数'], required: 'always' },
  { key: 'returnDate', type: 'date', en: 'Return date', zh: '退货时间', synonyms: ['date', 'returned at', 'refund date', 'refunded at', '退货日期', '退款时间', '退款日期', '日期', '申请时间', '售后申请时间'] },
  { key: 'returnReason', type: 'text', en: 'Reason', zh: '退货原因', synonyms: ['return reason', 'refund reason', '退款原因', '售后原因', '原因', '退货理由'] },
  { key: 'refundAmount', type: 'money', en: 'Refund amount', zh: '退款金额', synonyms: ['refund', 'refunded amount', 'amount', '退款', '金额'] },
  { key: 'channel', type: 'text', en: 'Channel', zh: '渠道', synonyms: ['source', 'sales channel', 'store', 'platform', '平台', '店铺', '销售渠道'] },
];

function* writeReturns(ctx: WriteContext, ready: readonly PlannedReturn[]): Generator<void, void, void> {
  const insertReturn = ctx.db.prepare("INSERT INTO returns (order_id, returned_at, location_id, note) VALUES (?, ?, NULL, 'Imported return')");
  const insertLine = ctx.db.prepare('INSERT INTO return_lines (return_id, order_line_id, quantity, reason_code, refund_amount, restocked) VALUES (?, ?, ?, ?, ?, 0)');
  const byReturn = new Map<string, PlannedReturn[]>();
  for (const planned of ready) {
    const key = `${planned.orderId}\u0001${planned.returnedAt}`;
    byReturn.set(key, [...(byReturn.get(key) ?? []), planned]);
  }
  for (const lines of byReturn.values()) {
    const first = lines[0];
    if (!first) continue;
    const returnId = Number(insertReturn.run(first.orderId, first.returnedAt).lastInsertRowid);
    recordCreated(ctx, 'returns', returnId);
    for (const line of lines) insertLine.run(returnId, line.lineId, line.quantity, line.reason, line.refund);
    yield;
  }
}

export const returnsTarget: ImportTarget = {
  id: 'returns',
  fields,
  needs: [],
  template: {
    fields: ['orderNumber', 'sku', 'quantity', 'returnDate', 'returnReason', 'refundAmount', 'channel'],
    example: ['10001', 'LS-WHT-M', 1, '2026-03-12', '尺码不合适', '194.00', 'Tmall'],
  },
  plan(input) {
    const planned = planReturns(input);
    return { rows: planned.rows, notices: planned.notices, write: (ctx: WriteContext) => writeReturns(ctx, planned.ready) };
  },
};
