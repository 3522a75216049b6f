// Prices out (issue 14, point 5): each due 'price' outbox row (queued by the variants trigger, a
// new link, a remote edit seen in the catalogue read, or an "accept local" in the review queue)
// is compared field by field — price and compare-at separately — between the last synced base,
// the local variant and the remote catalogue row (price-compare.ts, by the channel's ownership).
// What needs no call (accept the remote value as base, record an agreement, open a review item) is
// written at once; what must be sent goes out with the stock worker's protocol (push-protocol.ts,
// outbox-store.ts): key committed before the call, batches of capabilities.priceBatchSize, then
// one transaction that moves the synced base to what was sent and completes the row. A crash
// anywhere leaves the row queued under its key; pushing a price twice is harmless anyway.
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { defaultBackoff, type BackoffPolicy } from './backoff.js';
import type { ChannelSettings } from './channel-settings.js';
import { ConnectorError, type Connector, type PricePushItem, type ReasonText } from './connector.js';
import { createOutboxStore, type OutboxRow, type OutboxStore } from './outbox-store.js';
import { decideField, effectiveRemote, priceFields, reviewReasonKey, type FieldDecision, type FieldValues, type PriceField } from './price-compare.js';
import { createPricePushStore, priceSubject, type LocalPrices, type OwedPush, type PriceLink, type PricePushStore, type RemotePrices } from './price-push-store.js';
import { backOffRow, outcomeFor, parseChannelSettings, sendInBatches, type BackoffDeps, type Outcome, type PushRunStatus } from './push-protocol.js';
import { createPushStore, type PushStore } from './push-store.js';
import { reason } from './reasons.js';
import { logExcerpt } from './redact.js';
import { z } from 'zod';

export interface PricePusherOptions {
  db: Db;
  connectorFor(channelId: number): Connector | Promise<Connector>;
  clock: Clock;
  /** Jitter source in [0, 1); injected so tests get fixed retry times. */
  random?: () => number;
  /** The channel's secrets, masked in every log excerpt. */
  secretsOf?: (channelId: number) => readonly string[];
  /** Re-reads the channel's remote catalogue (incremental) so the compare sees today's remote prices. */
  refreshRemote?(channelId: number): Promise<void>;
  backoff?: BackoffPolicy;
  /** Most outbox rows handled per pass. */
  rowsPerPass?: number;
  outbox?: OutboxStore;
}

export interface PricePushSummary {
  status: PushRunStatus;
  /** Rows whose prices were sent and applied. */
  pushed: number;
  /** Fields whose base moved without a call: remote accepted (channel owns) or both sides agreeing. */
  accepted: number;
  /** 'conflict' review items opened or refreshed. */
  reviews: number;
  /** Rows backed off for a later try. */
  retrying: number;
  /** Rows that failed for good (a failed_item review item each). */
  failed: number;
  error: ReasonText | null;
}

interface Pending {
  row: OutboxRow;
  link: PriceLink;
  version: number;
  item: PricePushItem;
  pushed: Map<PriceField, { value: number | null; remote: number | null; overwritesRemote: boolean }>;
  owed: OwedPush[];
}

/** What review-service.ts writes into an "accept local" resolution: the value owed to the channel. */
const owedValsSchema = z.object({ pushValue: z.number().int().nullable() });

const emptySummary = (status: PushRunStatus, error: ReasonText | null = null): PricePushSummary => ({
  status,
  pushed: 0,
  accepted: 0,
  reviews: 0,
  retrying: 0,
  failed: 0,
  error,
});

export function createPricePusher(options: PricePusherOptions) {
  const { db, clock } = options;
  const outbox = options.outbox ?? createOutboxStore(db);
  const store: PricePushStore = createPricePushStore(db);
  const common: PushStore = createPushStore(db);
  const backoffDeps: BackoffDeps = { outbox, clock, random: options.random ?? Math.random, policy: options.backoff ?? defaultBackoff };
  const rowsPerPass = options.rowsPerPass ?? 500;
  const running = new Set<number>();
  const nowIso = () => clock.now().toISOString();

  function valuesOf(field: PriceField, link: PriceLink, local: LocalPrices, remote: RemotePrices | undefined): FieldValues {
    const pick = (prices: RemotePrices | LocalPrices) => (field === 'price' ? prices.price : prices.compareAtPrice);
    return {
      base: field === 'price' ? link.syncedPrice : link.syncedCompareAtPrice,
      // A synced price is never null, so a null synced price means "never synced" for both fields.
      baseKnown: link.syncedPrice !== null,
      local: pick(local),
      remote: remote ? pick(remote) : null,
      remoteKnown: remote !== undefined && (field !== 'price' || remote.price !== null),
    };
  }

  /** Compares both fields of one row; writes what needs no call; returns the push owed, if any. */
  function evaluate(channelId: number, settings: ChannelSettings, connector: Connector, row: OutboxRow, summary: PricePushSummary): Omit<Pending, 'version'> | null {
    const link = store.link(channelId, row.variantId);
    const local = store.local(channelId, row.variantId);
    // Unlinked (or the variant deleted) since it was queued: nothing is owed to this channel any more.
    if (!link || !local) {
      outbox.complete(row.id, row.version);
      return null;
    }
    const remote = store.remote(channelId, link.remoteVariantId);
    const owedRows = store.owedPushes(channelId, row.variantId);
    const at = nowIso();
    const decisions = new Map<PriceField, { decision: FieldDecision; values: FieldValues }>();
    const keepOwed: OwedPush[] = [];
    const dropOwed: OwedPush[] = [];
    for (const field of priceFields) {
      if (field === 'compareAtPrice' && !connector.capabilities.compareAtPrice) continue;
      const values = valuesOf(field, link, local, remote);
      const owed = owedRows.find((o) => o.subject === priceSubject(row.variantId, field));
      const owedValue = owed ? parseOwed(owed.vals) : undefined;
      if (owed && owedValue !== undefined && owedValue === values.local) {
        // A person chose "accept local" for this field: push it whatever the owner says.
        keepOwed.push(owed);
        decisions.set(field, { values, decision: { action: 'push', value: values.local, overwritesRemote: effectiveRemote(values) !== values.local } });
        continue;
      }
      // Edited again since the choice: the new local value goes through the normal compare.
      if (owed) dropOwed.push(owed);
      decisions.set(field, { values, decision: decideField(values, settings.ownership[field]) });
    }

    const pushes = [...decisions.values()].some((d) => d.decision.action === 'push');
    db.transaction(() => {
      for (const owed of dropOwed) store.settleOwed(owed.id);
      for (const [field, { decision, values }] of decisions) {
        const subject = priceSubject(row.variantId, field);
        if (decision.action === 'accept' || decision.action === 'record') {
          store.setBase(link.id, field, decision.value);
          store.closeConflict(channelId, subject, at);
          summary.accepted += 1;
        } else if (decision.action === 'review') {
          store.review({
            channelId,
            kind: 'conflict',
            subject,
            vals: { field, lastSynced: decision.lastSynced, local: decision.local, remote: decision.remote },
            reason: reason(reviewReasonKey(decision.reason), { variantId: row.variantId, field }),
            remoteAnswer: null,
            at,
          });
          summary.reviews += 1;
        } else if (decision.action === 'none' && values.local === effectiveRemote(values)) {
          store.closeConflict(channelId, subject, at);
        }
      }
      if (!pushes) outbox.complete(row.id, row.version);
    })();
    if (!pushes) return null;

    const pushed: Pending['pushed'] = new Map();
    const sent = (field: PriceField): number | null => {
      const entry = decisions.get(field);
      if (!entry) return field === 'price' ? local.price : local.compareAtPrice;
      if (entry.decision.action === 'push') {
        pushed.set(field, { value: entry.decision.value, remote: effectiveRemote(entry.values), overwritesRemote: entry.decision.overwritesRemote });
        return entry.decision.value;
      }
      // Not pushed (in review, channel-owned, unchanged): send what the channel holds, so it stays.
      return effectiveRemote(entry.values);
    };
    const price = sent('price') ?? local.price;
    const compareAtPrice = connector.capabilities.compareAtPrice ? sent('compareAtPrice') : local.compareAtPrice;
    return {
      row,
      link,
      pushed,
      owed: keepOwed,
      item: { ref: String(row.id), remoteVariantId: link.remoteVariantId, remoteProductId: link.remoteProductId, price, compareAtPrice, idempotencyKey: null },
    };
  }

  function settle(channelId: number, pending: Pending, outcome: Outcome, summary: PricePushSummary): void {
    const { row, link, item } = pending;
    if (outcome.outcome === 'callFailed') {
      backOffRow(backoffDeps, row, outcome.reason, outcome.retryAfterMs);
      summary.retrying += 1;
      summary.error = outcome.reason;
      return;
    }
    if (outcome.outcome === 'failed' && !outcome.retryable) {
      const secrets = options.secretsOf?.(channelId) ?? [];
      db.transaction(() => {
        store.review({
          channelId,
          kind: 'failed_item',
          subject: priceSubject(row.variantId, 'price'),
          vals: { remoteVariantId: link.remoteVariantId, price: item.price, compareAtPrice: item.compareAtPrice, lastSynced: link.syncedPrice },
          reason: outcome.reason,
          remoteAnswer: outcome.answerExcerpt === null ? null : logExcerpt(outcome.answerExcerpt, secrets),
          at: nowIso(),
        });
        // Retrying would fail the same way; a person retries from the review queue.
        outbox.complete(row.id, pending.version);
      })();
      summary.failed += 1;
      return;
    }
    if (outcome.outcome !== 'applied') {
      // Refused, so not applied: the next try gets a key of its own.
      outbox.renewKey(row.id);
      backOffRow(backoffDeps, row, outcome.outcome === 'failed' ? outcome.reason : reason('sync.push.priceRefused'), null);
      summary.retrying += 1;
      return;
    }
    const at = nowIso();
    db.transaction(() => {
      for (const [field, push] of pending.pushed) {
        store.setBase(link.id, field, push.value);
        store.closeConflict(channelId, priceSubject(row.variantId, field), at);
        if (push.overwritesRemote) {
          common.log({
            channelId,
            at,
            summary: reason('sync.log.remotePriceOverwritten', { variantId: row.variantId, field, remote: push.remote ?? '', local: push.value ?? '' }),
            requestExcerpt: null,
            answerExcerpt: null,
          });
        }
      }
      for (const owed of pending.owed) store.settleOwed(owed.id);
      store.recordRemote(channelId, link.remoteVariantId, { price: item.price, compareAtPrice: item.compareAtPrice }, at);
      outbox.complete(row.id, pending.version);
    })();
    summary.pushed += 1;
  }

  async function pass(channelId: number): Promise<PricePushSummary> {
    const settings = parseChannelSettings(common.channelSettings(channelId));
    if (!settings) return emptySummary('notConfigured', reason('sync.push.channelNotConfigured'));
    if (settings.paused) return emptySummary('paused');
    const connector = await options.connectorFor(channelId);
    const summary = emptySummary('done');
    if (options.refreshRemote) {
      try {
        await options.refreshRemote(channelId);
      } catch (error) {
        // Comparing against a stale remote could push over an edit made there: wait for a good
        // read. A cancellation or a bug is not a remote failure: it goes up.
        if (!(error instanceof ConnectorError)) throw error;
        return { ...summary, error: error.reason };
      }
    }
    store.enqueueDrift(channelId, connector.capabilities.compareAtPrice, nowIso());

    const round: Pending[] = [];
    for (const row of outbox.due(channelId, 'price', nowIso(), rowsPerPass)) {
      const owed = evaluate(channelId, settings, connector, row, summary);
      if (!owed) continue;
      // Committed before anything is sent: a retry after a lost answer reuses it.
      const key = outbox.issueKey(row.id);
      if (!key) continue;
      round.push({ ...owed, version: key.version, item: { ...owed.item, idempotencyKey: connector.capabilities.idempotencyKeys ? key.idempotencyKey : null } });
    }
    if (round.length === 0) return summary;
    const outcomes = await sendInBatches({
      channelId,
      items: round.map((p) => p.item),
      batchSize: connector.capabilities.priceBatchSize,
      call: (batch) => connector.pushPrices(batch),
      log: (entry) => common.log(entry),
      secrets: options.secretsOf?.(channelId) ?? [],
      nowIso,
      sentKey: 'sync.log.pricesPushed',
      failedKey: 'sync.log.pricePushFailed',
    });
    for (const pending of round) settle(channelId, pending, outcomeFor(outcomes, pending.item.ref), summary);
    return summary;
  }

  return {
    /** One pass over the channel's due price rows; a second call while one runs returns 'busy'. */
    async runOnce(channelId: number): Promise<PricePushSummary> {
      if (running.has(channelId)) return emptySummary('busy');
      running.add(channelId);
      try {
        return await pass(channelId);
      } finally {
        running.delete(channelId);
      }
    },
  };
}

function parseOwed(vals: string): number | null | undefined {
  try {
    const parsed = owedValsSchema.safeParse(JSON.parse(vals));
    return parsed.success ? parsed.data.pushValue : undefined;
  } catch {
    return undefined;
  }
}

export type PricePusher = ReturnType<typeof createPricePusher>;
