// The one interface every marketplace / shop platform implements. The engine (outbox worker,
// order puller, linker) talks only to this; a platform is one folder under src/sync/connectors/
// exporting a `ConnectorFactory`, registered in connector-registry.ts. Amazon SP-API, eBay or
// Taobao add a folder, not a redesign: what differs between platforms (compare-and-set or not,
// idempotency keys, batch sizes, how rate limits work, stock per location or per variant) is
// declared in `ConnectorCapabilities` and the engine adapts to it.
//
// Conventions every connector keeps:
// - Money crosses this interface as integer minor units; quantities as integers; times as UTC
//   ISO-8601. Converting ("19.99" strings, gid ids) is the connector's job.
// - Every remote answer is validated with zod inside the connector. A malformed item becomes a
//   failed `ItemResult` carrying the answer excerpt; a malformed whole answer throws
//   `ConnectorError` with kind 'invalid_answer'. Neither may crash the engine.
// - Secrets never appear in errors, results or excerpts (credentials arrive only in the context).
import type { z } from 'zod';

/** A translatable message: key into the UI texts plus its parameters. */
export interface ReasonText {
  key: string;
  params: Record<string, string | number>;
}

/** How the platform limits request rates; the engine paces from it rather than hitting the wall. */
export type RateLimitModel =
  /** Shopify: leaky bucket of query-cost points, refilled per second; reported in every answer. */
  | { kind: 'cost-bucket'; maximumAvailable: number; restoreRatePerSecond: number }
  /** Amazon SP-API style: per-operation token bucket (rate + burst), 429 when empty. */
  | { kind: 'token-bucket'; ratePerSecond: number; burst: number }
  /** Etsy / eBay style: fixed allowances per window (per second, per day). */
  | { kind: 'fixed-window'; perSecond: number | null; perDay: number | null }
  /** WooCommerce / self-hosted: no published limit; back off on 429 with Retry-After. */
  | { kind: 'retry-after' };

export interface ConnectorCapabilities {
  /** Stock writes can be conditional on the quantity believed to be there (Shopify changeFromQuantity). */
  compareAndSet: boolean;
  /** Requests carry a key so a retry after a lost answer is not applied twice (Shopify @idempotent). */
  idempotencyKeys: boolean;
  /** Most items per pushStock / pushPrices call (Shopify 250 quantities, WooCommerce 100, eBay 25). */
  stockBatchSize: number;
  priceBatchSize: number;
  /** Where remote stock lives: per remote location (Shopify) or one figure per variant (WooCommerce, Vendure). */
  stockScope: 'location' | 'variant';
  /** Whether the platform has a compare-at ("was") price. */
  compareAtPrice: boolean;
  rateLimit: RateLimitModel;
  /** Precision of remote `updatedAt` (Vendure on SQLite: 1 s), so pulls overlap at least this much. */
  timestampPrecisionSeconds: number;
}

export interface ConnectionReport {
  shopName: string;
  locations: number;
  products: number;
  /** What the platform says about itself (API version in use, plan), for the log. */
  details: Record<string, string>;
}

export interface RemoteLocation {
  remoteLocationId: string;
  name: string;
  active: boolean;
}

export interface RemoteVariant {
  remoteVariantId: string;
  remoteProductId: string;
  /** Shopify's inventory item (stock lives on it); null where stock is on the variant itself. */
  remoteInventoryItemId: string | null;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  barcode: string | null;
  price: number | null;
  compareAtPrice: number | null;
  /** Null where the platform does not track stock for this variant. */
  quantity: number | null;
  updatedAt: string;
}

export interface PageRequest {
  /** Opaque, from the previous page; null for the first. */
  cursor: string | null;
  /** Only variants changed at or after this time (already widened by the overlap); null: all. */
  updatedSince: string | null;
  limit: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** Total when the platform reports it (WooCommerce X-WP-Total, Vendure totalItems). */
  total: number | null;
}

export type RemoteOrderStatus = 'open' | 'paid' | 'fulfilled' | 'partially_refunded' | 'refunded' | 'cancelled';

export interface RemoteOrderLine {
  remoteLineId: string;
  /** Null when the line is not a catalogue variant (custom item, deleted product). */
  remoteVariantId: string | null;
  sku: string | null;
  title: string;
  quantity: number;
  refundedQuantity: number;
  unitPrice: number;
}

export interface RemoteOrder {
  remoteOrderId: string;
  number: string;
  status: RemoteOrderStatus;
  /** The platform's own words, kept for the log and the review queue. */
  remoteStatus: string;
  placedAt: string;
  updatedAt: string;
  currency: string;
  customerEmail: string | null;
  lines: RemoteOrderLine[];
  /** Location the platform assigned, if any (maps through channel_location_map). */
  remoteLocationId: string | null;
}

export interface OrdersRequest {
  /** Last committed watermark; null on the first pull (everything). */
  since: string | null;
  /** Read from since − overlap: remote clocks drift and timestamps may be whole seconds. */
  overlapSeconds: number;
  cursor: string | null;
  limit: number;
}

export interface OrdersPage {
  orders: RemoteOrder[];
  nextCursor: string | null;
}

export interface StockPushItem {
  /** Correlates the result with the caller's item (the outbox row id). */
  ref: string;
  remoteVariantId: string;
  remoteInventoryItemId: string | null;
  /** Required when capabilities.stockScope is 'location'. */
  remoteLocationId: string | null;
  quantity: number;
  /** For compare-and-set: what Shopdesk believes is there now (last synced). Ignored without the capability. */
  expectedQuantity: number | null;
  /** Persisted before the call; reused on a retry. Ignored without the capability. */
  idempotencyKey: string | null;
}

export interface PricePushItem {
  ref: string;
  remoteVariantId: string;
  remoteProductId: string | null;
  price: number;
  /** Null clears the compare-at price. */
  compareAtPrice: number | null;
  idempotencyKey: string | null;
}

/** Per-item outcome of a batch: one item's failure never hides the others' success. */
export type ItemResult =
  | { ref: string; outcome: 'applied'; /** What the platform now reports, when it says. */ remoteQuantity: number | null }
  /** Compare-and-set refused: the remote value is not what we believed; re-read, recompute, retry. */
  | { ref: string; outcome: 'stale'; remoteQuantity: number | null }
  | { ref: string; outcome: 'failed'; retryable: boolean; reason: ReasonText; answerExcerpt: string | null };

export interface Connector {
  readonly kind: string;
  readonly capabilities: ConnectorCapabilities;
  testConnection(): Promise<ConnectionReport>;
  listLocations(): Promise<RemoteLocation[]>;
  listVariants(page: PageRequest): Promise<Page<RemoteVariant>>;
  pullOrders(request: OrdersRequest): Promise<OrdersPage>;
  /** At most capabilities.stockBatchSize items; one result per item, in any order, matched by ref. */
  pushStock(items: readonly StockPushItem[]): Promise<ItemResult[]>;
  pushPrices(items: readonly PricePushItem[]): Promise<ItemResult[]>;
}

/** Why a whole call failed (per-item failures are ItemResults instead). */
export type ConnectorErrorKind =
  | 'auth' // bad token / key, expired session
  | 'permission' // authenticated, but the app lacks a scope
  | 'not_found' // wrong shop domain / URL / API path
  | 'tls' // certificate problem, or plain HTTP where HTTPS is required
  | 'rate_limited' // throttled despite pacing; retryAfterMs says when
  | 'transient' // 5xx, connection reset
  | 'timeout'
  | 'invalid_answer'; // the answer did not match the expected shape

const retryableKinds: ReadonlySet<ConnectorErrorKind> = new Set(['rate_limited', 'transient', 'timeout']);

export class ConnectorError extends Error {
  readonly kind: ConnectorErrorKind;
  readonly reason: ReasonText;
  readonly retryAfterMs: number | null;
  /** Redacted excerpt of the remote answer, for the sync log. */
  readonly answerExcerpt: string | null;

  constructor(kind: ConnectorErrorKind, reason: ReasonText, options: { retryAfterMs?: number | null; answerExcerpt?: string | null } = {}) {
    super(`${kind}: ${reason.key}`);
    this.name = 'ConnectorError';
    this.kind = kind;
    this.reason = reason;
    this.retryAfterMs = options.retryAfterMs ?? null;
    this.answerExcerpt = options.answerExcerpt ?? null;
  }

  get retryable(): boolean {
    return retryableKinds.has(this.kind);
  }
}

/** What the engine hands a connector when it builds one for a channel. */
export interface ConnectorContext<Settings, Credentials> {
  settings: Settings;
  credentials: Credentials;
  /** Injected so tests point connectors at emulators and fake time. */
  fetch: typeof globalThis.fetch;
  /** Per-request timeout; a slower answer is a 'timeout' ConnectorError. */
  requestTimeoutMs: number;
  /** Shop currency's minor-unit digits (2 for USD/CNY, 0 for JPY), for decimal-string platforms. */
  currencyDigits: number;
}

/** A platform's entry in the registry: how to validate its settings and secrets, and build it. */
export interface ConnectorFactory<Settings = unknown, Credentials = unknown> {
  kind: string;
  /** Connection settings stored in channels.settings.connection (domain, URL, API version). */
  settingsSchema: z.ZodType<Settings>;
  /** Secrets stored only sealed in channel_credentials. */
  credentialsSchema: z.ZodType<Credentials>;
  create(context: ConnectorContext<Settings, Credentials>): Connector;
}
