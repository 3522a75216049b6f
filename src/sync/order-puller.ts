// The order puller: reads a channel's new and changed orders through its connector and applies
// them to the shop (channel-order-writer.ts). `runOnce(channelId)` is one incremental pass; the
// scheduler that calls it, and the events the service layer emits, are not here.
//
// Incremental and crash-safe (issue 14, "Orders in"):
// - Each pass asks for orders updated since the 'orders' watermark, widened by an overlap of
//   max(connector's timestamp precision, 120 s) for remote clock skew and one-second timestamps;
//   the first pass asks for everything (since null).
// - Every page is one transaction: its orders, its sync_log row and the watermark (the newest
//   remote updatedAt committed, only ever moving forward). A kill between pages keeps the pages
//   before it; channel_orders is unique per (channel, remote id), so a re-read updates or leaves
//   alone, never duplicates.
// - Connectors do not all page in updatedAt order (WooCommerce pages by id), so after a page
//   that is not the last the stored overlap reaches back to where the pass started (for a first
//   pull: to the epoch). A pass killed between pages therefore re-reads from its own start
//   (harmless: unchanged orders change nothing) and cannot skip an order a later page held. The
//   last page puts the overlap back to the normal one.
// - One malformed or unappliable order becomes a 'failed_item' review row (its redacted answer
//   kept) and the pass goes on. A whole-call failure (ConnectorError) ends the pass as 'failed'
//   and records it in channel_sync_state (failing_since from the first failure).
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { AppError } from '../shared/app-error.js';
import { channelSettingsSchema, type ChannelSettings } from './channel-settings.js';
import { createChannelOrderWriter, OrderApplyError } from './channel-order-writer.js';
import { ConnectorError, type Connector, type OrdersPage, type OrdersRequest, type ReasonText } from './connector.js';
import { createSyncStateStore } from './pull-state-store.js';
import { reason } from './reasons.js';
import { logExcerpt } from './redact.js';
import { remoteOrderSchema } from './remote-order-schema.js';

/** Re-read at least this far behind the watermark, whatever the platform's timestamp precision. */
export const safetyOverlapSeconds = 120;

export interface OrderPullerOptions {
  db: Db;
  connectorFor(channelId: number): Connector | Promise<Connector>;
  clock: Clock;
  /** The channel's secrets, masked in every log excerpt and review answer. */
  secretsOf?(channelId: number): readonly string[];
  /** Orders asked for per page (the connector may cap it lower). */
  pageSize?: number;
}

export interface PullRunOptions {
  /** Checked before each page is requested and before it is committed. */
  signal?: AbortSignal;
  /** After each committed page: orders received so far in this pass. */
  onProgress?(done: number): void;
}

export interface PullRunSummary {
  status: 'done' | 'paused' | 'notConfigured' | 'failed';
  created: number;
  updated: number;
  unchanged: number;
  /** Orders of this pass left waiting on unlinked lines. */
  held: number;
  pages: number;
  error: ReasonText | null;
}

interface PageCounts {
  created: number;
  updated: number;
  unchanged: number;
  held: number;
  failed: number;
}

const timeOf = (text: unknown): number | null => (typeof text === 'string' && !Number.isNaN(Date.parse(text)) ? Date.parse(text) : null);

export function createOrderPuller(options: OrderPullerOptions) {
  const { db, clock } = options;
  const writer = createChannelOrderWriter(db);
  const store = writer.store;
  const syncState = createSyncStateStore(db);
  const pageSize = Math.max(1, options.pageSize ?? 100);
  const nowIso = () => clock.now().toISOString();

  function settingsOf(channelId: number): ChannelSettings | null {
    const text = store.channelSettings(channelId);
    if (text === null || text === undefined) return null;
    try {
      const parsed = channelSettingsSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  function failedItem(channelId: number, raw: unknown, why: ReasonText, detail: string | null, secrets: readonly string[], at: string): void {
    const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const id = typeof record.remoteOrderId === 'string' && record.remoteOrderId !== '' ? record.remoteOrderId : '?';
    const number = typeof record.number === 'string' ? record.number : null;
    store.review({
      channelId,
      kind: 'failed_item',
      subject: `order:${id}`,
      vals: { remoteOrderId: id, orderNumber: number, detail: detail === null ? null : logExcerpt(detail, secrets, 500) },
      reason: why,
      remoteAnswer: logExcerpt(JSON.stringify(raw) ?? 'undefined', secrets),
      at,
    });
  }

  /** One page in one transaction: orders, log row, watermark. */
  function commitPage(channelId: number, request: OrdersRequest, page: OrdersPage, watermark: { value: string; overlapSeconds: number } | null, secrets: readonly string[]): PageCounts {
    const at = nowIso();
    const counts: PageCounts = { created: 0, updated: 0, unchanged: 0, held: 0, failed: 0 };
    db.transaction(() => {
      for (const raw of page.orders) {
        const parsed = remoteOrderSchema.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          failedItem(channelId, raw, reason('sync.pull.orderInvalid', { field: issue ? issue.path.join('.') : '' }), issue?.message ?? null, secrets, at);
          counts.failed += 1;
          continue;
        }
        const order = parsed.data;
        try {
          // A savepoint per order: one that fails leaves no half-written rows, the page goes on.
          const outcome = db.transaction(() => writer.apply(channelId, order, at))();
          counts[outcome.change] += 1;
          if (outcome.held) counts.held += 1;
          if (outcome.change !== 'unchanged') store.resolveReview(channelId, 'failed_item', `order:${order.remoteOrderId}`, at);
        } catch (error) {
          const why =
            error instanceof OrderApplyError
              ? error.reason
              : error instanceof AppError
                ? reason(error.details.key ?? 'sync.pull.orderNotApplied', { order: order.number })
                : reason('sync.pull.orderNotApplied', { order: order.number });
          failedItem(channelId, raw, why, error instanceof Error ? error.message : null, secrets, at);
          counts.failed += 1;
        }
      }
      store.log({
        channelId,
        at,
        summary: reason('sync.log.pulledOrders', { orders: page.orders.length, ...counts }),
        requestExcerpt: logExcerpt(JSON.stringify(request), secrets),
        answerExcerpt: logExcerpt(JSON.stringify(page), secrets),
      });
      if (watermark) store.setWatermark(channelId, watermark.value, watermark.overlapSeconds, at);
    })();
    return counts;
  }

  async function pass(channelId: number, run: PullRunOptions): Promise<PullRunSummary> {
    const summary: PullRunSummary = { status: 'done', created: 0, updated: 0, unchanged: 0, held: 0, pages: 0, error: null };
    const settings = settingsOf(channelId);
    if (!settings) return { ...summary, status: 'notConfigured', error: reason('sync.pull.channelNotConfigured') };
    if (settings.paused) return { ...summary, status: 'paused' };
    const secrets = options.secretsOf?.(channelId) ?? [];
    syncState.pullStarted(channelId, nowIso());

    const fail = (error: ConnectorError, request: OrdersRequest | null): PullRunSummary => {
      const at = nowIso();
      db.transaction(() => {
        store.log({
          channelId,
          at,
          summary: reason('sync.log.pullFailed', { reason: error.reason.key, pages: summary.pages }),
          requestExcerpt: request === null ? null : logExcerpt(JSON.stringify(request), secrets),
          answerExcerpt: error.answerExcerpt === null ? null : logExcerpt(error.answerExcerpt, secrets),
        });
        syncState.pullFailed(channelId, error.reason, at);
      })();
      return { ...summary, status: 'failed', error: error.reason };
    };

    let connector: Connector;
    try {
      connector = await options.connectorFor(channelId);
    } catch (error) {
      if (error instanceof ConnectorError) return fail(error, null);
      throw error;
    }
    const baseOverlap = Math.max(connector.capabilities.timestampPrecisionSeconds, safetyOverlapSeconds);
    const stored = store.watermark(channelId);
    const since = stored?.value ?? null;
    const overlapSeconds = Math.max(baseOverlap, stored?.overlapSeconds ?? 0);
    // Where this pass starts reading (ms); null: from the beginning.
    const readsFrom = since === null ? null : (timeOf(since) ?? 0) - overlapSeconds * 1000;
    let newest = since === null ? null : timeOf(since);
    let cursor: string | null = null;
    let received = 0;
    do {
      run.signal?.throwIfAborted();
      const request: OrdersRequest = { since, overlapSeconds, cursor, limit: pageSize };
      let page: OrdersPage;
      try {
        page = await connector.pullOrders(request);
      } catch (error) {
        if (error instanceof ConnectorError) return fail(error, request);
        throw error;
      }
      run.signal?.throwIfAborted();
      for (const order of page.orders) {
        const t = timeOf((order as { updatedAt?: unknown }).updatedAt);
        if (t !== null && (newest === null || t > newest)) newest = t;
      }
      const last = page.nextCursor === null;
      // Mid-pass, the next pass must read back to where this one started (see the header).
      const reach = readsFrom ?? 0;
      const watermark =
        newest === null
          ? null
          : { value: new Date(newest).toISOString(), overlapSeconds: last ? baseOverlap : Math.max(baseOverlap, Math.ceil((newest - reach) / 1000)) };
      const counts = commitPage(channelId, request, page, watermark, secrets);
      summary.created += counts.created;
      summary.updated += counts.updated;
      summary.unchanged += counts.unchanged;
      summary.held += counts.held;
      summary.pages += 1;
      received += page.orders.length;
      run.onProgress?.(received);
      // A connector that hands back the cursor it was given would loop forever.
      if (page.nextCursor !== null && page.nextCursor === cursor) break;
      cursor = page.nextCursor;
    } while (cursor !== null);
    // Today's count is of orders that came in or changed, not of overlap re-reads.
    syncState.pullSucceeded(channelId, summary.created + summary.updated, nowIso());
    return summary;
  }

  return {
    /** One incremental pass over the channel's orders. */
    runOnce(channelId: number, run: PullRunOptions = {}): Promise<PullRunSummary> {
      return pass(channelId, run);
    },
  };
}

export type OrderPuller = ReturnType<typeof createOrderPuller>;
