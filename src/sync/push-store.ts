// The push worker's reads and writes besides the outbox: the link it pushes for (and the
// last-pushed quantity it records there), the review queue and the sync log.
import type { Db } from '../db/open.js';
import type { ReasonText } from './connector.js';

export interface PushLink {
  id: number;
  variantId: number;
  remoteVariantId: string;
  remoteInventoryItemId: string | null;
  syncedQuantity: number | null;
  syncedAt: string | null;
  buffer: number | null;
  shareBasisPoints: number | null;
}

export type ReviewKind = 'remote_stock_edit' | 'failed_item';

export interface ReviewInput {
  channelId: number;
  kind: ReviewKind;
  subject: string;
  vals: Record<string, string | number | null>;
  reason: ReasonText;
  remoteAnswer: string | null;
  at: string;
}

export interface LogInput {
  channelId: number;
  at: string;
  summary: ReasonText;
  /** Already redacted (redact.ts logExcerpt). */
  requestExcerpt: string | null;
  answerExcerpt: string | null;
}

export function createPushStore(db: Db) {
  const link = db.prepare<[number, number], PushLink>(
    `SELECT id, variant_id AS variantId, remote_variant_id AS remoteVariantId, remote_inventory_item_id AS remoteInventoryItemId,
       synced_quantity AS syncedQuantity, synced_at AS syncedAt, buffer, share_basis_points AS shareBasisPoints
     FROM channel_links WHERE channel_id = ? AND variant_id = ?`,
  );
  const setSynced = db.prepare<[number, string, number]>('UPDATE channel_links SET synced_quantity = ?, synced_at = ? WHERE id = ?');
  const settings = db.prepare<[number], { settings: string | null }>('SELECT settings FROM channels WHERE id = ?');
  // Net units the channel's own orders took off its count since the last push: orders imported
  // after it (not cancelled: an order placed and cancelled since nets nothing), less orders taken in
  // before it and cancelled since (the platform put their units back). They explain a remote figure
  // that differs from what Shopdesk set; only what they do not explain is an edit on the channel.
  const soldSince = db.prepare<{ channelId: number; variantId: number; since: string }, { units: number }>(
    `SELECT COALESCE(SUM(CASE
         WHEN co.imported_at > @since AND o.status <> 'cancelled' THEN ol.quantity
         WHEN co.imported_at <= @since AND o.status = 'cancelled' AND o.cancelled_at > @since THEN -ol.quantity
         ELSE 0 END), 0) AS units
     FROM order_lines ol JOIN channel_orders co ON co.order_id = ol.order_id JOIN orders o ON o.id = ol.order_id
     WHERE ol.variant_id = @variantId AND co.channel_id = @channelId`,
  );
  // One open item per (channel, kind, subject): a repeat updates it and counts the attempt.
  const review = db.prepare<[number, string, string, string, string, string, string | null, string, string]>(
    `INSERT INTO review_queue (channel_id, kind, subject, vals, reason_key, reason_params, remote_answer, attempts, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
     ON CONFLICT (channel_id, kind, subject) WHERE status = 'open' DO UPDATE SET
       vals = excluded.vals, reason_key = excluded.reason_key, reason_params = excluded.reason_params,
       remote_answer = excluded.remote_answer, attempts = attempts + 1, updated_at = excluded.updated_at`,
  );
  const log = db.prepare<[number, string, string, string, string | null, string | null]>(
    `INSERT INTO sync_log (channel_id, at, direction, summary_key, summary_params, request_excerpt, answer_excerpt)
     VALUES (?, ?, 'push', ?, ?, ?, ?)`,
  );

  return {
    channelSettings(channelId: number): string | null | undefined {
      return settings.get(channelId)?.settings;
    },
    link(channelId: number, variantId: number): PushLink | undefined {
      return link.get(channelId, variantId);
    },
    recordPushed(linkId: number, quantity: number, at: string): void {
      setSynced.run(quantity, at, linkId);
    },
    soldSince(channelId: number, variantId: number, since: string | null): number {
      return since === null ? 0 : (soldSince.get({ channelId, variantId, since })?.units ?? 0);
    },
    review(item: ReviewInput): void {
      review.run(
        item.channelId,
        item.kind,
        item.subject,
        JSON.stringify(item.vals),
        item.reason.key,
        JSON.stringify(item.reason.params),
        item.remoteAnswer,
        item.at,
        item.at,
      );
    },
    log(entry: LogInput): void {
      log.run(entry.channelId, entry.at, entry.summary.key, JSON.stringify(entry.summary.params), entry.requestExcerpt, entry.answerExcerpt);
    },
  };
}

export type PushStore = ReturnType<typeof createPushStore>;
