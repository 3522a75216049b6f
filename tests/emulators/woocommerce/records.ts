// The resource shapes the emulator stores and answers with: the subset of WooCommerce REST v3
// fields a sync connector reads. Dates follow WooCommerce: "YYYY-MM-DDTHH:MM:SS" with no zone
// suffix and one-second precision (the `_gmt` twin is UTC, the plain one is site-local time).

export type StockStatus = 'instock' | 'outofstock' | 'onbackorder';
export type OrderStatus = 'pending' | 'processing' | 'on-hold' | 'completed' | 'cancelled' | 'refunded' | 'failed';

/** Fields shared by products and variations (prices are decimal strings, "" when unset). */
export interface StockAndPrice {
  id: number;
  sku: string;
  price: string;
  regular_price: string;
  sale_price: string;
  manage_stock: boolean;
  stock_quantity: number | null;
  stock_status: StockStatus;
  date_created: string;
  date_created_gmt: string;
  date_modified: string;
  date_modified_gmt: string;
}

export interface WooProduct extends StockAndPrice {
  name: string;
  type: 'simple' | 'variable';
  status: 'publish' | 'draft' | 'private';
  /** Ids of the product's variations (variable products only). */
  variations: number[];
}

export interface WooVariation extends StockAndPrice {
  parent_id: number;
}

export interface WooLineItem {
  id: number;
  name: string;
  product_id: number;
  variation_id: number;
  sku: string;
  quantity: number;
  price: number;
  total: string;
}

export interface WooOrderRefund {
  id: number;
  reason: string;
  /** WooCommerce lists refunds on an order with a negative total, e.g. "-5.00". */
  total: string;
}

/** A refunded line as GET /orders/{id}/refunds lists it: negative quantity and totals. */
export interface WooRefundLineItem {
  /** The refund item's own id (not the order line's). */
  id: number;
  name: string;
  product_id: number;
  variation_id: number;
  sku: string;
  quantity: number;
  subtotal: string;
  total: string;
  price: number;
  refund_total: number;
  /** `_refunded_item_id` names the order line refunded, as WooCommerce stores it. */
  meta_data: { id: number; key: string; value: string }[];
}

/** The refund resource (GET /orders/{id}/refunds), richer than the order's `refunds` summary. */
export interface WooRefund {
  id: number;
  date_created: string;
  date_created_gmt: string;
  amount: string;
  reason: string;
  refunded_by: number;
  refunded_payment: boolean;
  meta_data: never[];
  line_items: WooRefundLineItem[];
}

/** A coupon applied to an order (GET /orders' `coupon_lines`). */
export interface WooCouponLine {
  id: number;
  code: string;
  discount: string;
  discount_tax: string;
}

export interface WooOrder {
  id: number;
  number: string;
  status: OrderStatus;
  currency: string;
  total: string;
  date_created: string;
  date_created_gmt: string;
  date_modified: string;
  date_modified_gmt: string;
  line_items: WooLineItem[];
  coupon_lines: WooCouponLine[];
  refunds: WooOrderRefund[];
}

/** WooCommerce's (WP_Error) JSON error body. */
export interface WooErrorBody {
  code: string;
  message: string;
  data: { status: number; params?: Record<string, string> };
}

export function wooError(status: number, code: string, message: string, params?: Record<string, string>): WooErrorBody {
  return { code, message, data: params ? { status, params } : { status } };
}
