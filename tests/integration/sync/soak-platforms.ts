// One face over the Shopify and WooCommerce emulators for the soak, the kill -9 test and the
// benchmarks: seed the remote catalogue for the local SKUs (returning the links the linker would
// make), read a remote quantity, play a buyer (orders, cancellations) and queue the emulator's
// own faults through its side door. Remote orders are recorded here, since they are only ever
// made through this face: the list is the emulator's order book.
import type { SoakConnectorConfig } from './soak-connectors.js';
import type { RemoteLink, SoakVariant } from './soak-shop.js';
import { startShopifyEmulator } from '../../emulators/shopify/server.js';
import { defaultTestKey, startWooEmulator } from '../../emulators/woocommerce/index.js';

export type FaultKind = 'http-error' | 'reset' | 'delay' | 'lose-answer';
export const faultKinds: readonly FaultKind[] = ['http-error', 'reset', 'delay', 'lose-answer'];

export interface RemoteOrderLine {
  link: RemoteLink;
  sku: string;
  quantity: number;
}

export interface SoakPlatform {
  kind: 'shopify' | 'woocommerce';
  config: SoakConnectorConfig;
  /** Creates one remote variant per local one (same SKU, the given remote stock); returns the links. */
  seed(variants: readonly SoakVariant[], remoteStock: (variant: SoakVariant) => number): RemoteLink[];
  /** Remote location → local location (null: all local stock), for channel_location_map. */
  locationMap(): { remoteLocationId: string; locationId: number | null }[];
  remoteQuantity(link: RemoteLink): number | null;
  placeOrder(lines: readonly RemoteOrderLine[]): string;
  cancelOrder(remoteOrderId: string): void;
  /** Every remote order placed so far, in order. */
  orders(): readonly string[];
  queueFault(kind: FaultKind, delayMs: number): void;
  clearFaults(): void;
  faultsInjected(): number;
  /** Empties the rate limit (Shopify: the cost bucket), so a measurement starts at the sustained rate. */
  drainRateLimit(): void;
  /** Answers refused for the rate limit (Shopify THROTTLED, WooCommerce 429). */
  throttled(): number;
  /** Requests that reached the emulator. */
  requests(): number;
  /** Requests that changed stock (Shopify mutations applied, WooCommerce batch requests). */
  stockWrites(): number;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  timeoutMs: number;
  /** Shopify cost bucket (default 1000 points, 100/s restore). */
  bucket?: { maximumAvailable: number; restoreRate: number };
}

export async function startShopifyPlatform(options: PlatformOptions): Promise<SoakPlatform> {
  const bucket = options.bucket ?? { maximumAvailable: 1000, restoreRate: 100 };
  const emulator = await startShopifyEmulator({ bucket });
  const door = emulator.sideDoor;
  door.setShopName('Soak shop');
  const location = door.addLocation('Warehouse');
  const orders: string[] = [];
  return {
    kind: 'shopify',
    config: { kind: 'shopify', url: emulator.url, accessToken: emulator.accessToken, timeoutMs: options.timeoutMs, bucketSize: bucket.maximumAvailable, restoreRate: bucket.restoreRate },
    seed(variants, remoteStock) {
      return variants.map((variant) => {
        const made = door.addProduct(`Soak item ${variant.sku}`, [
          { sku: variant.sku, price: (variant.price / 100).toFixed(2), stock: { [location]: remoteStock(variant) } },
        ]);
        const [remote] = made.variants;
        if (!remote) throw new Error('the emulator made no variant');
        return { variantId: variant.id, remoteVariantId: remote.id, remoteInventoryItemId: remote.inventoryItemId, remoteProductId: made.productId };
      });
    },
    locationMap: () => [{ remoteLocationId: location, locationId: null }],
    remoteQuantity: (link) => (link.remoteInventoryItemId === null ? null : door.available(link.remoteInventoryItemId, location)),
    placeOrder(lines) {
      const id = door.createOrder(lines.map((line) => ({ sku: line.sku, quantity: line.quantity })), { locationGid: location });
      orders.push(id);
      return id;
    },
    cancelOrder: (id) => door.cancelOrder(id),
    orders: () => orders,
    queueFault(kind, delayMs) {
      if (kind === 'http-error') door.failNext(1, 503);
      else if (kind === 'reset') door.resetNext(1);
      else if (kind === 'delay') door.delayNext(1, delayMs);
      else door.loseAnswerNext(1);
    },
    clearFaults: () => door.clearFaults(),
    faultsInjected: () => Object.values(door.counters().faultsInjected).reduce((sum, n) => sum + n, 0),
    drainRateLimit: () => door.drainBucket(),
    throttled: () => door.counters().throttled,
    requests: () => door.counters().requests,
    stockWrites: () => door.counters().mutationsApplied,
    stop: () => emulator.stop(),
  };
}

export async function startWooPlatform(options: PlatformOptions): Promise<SoakPlatform> {
  const woo = await startWooEmulator();
  const door = woo.sideDoor;
  const orders: string[] = [];
  return {
    kind: 'woocommerce',
    config: { kind: 'woocommerce', url: woo.url, consumerKey: defaultTestKey.consumerKey, consumerSecret: defaultTestKey.consumerSecret, timeoutMs: options.timeoutMs },
    seed(variants, remoteStock) {
      return variants.map((variant) => {
        const product = door.seedProduct({ name: `Soak item ${variant.sku}`, sku: variant.sku, regular_price: (variant.price / 100).toFixed(2), manage_stock: true, stock_quantity: remoteStock(variant) });
        return { variantId: variant.id, remoteVariantId: String(product.id), remoteInventoryItemId: null, remoteProductId: String(product.id) };
      });
    },
    locationMap: () => [],
    remoteQuantity: (link) => door.product(Number(link.remoteVariantId)).stock_quantity,
    placeOrder(lines) {
      const order = door.placeOrder(lines.map((line) => ({ product_id: Number(line.link.remoteVariantId), quantity: line.quantity })));
      orders.push(String(order.id));
      return String(order.id);
    },
    cancelOrder: (id) => {
      // WooCommerce puts a cancelled order's managed stock back; the emulator leaves that to us.
      const order = door.order(Number(id));
      door.changeOrderStatus(order.id, 'cancelled');
      for (const line of order.line_items) {
        const product = door.product(line.product_id);
        door.editProduct(product.id, { stock_quantity: (product.stock_quantity ?? 0) + line.quantity });
      }
    },
    orders: () => orders,
    queueFault(kind, delayMs) {
      if (kind === 'http-error') door.failNext(1, 503);
      else if (kind === 'reset') door.resetNext(1);
      else if (kind === 'delay') door.delayNext(1, delayMs);
      else door.loseAnswerNext(1);
    },
    clearFaults: () => door.clearFaults(),
    faultsInjected: () => door.counters().faultsInjected,
    drainRateLimit: () => undefined,
    throttled: () => door.counters().rateLimited,
    requests: () => door.counters().requests,
    stockWrites: () => door.counters().batchRequests,
    stop: () => woo.stop(),
  };
}

export function startPlatform(kind: SoakPlatform['kind'], options: PlatformOptions): Promise<SoakPlatform> {
  return kind === 'shopify' ? startShopifyPlatform(options) : startWooPlatform(options);
}
