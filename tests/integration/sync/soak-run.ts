// The soak loop and its end-state check (issue 14, "Soak"): for a bounded time, local stock
// changes go through the real stock service (ledger), remote orders and cancellations arrive
// through the emulator's side door, the real push worker (and order puller, when given) run pass
// after pass, and a seeded share of requests meets an injected fault — 5xx, connection reset, a
// delay past the client's timeout, an answer lost after the change was applied. Events also
// happen in the middle of a pass (between two requests), where the races are. Then faults stop,
// the sync drains, and `endState` compares everything a merchant would see.
import type { Db } from '../../../src/db/open.js';
import { Rng } from '../../../src/demo/prng.js';
import { createStockService } from '../../../src/inventory/stock-service.js';
import type { Clock } from '../../../src/shared/clock.js';
import type { Connector } from '../../../src/sync/connector.js';
import { availableToSell, type ChannelStockRule } from '../../../src/sync/available-to-sell.js';
import { createOutboxStore } from '../../../src/sync/outbox-store.js';
import { createPushWorker } from '../../../src/sync/push-worker.js';
import { buildConnector, secretsOf } from './soak-connectors.js';
import { type FaultKind, faultKinds, type RemoteOrderLine, type SoakPlatform } from './soak-platforms.js';
import { ledgerMismatches, STORE, WAREHOUSE, type RemoteLink, type SoakVariant } from './soak-shop.js';

/** What the order puller's runOnce returns that the soak reads (src/sync/order-puller.ts). */
export interface PullSummary {
  status: string;
  created: number;
  updated: number;
}
export interface SoakPuller {
  runOnce(channelId: number): Promise<PullSummary>;
}
export type MakePuller = (options: { db: Db; connectorFor: () => Connector; clock: Clock; secretsOf: () => readonly string[] }) => SoakPuller;

/** Wall time plus a skew the loop moves forward, so backed-off outbox rows come due without sleeping. */
export class SoakClock implements Clock {
  skewMs = 0;
  now(): Date {
    return new Date(Date.now() + this.skewMs);
  }
}

export interface SoakOptions {
  db: Db;
  platform: SoakPlatform;
  channelId: number;
  variants: readonly SoakVariant[];
  links: readonly RemoteLink[];
  seconds: number;
  seed: number;
  /** Share of requests that meet a fault (0.2 in the issue). */
  faultRate: number;
  /** How long a 'delay' fault holds a request: past the connector's timeout. */
  delayMs: number;
  /** Null: push only, and no remote orders either (nothing would bring them into the shop). */
  makePuller: MakePuller | null;
}

export interface Mismatch {
  sku: string;
  remote: number | null;
  expected: number;
}

export interface EndState {
  linked: number;
  mismatches: Mismatch[];
  remoteOrders: number;
  channelOrders: number;
  /** Remote orders with no channel_orders row. */
  missingOrders: string[];
  /** Remote order ids imported more than once, or channel orders sharing a local order. */
  duplicateOrders: number;
  /** Imported channel orders without exactly one local order. */
  ordersWithoutLocal: number;
  /** Orders cancelled on the channel whose local order is not cancelled. */
  cancelledStillOpen: string[];
  outbox: number;
  ledgerMismatches: number;
  /** Open review items by kind (remote_stock_edit, failed_item …), and one example's values. */
  reviews: Record<string, number>;
  reviewExample: string | null;
}

export interface SoakFigures {
  platform: string;
  seed: number;
  seconds: number;
  passes: number;
  requests: number;
  faultsQueued: Record<FaultKind, number>;
  faultsInjected: number;
  /** Requests resent after a fault with the same body (transport retries and keyed resends). */
  resends: number;
  /** The connector's own count of transport retries, where it keeps one. */
  connectorRetries: number | null;
  /** Outbox rows backed off for a later pass. */
  rowRetries: number;
  rowsApplied: number;
  localChanges: number;
  remoteOrders: number;
  cancellations: number;
  remoteEditReviews: number;
  drainRounds: number;
  end: EndState;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The channel rule the soak runs with: a buffer and a share, so rounding down is exercised. */
export const soakRule: ChannelStockRule = { buffer: 1, shareBasisPoints: 9000, cap: null };

export async function runSoak(options: SoakOptions): Promise<SoakFigures> {
  const { db, platform, channelId } = options;
  const rng = new Rng(options.seed);
  const clock = new SoakClock();
  const stock = createStockService(db, clock);
  const levelOf = db.prepare<[number, number], { onHand: number }>('SELECT on_hand AS onHand FROM stock_levels WHERE variant_id = ? AND location_id = ?');
  const queued: Record<FaultKind, number> = { 'http-error': 0, reset: 0, delay: 0, 'lose-answer': 0 };
  const counts = { requests: 0, resends: 0, localChanges: 0, remoteOrders: 0, cancellations: 0, passes: 0, rowRetries: 0, rowsApplied: 0, remoteEdits: 0 };
  const faulted = new Set<string>();
  let faultRate = options.faultRate;
  let midPassEvents = true;
  const open: string[] = [];
  const cancelled: string[] = [];
  // When a 'delay' fault holds a request, the server still applies it after the client gave up.
  let heldUntil = 0;

  function localChange(): void {
    const variant = rng.pick(options.variants);
    const locationId = rng.chance(0.7) ? WAREHOUSE : STORE;
    const onHand = levelOf.get(variant.id, locationId)?.onHand ?? 0;
    const delta = rng.int(-Math.min(3, onHand), 6);
    if (delta === 0) return;
    stock.adjust({ lines: [{ variantId: variant.id, locationId, delta, reasonCode: 'correction' }] }, 'soak');
    counts.localChanges += 1;
  }

  function remoteOrder(): void {
    if (!options.makePuller) return;
    if (open.length > 0 && rng.chance(0.15)) {
      const id = open.splice(rng.int(0, open.length - 1), 1)[0];
      if (id !== undefined) {
        platform.cancelOrder(id);
        cancelled.push(id);
        counts.cancellations += 1;
      }
      return;
    }
    const lines: RemoteOrderLine[] = [];
    for (let i = rng.int(1, 2); i > 0; i -= 1) {
      const link = rng.pick(options.links);
      const remote = platform.remoteQuantity(link) ?? 0;
      const sku = options.variants.find((v) => v.id === link.variantId)?.sku;
      if (remote < 1 || !sku || lines.some((l) => l.sku === sku)) continue;
      lines.push({ link, sku, quantity: rng.int(1, Math.min(3, remote)) });
    }
    if (lines.length === 0) return;
    const placed = platform.placeOrder(lines);
    open.push(placed);
    counts.remoteOrders += 1;
  }

  const faultyFetch: typeof globalThis.fetch = async (input, init) => {
    counts.requests += 1;
    const signature = `${init?.method ?? 'GET'} ${input instanceof Request ? input.url : String(input)} ${typeof init?.body === 'string' ? init.body : ''}`;
    if (faulted.delete(signature)) counts.resends += 1;
    // Someone acts while the sync is between two requests.
    if (midPassEvents && rng.chance(0.1)) {
      if (rng.chance(0.5)) localChange();
      else remoteOrder();
    }
    if (rng.chance(faultRate)) {
      const kind = rng.pick(faultKinds);
      platform.queueFault(kind, options.delayMs);
      queued[kind] += 1;
      if (kind === 'delay') heldUntil = Date.now() + options.delayMs + 50;
      faulted.add(signature);
    }
    return globalThis.fetch(input, init);
  };

  const built = buildConnector(platform.config, faultyFetch);
  const secrets = secretsOf(platform.config);
  const worker = createPushWorker({ db, clock, connectorFor: () => built.connector, random: () => rng.next(), secretsOf: () => secrets, backoff: { baseMs: 1000, maxMs: 8000 } });
  const puller = options.makePuller?.({ db, clock, connectorFor: () => built.connector, secretsOf: () => secrets }) ?? null;
  const outbox = createOutboxStore(db);

  async function pass(): Promise<{ pulled: number }> {
    // Without compare-and-set (WooCommerce) a held write that lands after a later push of the same
    // variant overwrites it, and nothing re-reads remote stock to notice until that variant
    // changes again (a known gap: no reconciliation read yet). Wait for held requests first.
    if (!built.connector.capabilities.compareAndSet && heldUntil > Date.now()) await sleep(heldUntil - Date.now());
    counts.passes += 1;
    const pulled = puller ? await puller.runOnce(channelId) : null;
    const pushed = await worker.runOnce(channelId);
    counts.rowRetries += pushed.retrying;
    counts.rowsApplied += pushed.applied;
    counts.remoteEdits += pushed.remoteEdits;
    return { pulled: pulled ? pulled.created + pulled.updated : 0 };
  }

  const deadline = Date.now() + options.seconds * 1000;
  while (Date.now() < deadline) {
    for (let i = rng.int(0, 3); i > 0; i -= 1) localChange();
    if (rng.chance(0.6)) remoteOrder();
    await pass();
    clock.skewMs += rng.int(500, 4000);
  }

  // Faults off; requests still held by a 'delay' fault land; then the sync catches up.
  faultRate = 0;
  midPassEvents = false;
  platform.clearFaults();
  await sleep(options.delayMs + 100);
  let drainRounds = 0;
  for (; drainRounds < 40; drainRounds += 1) {
    clock.skewMs += 3_600_000;
    const { pulled } = await pass();
    if (outbox.pendingCount(channelId) === 0 && pulled === 0) break;
  }

  const end = endState(db, platform, channelId, options.variants, options.links, soakRule, cancelled);
  return {
    platform: platform.kind,
    seed: options.seed,
    seconds: options.seconds,
    passes: counts.passes,
    requests: counts.requests,
    faultsQueued: queued,
    faultsInjected: platform.faultsInjected(),
    resends: counts.resends,
    connectorRetries: built.retries(),
    rowRetries: counts.rowRetries,
    rowsApplied: counts.rowsApplied,
    localChanges: counts.localChanges,
    remoteOrders: counts.remoteOrders,
    cancellations: counts.cancellations,
    remoteEditReviews: counts.remoteEdits,
    drainRounds,
    end,
  };
}

/** Everything that must hold once the sync has drained: compared against the emulator's own state. */
export function endState(
  db: Db,
  platform: SoakPlatform,
  channelId: number,
  variants: readonly SoakVariant[],
  links: readonly RemoteLink[],
  rule: ChannelStockRule,
  cancelled: readonly string[] = [],
): EndState {
  // Independent of the worker's stock source: all local stock feeds the channel in the soak.
  const available = db.prepare<[number], { available: number }>('SELECT COALESCE(SUM(on_hand - committed), 0) AS available FROM stock_levels WHERE variant_id = ?');
  const skuOf = new Map(variants.map((v) => [v.id, v.sku]));
  const mismatches: Mismatch[] = [];
  for (const link of links) {
    const expected = availableToSell(available.get(link.variantId)?.available ?? 0, rule);
    const remote = platform.remoteQuantity(link);
    if (remote !== expected) mismatches.push({ sku: skuOf.get(link.variantId) ?? String(link.variantId), remote, expected });
  }
  const imported = db
    .prepare<[number], { remoteOrderId: string; orderId: number | null; state: string }>(
      'SELECT remote_order_id AS remoteOrderId, order_id AS orderId, state FROM channel_orders WHERE channel_id = ?',
    )
    .all(channelId);
  const remoteIds = new Set(imported.map((row) => row.remoteOrderId));
  const orderIds = imported.flatMap((row) => (row.orderId === null ? [] : [row.orderId]));
  const localPerOrder = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM orders WHERE id = ?');
  const localStatus = db.prepare<[number, string], { status: string }>(
    'SELECT o.status FROM channel_orders co JOIN orders o ON o.id = co.order_id WHERE co.channel_id = ? AND co.remote_order_id = ?',
  );
  return {
    linked: links.length,
    mismatches,
    remoteOrders: platform.orders().length,
    channelOrders: imported.length,
    missingOrders: platform.orders().filter((id) => !remoteIds.has(id)),
    duplicateOrders: imported.length - remoteIds.size + (orderIds.length - new Set(orderIds).size),
    ordersWithoutLocal: imported.filter((row) => row.state === 'imported' && (row.orderId === null || localPerOrder.get(row.orderId)?.n !== 1)).length,
    cancelledStillOpen: cancelled.filter((id) => localStatus.get(channelId, id)?.status !== 'cancelled'),
    outbox: createOutboxStore(db).pendingCount(channelId),
    ledgerMismatches: ledgerMismatches(db).length,
    reviews: Object.fromEntries(
      db
        .prepare<[number], { kind: string; n: number }>("SELECT kind, COUNT(*) AS n FROM review_queue WHERE channel_id = ? AND status = 'open' GROUP BY kind ORDER BY kind")
        .all(channelId)
        .map((row) => [row.kind, row.n]),
    ),
    reviewExample:
      db.prepare<[number], { text: string }>("SELECT kind || ' ' || subject || ' ' || vals AS text FROM review_queue WHERE channel_id = ? AND status = 'open' ORDER BY id LIMIT 1").get(channelId)?.text ??
      null,
  };
}

export function printFigures(figures: SoakFigures): void {
  const { end } = figures;
  console.log(
    [
      `soak ${figures.platform} seed=${figures.seed} ${figures.seconds}s: ${figures.passes} passes, ${figures.requests} requests`,
      `  faults injected ${figures.faultsInjected} (queued ${JSON.stringify(figures.faultsQueued)}), resends ${figures.resends}, connector retries ${figures.connectorRetries ?? 'n/a'}, outbox row retries ${figures.rowRetries}`,
      `  local changes ${figures.localChanges}, remote orders ${figures.remoteOrders}, cancellations ${figures.cancellations}, remote-edit reviews ${figures.remoteEditReviews}, drain rounds ${figures.drainRounds}`,
      `  end: ${end.linked} linked, mismatches ${end.mismatches.length}, remote orders ${end.remoteOrders} / channel orders ${end.channelOrders}, missing ${end.missingOrders.length}, duplicates ${end.duplicateOrders}, cancelled but open ${end.cancelledStillOpen.length}, outbox ${end.outbox}, ledger mismatches ${end.ledgerMismatches}`,
      `  open review items ${JSON.stringify(end.reviews)}${end.reviewExample ? `, e.g. ${end.reviewExample}` : ''}`,
    ].join('\n'),
  );
}
