// The review queue's SQL (table review_queue, migration 0011): the paged list with counts per kind,
// settling one item (only while it is open, so two people cannot both resolve it), and the writes a
// resolution makes on the sync side — synced price bases, outbox backoff, releasing a held order.
import type { Db } from '../db/open.js';
import type { OutboxKind } from './outbox-store.js';
import type { PriceField } from './price-compare.js';

export const reviewKinds = ['conflict', 'unlinked_line', 'remote_stock_edit', 'failed_item'] as const;
export type ReviewKind = (typeof reviewKinds)[number];
export const reviewStatuses = ['open', 'resolved', 'ignored'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export interface ReviewRow {
  id: number;
  channelId: number;
  channelName: string;
  kind: ReviewKind;
  subject: string;
  vals: string;
  reasonKey: string;
  reasonParams: string;
  remoteAnswer: string | null;
  attempts: number;
  nextTryAt: string | null;
  status: ReviewStatus;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

export interface ReviewFilter {
  channelId: number | null;
  kind: ReviewKind | null;
  status: ReviewStatus;
}

const columns = `q.id, q.channel_id AS channelId, c.name AS channelName, q.kind, q.subject, q.vals, q.reason_key AS reasonKey,
  q.reason_params AS reasonParams, q.remote_answer AS remoteAnswer, q.attempts, q.next_try_at AS nextTryAt, q.status,
  q.created_at AS createdAt, q.updated_at AS updatedAt, q.resolved_at AS resolvedAt`;
const filtered = `q.status = @status AND (@channelId IS NULL OR q.channel_id = @channelId)`;

export function createReviewStore(db: Db) {
  const list = db.prepare<[ReviewFilter & { offset: number; limit: number }], ReviewRow>(
    `SELECT ${columns} FROM review_queue q JOIN channels c ON c.id = q.channel_id
     WHERE ${filtered} AND (@kind IS NULL OR q.kind = @kind)
     ORDER BY q.updated_at DESC, q.id DESC LIMIT @limit OFFSET @offset`,
  );
  const counts = db.prepare<[Omit<ReviewFilter, 'kind'>], { kind: ReviewKind; n: number }>(
    `SELECT q.kind, COUNT(*) AS n FROM review_queue q WHERE ${filtered} GROUP BY q.kind`,
  );
  const byId = db.prepare<[number], ReviewRow>(`SELECT ${columns} FROM review_queue q JOIN channels c ON c.id = q.channel_id WHERE q.id = ?`);
  const settle = db.prepare<[{ id: number; status: ReviewStatus; vals: string; nextTryAt: string | null; at: string }]>(
    `UPDATE review_queue SET status = @status, vals = @vals, next_try_at = @nextTryAt, resolved_at = @at, updated_at = @at
     WHERE id = @id AND status = 'open'`,
  );
  const setBase: Record<PriceField, ReturnType<typeof db.prepare<[number | null, number, number]>>> = {
    price: db.prepare<[number | null, number, number]>('UPDATE channel_links SET synced_price = ? WHERE channel_id = ? AND variant_id = ?'),
    compareAtPrice: db.prepare<[number | null, number, number]>(
      'UPDATE channel_links SET synced_compare_at_price = ? WHERE channel_id = ? AND variant_id = ?',
    ),
  };
  const linked = db.prepare<[number, number], { id: number; remoteVariantId: string }>(
    'SELECT id, remote_variant_id AS remoteVariantId FROM channel_links WHERE channel_id = ? AND variant_id = ?',
  );
  const variant = db.prepare<[number], { price: number; compareAtPrice: number | null; components: number }>(
    `SELECT price, compare_at_price AS compareAtPrice,
       (SELECT COUNT(*) FROM bundle_components b WHERE b.bundle_variant_id = v.id) AS components
     FROM variants v WHERE id = ?`,
  );
  const settleOwed = db.prepare<[number, string]>(
    `UPDATE review_queue SET next_try_at = NULL
     WHERE channel_id = ? AND kind = 'conflict' AND status = 'resolved' AND subject = ? AND next_try_at IS NOT NULL`,
  );
  const dueNow = db.prepare<[number, number, string]>(
    'UPDATE sync_outbox SET next_try_at = NULL WHERE channel_id = ? AND variant_id = ? AND kind = ?',
  );
  // Where a sync adjustment lands: a local location feeding the channel, else any; the one holding
  // most of the variant first (a decrease is then least likely to go below zero).
  const stockLocation = db.prepare<[number, number, number], { locationId: number }>(
    `SELECT l.id AS locationId FROM locations l LEFT JOIN stock_levels s ON s.location_id = l.id AND s.variant_id = ?
     WHERE l.active = 1 AND (NOT EXISTS (SELECT 1 FROM channel_location_map m WHERE m.channel_id = ? AND m.location_id IS NOT NULL)
       OR l.id IN (SELECT m.location_id FROM channel_location_map m WHERE m.channel_id = ?))
     ORDER BY COALESCE(s.on_hand, 0) DESC, l.id LIMIT 1`,
  );
  // An order held only for lines a person dropped on purpose is imported as it stands.
  const release = db.prepare<[number, string, number, string, string]>(
    `UPDATE channel_orders SET state = 'imported'
     WHERE channel_id = ? AND remote_order_id = ? AND state = 'held'
       AND NOT EXISTS (SELECT 1 FROM review_queue q WHERE q.channel_id = ? AND q.kind = 'unlinked_line' AND q.status = 'open'
         AND substr(q.subject, 1, length(?)) = ?)`,
  );

  // What a person recognises a variant by: its SKU and product (items store only the variant id).
  const variantName = db.prepare<[number], { sku: string; productTitle: string; productId: number }>(
    'SELECT v.sku AS sku, p.title AS productTitle, p.id AS productId FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ?',
  );

  return {
    variantName(variantId: number): { sku: string; productTitle: string; productId: number } | undefined {
      return variantName.get(variantId);
    },
    list(filter: ReviewFilter, offset: number, limit: number): ReviewRow[] {
      return list.all({ ...filter, offset, limit });
    },
    /** Items per kind under the filter's status and channel (the kind filter left out: the tabs show all). */
    counts(filter: Omit<ReviewFilter, 'kind'>): Map<ReviewKind, number> {
      return new Map(counts.all(filter).map((row) => [row.kind, row.n]));
    },
    get(id: number): ReviewRow | undefined {
      return byId.get(id);
    },
    /** Marks an open item resolved / ignored; false when it was no longer open. */
    settle(id: number, status: Exclude<ReviewStatus, 'open'>, vals: string, nextTryAt: string | null, at: string): boolean {
      return settle.run({ id, status, vals, nextTryAt, at }).changes === 1;
    },
    setPriceBase(channelId: number, variantId: number, field: PriceField, value: number | null): void {
      setBase[field].run(value, channelId, variantId);
    },
    link(channelId: number, variantId: number): { id: number; remoteVariantId: string } | undefined {
      return linked.get(channelId, variantId);
    },
    variant(variantId: number): { price: number; compareAtPrice: number | null; isBundle: boolean } | undefined {
      const row = variant.get(variantId);
      return row ? { price: row.price, compareAtPrice: row.compareAtPrice, isBundle: row.components > 0 } : undefined;
    },
    /** Drops earlier "accept local" push markers of the field (a newer decision replaces them). */
    settleOwedPushes(channelId: number, subject: string): void {
      settleOwed.run(channelId, subject);
    },
    /** The queued push is due now; its attempts are kept, so a later failure still backs off further. */
    makeDue(channelId: number, variantId: number, kind: OutboxKind): void {
      dueNow.run(channelId, variantId, kind);
    },
    stockLocation(channelId: number, variantId: number): number | undefined {
      return stockLocation.get(variantId, channelId, channelId)?.locationId;
    },
    /** Imports a held order once no line of it waits in the queue; true when it was released. */
    releaseOrder(channelId: number, remoteOrderId: string, lineSubjectPrefix: string): boolean {
      return release.run(channelId, remoteOrderId, channelId, lineSubjectPrefix, lineSubjectPrefix).changes > 0;
    },
  };
}

export type ReviewStore = ReturnType<typeof createReviewStore>;
