// Shared setup for the order puller's tests: the purchasing shop (HOD_M 12, HOD_L 0, TEA 40,
// MUG 3 at the warehouse; a store with no stock) plus one connected channel, links from remote
// variant ids to local variants, a puller over any Connector, the reads the tests assert with,
// and an in-memory orders source (a copy in the style of push-fake-connector.ts, which stays
// untouched) for the rules no emulator can play.
import type { Db } from '../../../src/db/open.js';
import type { Clock } from '../../../src/shared/clock.js';
import type { Connector, ConnectorCapabilities, OrdersPage, OrdersRequest, RemoteOrder } from '../../../src/sync/connector.js';
import { createOrderPuller, type OrderPuller } from '../../../src/sync/order-puller.js';
import { seedPurchasing } from '../purchasing-fixture.js';
import { testShop, type TestShop } from '../shop-harness.js';

export const CH = 30;
export const T0 = Date.parse('2026-11-20T10:00:00.000Z');
export const SECRET = 'shpat_secret_0123456789abcdef0123456789';

export class TestClock implements Clock {
  at = T0;
  now(): Date {
    return new Date(this.at);
  }
}

export interface PullerShop {
  shop: TestShop;
  db: Db;
  clock: TestClock;
  puller(connector: Connector, pageSize?: number): OrderPuller;
}

/** A shop with channel CH (platform `platform`) and `links`: remote variant id → local variant id. */
export function pullerShop(links: Record<string, number>, settings: Record<string, unknown> = {}, platform = 'fake'): PullerShop {
  const shop = testShop(seedPurchasing);
  const db = shop.db;
  const at = new Date(T0).toISOString();
  db.prepare("INSERT INTO channels (id, code, name, platform, created_at, settings, sync_status) VALUES (?, ?, ?, ?, ?, ?, 'connected')").run(
    CH,
    `ch-${platform}`,
    `Channel ${platform}`,
    platform,
    at,
    JSON.stringify({ connection: {}, ...settings }),
  );
  for (const [remote, variantId] of Object.entries(links)) link(db, remote, variantId);
  const clock = new TestClock();
  return {
    shop,
    db,
    clock,
    puller: (connector, pageSize) => createOrderPuller({ db, clock, connectorFor: () => connector, secretsOf: () => [SECRET], pageSize }),
  };
}

export function link(db: Db, remoteVariantId: string, variantId: number): void {
  db.prepare('INSERT INTO channel_links (channel_id, variant_id, remote_variant_id, created_at) VALUES (?, ?, ?, ?)').run(
    CH,
    variantId,
    remoteVariantId,
    new Date(T0).toISOString(),
  );
}

export interface Level {
  onHand: number;
  committed: number;
}
export const level = (db: Db, variantId: number, locationId = 1): Level =>
  db.prepare<[number, number], Level>('SELECT on_hand AS onHand, committed FROM stock_levels WHERE variant_id = ? AND location_id = ?').get(variantId, locationId) ?? {
    onHand: 0,
    committed: 0,
  };

export interface ChannelOrderView {
  id: number;
  remoteOrderId: string;
  orderId: number | null;
  state: string;
  status: string | null;
  orderNumber: string | null;
}
export const channelOrders = (db: Db): ChannelOrderView[] =>
  db
    .prepare<[number], ChannelOrderView>(
      `SELECT co.id, co.remote_order_id AS remoteOrderId, co.order_id AS orderId, co.state, o.status, o.order_number AS orderNumber
       FROM channel_orders co LEFT JOIN orders o ON o.id = co.order_id WHERE co.channel_id = ? ORDER BY co.id`,
    )
    .all(CH);

export interface LineView {
  variantId: number | null;
  sku: string;
  quantity: number;
  unitPrice: number;
}
export const linesOf = (db: Db, orderId: number | null): LineView[] =>
  db
    .prepare<[number], LineView>('SELECT variant_id AS variantId, sku, quantity, unit_price AS unitPrice FROM order_lines WHERE order_id = ? ORDER BY id')
    .all(orderId ?? -1);

export const orderRow = (db: Db, orderId: number | null) =>
  db
    .prepare<[number], { status: string; subtotal: number; total: number; currency: string; customerId: number | null; locationId: number; orderNumber: string }>(
      'SELECT status, subtotal, total, currency, customer_id AS customerId, location_id AS locationId, order_number AS orderNumber FROM orders WHERE id = ?',
    )
    .get(orderId ?? -1);

export const returnLines = (db: Db) =>
  db
    .prepare<[], { sku: string; quantity: number; refund: number; restocked: number }>(
      `SELECT ol.sku, rl.quantity, rl.refund_amount AS refund, rl.restocked FROM return_lines rl JOIN order_lines ol ON ol.id = rl.order_line_id ORDER BY rl.id`,
    )
    .all();

export const reviews = (db: Db, status = 'open') =>
  db
    .prepare<[number, string], { kind: string; subject: string; reasonKey: string; vals: string; remoteAnswer: string | null }>(
      'SELECT kind, subject, reason_key AS reasonKey, vals, remote_answer AS remoteAnswer FROM review_queue WHERE channel_id = ? AND status = ? ORDER BY id',
    )
    .all(CH, status);

export const watermark = (db: Db) =>
  db.prepare<[number], { value: string; overlapSeconds: number }>("SELECT value, overlap_seconds AS overlapSeconds FROM sync_watermarks WHERE channel_id = ? AND stream = 'orders'").get(CH);

export const saleRows = (db: Db) =>
  db
    .prepare<[], { variantId: number; locationId: number; delta: number; refType: string; refId: string }>(
      "SELECT variant_id AS variantId, location_id AS locationId, delta, ref_type AS refType, ref_id AS refId FROM stock_movements WHERE reason = 'sale' ORDER BY id",
    )
    .all();

/** Every level's on hand equals the sum of its ledger rows (the ledger's invariant). */
export const ledgerMismatches = (db: Db) =>
  db
    .prepare(
      `SELECT sl.variant_id, sl.location_id, sl.on_hand, COALESCE(SUM(m.delta), 0) AS ledger FROM stock_levels sl
       LEFT JOIN stock_movements m ON m.variant_id = sl.variant_id AND m.location_id = sl.location_id
       GROUP BY sl.variant_id, sl.location_id HAVING sl.on_hand <> COALESCE(SUM(m.delta), 0)`,
    )
    .all();

export const syncState = (db: Db) =>
  db
    .prepare<[number], { lastPullAt: string | null; lastPullOkAt: string | null; failingSince: string | null; lastErrorKey: string | null; pulledToday: number }>(
      `SELECT last_pull_at AS lastPullAt, last_pull_ok_at AS lastPullOkAt, failing_since AS failingSince, last_error_key AS lastErrorKey,
         pulled_today AS pulledToday FROM channel_sync_state WHERE channel_id = ?`,
    )
    .get(CH);

export const pullLog = (db: Db) =>
  db
    .prepare<[number], { summaryKey: string; params: string; request: string | null; answer: string | null }>(
      "SELECT summary_key AS summaryKey, summary_params AS params, request_excerpt AS request, answer_excerpt AS answer FROM sync_log WHERE channel_id = ? AND direction = 'pull' ORDER BY id",
    )
    .all(CH);

const capabilities: ConnectorCapabilities = {
  compareAndSet: false,
  idempotencyKeys: false,
  stockBatchSize: 100,
  priceBatchSize: 100,
  stockScope: 'variant',
  compareAtPrice: true,
  rateLimit: { kind: 'retry-after' },
  timestampPrecisionSeconds: 1,
};

/**
 * Orders in memory, served sorted by (updatedAt, id) from since − overlap, in pages of the
 * requested size; the cursor is the next index. `put` replaces an order by id (a remote change).
 */
export class OrdersSource implements Connector {
  readonly kind = 'fake-orders';
  readonly capabilities = capabilities;
  readonly requests: OrdersRequest[] = [];
  private readonly orders = new Map<string, RemoteOrder>();

  put(...orders: RemoteOrder[]): void {
    for (const order of orders) this.orders.set(order.remoteOrderId, structuredClone(order));
  }

  pullOrders(request: OrdersRequest): Promise<OrdersPage> {
    this.requests.push({ ...request });
    const from = request.since === null ? -Infinity : Date.parse(request.since) - request.overlapSeconds * 1000;
    const all = [...this.orders.values()]
      .filter((o) => Date.parse(o.updatedAt) >= from)
      .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.remoteOrderId.localeCompare(b.remoteOrderId));
    const start = request.cursor === null ? 0 : Number(request.cursor);
    const orders = all.slice(start, start + request.limit);
    const next = start + orders.length;
    return Promise.resolve({ orders: structuredClone(orders), nextCursor: next < all.length ? String(next) : null });
  }

  testConnection(): never {
    throw new Error('not used');
  }
  listLocations(): never {
    throw new Error('not used');
  }
  listVariants(): never {
    throw new Error('not used');
  }
  pushStock(): never {
    throw new Error('not used');
  }
  pushPrices(): never {
    throw new Error('not used');
  }
}

/** A remote order with sensible defaults: paid, placed and updated at `at`, USD, no location. */
export function remoteOrder(id: string, at: string, lines: RemoteOrder['lines'], patch: Partial<RemoteOrder> = {}): RemoteOrder {
  return {
    remoteOrderId: id,
    number: `#${id}`,
    status: 'paid',
    remoteStatus: 'PAID',
    placedAt: at,
    updatedAt: at,
    currency: 'USD',
    customerEmail: null,
    lines,
    remoteLocationId: null,
    ...patch,
  };
}

export function line(id: string, remoteVariantId: string | null, quantity: number, unitPrice: number, patch: Partial<RemoteOrder['lines'][number]> = {}): RemoteOrder['lines'][number] {
  return { remoteLineId: id, remoteVariantId, sku: remoteVariantId === null ? null : `SKU-${remoteVariantId}`, title: `Line ${id}`, quantity, refundedQuantity: 0, unitPrice, ...patch };
}
