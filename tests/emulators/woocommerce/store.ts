// In-memory catalogue and orders of one emulated WooCommerce site. Products, variations and orders
// share one id sequence, as WordPress posts do.
import { type EmulatorClock } from './clock.js';
import {
  type OrderStatus,
  type StockAndPrice,
  type StockStatus,
  type WooLineItem,
  type WooOrder,
  type WooProduct,
  type WooRefund,
  type WooRefundLineItem,
  type WooVariation,
} from './records.js';

/** The writable stock and price fields (what a batch update or a WP-admin edit may change). */
export interface StockPricePatch {
  sku?: string;
  regular_price?: string;
  sale_price?: string;
  manage_stock?: boolean;
  stock_quantity?: number | null;
  stock_status?: StockStatus;
}

export interface ProductPatch extends StockPricePatch {
  name?: string;
  status?: WooProduct['status'];
}

export interface NewLineItem {
  product_id: number;
  variation_id?: number;
  quantity: number;
  /** Unit price; defaults to the product's or variation's current price. */
  price?: number;
}

/** A refunded quantity of one order line (its `line_items[].id`). */
export interface RefundLine {
  lineItemId: number;
  quantity: number;
}

export class WooStore {
  readonly products = new Map<number, WooProduct>();
  readonly variations = new Map<number, WooVariation>();
  readonly orders = new Map<number, WooOrder>();
  /** Refund resources per order id, served by GET /orders/{id}/refunds. */
  readonly refunds = new Map<number, WooRefund[]>();
  private nextId = 1;
  private nextLineId = 1;

  constructor(private readonly clock: EmulatorClock) {}

  createProduct(input: ProductPatch & { type?: WooProduct['type'] }): WooProduct {
    const product: WooProduct = {
      ...this.blankStockAndPrice(),
      name: input.name ?? `Product ${this.nextId}`,
      type: input.type ?? 'simple',
      status: input.status ?? 'publish',
      variations: [],
    };
    applyPatch(product, input);
    product.name = input.name ?? product.name;
    this.products.set(product.id, product);
    return product;
  }

  createVariation(parent: WooProduct, input: StockPricePatch): WooVariation {
    const variation: WooVariation = { ...this.blankStockAndPrice(), parent_id: parent.id };
    applyPatch(variation, input);
    this.variations.set(variation.id, variation);
    parent.type = 'variable';
    parent.variations.push(variation.id);
    return variation;
  }

  /** Applies a change and moves `date_modified`, as saving in WP admin or through the API does. */
  updateProduct(product: WooProduct, patch: ProductPatch): WooProduct {
    applyPatch(product, patch);
    if (patch.name !== undefined) product.name = patch.name;
    if (patch.status !== undefined) product.status = patch.status;
    this.touch(product);
    return product;
  }

  updateVariation(variation: WooVariation, patch: StockPricePatch): WooVariation {
    applyPatch(variation, patch);
    this.touch(variation);
    return variation;
  }

  deleteProduct(product: WooProduct): void {
    for (const id of product.variations) this.variations.delete(id);
    this.products.delete(product.id);
  }

  deleteVariation(variation: WooVariation): void {
    this.variations.delete(variation.id);
    const parent = this.products.get(variation.parent_id);
    if (parent) parent.variations = parent.variations.filter((id) => id !== variation.id);
  }

  /**
   * A customer order placed on the site. Stock of managed items goes down, but — like WooCommerce —
   * the product's `date_modified` does not move, so a connector polling products alone misses it.
   */
  placeOrder(lines: NewLineItem[], status: OrderStatus = 'processing', currency = 'USD', couponCodes: readonly string[] = []): WooOrder {
    const id = this.takeId();
    const created = this.clock.stamp();
    const lineItems = lines.map((line) => this.lineItem(line));
    for (const line of lineItems) this.reduceStock(line);
    const order: WooOrder = {
      id,
      number: String(id),
      status,
      currency,
      total: lineItems.reduce((sum, line) => sum + Number(line.total), 0).toFixed(2),
      date_created: created.local,
      date_created_gmt: created.gmt,
      date_modified: created.local,
      date_modified_gmt: created.gmt,
      line_items: lineItems,
      // The discount itself is not modelled: the emulator's orders carry the codes only.
      coupon_lines: couponCodes.map((code) => ({ id: this.takeId(), code, discount: '0.00', discount_tax: '0.00' })),
      refunds: [],
    };
    this.orders.set(id, order);
    return order;
  }

  changeOrderStatus(order: WooOrder, status: OrderStatus): WooOrder {
    order.status = status;
    this.touch(order);
    return order;
  }

  refundOrder(order: WooOrder, amount: number, reason: string, lines: RefundLine[] = []): WooOrder {
    // Lines first: a refund the side door refuses changes nothing.
    const lineItems = lines.map((line) => this.refundLine(order, line));
    const id = this.takeId();
    order.refunds.push({ id, reason, total: (-amount).toFixed(2) });
    const created = this.clock.stamp();
    const refund: WooRefund = {
      id, date_created: created.local, date_created_gmt: created.gmt, amount: amount.toFixed(2), reason,
      refunded_by: 1, refunded_payment: false, meta_data: [], line_items: lineItems,
    };
    this.refunds.set(order.id, [...(this.refunds.get(order.id) ?? []), refund]);
    const refunded = order.refunds.reduce((sum, refund) => sum - Number(refund.total), 0);
    if (refunded >= Number(order.total)) order.status = 'refunded';
    this.touch(order);
    return order;
  }

  private refundLine(order: WooOrder, line: RefundLine): WooRefundLineItem {
    const item = order.line_items.find((li) => li.id === line.lineItemId);
    if (!item) throw new Error(`refundOrder: order ${order.id} has no line ${line.lineItemId}`);
    const already = (this.refunds.get(order.id) ?? []).flatMap((r) => r.line_items)
      .filter((li) => li.meta_data.some((m) => m.key === '_refunded_item_id' && m.value === String(item.id)))
      .reduce((sum, li) => sum - li.quantity, 0);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || already + line.quantity > item.quantity) {
      throw new Error(`refundOrder: cannot refund ${line.quantity} of line ${line.lineItemId}`);
    }
    const total = (-item.price * line.quantity).toFixed(2);
    return {
      id: this.nextLineId++, name: item.name, product_id: item.product_id, variation_id: item.variation_id, sku: item.sku,
      quantity: -line.quantity, subtotal: total, total, price: -item.price, refund_total: item.price * line.quantity,
      meta_data: [{ id: this.nextLineId++, key: '_refunded_item_id', value: String(item.id) }],
    };
  }

  takeId(): number {
    return this.nextId++;
  }

  private touch(record: { date_modified: string; date_modified_gmt: string }): void {
    const now = this.clock.stamp();
    record.date_modified = now.local;
    record.date_modified_gmt = now.gmt;
  }

  private blankStockAndPrice(): StockAndPrice {
    const now = this.clock.stamp();
    return {
      id: this.takeId(),
      sku: '',
      price: '',
      regular_price: '',
      sale_price: '',
      manage_stock: false,
      stock_quantity: null,
      stock_status: 'instock',
      date_created: now.local,
      date_created_gmt: now.gmt,
      date_modified: now.local,
      date_modified_gmt: now.gmt,
    };
  }

  private lineItem(line: NewLineItem): WooLineItem {
    const product = this.products.get(line.product_id);
    if (!product) throw new Error(`placeOrder: no product ${line.product_id}`);
    const variation = line.variation_id ? this.variations.get(line.variation_id) : undefined;
    if (line.variation_id && !variation) throw new Error(`placeOrder: no variation ${line.variation_id}`);
    const item = variation ?? product;
    const price = line.price ?? Number(item.price || '0');
    return {
      id: this.nextLineId++,
      name: product.name,
      product_id: product.id,
      variation_id: variation?.id ?? 0,
      sku: item.sku,
      quantity: line.quantity,
      price,
      total: (price * line.quantity).toFixed(2),
    };
  }

  private reduceStock(line: WooLineItem): void {
    const item = line.variation_id ? this.variations.get(line.variation_id) : this.products.get(line.product_id);
    if (!item || !item.manage_stock || item.stock_quantity === null) return;
    item.stock_quantity -= line.quantity;
    item.stock_status = deriveStockStatus(item);
  }
}

/** Writes the given fields, then recomputes the derived ones (`price`, `stock_status`) as WooCommerce does. */
function applyPatch(item: StockAndPrice, patch: StockPricePatch): void {
  if (patch.sku !== undefined) item.sku = patch.sku;
  if (patch.regular_price !== undefined) item.regular_price = patch.regular_price;
  if (patch.sale_price !== undefined) item.sale_price = patch.sale_price;
  if (patch.manage_stock !== undefined) item.manage_stock = patch.manage_stock;
  if (patch.stock_quantity !== undefined) item.stock_quantity = patch.stock_quantity;
  if (patch.stock_status !== undefined) item.stock_status = patch.stock_status;
  item.price = item.sale_price !== '' ? item.sale_price : item.regular_price;
  if (!item.manage_stock) item.stock_quantity = null;
  item.stock_status = deriveStockStatus(item);
}

function deriveStockStatus(item: StockAndPrice): StockStatus {
  if (!item.manage_stock || item.stock_quantity === null) return item.stock_status;
  if (item.stock_quantity > 0) return 'instock';
  return item.stock_status === 'onbackorder' ? 'onbackorder' : 'outofstock';
}
