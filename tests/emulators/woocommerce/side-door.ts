// The test-only API of the emulator: plain functions to seed data, play the merchant editing in WP
// admin or a customer ordering, inject faults and read counters and state. Reads return copies, so
// tests cannot change the emulator's state behind its back.
import { type EmulatorClock } from './clock.js';
import { type FaultMatch, type FaultQueue, type ItemFailure, type ServerErrorStatus } from './faults.js';
import { type RateLimitSettings, type SlidingWindowLimiter } from './rate-limit.js';
import { type OrderStatus, type WooOrder, type WooProduct, type WooVariation } from './records.js';
import { type NewLineItem, type ProductPatch, type RefundLine, type StockPricePatch, type WooStore } from './store.js';
import { type WooCounters } from './server.js';

interface SideDoorDeps {
  store: WooStore;
  faults: FaultQueue;
  limiter: SlidingWindowLimiter;
  clock: EmulatorClock;
  state: { counters: WooCounters };
  emptyCounters: () => WooCounters;
}

export interface ItemFailureSpec {
  resource: ItemFailure['resource'];
  id: number;
  /** How many batch attempts of this item fail (default 1). */
  times?: number;
  status?: number;
  code?: string;
  message?: string;
}

export type WooSideDoor = ReturnType<typeof createSideDoor>;

export function createSideDoor({ store, faults, limiter, clock, state, emptyCounters }: SideDoorDeps) {
  const product = (id: number): WooProduct => {
    const found = store.products.get(id);
    if (!found) throw new Error(`side door: no product ${id}`);
    return found;
  };
  const variation = (id: number): WooVariation => {
    const found = store.variations.get(id);
    if (!found) throw new Error(`side door: no variation ${id}`);
    return found;
  };
  const order = (id: number): WooOrder => {
    const found = store.orders.get(id);
    if (!found) throw new Error(`side door: no order ${id}`);
    return found;
  };

  return {
    // --- data -----------------------------------------------------------------------------------
    seedProduct: (input: ProductPatch & { type?: WooProduct['type'] } = {}): WooProduct =>
      structuredClone(store.createProduct(input)),
    seedVariation: (productId: number, input: StockPricePatch = {}): WooVariation =>
      structuredClone(store.createVariation(product(productId), input)),
    /** A customer order (with the coupon codes entered): managed stock goes down, product dates do not move (as in WooCommerce). */
    placeOrder: (lines: NewLineItem[], status: OrderStatus = 'processing', couponCodes: string[] = []): WooOrder =>
      structuredClone(store.placeOrder(lines, status, undefined, couponCodes)),

    // --- remote edits (moving date_modified) ----------------------------------------------------
    editProduct: (id: number, patch: ProductPatch): WooProduct => structuredClone(store.updateProduct(product(id), patch)),
    editVariation: (id: number, patch: StockPricePatch): WooVariation =>
      structuredClone(store.updateVariation(variation(id), patch)),
    /** The merchant deletes a product (with its variations) in WP admin, permanently. */
    deleteProduct: (id: number): void => store.deleteProduct(product(id)),
    /** The merchant deletes one variation of a variable product. */
    deleteVariation: (id: number): void => store.deleteVariation(variation(id)),
    changeOrderStatus: (id: number, status: OrderStatus): WooOrder => structuredClone(store.changeOrderStatus(order(id), status)),
    /** A refund of `amount`; `lines` (order line ids and quantities) appear in GET /orders/{id}/refunds. Stock is not restocked. */
    refundOrder: (id: number, amount: number, reason = '', lines: RefundLine[] = []): WooOrder =>
      structuredClone(store.refundOrder(order(id), amount, reason, lines)),
    /** Moves the emulator's clock (dates it writes, the rate-limit window). */
    advanceClock: (ms: number): void => clock.advance(ms),

    // --- faults ---------------------------------------------------------------------------------
    failNext: (count: number, status: ServerErrorStatus = 500, match?: FaultMatch): void => faults.add({ kind: 'status', status }, count, match),
    resetNext: (count: number, match?: FaultMatch): void => faults.add({ kind: 'reset' }, count, match),
    delayNext: (count: number, ms: number, match?: FaultMatch): void => faults.add({ kind: 'delay', ms }, count, match),
    /** The next matching requests are applied, then the connection drops before the answer. */
    loseAnswerNext: (count: number, match?: FaultMatch): void => faults.add({ kind: 'lose-answer' }, count, match),
    rateLimitNext: (count: number, retryAfterSeconds = 1, match?: FaultMatch): void =>
      faults.add({ kind: 'rate-limit', retryAfterSeconds }, count, match),
    failBatchItem: (spec: ItemFailureSpec): void =>
      faults.addItemFailure({
        resource: spec.resource,
        id: spec.id,
        remaining: spec.times ?? 1,
        status: spec.status ?? 500,
        code: spec.code ?? 'woocommerce_rest_cannot_update',
        message: spec.message ?? 'The item could not be saved.',
      }),
    setRateLimit: (settings: RateLimitSettings | null): void => limiter.configure(settings),
    clearFaults: (): void => faults.clear(),
    pendingFaults: (): number => faults.pending(),

    // --- reads ----------------------------------------------------------------------------------
    counters: (): WooCounters & { faultsInjected: number } => ({ ...structuredClone(state.counters), faultsInjected: faults.injected }),
    resetCounters: (): void => {
      state.counters = emptyCounters();
      faults.injected = 0;
    },
    product: (id: number): WooProduct => structuredClone(product(id)),
    variation: (id: number): WooVariation => structuredClone(variation(id)),
    order: (id: number): WooOrder => structuredClone(order(id)),
    products: (): WooProduct[] => structuredClone([...store.products.values()]),
    variations: (): WooVariation[] => structuredClone([...store.variations.values()]),
    orders: (): WooOrder[] => structuredClone([...store.orders.values()]),
  };
}
