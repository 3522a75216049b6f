// Historical orders from another system, one row per order line (see
// spreadsheets.md): lines of one order share its number; dates are local
// shop time unless they carry an offset. The whole history comes in: status
// words of real exports map (order-statuses.ts: unpaid orders are skipped,
// cancelled ones kept to count nowhere, paid-not-shipped ones stay open);
// refunds are dated when they happened, else at the order date (with a
// notice); return reasons map to Shopdesk's codes (return-reasons.ts); a
// line's cost at the sale comes from the file, else today's variant cost,
// else stays unknown (noted). Imported orders never move or commit stock
// (orders.imported = 1) and are only ever added: an order number already in
// the shop (same channel) reads as unchanged when the file says what the shop
// holds, and as an error (orderChanged) when it differs. An order with any
// bad row is refused whole. Undo deletes the created orders (their lines,
// returns and return lines go with them: ON DELETE CASCADE), then the
// customers, channels and location made for them.
import { normaliseHeader } from '../mapping.js';
import { planOrders } from './orders-plan.js';
import { writeOrders } from './orders-write.js';
import type { FieldSpec, ImportTarget, WriteContext } from './target.js';

const fields: FieldSpec[] = [
  { key: 'orderNumber', type: 'text', en: 'Order number', zh: '订单号', synonyms: ['order', 'order no', 'order id', 'name', '订单编号', '单号', '主订单编号'], required: 'always' },
  { key: 'orderDate', type: 'date', en: 'Order date', zh: '下单时间', synonyms: ['date', 'created at', 'order time', 'placed at', '下单日期', '订单日期', '日期', '订单创建时间', '付款时间', '订单付款时间', '订单提交时间', '创建时间'], required: 'always' },
  { key: 'customerEmail', type: 'text', en: 'Customer email', zh: '客户邮箱', synonyms: ['email', 'e-mail', '邮箱', '买家邮箱'] },
  { key: 'customerName', type: 'text', en: 'Customer name', zh: '客户姓名', synonyms: ['customer', 'billing name', 'shipping name', '买家', '收货人', '收货人姓名', '客户名称', '买家会员名', '买家昵称'] },
  { key: 'channel', type: 'text', en: 'Channel', zh: '渠道', synonyms: ['source', 'sales channel', 'store', 'platform', '平台', '店铺', '店铺名称', '销售渠道'] },
  { key: 'sku', type: 'text', en: 'SKU', zh: '商品编码', synonyms: ['lineitem sku', 'variant sku', 'sku编码', '货号', '商家编码'], required: 'always' },
  { key: 'quantity', type: 'integer', en: 'Quantity', zh: '数量', synonyms: ['lineitem quantity', 'qty', '购买数量', '销售数量', '商品数量', '宝贝数量'], required: 'always' },
  { key: 'unitPrice', type: 'money', en: 'Unit price', zh: '成交单价', synonyms: ['lineitem price', 'price', '单价', '价格', '售价', '成交价', '商品单价', '商品价格'], required: 'always' },
  { key: 'lineDiscount', type: 'money', en: 'Line discount', zh: '优惠金额', synonyms: ['discount', 'lineitem discount', 'discount amount', '折扣', '优惠', '店铺优惠'] },
  // The cost when sold, for COGS and margin; absent, today's variant cost stands in (with a notice).
  // The code typed at checkout, for attribution to coupon promotions (Shopify's export: "Discount Code").
  { key: 'couponCode', type: 'text', en: 'Coupon code', zh: '优惠码', synonyms: ['discount code', 'coupon', 'promo code', 'promotion code', 'voucher code', 'voucher', '优惠券', '优惠券码', '优惠券编码', '折扣码', '券码'] },
  { key: 'unitCost', type: 'money', en: 'Unit cost', zh: '成本价', synonyms: ['cost', 'lineitem cost', 'cost price', 'cost per item', 'cogs', '成本', '进价', '单位成本', '采购价', '商品成本'] },
  { key: 'status', type: 'text', en: 'Status', zh: '订单状态', synonyms: ['order status', 'financial status', 'payment status', '状态', '交易状态'] },
  // Shopify's export says paid / refunded in Financial Status and shipped or not here.
  { key: 'fulfillmentStatus', type: 'text', en: 'Fulfillment status', zh: '发货状态', synonyms: ['fulfilment status', 'shipping status', 'shipment status', '物流状态'] },
  // Shopify's export marks a cancelled order by filling "Cancelled at" (its status then says paid or refunded).
  { key: 'cancelledAt', type: 'date', en: 'Cancelled at', zh: '取消时间', synonyms: ['canceled at', 'cancelled date', 'cancel date', '取消日期', '关闭时间'] },
  { key: 'refundedQuantity', type: 'integer', en: 'Refunded quantity', zh: '退款数量', synonyms: ['refunded qty', 'refund quantity', 'returned quantity', 'returned qty', '退货数量', '退款件数'] },
  { key: 'refundStatus', type: 'text', en: 'Refund status', zh: '退款状态', synonyms: ['return status', '售后状态'] },
  { key: 'refundAmount', type: 'money', en: 'Refund amount', zh: '退款金额', synonyms: ['line refund', 'refund total'] },
  { key: 'refundDate', type: 'date', en: 'Refund date', zh: '退款时间', synonyms: ['refunded at', 'refund time', '退款日期', '退款完成时间'] },
  { key: 'returnDate', type: 'date', en: 'Return date', zh: '退货时间', synonyms: ['returned at', 'return time', '退货日期'] },
  { key: 'returnReason', type: 'text', en: 'Return reason', zh: '退货原因', synonyms: ['reason', 'refund reason', 'return reason code', '退款原因', '售后原因', '退货理由'] },
];

export const ordersTarget: ImportTarget = {
  id: 'orders',
  fields,
  needs: [],
  template: {
    fields: ['orderNumber', 'orderDate', 'customerEmail', 'customerName', 'channel', 'sku', 'quantity', 'unitPrice', 'lineDiscount', 'unitCost', 'status', 'refundedQuantity', 'refundDate', 'returnReason'],
    example: ['10001', '2026-03-05 14:30', 'li.na@example.com', '李娜', 'Tmall', 'LS-WHT-M', 2, '199.00', '10.00', '80.50', '交易成功', 1, '2026-03-12', '尺码不合适'],
  },
  // Shopify's order export has an order-level "Discount Amount" before "Lineitem discount"; the line's is the one wanted.
  refineAssignments(headers, assignments) {
    const lineColumn = headers.findIndex((header) => normaliseHeader(header) === 'lineitemdiscount');
    if (lineColumn < 0 || assignments[lineColumn] !== null) return assignments;
    return assignments.map((field, column) => (column === lineColumn ? 'lineDiscount' : field === 'lineDiscount' ? null : field));
  },
  plan(input) {
    const planned = planOrders(input);
    return {
      rows: planned.rows,
      notices: planned.notices,
      write: (ctx: WriteContext) => writeOrders(ctx, planned),
    };
  },
};
