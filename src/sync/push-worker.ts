// The stock push worker: sends each channel what it may sell of every variant queued in the
// outbox (kind 'stock'; one row per variant, coalesced by the triggers). `runOnce(channelId)` is
// one pass; the scheduler that calls it is not here. Protocol per row (outbox-store.ts):
//   key committed → pushStock (batches of capabilities.stockBatchSize) → one transaction that
//   records the pushed quantity on the link and deletes the row if no newer change arrived.
// A kill between any two steps leaves the row queued with its key, so the next pass resends the
// same request under the same key (the platform applies it once; stock is set absolutely anyway).
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { defaultBackoff, type BackoffPolicy } from './backoff.js';
import { stockRuleOf, type ChannelSettings } from './channel-settings.js';
import type { Connector, ReasonText, StockPushItem } from './connector.js';
import { createOutboxStore, type OutboxRow, type OutboxStore } from './outbox-store.js';
import { backOffRow, outcomeFor, parseChannelSettings, sendInBatches, type BackoffDeps, type CallFailed, type Outcome } from './push-protocol.js';
import { createPushStore, type PushLink, type PushStore } from './push-store.js';
import { logExcerpt } from './redact.js';
import { createStockSource, type RemoteLocationFeed, type StockSource } from './stock-source.js';

export interface PushWorkerOptions {
  db: Db;
  connectorFor(channelId: number): Connector | Promise<Connector>;
  clock: Clock;
  /** Jitter source in [0, 1); injected so tests get fixed retry times. */
  random?: () => number;
  /** The channel's secrets, masked in every log excerpt. */
  secretsOf?: (channelId: number) => readonly string[];
  /** Most outbox rows claimed per pass. */
  rowsPerPass?: number;
  /** Extra rounds after a refused compare-and-set before the row backs off. */
  maxStaleRetries?: number;
  backoff?: BackoffPolicy;
  outbox?: OutboxStore;
}

export type PushRunStatus = 'done' | 'busy' | 'paused' | 'notConfigured';

export interface PushRunSummary {
  status: PushRunStatus;
  /** Rows whose push was applied (deleted, or kept for a newer change). */
  applied: number;
  /** Rows backed off for a later try. */
  retrying: number;
  /** Rows that failed for good (a failed_item review item each). */
  failed: number;
  /** remote_stock_edit review items recorded. */
  remoteEdits: number;
  /** Why the pass did nothing, or why a whole call failed. */
  error: ReasonText | null;
}

interface Planned {
  item: StockPushItem;
  /** For the link: the remote figure after this item applies. */
  quantity: number;
}

interface Pending {
  row: OutboxRow;
  link: PushLink;
  version: number;
  idempotencyKey: string;
  planned: Planned[];
  /** Next round's compare-and-set base per ref (the remote figure a stale answer reported). */
  expectedByRef: Map<string, number>;
}

const reason = (key: string, params: Record<string, string | number> = {}): ReasonText => ({ key, params });
const subjectOf = (variantId: number) => `variant:${variantId}:stock`;

export function createPushWorker(options: PushWorkerOptions) {
  const { db, clock } = options;
  const random = options.random ?? Math.random;
  const outbox = options.outbox ?? createOutboxStore(db);
  const store: PushStore = createPushStore(db);
  const stock: StockSource = createStockSource(db);
  const rowsPerPass = options.rowsPerPass ?? 500;
  const maxStaleRetries = options.maxStaleRetries ?? 2;
  const backoffDeps: BackoffDeps = { outbox, clock, random, policy: options.backoff ?? defaultBackoff };
  const running = new Set<number>();

  const nowIso = () => clock.now().toISOString();

  /** The items for a row at the current local stock; one per remote location where stock lives per location. */
  function plan(channelId: number, settings: ChannelSettings, connector: Connector, pending: Pick<Pending, 'row' | 'link' | 'expectedByRef'>, feeds: RemoteLocationFeed[]): Planned[] {
    const { row, link } = pending;
    const rule = stockRuleOf(settings);
    const override = { buffer: link.buffer, shareBasisPoints: link.shareBasisPoints };
    const cas = connector.capabilities.compareAndSet;
    const targets =
      connector.capabilities.stockScope === 'location'
        ? feeds.map((feed) => ({ ref: `${row.id}@${feed.remoteLocationId}`, remoteLocationId: feed.remoteLocationId, scope: feed.scope }))
        : [{ ref: String(row.id), remoteLocationId: null, scope: stock.channelScope(channelId) }];
    return targets.map((target) => {
      const quantity = stock.toPublish(row.variantId, target.scope, rule, override);
      // The link keeps one last-synced figure: a compare-and-set base only when one target uses it.
      const base = targets.length === 1 ? link.syncedQuantity : null;
      return {
        quantity,
        item: {
          ref: target.ref,
          remoteVariantId: link.remoteVariantId,
          remoteInventoryItemId: link.remoteInventoryItemId,
          remoteLocationId: target.remoteLocationId,
          quantity,
          expectedQuantity: cas ? (pending.expectedByRef.get(target.ref) ?? base) : null,
          idempotencyKey: null,
        },
      };
    });
  }

  function send(channelId: number, connector: Connector, items: StockPushItem[]): Promise<Map<string, Outcome>> {
    return sendInBatches({
      channelId,
      items,
      batchSize: connector.capabilities.stockBatchSize,
      call: (batch) => connector.pushStock(batch),
      log: (entry) => store.log(entry),
      secrets: options.secretsOf?.(channelId) ?? [],
      nowIso,
      sentKey: 'sync.log.stockPushed',
      failedKey: 'sync.log.stockPushFailed',
    });
  }

  function backOff(row: OutboxRow, why: ReasonText, retryAfterMs: number | null): void {
    backOffRow(backoffDeps, row, why, retryAfterMs);
  }

  /** Remote figure moved by someone else: not what Shopdesk last set, less the units its orders took. */
  function noteRemoteEdit(channelId: number, pending: Pending, remote: number, local: number): boolean {
    const { link } = pending;
    if (link.syncedQuantity === null) return false;
    const sold = store.soldSince(channelId, link.variantId, link.syncedAt);
    const explained = link.syncedQuantity - sold;
    if (remote === explained) return false;
    store.review({
      channelId,
      kind: 'remote_stock_edit',
      subject: subjectOf(link.variantId),
      vals: { lastSynced: link.syncedQuantity, soldSince: sold, expectedRemote: explained, remote, local },
      reason: reason('sync.review.remoteStockEdit', { variantId: link.variantId, remote, expected: explained }),
      remoteAnswer: null,
      at: nowIso(),
    });
    return true;
  }

  async function pass(channelId: number): Promise<PushRunSummary> {
    const summary: PushRunSummary = { status: 'done', applied: 0, retrying: 0, failed: 0, remoteEdits: 0, error: null };
    const settings = parseChannelSettings(store.channelSettings(channelId));
    if (!settings) return { ...summary, status: 'notConfigured', error: reason('sync.push.channelNotConfigured') };
    if (settings.paused) return { ...summary, status: 'paused' };
    const connector = await options.connectorFor(channelId);
    const feeds = stock.feeds(channelId);
    if (connector.capabilities.stockScope === 'location' && feeds.length === 0) {
      return { ...summary, status: 'notConfigured', error: reason('sync.push.noLocationMapped') };
    }

    let round: Pending[] = [];
    for (const row of outbox.due(channelId, 'stock', nowIso(), rowsPerPass)) {
      const link = store.link(channelId, row.variantId);
      // Unlinked since it was queued: nothing is owed to this channel any more.
      if (!link) {
        outbox.complete(row.id, row.version);
        continue;
      }
      // Committed before anything is sent: a retry after a lost answer reuses it.
      const key = outbox.issueKey(row.id);
      if (!key) continue;
      round.push({ row, link, version: key.version, idempotencyKey: key.idempotencyKey, planned: [], expectedByRef: new Map() });
    }

    for (let attempt = 0; round.length > 0; attempt += 1) {
      for (const pending of round) pending.planned = plan(channelId, settings, connector, pending, feeds);
      const keyed = connector.capabilities.idempotencyKeys;
      const items = round.flatMap((p) => p.planned.map((planned) => ({ ...planned.item, idempotencyKey: keyed ? p.idempotencyKey : null })));
      const outcomes = await send(channelId, connector, items);
      const next: Pending[] = [];
      for (const pending of round) {
        const results = pending.planned.map((planned) => outcomeFor(outcomes, planned.item.ref));
        const verdict = settle(channelId, pending, results, attempt, summary);
        if (verdict === 'again') next.push(pending);
      }
      round = next;
    }
    return summary;
  }

  function settle(channelId: number, pending: Pending, results: Outcome[], attempt: number, summary: PushRunSummary): 'again' | 'settled' {
    const { row, link } = pending;
    const callFailed = results.find((r): r is CallFailed => r.outcome === 'callFailed');
    if (callFailed) {
      backOff(row, callFailed.reason, callFailed.retryAfterMs);
      summary.retrying += 1;
      summary.error = callFailed.reason;
      return 'settled';
    }
    const permanent = results.find((r) => r.outcome === 'failed' && !r.retryable);
    if (permanent && permanent.outcome === 'failed') {
      const secrets = options.secretsOf?.(channelId) ?? [];
      db.transaction(() => {
        store.review({
          channelId,
          kind: 'failed_item',
          subject: subjectOf(row.variantId),
          vals: { remoteVariantId: link.remoteVariantId, local: pending.planned[0]?.quantity ?? null, lastSynced: link.syncedQuantity },
          reason: permanent.reason,
          remoteAnswer: permanent.answerExcerpt === null ? null : logExcerpt(permanent.answerExcerpt, secrets),
          at: nowIso(),
        });
        // Retrying would fail the same way; a person resolves it, and the next stock change queues the variant again.
        outbox.complete(row.id, pending.version);
      })();
      summary.failed += 1;
      return 'settled';
    }
    const retryable = results.find((r) => r.outcome === 'failed');
    if (retryable && retryable.outcome === 'failed') {
      // The platform answered "not applied": unlike a lost answer, the retry needs a key of its
      // own, or a platform that caches answers by key would replay this failure.
      outbox.renewKey(row.id);
      backOff(row, retryable.reason, null);
      summary.retrying += 1;
      return 'settled';
    }
    const stale = results.filter((r) => r.outcome === 'stale');
    if (stale.length > 0) {
      // Locations that did apply now hold what was sent: that is their base in the next round.
      for (const [index, result] of results.entries()) {
        const planned = pending.planned[index];
        if (result.outcome === 'applied' && planned) pending.expectedByRef.set(result.ref, planned.quantity);
      }
      return settleStale(channelId, pending, stale, attempt, summary);
    }

    db.transaction(() => {
      const total = pending.planned.reduce((sum, planned) => sum + planned.quantity, 0);
      store.recordPushed(link.id, total, nowIso());
      outbox.complete(row.id, pending.version);
    })();
    summary.applied += 1;
    return 'settled';
  }

  function settleStale(channelId: number, pending: Pending, stale: Outcome[], attempt: number, summary: PushRunSummary): 'again' | 'settled' {
    const { row } = pending;
    const remote = stale.map((r) => (r.outcome === 'stale' ? r.remoteQuantity : null));
    if (remote.some((q) => q === null)) {
      // Without the remote figure there is no safe compare-and-set base: try again later.
      outbox.renewKey(row.id); // refused, so not applied: the next try gets its own key
      backOff(row, reason('sync.push.staleWithoutRemote'), null);
      summary.retrying += 1;
      return 'settled';
    }
    if (pending.planned.length === 1 && remote[0] !== null && remote[0] !== undefined) {
      if (noteRemoteEdit(channelId, pending, remote[0], pending.planned[0]?.quantity ?? 0)) summary.remoteEdits += 1;
    }
    if (attempt >= maxStaleRetries) {
      outbox.renewKey(row.id); // refused, so not applied: the next try gets its own key
      backOff(row, reason('sync.push.staleRetriesExhausted', { attempts: attempt + 1 }), null);
      summary.retrying += 1;
      return 'settled';
    }
    for (const result of stale) if (result.outcome === 'stale' && result.remoteQuantity !== null) pending.expectedByRef.set(result.ref, result.remoteQuantity);
    // The refused request was not applied; its retry has another base, so it gets another key.
    const key = outbox.renewKey(row.id);
    if (!key) return 'settled';
    const link = store.link(channelId, row.variantId);
    if (!link) return 'settled';
    pending.link = link;
    pending.version = key.version;
    pending.idempotencyKey = key.idempotencyKey;
    return 'again';
  }

  return {
    /** One pass over the channel's due stock rows; a second call while one runs returns 'busy'. */
    async runOnce(channelId: number): Promise<PushRunSummary> {
      if (running.has(channelId)) return { status: 'busy', applied: 0, retrying: 0, failed: 0, remoteEdits: 0, error: null };
      running.add(channelId);
      try {
        return await pass(channelId);
      } finally {
        running.delete(channelId);
      }
    },
  };
}

export type PushWorker = ReturnType<typeof createPushWorker>;
