// SQL of the order puller's sync-side tables: channel_orders (each remote order once per channel,
// its snapshot and state), the 'orders' watermark, the review-queue rows for unlinked lines and
// failed orders, the pull's sync_log rows, and the reads that resolve a remote order (links,
// location map, the channel's settings). The local orders themselves: local-order-store.ts.
import type { Db } from '../db/open.js';
import type { ReasonText } from './connector.js';

export type ChannelOrderState = 'imported' | 'held' | 'ignored';

export interface ChannelOrderRow {
  id: number;
  channelId: number;
  remoteOrderId: string;
  remoteNumber: string | null;
  orderId: number | null;
  remoteUpdatedAt: string;
  remoteStatus: string;
  state: ChannelOrderState;
  importedAt: string;
  snapshot: string | null;
}

export interface Watermark {
  value: string;
  overlapSeconds: number;
}

export interface ReviewRow {
  channelId: number;
  kind: 'unlinked_line' | 'failed_item';
  subject: string;
  vals: Record<string, string | number | null>;
  reason: ReasonText;
  /** Already redacted (redact.ts). */
  remoteAnswer: string | null;
  at: string;
}

export interface PullLogInput {
  channelId: number;
  at: string;
  summary: ReasonText;
  /** Already redacted (redact.ts logExcerpt). */
  requestExcerpt: string | null;
  answerExcerpt: string | null;
}

const columns = `id, channel_id AS channelId, remote_order_id AS remoteOrderId, remote_number AS remoteNumber, order_id AS orderId,
  remote_updated_at AS remoteUpdatedAt, remote_status AS remoteStatus, state, imported_at AS importedAt, snapshot`;

export function createChannelOrderStore(db: Db) {
  const byRemote = db.prepare<[number, string], ChannelOrderRow>(`SELECT ${columns} FROM channel_orders WHERE channel_id = ? AND remote_order_id = ?`);
  const held = db.prepare<[number], ChannelOrderRow>(`SELECT ${columns} FROM channel_orders WHERE channel_id = ? AND state = 'held' ORDER BY id`);
  const insert = db.prepare<[number, string, string, string, string, string]>(
    `INSERT INTO channel_orders (channel_id, remote_order_id, remote_number, remote_updated_at, remote_status, state, imported_at)
     VALUES (?, ?, ?, ?, ?, 'imported', ?) ON CONFLICT (channel_id, remote_order_id) DO NOTHING`,
  );
  const update = db.prepare<{ id: number; orderId: number | null; remoteNumber: string; remoteUpdatedAt: string; remoteStatus: string; state: ChannelOrderState; snapshot: string }>(
    `UPDATE channel_orders SET order_id = @orderId, remote_number = @remoteNumber, remote_updated_at = @remoteUpdatedAt,
       remote_status = @remoteStatus, state = @state, snapshot = @snapshot WHERE id = @id`,
  );
  const watermark = db.prepare<[number], Watermark>(
    "SELECT value, overlap_seconds AS overlapSeconds FROM sync_watermarks WHERE channel_id = ? AND stream = 'orders'",
  );
  // Only forward: an older value never replaces a newer one (ISO-8601 UTC texts compare as times).
  const setWatermark = db.prepare<[number, string, number, string]>(
    `INSERT INTO sync_watermarks (channel_id, stream, value, overlap_seconds, updated_at) VALUES (?, 'orders', ?, ?, ?)
     ON CONFLICT (channel_id, stream) DO UPDATE SET
       value = CASE WHEN excluded.value > value THEN excluded.value ELSE value END,
       overlap_seconds = excluded.overlap_seconds, updated_at = excluded.updated_at`,
  );
  const review = db.prepare<[number, string, string, string, string, string, string | null, string, string]>(
    `INSERT INTO review_queue (channel_id, kind, subject, vals, reason_key, reason_params, remote_answer, attempts, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
     ON CONFLICT (channel_id, kind, subject) WHERE status = 'open' DO UPDATE SET
       vals = excluded.vals, reason_key = excluded.reason_key, reason_params = excluded.reason_params,
       remote_answer = excluded.remote_answer, attempts = attempts + 1, updated_at = excluded.updated_at`,
  );
  const resolve = db.prepare<[string, string, number, string, string]>(
    `UPDATE review_queue SET status = 'resolved', resolved_at = ?, updated_at = ?
     WHERE channel_id = ? AND kind = ? AND subject = ? AND status = 'open'`,
  );
  // A prefix compared exactly (LIKE would fold case and treat % and _ in remote ids as wildcards).
  const subjects = db.prepare<{ channelId: number; kind: string; status: string; prefix: string }, { subject: string }>(
    `SELECT DISTINCT subject FROM review_queue
     WHERE channel_id = @channelId AND kind = @kind AND status = @status AND substr(subject, 1, length(@prefix)) = @prefix`,
  );
  const log = db.prepare<[number, string, string, string, string | null, string | null]>(
    `INSERT INTO sync_log (channel_id, at, direction, summary_key, summary_params, request_excerpt, answer_excerpt)
     VALUES (?, ?, 'pull', ?, ?, ?, ?)`,
  );
  const settings = db.prepare<[number], { settings: string | null }>('SELECT settings FROM channels WHERE id = ?');
  const link = db.prepare<[number, string], { variantId: number }>(
    'SELECT variant_id AS variantId FROM channel_links WHERE channel_id = ? AND remote_variant_id = ?',
  );
  const mapped = db.prepare<[number, string], { locationId: number | null }>(
    `SELECT m.location_id AS locationId FROM channel_location_map m JOIN locations l ON l.id = m.location_id
     WHERE m.channel_id = ? AND m.remote_location_id = ? AND l.active = 1 AND l.kind <> 'transit'`,
  );

  return {
    byRemoteId: (channelId: number, remoteOrderId: string): ChannelOrderRow | undefined => byRemote.get(channelId, remoteOrderId),
    heldOrders: (channelId: number): ChannelOrderRow[] => held.all(channelId),
    /** The row for the remote order, inserted (state 'imported', no local order yet) when new. */
    claim(channelId: number, remoteOrderId: string, remoteNumber: string, remoteUpdatedAt: string, remoteStatus: string, at: string): { row: ChannelOrderRow; created: boolean } {
      const created = insert.run(channelId, remoteOrderId, remoteNumber, remoteUpdatedAt, remoteStatus, at).changes > 0;
      const row = byRemote.get(channelId, remoteOrderId);
      if (!row) throw new Error(`channel order ${remoteOrderId} vanished`);
      return { row, created };
    },
    save(row: { id: number; orderId: number | null; remoteNumber: string; remoteUpdatedAt: string; remoteStatus: string; state: ChannelOrderState; snapshot: string }): void {
      update.run(row);
    },
    watermark: (channelId: number): Watermark | undefined => watermark.get(channelId),
    setWatermark(channelId: number, value: string, overlapSeconds: number, at: string): void {
      setWatermark.run(channelId, value, Math.max(0, Math.ceil(overlapSeconds)), at);
    },
    review(item: ReviewRow): void {
      review.run(item.channelId, item.kind, item.subject, JSON.stringify(item.vals), item.reason.key, JSON.stringify(item.reason.params), item.remoteAnswer, item.at, item.at);
    },
    resolveReview(channelId: number, kind: ReviewRow['kind'], subject: string, at: string): void {
      resolve.run(at, at, channelId, kind, subject);
    },
    /** Review subjects of a kind in a status ('open', or 'ignored': a person's "drop this") starting with `prefix`. */
    reviewSubjects(channelId: number, kind: ReviewRow['kind'], status: 'open' | 'ignored', prefix: string): string[] {
      return subjects.all({ channelId, kind, status, prefix }).map((row) => row.subject);
    },
    log(entry: PullLogInput): void {
      log.run(entry.channelId, entry.at, entry.summary.key, JSON.stringify(entry.summary.params), entry.requestExcerpt, entry.answerExcerpt);
    },
    channelSettings: (channelId: number): string | null | undefined => settings.get(channelId)?.settings,
    linkedVariant: (channelId: number, remoteVariantId: string): number | undefined => link.get(channelId, remoteVariantId)?.variantId,
    /** The active shelf location a remote location maps to; undefined when unmapped (or mapped to "all stock"). */
    mappedLocation: (channelId: number, remoteLocationId: string): number | undefined => mapped.get(channelId, remoteLocationId)?.locationId ?? undefined,
  };
}

export type ChannelOrderStore = ReturnType<typeof createChannelOrderStore>;
