// SQL of the remote catalogue as last read (table channel_remote_variants, migration 0012) and of
// the 'products' watermark (sync_watermarks) that an incremental read resumes from.
//
// The reader (remote-catalog.ts) writes one page per transaction: an upsert refreshes what the
// platform says (titles, SKU, barcode, price, compare-at, quantity, remote updated-at) and keeps
// the linker's verdict (match_state, matched_by, candidates) until the linker runs again. A full
// read ends by deleting the rows it did not see, in the same transaction as the watermark: a
// variant deleted on the platform leaves the table, its link (if any) stays and the review
// table shows it as "remote missing" (link-store.ts).
import type { Db } from '../db/open.js';
import type { RemoteVariant } from './connector.js';

/** What the platform reported (its `updatedAt` kept as remoteUpdatedAt), when it was seen, and the linker's verdict. */
export type RemoteVariantRow = Omit<RemoteVariant, 'updatedAt'> & {
  remoteUpdatedAt: string;
  seenAt: string;
  matchState: 'linked' | 'matched' | 'ambiguous' | 'remote_only';
  matchedBy: 'sku' | 'barcode' | null;
  /** JSON array of local variant ids. */
  candidates: string;
};

export interface Watermark {
  value: string;
  overlapSeconds: number;
}

export const remoteVariantColumns = `remote_variant_id AS remoteVariantId, remote_product_id AS remoteProductId,
  remote_inventory_item_id AS remoteInventoryItemId, product_title AS productTitle, variant_title AS variantTitle,
  sku, barcode, price, compare_at_price AS compareAtPrice, quantity, remote_updated_at AS remoteUpdatedAt,
  seen_at AS seenAt, match_state AS matchState, matched_by AS matchedBy, candidates`;

type UpsertParams = Omit<RemoteVariant, 'updatedAt'> & { channelId: number; remoteUpdatedAt: string; seenAt: string };

export function createRemoteCatalogStore(db: Db) {
  const upsert = db.prepare<[UpsertParams]>(
    `INSERT INTO channel_remote_variants (channel_id, remote_variant_id, remote_product_id, remote_inventory_item_id,
       product_title, variant_title, sku, barcode, price, compare_at_price, quantity, remote_updated_at, seen_at)
     VALUES (@channelId, @remoteVariantId, @remoteProductId, @remoteInventoryItemId, @productTitle, @variantTitle, @sku,
       @barcode, @price, @compareAtPrice, @quantity, @remoteUpdatedAt, @seenAt)
     ON CONFLICT (channel_id, remote_variant_id) DO UPDATE SET remote_product_id = excluded.remote_product_id,
       remote_inventory_item_id = excluded.remote_inventory_item_id, product_title = excluded.product_title,
       variant_title = excluded.variant_title, sku = excluded.sku, barcode = excluded.barcode, price = excluded.price,
       compare_at_price = excluded.compare_at_price, quantity = excluded.quantity,
       remote_updated_at = excluded.remote_updated_at, seen_at = excluded.seen_at`,
  );
  const removeUnseen = db.prepare<[number, string]>(
    `DELETE FROM channel_remote_variants WHERE channel_id = ?
       AND remote_variant_id NOT IN (SELECT value FROM json_each(?))`,
  );
  const watermark = db.prepare<[number], Watermark>(
    `SELECT value, overlap_seconds AS overlapSeconds FROM sync_watermarks WHERE channel_id = ? AND stream = 'products'`,
  );
  const setWatermark = db.prepare<[number, string, number, string]>(
    `INSERT INTO sync_watermarks (channel_id, stream, value, overlap_seconds, updated_at) VALUES (?, 'products', ?, ?, ?)
     ON CONFLICT (channel_id, stream) DO UPDATE SET value = excluded.value, overlap_seconds = excluded.overlap_seconds,
       updated_at = excluded.updated_at`,
  );
  const one = db.prepare<[number, string], RemoteVariantRow>(
    `SELECT ${remoteVariantColumns} FROM channel_remote_variants WHERE channel_id = ? AND remote_variant_id = ?`,
  );
  const byIds = db.prepare<[number, string], RemoteVariantRow>(
    `SELECT ${remoteVariantColumns} FROM channel_remote_variants
     WHERE channel_id = ? AND remote_variant_id IN (SELECT value FROM json_each(?)) ORDER BY remote_product_id, remote_variant_id`,
  );
  const byState = db.prepare<[number, string], RemoteVariantRow>(
    `SELECT ${remoteVariantColumns} FROM channel_remote_variants WHERE channel_id = ? AND match_state = ?
     ORDER BY remote_product_id, remote_variant_id`,
  );
  const count = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM channel_remote_variants WHERE channel_id = ?');

  return {
    /** Writes one page of what the platform reported, stamped `seenAt`. Call inside the page's transaction. */
    upsertPage(channelId: number, items: readonly RemoteVariant[], seenAt: string): void {
      for (const v of items) {
        const { updatedAt, ...reported } = v;
        upsert.run({ ...reported, channelId, remoteUpdatedAt: updatedAt, seenAt });
      }
    },
    /** After a full read: forgets the variants the platform no longer lists. Returns how many. */
    removeUnseen(channelId: number, seenIds: readonly string[]): number {
      return removeUnseen.run(channelId, JSON.stringify(seenIds)).changes;
    },
    watermark(channelId: number): Watermark | undefined {
      return watermark.get(channelId);
    },
    setWatermark(channelId: number, value: string, overlapSeconds: number, at: string): void {
      setWatermark.run(channelId, value, overlapSeconds, at);
    },
    get(channelId: number, remoteVariantId: string): RemoteVariantRow | undefined {
      return one.get(channelId, remoteVariantId);
    },
    byIds(channelId: number, remoteVariantIds: readonly string[]): RemoteVariantRow[] {
      return byIds.all(channelId, JSON.stringify(remoteVariantIds));
    },
    byState(channelId: number, state: RemoteVariantRow['matchState']): RemoteVariantRow[] {
      return byState.all(channelId, state);
    },
    count(channelId: number): number {
      return count.get(channelId)?.n ?? 0;
    },
  };
}

export type RemoteCatalogStore = ReturnType<typeof createRemoteCatalogStore>;
