// Reads a channel's catalogue (every remote variant with its SKU, barcode, price, compare-at and
// quantity) into channel_remote_variants, so the linker can match it and the price pusher can
// compare against what the channel has now.
//
// - Pages through `connector.listVariants`; each page is upserted in its own transaction, so a
//   read that fails or is cancelled half-way keeps what it committed and loses nothing.
// - 'incremental' asks only for variants changed since the 'products' watermark, widened by an
//   overlap of max(timestampPrecisionSeconds, 120) s (remote clocks drift; some platforms stamp
//   whole seconds). Without a watermark it reads everything, like 'full'.
// - The watermark (the newest remote updated-at seen) commits with the last page only: a read
//   that stops early is simply read again from the old watermark next time.
// - 'full' ends by deleting the rows of variants the platform no longer lists (same transaction
//   as the watermark). Links to them are kept: the review table shows them as "remote missing",
//   because deleting a link would silently stop stock pushes someone may still expect.
import { z } from 'zod';
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import type { Connector, RemoteVariant } from './connector.js';
import { createRemoteCatalogStore } from './remote-catalog-store.js';

/** Overlap of every incremental catalogue read, at least: remote clocks are not ours. */
export const minimumOverlapSeconds = 120;
/** Asked per page; connectors clamp to their platform's maximum (Shopify 250, WooCommerce 100). */
export const catalogPageSize = 250;

export interface ReadRemoteCatalogOptions {
  db: Db;
  connector: Connector;
  channelId: number;
  clock: Clock;
  mode: 'full' | 'incremental';
  signal?: AbortSignal;
  onProgress?(done: number, total: number | null): void;
}

export interface ReadRemoteCatalogResult {
  /** Remote variants read and stored. */
  read: number;
  /** Rows deleted because a full read no longer saw them. */
  removed: number;
  /** Items the connector passed on that cannot be stored (empty id, fractional money); not written. */
  skipped: number;
}

const money = z.number().int().nonnegative().nullable();
/** A last guard before the table's CHECKs: connectors validate answers, this keeps a bad item from failing a whole page. */
const storableVariant = z.object({
  remoteVariantId: z.string().min(1),
  remoteProductId: z.string(),
  remoteInventoryItemId: z.string().nullable(),
  productTitle: z.string(),
  variantTitle: z.string(),
  sku: z.string().nullable(),
  barcode: z.string().nullable(),
  price: money,
  compareAtPrice: money,
  quantity: z.number().int().nullable(),
  updatedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s))),
});

export async function readRemoteCatalog(options: ReadRemoteCatalogOptions): Promise<ReadRemoteCatalogResult> {
  const { db, connector, channelId, clock, signal } = options;
  const store = createRemoteCatalogStore(db);
  const overlapSeconds = Math.max(connector.capabilities.timestampPrecisionSeconds, minimumOverlapSeconds);
  const previous = store.watermark(channelId);
  const incremental = options.mode === 'incremental' && previous !== undefined;
  const updatedSince = incremental ? new Date(Date.parse(previous.value) - overlapSeconds * 1000).toISOString() : null;

  let newest = incremental ? Date.parse(previous.value) : Number.NEGATIVE_INFINITY;
  const seen: string[] = [];
  let read = 0;
  let skipped = 0;
  let removed = 0;
  let cursor: string | null = null;

  const writePage = db.transaction((items: RemoteVariant[], last: boolean) => {
    const at = clock.now().toISOString();
    store.upsertPage(channelId, items, at);
    if (!last) return;
    if (!incremental) removed = store.removeUnseen(channelId, seen);
    if (Number.isFinite(newest)) store.setWatermark(channelId, new Date(newest).toISOString(), overlapSeconds, at);
  });

  for (;;) {
    signal?.throwIfAborted();
    const page = await connector.listVariants({ cursor, updatedSince, limit: catalogPageSize });
    signal?.throwIfAborted();
    const items: RemoteVariant[] = [];
    for (const item of page.items) {
      const parsed = storableVariant.safeParse(item);
      if (!parsed.success) {
        // Still listed by the platform: a full read must not forget it (nor its link) for one bad field.
        if (typeof item.remoteVariantId === 'string' && item.remoteVariantId !== '') seen.push(item.remoteVariantId);
        skipped += 1;
        continue;
      }
      items.push(parsed.data);
      seen.push(parsed.data.remoteVariantId);
      newest = Math.max(newest, Date.parse(parsed.data.updatedAt));
    }
    const last = page.nextCursor === null;
    writePage(items, last);
    read += items.length;
    options.onProgress?.(read, page.total);
    if (last) break;
    cursor = page.nextCursor;
  }
  return { read, removed, skipped };
}
