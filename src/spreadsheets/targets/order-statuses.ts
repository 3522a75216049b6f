// What the status words of real order exports mean for Shopdesk
// (spreadsheets.md "Historical orders", "Order exports of Chinese
// marketplaces"): Shopify's Financial Status + Fulfillment Status, WooCommerce,
// Taobao / Tmall, JD and Douyin. Unpaid orders are not sales (the rows are
// skipped); cancelled ones are kept but count nowhere; paid orders not shipped
// yet stay 'open' (imported orders never commit stock, so that is safe);
// "refund in progress" (退款中) is not a refund yet. English "closed" is
// Shopify's archived = completed, while 交易关闭 is a cancelled trade.

/** What one status word says about an order. */
export type StatusMeaning = 'unpaid' | 'paid' | 'shipped' | 'completed' | 'cancelled' | 'refundPending' | 'refunded';

const statusWords: Record<StatusMeaning, readonly string[]> = {
  unpaid: ['pending', 'unpaid', 'awaiting payment', 'pending payment', 'on hold', 'expired', 'failed', 'draft', 'checkout draft', '待付款', '等待买家付款', '待支付', '未付款', '等待付款'],
  paid: [
    'paid', 'processing', 'authorized', 'partially paid', 'awaiting fulfillment', 'awaiting shipment',
    '待发货', '等待发货', '买家已付款', '等待卖家发货', '已付款', '等待出库', '待出库', '备货中',
  ],
  shipped: ['shipped', 'in transit', 'partially shipped', '已发货', '卖家已发货', '等待买家确认收货', '等待确认收货', '部分发货', '运输中', '待收货'],
  completed: [
    'fulfilled', 'completed', 'complete', 'closed', 'delivered', 'archived', 'partially refunded',
    '交易成功', '已完成', '完成', '已签收', '部分退款',
  ],
  cancelled: ['cancelled', 'canceled', 'voided', 'void', '已取消', '取消', '交易关闭', '已关闭', '订单关闭', '已作废'],
  refundPending: ['refund pending', 'refund requested', 'refunding', '退款中', '售后中', '退款申请中', '申请退款中'],
  refunded: ['refunded', 'fully refunded', '已退款', '退款成功', '退款完成', '全额退款'],
};

/** Lower case, full-width folded, runs of spaces / underscores / hyphens as one space ("partially_refunded"). */
export function normaliseWord(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_\-–—]+/g, ' ').trim();
}

const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

/** A vocabulary lookup: exact (normalised) words, then Chinese phrases contained in longer text ("交易成功(已评价)"). */
function vocabulary<T extends string>(words: Record<T, readonly string[]>) {
  const exact = new Map<string, T>();
  const contained: [string, T][] = [];
  for (const meaning of Object.keys(words) as T[]) {
    for (const word of words[meaning]) {
      exact.set(normaliseWord(word), meaning);
      if (hasHan(word)) contained.push([normaliseWord(word), meaning]);
    }
  }
  // The longest phrase wins: 等待卖家发货 before 发货.
  contained.sort((a, b) => b[0].length - a[0].length);
  return (text: string): T | undefined => {
    const word = normaliseWord(text);
    return exact.get(word) ?? contained.find(([phrase]) => word.includes(phrase))?.[1];
  };
}

const statusOf = vocabulary(statusWords);

/** The meaning of an order status word; undefined when Shopdesk does not know the word. */
export function statusMeaning(text: string): StatusMeaning | undefined {
  return statusOf(text);
}

const fulfillmentOf = vocabulary<'fulfilled' | 'unfulfilled'>({
  fulfilled: ['fulfilled', 'shipped', 'partial', 'partially fulfilled', 'delivered', '已发货', '已签收', '部分发货'],
  unfulfilled: ['unfulfilled', 'not fulfilled', 'unshipped', 'not shipped', 'pending', '未发货', '待发货'],
});

const refundStateOf = vocabulary<'refunded' | 'pending' | 'none'>({
  refunded: ['refunded', 'refund completed', '退款成功', '已退款', '退款完成'],
  pending: ['refund pending', 'refund requested', '退款中', '售后中', '申请退款', '等待卖家同意', '等待买家退货', '等待卖家确认收货'],
  none: ['none', 'no refund', '没有申请退款', '退款关闭', '无'],
});

/** A line's refund status column (退款状态): done, asked for, or none. */
export function refundState(text: string): 'refunded' | 'pending' | 'none' {
  return text === '' ? 'none' : (refundStateOf(text) ?? 'none');
}

/** How an imported order is stored, from its status word, fulfillment status and cancellation date. */
export interface ImportedOrderState {
  /** 'skip': not a sale (unpaid), not written; otherwise the orders.status it is stored with. */
  status: 'skip' | 'open' | 'fulfilled' | 'cancelled';
  /** Refunded in full: a line that gives no refunded quantity refunds every unit. */
  refundedInFull: boolean;
  /** A refund asked for but not made (退款中): a sale still, noted. */
  refundPending: boolean;
  /** The status word is unknown: kept as a completed sale, noted. */
  unknownStatus: boolean;
}

export function orderState(statusText: string, fulfillmentText: string, cancelledAtGiven: boolean): ImportedOrderState {
  const meaning = statusText === '' ? undefined : statusMeaning(statusText);
  const state: ImportedOrderState = {
    status: 'fulfilled',
    refundedInFull: meaning === 'refunded',
    refundPending: meaning === 'refundPending',
    unknownStatus: statusText !== '' && meaning === undefined,
  };
  // Shopify fills "Cancelled at" and keeps the financial status (paid, refunded): the date decides.
  if (cancelledAtGiven || meaning === 'cancelled') return { ...state, status: 'cancelled', refundedInFull: false, refundPending: false };
  if (meaning === 'unpaid') return { ...state, status: 'skip' };
  const fulfillment = fulfillmentText === '' ? undefined : fulfillmentOf(fulfillmentText);
  if (fulfillment !== undefined) return { ...state, status: fulfillment === 'fulfilled' ? 'fulfilled' : 'open' };
  // Paid and not shipped yet stays paid: an open order (never committing stock: it is imported).
  return { ...state, status: meaning === 'paid' ? 'open' : 'fulfilled' };
}
