// Shared setup of the linker tests: a test shop (seedPurchasing's catalogue), a connected channel
// row, a settable clock, and small readers of what the linker wrote.
import type { Db } from '../../../src/db/open.js';
import type { Clock } from '../../../src/shared/clock.js';

export const CH = 20;
export const T0 = Date.parse('2026-11-20T10:00:00.000Z');

export class TestClock implements Clock {
  at = T0;
  now(): Date {
    return new Date(this.at);
  }
}

export function addChannel(db: Db, platform: string, id = CH): void {
  db.prepare("INSERT INTO channels (id, code, name, platform, created_at, settings, sync_status) VALUES (?, ?, ?, ?, ?, ?, 'connected')").run(
    id,
    `${platform}-${id}`,
    `My ${platform}`,
    platform,
    new Date(T0).toISOString(),
    JSON.stringify({ connection: {} }),
  );
}

/** A local variant added to an existing product (e.g. a second SKU differing only in case). */
export function addLocalVariant(db: Db, productOf: number, sku: string, barcode: string | null = null): number {
  const at = new Date(T0).toISOString();
  return Number(
    db
      .prepare(
        `INSERT INTO variants (product_id, sku, barcode, price, status, position, created_at, updated_at)
         SELECT product_id, ?, ?, 1000, 'active', 9, ?, ? FROM variants WHERE id = ?`,
      )
      .run(sku, barcode, at, at, productOf).lastInsertRowid,
  );
}

export interface LinkDb {
  variantId: number;
  remoteVariantId: string;
  syncedPrice: number | null;
  syncedCompareAtPrice: number | null;
  syncedQuantity: number | null;
  syncedAt: string | null;
}

export const linksOf = (db: Db): LinkDb[] =>
  db
    .prepare<[number], LinkDb>(
      `SELECT variant_id AS variantId, remote_variant_id AS remoteVariantId, synced_price AS syncedPrice,
         synced_compare_at_price AS syncedCompareAtPrice, synced_quantity AS syncedQuantity, synced_at AS syncedAt
       FROM channel_links WHERE channel_id = ? ORDER BY variant_id`,
    )
    .all(CH);

export const outboxOf = (db: Db): { variantId: number; kind: string; version: number }[] =>
  db
    .prepare<[number], { variantId: number; kind: string; version: number }>(
      'SELECT variant_id AS variantId, kind, version FROM sync_outbox WHERE channel_id = ? ORDER BY variant_id, kind',
    )
    .all(CH);

export const remoteRow = (db: Db, remoteVariantId: string) =>
  db
    .prepare<[number, string], { price: number | null; compareAtPrice: number | null; quantity: number | null; matchState: string; seenAt: string }>(
      `SELECT price, compare_at_price AS compareAtPrice, quantity, match_state AS matchState, seen_at AS seenAt
       FROM channel_remote_variants WHERE channel_id = ? AND remote_variant_id = ?`,
    )
    .get(CH, remoteVariantId);
