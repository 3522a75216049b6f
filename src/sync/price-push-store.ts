// The price pusher's SQL besides the outbox protocol (outbox-store.ts) and the log / settings
// (push-store.ts): the three values of the compare (the link's synced base, the local variant, the
// remote catalogue row), the base and remote-snapshot updates after a push or an acceptance, the
// price review items, and the "accepted local, push owed" markers review-service.ts leaves.
// Portable SQL: the NULL-safe comparisons use COALESCE with -1 (prices are never negative).
import type { Db } from '../db/open.js';
import type { ReasonText } from './connector.js';
import type { PriceField } from './price-compare.js';

export interface PriceLink {
  id: number;
  variantId: number;
  remoteVariantId: string;
  remoteProductId: string | null;
  syncedPrice: number | null;
  syncedCompareAtPrice: number | null;
}

export interface LocalPrices {
  price: number;
  compareAtPrice: number | null;
}

export interface RemotePrices {
  price: number | null;
  compareAtPrice: number | null;
}

export interface PriceReviewInput {
  channelId: number;
  kind: 'conflict' | 'failed_item';
  subject: string;
  vals: Record<string, string | number | null>;
  reason: ReasonText;
  remoteAnswer: string | null;
  at: string;
}

/** A resolved conflict whose "accept local" push has not reached the channel yet. */
export interface OwedPush {
  id: number;
  subject: string;
  vals: string;
}

export const priceSubject = (variantId: number, field: PriceField): string => `variant:${variantId}:${field}`;

export function createPricePushStore(db: Db) {
  const link = db.prepare<[number, number], PriceLink>(
    `SELECT id, variant_id AS variantId, remote_variant_id AS remoteVariantId, remote_product_id AS remoteProductId,
       synced_price AS syncedPrice, synced_compare_at_price AS syncedCompareAtPrice
     FROM channel_links WHERE channel_id = ? AND variant_id = ?`,
  );
  // The price a channel gets is the current one (issue 15): a running promotion's sale price when
  // it is in scope for this channel, else the regular price. While on sale, compare-at is the
  // regular price (the "was" price Shopify and WooCommerce show); otherwise the variant's own.
  const local = db.prepare<[number, number], LocalPrices>(
    `SELECT COALESCE(pp.price, v.price) AS price,
       CASE WHEN pp.price IS NOT NULL AND pp.price < v.price THEN v.price ELSE v.compare_at_price END AS compareAtPrice
     FROM variants v LEFT JOIN promotion_prices pp ON pp.variant_id = v.id
       AND EXISTS (SELECT 1 FROM promotions p WHERE p.id = pp.promotion_id AND (p.all_channels = 1
         OR EXISTS (SELECT 1 FROM promotion_channels pc WHERE pc.promotion_id = p.id AND pc.channel_id = ?)))
     WHERE v.id = ?`,
  );
  const remote = db.prepare<[number, string], RemotePrices>(
    'SELECT price, compare_at_price AS compareAtPrice FROM channel_remote_variants WHERE channel_id = ? AND remote_variant_id = ?',
  );
  const setBase: Record<PriceField, ReturnType<typeof db.prepare<[number | null, number]>>> = {
    price: db.prepare<[number | null, number]>('UPDATE channel_links SET synced_price = ? WHERE id = ?'),
    compareAtPrice: db.prepare<[number | null, number]>('UPDATE channel_links SET synced_compare_at_price = ? WHERE id = ?'),
  };
  const setRemote = db.prepare<[number, number | null, string, number, string]>(
    'UPDATE channel_remote_variants SET price = ?, compare_at_price = ?, seen_at = ? WHERE channel_id = ? AND remote_variant_id = ?',
  );
  // One open item per (channel, kind, subject). A repeated conflict refreshes its values; a
  // repeated failure also counts the attempt.
  const review = db.prepare<[number, string, string, string, string, string, string | null, number, string, string]>(
    `INSERT INTO review_queue (channel_id, kind, subject, vals, reason_key, reason_params, remote_answer, attempts, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (channel_id, kind, subject) WHERE status = 'open' DO UPDATE SET
       vals = excluded.vals, reason_key = excluded.reason_key, reason_params = excluded.reason_params,
       remote_answer = excluded.remote_answer, attempts = review_queue.attempts + excluded.attempts, updated_at = excluded.updated_at`,
  );
  const closeOpen = db.prepare<[string, string, number, string]>(
    `UPDATE review_queue SET status = 'resolved', resolved_at = ?, updated_at = ?
     WHERE channel_id = ? AND kind = 'conflict' AND subject = ? AND status = 'open'`,
  );
  const owed = db.prepare<[number, string, string], OwedPush>(
    `SELECT id, subject, vals FROM review_queue
     WHERE channel_id = ? AND kind = 'conflict' AND status = 'resolved' AND next_try_at IS NOT NULL AND subject IN (?, ?)
     ORDER BY id`,
  );
  const settleOwed = db.prepare<[number]>('UPDATE review_queue SET next_try_at = NULL WHERE id = ?');
  // Linked variants whose remote prices (as last read) moved away from the synced base: queued so
  // the next pass compares them. Skipped while a person already has the field in the review queue.
  const enqueueDrift = db.prepare<[string, number, number]>(
    `INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at)
     SELECT l.channel_id, l.variant_id, 'price', ? FROM channel_links l
       JOIN channel_remote_variants r ON r.channel_id = l.channel_id AND r.remote_variant_id = l.remote_variant_id
     WHERE l.channel_id = ? AND l.synced_price IS NOT NULL
       AND ((r.price IS NOT NULL AND r.price <> l.synced_price)
         OR (? = 1 AND COALESCE(r.compare_at_price, -1) <> COALESCE(l.synced_compare_at_price, -1)))
       AND NOT EXISTS (SELECT 1 FROM review_queue q WHERE q.channel_id = l.channel_id AND q.kind = 'conflict' AND q.status = 'open'
         AND q.subject LIKE 'variant:' || CAST(l.variant_id AS TEXT) || ':%')
       AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.channel_id = l.channel_id AND o.variant_id = l.variant_id AND o.kind = 'price')`,
  );

  return {
    link(channelId: number, variantId: number): PriceLink | undefined {
      return link.get(channelId, variantId);
    },
    /** What the channel should hold: the current (sale or regular) price and its compare-at. */
    local(channelId: number, variantId: number): LocalPrices | undefined {
      return local.get(channelId, variantId);
    },
    /** The remote prices as last read, or undefined when the remote catalogue has no row for it. */
    remote(channelId: number, remoteVariantId: string): RemotePrices | undefined {
      return remote.get(channelId, remoteVariantId);
    },
    setBase(linkId: number, field: PriceField, value: number | null): void {
      setBase[field].run(value, linkId);
    },
    /** After a push: the remote now holds what was sent (until the next read says otherwise). */
    recordRemote(channelId: number, remoteVariantId: string, prices: { price: number; compareAtPrice: number | null }, at: string): void {
      setRemote.run(prices.price, prices.compareAtPrice, at, channelId, remoteVariantId);
    },
    review(item: PriceReviewInput): void {
      review.run(
        item.channelId,
        item.kind,
        item.subject,
        JSON.stringify(item.vals),
        item.reason.key,
        JSON.stringify(item.reason.params),
        item.remoteAnswer,
        item.kind === 'failed_item' ? 1 : 0,
        item.at,
        item.at,
      );
    },
    /** The field agrees again (pushed, accepted, or both sides equal): its open conflict no longer applies. */
    closeConflict(channelId: number, subject: string, at: string): void {
      closeOpen.run(at, at, channelId, subject);
    },
    owedPushes(channelId: number, variantId: number): OwedPush[] {
      return owed.all(channelId, priceSubject(variantId, 'price'), priceSubject(variantId, 'compareAtPrice'));
    },
    settleOwed(id: number): void {
      settleOwed.run(id);
    },
    enqueueDrift(channelId: number, withCompareAt: boolean, at: string): number {
      return enqueueDrift.run(at, channelId, withCompareAt ? 1 : 0).changes;
    },
  };
}

export type PricePushStore = ReturnType<typeof createPricePushStore>;
