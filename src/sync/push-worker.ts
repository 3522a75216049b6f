// The stock push worker: sends each channel what it may sell of every variant queued in the
// outbox (kind 'stock'; one row per variant, coalesced by the triggers). `runOnce(channelId)` is
// one pass; the scheduler that calls it is not here. Protocol per round of rows (outbox-store.ts):
//   ONE commit of every row's key (and what its request sends) → pushStock (batches of
//   capabilities.stockBatchSize) → ONE commit that settles the round: records pushed quantities on
//   the links and deletes rows no newer change arrived for, backs off, files review items.
// Two commits a round instead of two a row: that is what lets 10,000 rows keep up with Shopify's
// cost bucket. A kill between any two steps leaves the rows queued with their keys, so the next
// pass resends the same requests under the same keys (applied once; stock is set absolutely).
// Lost answers: on a compare-and-set platform the write may have landed, so a later refusal that
// reports the figure sent then is our own write (sent_quantities), not a remote edit; without
// compare-and-set a late arrival could overwrite a newer push, so the row is pushed once more
// after it could have landed (check_state 'verify', verifyDelayMs).
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
  /**
   * Without compare-and-set: how long after a push that followed an unanswered attempt the row
   * is pushed once more, so a late arrival of that attempt is overwritten. At least twice the
   * connector's request timeout; default 2 × requestTimeoutMs.
   */
  verifyDelayMs?: number;
  /** The connectors' request timeout (engine.ts requestTimeoutMs; default 30 s): a call this long had an unanswered request. */
  requestTimeoutMs?: number;
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
  /** Of the applied rows, those kept for a verification push after an earlier unanswered attempt. */
  verifying: number;
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
  /** The next round's key must be new: the last request was refused, or this is a verification push. */
  renew: boolean;
}

const reason = (key: string, params: Record<string, string | number> = {}): ReasonText => ({ key, params });
const subjectOf = (variantId: number) => `variant:${variantId}:stock`;
/** Where an item's stock lives remotely, as sync_outbox.sent_quantities keys it ('' = per variant). */
const targetOf = (item: Pick<StockPushItem, 'remoteLocationId'>) => item.remoteLocationId ?? '';

export function createPushWorker(options: PushWorkerOptions) {
  const { db, clock } = options;
  const random = options.random ?? Math.random;
  const outbox = options.outbox ?? createOutboxStore(db);
  const store: PushStore = createPushStore(db);
  const stock: StockSource = createStockSource(db);
  const rowsPerPass = options.rowsPerPass ?? 500;
  const maxStaleRetries = options.maxStaleRetries ?? 2;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const verifyDelayMs = options.verifyDelayMs ?? 2 * requestTimeoutMs;
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

  /**
   * Sends in the platform's batch size. `slow` collects the refs of every call that ran for at
   * least the request timeout: some request inside it went unanswered (a connector that reads
   * back and resends after a timeout still reports "applied"), so it may yet land late.
   */
  function send(channelId: number, connector: Connector, items: StockPushItem[], slow: Set<string>): Promise<Map<string, Outcome>> {
    return sendInBatches({
      channelId,
      items,
      batchSize: connector.capabilities.stockBatchSize,
      call: async (batch) => {
        const started = clock.now().getTime();
        try {
          return await connector.pushStock(batch);
        } finally {
          if (clock.now().getTime() - started >= requestTimeoutMs) for (const item of batch) slow.add(item.ref);
        }
      },
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

  /**
   * A refused compare-and-set reported `remote`. Explained (no review item) when it is what
   * Shopdesk last set, or what it sent under a key whose answer was lost (the write landed, the
   * answer did not), in both cases less the units this channel's orders took since. Anything
   * else is a remote edit: a person changed stock on the channel.
   */
  function noteRemoteEdit(channelId: number, pending: Pending, target: string, remote: number, local: number): boolean {
    const { link } = pending;
    const unanswered = outbox.sentQuantities(pending.row.id)[target] ?? [];
    if (link.syncedQuantity === null && unanswered.length === 0) return false;
    const candidates = [...(link.syncedQuantity === null ? [] : [{ quantity: link.syncedQuantity, at: link.syncedAt }]), ...unanswered];
    const explains = (candidate: { quantity: number; at: string | null }) =>
      remote === candidate.quantity || remote === candidate.quantity - store.soldSince(channelId, link.variantId, candidate.at);
    if (candidates.some(explains)) return false;
    const sold = store.soldSince(channelId, link.variantId, link.syncedAt);
    const lastSynced = link.syncedQuantity ?? unanswered[unanswered.length - 1]?.quantity ?? null;
    const explained = lastSynced === null ? null : lastSynced - sold;
    store.review({
      channelId,
      kind: 'remote_stock_edit',
      subject: subjectOf(link.variantId),
      vals: { lastSynced, syncedAt: link.syncedAt, soldSince: sold, expectedRemote: explained, remote, local },
      reason: reason('sync.review.remoteStockEdit', { variantId: link.variantId, remote, expected: explained ?? '' }),
      remoteAnswer: null,
      at: nowIso(),
    });
    return true;
  }

  async function pass(channelId: number): Promise<PushRunSummary> {
    const summary: PushRunSummary = { status: 'done', applied: 0, retrying: 0, failed: 0, remoteEdits: 0, verifying: 0, error: null };
    const settings = parseChannelSettings(store.channelSettings(channelId));
    if (!settings) return { ...summary, status: 'notConfigured', error: reason('sync.push.channelNotConfigured') };
    if (settings.paused) return { ...summary, status: 'paused' };
    const connector = await options.connectorFor(channelId);
    const feeds = stock.feeds(channelId);
    if (connector.capabilities.stockScope === 'location' && feeds.length === 0) {
      return { ...summary, status: 'notConfigured', error: reason('sync.push.noLocationMapped') };
    }

    let round: Pending[] = [];
    const unlinked: OutboxRow[] = [];
    for (const row of outbox.due(channelId, 'stock', nowIso(), rowsPerPass)) {
      const link = store.link(channelId, row.variantId);
      if (link) round.push({ row, link, version: row.version, idempotencyKey: '', planned: [], expectedByRef: new Map(), renew: row.checkState === 'verify' });
      else unlinked.push(row);
    }
    // Unlinked since it was queued: nothing is owed to this channel any more.
    if (unlinked.length > 0) db.transaction(() => unlinked.forEach((row) => outbox.complete(row.id, row.version)))();

    for (let attempt = 0; round.length > 0; attempt += 1) {
      round = prepareRound(channelId, settings, connector, round, feeds);
      const keyed = connector.capabilities.idempotencyKeys;
      const items = round.flatMap((p) => p.planned.map((planned) => ({ ...planned.item, idempotencyKey: keyed ? p.idempotencyKey : null })));
      const slow = new Set<string>();
      const outcomes = await send(channelId, connector, items, slow);
      const next: Pending[] = [];
      // The whole round's results in one commit; a crash before it leaves every row queued with its key.
      db.transaction(() => {
        for (const pending of round) {
          const results = pending.planned.map((planned) => outcomeFor(outcomes, planned.item.ref));
          const unanswered = pending.planned.some((planned) => slow.has(planned.item.ref));
          if (settle(channelId, connector, pending, results, unanswered, attempt, summary) === 'again') next.push(pending);
        }
      })();
      round = next;
    }
    return summary;
  }

  /**
   * Plans every row at the current local stock and commits their keys, with what each request
   * sends, in ONE transaction BEFORE anything is sent (the crash-safety rule). Immediate, so no
   * other writer moves a version between the stock read and the key that labels it.
   */
  function prepareRound(channelId: number, settings: ChannelSettings, connector: Connector, round: Pending[], feeds: RemoteLocationFeed[]): Pending[] {
    return db.transaction(() => {
      const at = nowIso();
      const requests = round.map((pending) => {
        pending.planned = plan(channelId, settings, connector, pending, feeds);
        const sent = Object.fromEntries(pending.planned.map((planned) => [targetOf(planned.item), planned.quantity]));
        return { id: pending.row.id, renew: pending.renew, sent, at };
      });
      const keys = outbox.issueKeys(requests);
      return round.filter((pending) => {
        const key = keys.get(pending.row.id);
        if (!key) return false; // gone meanwhile (completed elsewhere, unlinked)
        pending.version = key.version;
        pending.idempotencyKey = key.idempotencyKey;
        pending.renew = false;
        return true;
      });
    }).immediate();
  }

  /** One row's results of a round; runs inside the round's settling transaction. */
  function settle(channelId: number, connector: Connector, pending: Pending, results: Outcome[], slow: boolean, attempt: number, summary: PushRunSummary): 'again' | 'settled' {
    const { row, link } = pending;
    const callFailed = results.find((r): r is CallFailed => r.outcome === 'callFailed');
    // Without compare-and-set nothing would refuse a request of this row that lands after a later
    // push: remember it went unanswered, so the push that settles the row is verified later.
    if ((slow || callFailed?.mayHaveApplied === true) && !connector.capabilities.compareAndSet) outbox.markUnsure(row.id);
    if (callFailed) {
      backOff(row, callFailed.reason, callFailed.retryAfterMs);
      summary.retrying += 1;
      summary.error = callFailed.reason;
      return 'settled';
    }
    const permanent = results.find((r) => r.outcome === 'failed' && !r.retryable);
    if (permanent && permanent.outcome === 'failed') {
      const secrets = options.secretsOf?.(channelId) ?? [];
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

    const total = pending.planned.reduce((sum, planned) => sum + planned.quantity, 0);
    store.recordPushed(link.id, total, nowIso());
    // After an unanswered attempt (no compare-and-set), wait out a late arrival of it, then push once more.
    const verifyAt = connector.capabilities.compareAndSet ? null : new Date(clock.now().getTime() + verifyDelayMs).toISOString();
    if (outbox.applied(row.id, pending.version, verifyAt) === 'verify') summary.verifying += 1;
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
    const only = pending.planned.length === 1 ? pending.planned[0] : undefined;
    if (only && remote[0] !== null && remote[0] !== undefined) {
      if (noteRemoteEdit(channelId, pending, targetOf(only.item), remote[0], only.quantity)) summary.remoteEdits += 1;
    }
    if (attempt >= maxStaleRetries) {
      outbox.renewKey(row.id); // refused, so not applied: the next try gets its own key
      backOff(row, reason('sync.push.staleRetriesExhausted', { attempts: attempt + 1 }), null);
      summary.retrying += 1;
      return 'settled';
    }
    for (const result of stale) if (result.outcome === 'stale' && result.remoteQuantity !== null) pending.expectedByRef.set(result.ref, result.remoteQuantity);
    const link = store.link(channelId, row.variantId);
    if (!link) return 'settled';
    pending.link = link;
    // The refused request was not applied; its retry has another base, so it gets another key
    // (committed with the next round's keys, before that round is sent).
    pending.renew = true;
    return 'again';
  }

  return {
    /** One pass over the channel's due stock rows; a second call while one runs returns 'busy'. */
    async runOnce(channelId: number): Promise<PushRunSummary> {
      if (running.has(channelId)) return { status: 'busy', applied: 0, retrying: 0, failed: 0, remoteEdits: 0, verifying: 0, error: null };
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
