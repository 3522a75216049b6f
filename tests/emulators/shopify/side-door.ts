// Test-only API: seed the shop, act as the merchant in Shopify admin or as a buyer, queue
// faults, and read counters and state. Plain function calls, never over HTTP, so a
// connector under test cannot reach it by accident.
import type { CostBucket, ThrottleStatus } from './cost.js';
import type { FaultKind, FaultQueue } from './faults.js';
import type { GraphqlHandler } from './graphql-handler.js';
import { type FinancialStatus, gid, type OrderRecord, parseGid, type ShopStore, toIso, type VariantRecord } from './store.js';

export interface VariantSeed {
  sku: string | null;
  barcode?: string | null;
  price: string;
  compareAtPrice?: string | null;
  title?: string;
  /** Available quantity per location gid; omitted: stocked at every location with 0. */
  stock?: Record<string, number>;
}

export interface SeededVariant {
  id: string;
  inventoryItemId: string;
  sku: string | null;
}

export interface OrderLineSeed {
  sku: string;
  quantity: number;
  /** Unit price as a decimal string ("12.50"); default: the variant's price ("0.00" for an unknown SKU). */
  price?: string;
  /** Discount on the whole line as a decimal string; default "0.00". */
  discount?: string;
}

export interface OrderOptions {
  financialStatus?: FinancialStatus;
  /** Location the order is assigned to (units committed there); default: the first location. */
  locationGid?: string;
  /** Buyer's e-mail; default null. */
  email?: string | null;
  /** Discount codes entered at checkout; default none. */
  discountCodes?: string[];
}

export interface EmulatorCounters {
  requests: number;
  unauthorized: number;
  throttled: number;
  costSpent: number;
  idempotentReplays: number;
  mutationsApplied: number;
  faultsInjected: Record<FaultKind, number>;
}

export interface VariantSnapshot {
  id: string;
  sku: string | null;
  price: string;
  compareAtPrice: string | null;
  updatedAt: string;
}

export interface OrderSnapshot {
  id: string;
  name: string;
  updatedAt: string;
  cancelledAt: string | null;
  financialStatus: FinancialStatus;
  email: string | null;
  locationId: string;
  lines: { id: string; sku: string | null; quantity: number; price: string; discount: string }[];
}

export interface RequestCounters {
  requests: number;
  unauthorized: number;
}

/** A seeded amount as Shopify prints money: two decimals ("8" → "8.00"). */
function money(text: string): string {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`Side door: ${text} is not an amount`);
  return value.toFixed(2);
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Side door: ${what} does not exist`);
  return value;
}

export class SideDoor {
  constructor(
    private readonly store: ShopStore,
    private readonly handler: GraphqlHandler,
    private readonly bucket: CostBucket,
    private readonly faults: FaultQueue,
    private readonly requestCounters: RequestCounters,
  ) {}

  // --- seeding -------------------------------------------------------------------------

  setShopName(name: string): void {
    this.store.shopName = name;
  }

  addLocation(name: string): string {
    const id = this.store.nextId();
    this.store.locations.set(id, { id, name });
    return gid('Location', id);
  }

  addProduct(title: string, variants: VariantSeed[]): { productId: string; variants: SeededVariant[] } {
    const s = this.store;
    const productId = s.nextId();
    const now = s.clock.nowSecondsMs();
    s.products.set(productId, { id: productId, title, updatedAt: now });
    const seeded = variants.map((seed, i) => {
      const record: VariantRecord = {
        id: s.nextId(), productId, title: seed.title ?? `Variant ${i + 1}`, sku: seed.sku, barcode: seed.barcode ?? null,
        price: seed.price, compareAtPrice: seed.compareAtPrice ?? null, inventoryItemId: s.nextId(), updatedAt: now,
      };
      s.addVariant(record);
      const stock = seed.stock ?? Object.fromEntries([...s.locations.keys()].map((id) => [gid('Location', id), 0]));
      for (const [locationGid, available] of Object.entries(stock)) {
        s.setLevel(record.inventoryItemId, this.locationId(locationGid), available);
      }
      return { id: gid('ProductVariant', record.id), inventoryItemId: gid('InventoryItem', record.inventoryItemId), sku: record.sku };
    });
    return { productId: gid('Product', productId), variants: seeded };
  }

  // --- the merchant editing in Shopify admin -------------------------------------------

  setAvailable(inventoryItemGid: string, locationGid: string, available: number): void {
    this.store.setLevel(need(parseGid('InventoryItem', inventoryItemGid) ?? undefined, inventoryItemGid), this.locationId(locationGid), available);
  }

  setPrice(variantGid: string, change: { price?: string; compareAtPrice?: string | null }): void {
    const variant = this.variantRecord(variantGid);
    if (change.price !== undefined) variant.price = change.price;
    if (change.compareAtPrice !== undefined) variant.compareAtPrice = change.compareAtPrice;
    variant.updatedAt = this.store.clock.nowSecondsMs();
  }

  // --- buyers and order changes ----------------------------------------------------------

  /** A new order; its units move from available to committed at the location (default: the first). */
  createOrder(lines: OrderLineSeed[], options: OrderOptions = {}): string {
    const s = this.store;
    const locationId = options.locationGid ? this.locationId(options.locationGid) : need([...s.locations.keys()][0], 'a location');
    const now = s.clock.nowSecondsMs();
    const order: OrderRecord = {
      id: s.nextId(), name: s.nextOrderName(), createdAt: now, updatedAt: now, cancelledAt: null,
      financialStatus: options.financialStatus ?? 'PAID', email: options.email ?? null,
      discountCodes: options.discountCodes ?? [], locationId, lineItems: [], refunds: [],
    };
    s.orders.set(order.id, order);
    for (const line of lines) this.addLine(order, line);
    return gid('Order', order.id);
  }

  /** The merchant adds or replaces the order's discount codes (the order's updated_at moves). */
  setDiscountCodes(orderGid: string, codes: string[]): void {
    const order = this.orderRecord(orderGid);
    order.discountCodes = [...codes];
    this.store.touchOrder(order);
  }

  /** Cancels an order: its open units go back to stock; a paid order is refunded, an unpaid one voided. */
  cancelOrder(orderGid: string): void {
    const order = this.orderRecord(orderGid);
    for (const line of order.lineItems) this.moveCommitted(order, line.variantId, -this.openQuantity(order, line.id));
    order.cancelledAt = this.store.clock.nowSecondsMs();
    order.financialStatus = order.financialStatus === 'PENDING' || order.financialStatus === 'AUTHORIZED' ? 'VOIDED' : 'REFUNDED';
    this.store.touchOrder(order);
  }

  /** Refunds (and restocks) the given lines, or everything still open when none are given. */
  refundOrder(orderGid: string, lines?: OrderLineSeed[]): void {
    const order = this.orderRecord(orderGid);
    const refundLines = (lines ?? order.lineItems.map((li) => ({ sku: li.sku ?? '', quantity: this.openQuantity(order, li.id) })))
      .map((l) => {
        const item = need(order.lineItems.find((li) => li.sku === l.sku), `line ${l.sku} of ${orderGid}`);
        if (l.quantity > this.openQuantity(order, item.id)) throw new Error(`Side door: cannot refund ${l.quantity} of ${l.sku}`);
        return { lineItemId: item.id, quantity: l.quantity };
      })
      .filter((l) => l.quantity > 0);
    for (const l of refundLines) {
      const item = order.lineItems.find((li) => li.id === l.lineItemId);
      this.moveCommitted(order, item?.variantId ?? null, -l.quantity);
    }
    const now = this.store.clock.nowSecondsMs();
    order.refunds.push({ id: this.store.nextId(), createdAt: now, lines: refundLines });
    const open = order.lineItems.reduce((sum, li) => sum + this.openQuantity(order, li.id), 0);
    order.financialStatus = open === 0 ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    this.store.touchOrder(order);
  }

  /** An order edit: sets the quantity of existing SKUs, adds new ones; stock follows the change. */
  editOrderLines(orderGid: string, lines: OrderLineSeed[]): void {
    const order = this.orderRecord(orderGid);
    for (const line of lines) {
      const existing = order.lineItems.find((li) => li.sku === line.sku);
      if (existing) {
        this.moveCommitted(order, existing.variantId, line.quantity - existing.quantity);
        existing.quantity = line.quantity;
      } else {
        this.addLine(order, line);
      }
    }
    this.store.touchOrder(order);
  }

  /** Stops the emulator's clock (at `iso`, default now): only advanceClock() moves it then. */
  freezeClock(iso?: string): void {
    this.store.clock.freeze(iso === undefined ? undefined : Date.parse(iso));
  }

  /** Moves the emulator's clock (timestamps and bucket refill) forward without sleeping. */
  advanceClock(ms: number): void {
    this.store.clock.advance(ms);
  }

  // --- faults and the bucket -------------------------------------------------------------

  failNext(count: number, status = 503): void {
    this.faults.add({ kind: 'http-error', status }, count);
  }
  resetNext(count: number): void {
    this.faults.add({ kind: 'reset' }, count);
  }
  delayNext(count: number, ms: number): void {
    this.faults.add({ kind: 'delay', ms }, count);
  }
  loseAnswerNext(count: number): void {
    this.faults.add({ kind: 'lose-answer' }, count);
  }
  clearFaults(): void {
    this.faults.clear();
  }
  drainBucket(): void {
    this.bucket.drain();
  }

  // --- reading ---------------------------------------------------------------------------

  counters(): EmulatorCounters {
    return { ...this.requestCounters, ...this.handler.counters, faultsInjected: { ...this.faults.injected } };
  }

  throttleStatus(): ThrottleStatus {
    return this.bucket.status();
  }

  available(inventoryItemGid: string, locationGid: string): number | null {
    const itemId = parseGid('InventoryItem', inventoryItemGid);
    return itemId === null ? null : (this.store.level(itemId, this.locationId(locationGid))?.available ?? null);
  }

  variant(variantGid: string): VariantSnapshot {
    const v = this.variantRecord(variantGid);
    return { id: variantGid, sku: v.sku, price: v.price, compareAtPrice: v.compareAtPrice, updatedAt: toIso(v.updatedAt) };
  }

  order(orderGid: string): OrderSnapshot {
    const o = this.orderRecord(orderGid);
    return {
      id: orderGid, name: o.name, updatedAt: toIso(o.updatedAt), cancelledAt: o.cancelledAt === null ? null : toIso(o.cancelledAt),
      financialStatus: o.financialStatus, email: o.email, locationId: gid('Location', o.locationId),
      lines: o.lineItems.map((li) => ({ id: gid('LineItem', li.id), sku: li.sku, quantity: li.quantity, price: li.price, discount: li.discount })),
    };
  }

  // --- helpers ---------------------------------------------------------------------------

  private locationId(locationGid: string): number {
    const id = parseGid('Location', locationGid);
    return need(id !== null && this.store.locations.has(id) ? id : undefined, `location ${locationGid}`);
  }

  private variantRecord(variantGid: string): VariantRecord {
    return need(this.store.variants.get(parseGid('ProductVariant', variantGid) ?? 0), `variant ${variantGid}`);
  }

  private orderRecord(orderGid: string): OrderRecord {
    return need(this.store.orders.get(parseGid('Order', orderGid) ?? 0), `order ${orderGid}`);
  }

  private addLine(order: OrderRecord, line: OrderLineSeed): void {
    const variant = this.store.variantBySku(line.sku);
    order.lineItems.push({
      id: this.store.nextId(), variantId: variant?.id ?? null, sku: line.sku, title: variant?.title ?? line.sku, quantity: line.quantity,
      price: money(line.price ?? variant?.price ?? '0'), discount: money(line.discount ?? '0'),
    });
    this.moveCommitted(order, variant?.id ?? null, line.quantity);
  }

  private openQuantity(order: OrderRecord, lineItemId: number): number {
    if (order.cancelledAt !== null) return 0;
    const line = order.lineItems.find((li) => li.id === lineItemId);
    const refunded = order.refunds.flatMap((r) => r.lines).filter((l) => l.lineItemId === lineItemId).reduce((sum, l) => sum + l.quantity, 0);
    return (line?.quantity ?? 0) - refunded;
  }

  /** Positive: units leave available for committed; negative: they come back. */
  private moveCommitted(order: OrderRecord, variantId: number | null, units: number): void {
    const variant = variantId === null ? undefined : this.store.variants.get(variantId);
    if (!variant || units === 0) return;
    const level = this.store.level(variant.inventoryItemId, order.locationId);
    if (!level) return;
    this.store.setLevel(variant.inventoryItemId, order.locationId, level.available - units);
    level.committed += units;
  }
}
