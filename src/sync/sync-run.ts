// One sync pass for one channel, in this order:
//   1. orders in (order-puller.ts: incremental from the watermark; it records pull health itself);
//   2. prices out (price-push.ts), after an incremental read of the remote catalogue
//      (remote-catalog.ts) so the three-way compare sees today's remote prices;
//   3. stock out (push-worker.ts).
// 'pull' runs step 1 only; 'push' runs 2 and 3 (2 only when price rows are due, so a push
// triggered by a local stock change does not re-read the catalogue).
//
// Each push step's outcome goes to channel_sync_state (pushSucceeded with the count, or
// pushFailed with the reason) and a whole-step failure to sync_log; afterwards the channel's
// sync_status says 'failing' while failing_since is set, and 'sync.status' is emitted (plus
// 'data.changed' when orders were created or updated). A failure never throws: it is returned as
// `failure` (an AppError with the connector's reason key) for sync.run's job to report.
// Throttling: time a connector reports it spent waiting for the rate limit is added to today's
// throttle figure. Cancel: the AbortSignal is checked between steps and handed to the puller and catalogue read.
import type { Db } from '../db/open.js';
import type { CoreEvent } from '../events.js';
import { AppError } from '../shared/app-error.js';
import type { Clock } from '../shared/clock.js';
import { cancelledError } from '../jobs/runner.js';
import { channelStoreOf } from './channel-store.js';
import { ConnectorError, type Connector, type ReasonText } from './connector.js';
import { parseSettings, type SyncEngine } from './engine.js';
import { createOrderPuller } from './order-puller.js';
import { recordJobChanges } from '../audit/recorder.js';
import { createOutboxStore } from './outbox-store.js';
import { createPricePusher } from './price-push.js';
import { createSyncStateStore } from './pull-state-store.js';
import { createPushWorker } from './push-worker.js';
import { createRemoteEditRecheck } from './remote-edit-recheck.js';
import { reason } from './reasons.js';
import { readRemoteCatalog } from './remote-catalog.js';
import { reasonOf, remoteFailure } from './remote-errors.js';

export type PassKind = 'all' | 'pull' | 'push';

export interface PassControl {
  signal: AbortSignal;
  onProgress?(done: number, total: number, phase: string): void;
}

export interface PassSummary {
  channelId: number;
  what: PassKind;
  /** No step failed as a whole (item failures are review items, not a failed pass). */
  ok: boolean;
  /** The first whole-step failure, as the person sees it. */
  failure: AppError | null;
  pulled: { created: number; updated: number; held: number } | null;
  stockPushed: number;
  pricesPushed: number;
}

export interface SyncRunDeps {
  db: Db;
  clock: Clock;
  engine: SyncEngine;
  emit(event: CoreEvent): void;
  /** The connectors' request timeout: the push worker checks again after a call this long (late writes). */
  requestTimeoutMs?: number;
}

/** Progress phases of a sync.run job (renderer i18n: jobs.phase.*). */
export const syncPhases = { orders: 'jobs.phase.syncOrders', prices: 'jobs.phase.syncPrices', stock: 'jobs.phase.syncStock' } as const;

/** Time the connector spent pacing for the platform's rate limit so far, where it reports it (Shopify's stats.waitedMs). */
function waitedMs(connector: unknown): number | null {
  if (connector === null || typeof connector !== 'object' || !('stats' in connector)) return null;
  const stats: unknown = connector.stats;
  if (stats === null || typeof stats !== 'object' || !('waitedMs' in stats)) return null;
  return typeof stats.waitedMs === 'number' ? stats.waitedMs : null;
}

/**
 * The connector with every whole-call failure remembered: the puller and workers report a failed
 * step as a reason only, and the job's error should keep the failure's kind (auth → PERMISSION).
 */
function remembering(connector: Connector, remember: (error: ConnectorError) => void): Connector {
  const watch = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ConnectorError) remember(error);
      throw error;
    }
  };
  return {
    kind: connector.kind,
    capabilities: connector.capabilities,
    testConnection: () => watch(() => connector.testConnection()),
    listLocations: () => watch(() => connector.listLocations()),
    listVariants: (page) => watch(() => connector.listVariants(page)),
    pullOrders: (request) => watch(() => connector.pullOrders(request)),
    pushStock: (items) => watch(() => connector.pushStock(items)),
    pushPrices: (items) => watch(() => connector.pushPrices(items)),
  };
}

const isAbort = (error: unknown): boolean =>
  (error instanceof Error && error.name === 'AbortError') || (error instanceof AppError && error.code === 'CANCELLED');

export async function runSyncPass(deps: SyncRunDeps, channelId: number, what: PassKind, control: PassControl): Promise<PassSummary> {
  const { db, clock, engine } = deps;
  const nowIso = () => clock.now().toISOString();
  const channels = channelStoreOf(db);
  const state = createSyncStateStore(db);
  const summary: PassSummary = { channelId, what, ok: true, failure: null, pulled: null, stockPushed: 0, pricesPushed: 0 };
  let lastConnectorError: ConnectorError | null = null;
  const connectorFor = (id: number): Connector => remembering(engine.connectorFor(id), (error) => void (lastConnectorError = error));
  const secretsOf = (id: number) => engine.secretsOf(id);
  const steps = what === 'all' ? 3 : what === 'pull' ? 1 : 2;
  let step = 0;
  const progress = (phase: string) => control.onProgress?.(step, steps, phase);

  /** The pass failed: the first failure is what the job reports. */
  const noteFailure = (error: unknown): void => {
    if (summary.failure === null) summary.failure = remoteFailure(error);
    summary.ok = false;
  };
  /** A step failed as a whole: recorded in the channel's health (failing_since, last error). */
  const failed = (error: unknown, direction: 'pull' | 'push'): void => {
    const why: ReasonText = reasonOf(error);
    const at = nowIso();
    if (direction === 'pull') state.pullFailed(channelId, why, at);
    else state.pushFailed(channelId, why, at);
    noteFailure(error);
  };
  /** The error behind a step that ended with a reason only: the connector's own when it threw it (its kind decides the code). */
  const errorFor = (why: ReasonText, direction: 'pull' | 'push'): unknown => {
    const seen: ConnectorError | null = lastConnectorError;
    if (seen !== null && seen.reason.key === why.key) return seen;
    return new AppError('CONFLICT', `The ${direction} step of the sync failed (${why.key}).`, { key: why.key, params: why.params });
  };

  const before = channels.get(channelId)?.syncStatus;
  // The Channels page shows the pass as running from now on.
  deps.emit({ name: 'sync.status', payload: { channelId } });
  let waitedBefore: number | null = null;
  let connector: unknown = null;
  try {
    // A connection that cannot even be built (credentials unreadable) fails the pass here, recorded.
    try {
      connector = engine.connectorFor(channelId);
      waitedBefore = waitedMs(connector);
    } catch (error) {
      failed(error, what === 'push' ? 'push' : 'pull');
      channels.log({ channelId, at: nowIso(), direction: what === 'push' ? 'push' : 'pull', summary: reason('sync.log.passFailed', { reason: reasonOf(error).key }), answerExcerpt: null });
      return summary;
    }

    if (what !== 'push') {
      progress(syncPhases.orders);
      const puller = createOrderPuller({ db, clock, connectorFor, secretsOf });
      try {
        const pulled = await puller.runOnce(channelId, { signal: control.signal });
        // The puller recorded the failure in the channel's health itself.
        if (pulled.status === 'failed') noteFailure(errorFor(pulled.error ?? reason('syncUnexpected'), 'pull'));
        summary.pulled = { created: pulled.created, updated: pulled.updated, held: pulled.held };
        if (pulled.created + pulled.updated > 0) {
          recordJobChanges(db, clock, { kind: 'ordersPulled', area: 'channels', origin: 'sync', drainCaptures: false, subject: `channel:${channelId}`, summary: `orders in: ${pulled.created} new, ${pulled.updated} updated`, extra: { channelId, ...summary.pulled } });
          // Orders now in may explain "stock edited on the channel" items the push raised before.
          createRemoteEditRecheck(db).recheck(channelId, nowIso());
          deps.emit({ name: 'data.changed', payload: { areas: ['orders', 'stock'] } });
        }
      } catch (error) {
        if (isAbort(error)) throw error;
        failed(error, 'pull');
      }
      step += 1;
    }

    if (what !== 'pull') {
      control.signal.throwIfAborted();
      const hasLinks = channels.counts(channelId).links > 0;
      const pricesDue = createOutboxStore(db).due(channelId, 'price', nowIso(), 1).length > 0;
      if (hasLinks && (what === 'all' || pricesDue)) {
        progress(syncPhases.prices);
        const pricer = createPricePusher({
          db,
          clock,
          connectorFor,
          secretsOf,
          refreshRemote: async (id) => {
            await readRemoteCatalog({ db, connector: connectorFor(id), channelId: id, clock, mode: 'incremental', signal: control.signal });
          },
        });
        try {
          const prices = await pricer.runOnce(channelId);
          summary.pricesPushed = prices.pushed;
          if (prices.error && prices.pushed === 0) failed(errorFor(prices.error, 'push'), 'push');
          else if (prices.pushed > 0) state.pushSucceeded(channelId, prices.pushed, nowIso());
        } catch (error) {
          if (isAbort(error)) throw error;
          failed(error, 'push');
        }
      }
      step += 1;
      control.signal.throwIfAborted();
      progress(syncPhases.stock);
      const worker = createPushWorker({ db, clock, connectorFor, secretsOf, ...(deps.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: deps.requestTimeoutMs }) });
      try {
        const stock = await worker.runOnce(channelId);
        summary.stockPushed = stock.applied;
        if (stock.error && stock.applied === 0) failed(errorFor(stock.error, 'push'), 'push');
        // Only a push that reached the channel is a success (an empty queue proves nothing about its health).
        else if (stock.applied > 0) state.pushSucceeded(channelId, stock.applied, nowIso());
      } catch (error) {
        if (isAbort(error)) throw error;
        failed(error, 'push');
      }
      step += 1;
    }
    progress(syncPhases.stock);
    return summary;
  } catch (error) {
    if (!isAbort(error)) throw error;
    summary.ok = false;
    summary.failure = cancelledError();
    return summary;
  } finally {
    const waitedAfter = waitedMs(connector);
    if (waitedBefore !== null && waitedAfter !== null && waitedAfter > waitedBefore) state.addThrottleWait(channelId, waitedAfter - waitedBefore, nowIso());
    settleStatus(deps, channelId, before);
  }
}

/** The channel's sync_status follows its health; every pass tells the faces to re-read it. */
function settleStatus(deps: SyncRunDeps, channelId: number, before: string | undefined): void {
  const channels = channelStoreOf(deps.db);
  const channel = channels.get(channelId);
  if (channel && parseSettings(channel.settings) && (channel.syncStatus === 'connected' || channel.syncStatus === 'failing')) {
    const failing = createSyncStateStore(deps.db).get(channelId)?.failingSince ?? null;
    const next = failing === null ? 'connected' : 'failing';
    if (next !== before) channels.setStatus(channelId, next, deps.clock.now().toISOString());
  }
  deps.emit({ name: 'sync.status', payload: { channelId } });
}
