// SQL of the linker (linker.ts): links between local and remote variants (channel_links), the
// linker's verdict on each remote variant (channel_remote_variants.match_state), the product-level
// listing rows kept in step with links (channel_listings), the review table's pages, and the
// remote → local location map (channel_location_map).
//
// Matching reads both sides once (set-based) and writes every verdict with one UPDATE … FROM
// json_each, so a pass over 10,000 remote and 100,000 local variants is a few statements, not a
// query per row. Review pages are filtered, counted and paged in SQL.
import type { Db } from '../db/open.js';
import type { Statement } from 'better-sqlite3';
import { remoteVariantColumns, type RemoteVariantRow } from './remote-catalog-store.js';

export interface MatchLocal {
  id: number;
  sku: string;
  barcode: string | null;
}

export interface MatchRemote {
  remoteVariantId: string;
  sku: string | null;
  barcode: string | null;
  matchState: string;
  matchedBy: string | null;
  candidates: string;
}

export interface Verdict {
  r: string;
  s: RemoteVariantRow['matchState'];
  b: 'sku' | 'barcode' | null;
  c: number[];
}

export interface LocalRefRow {
  variantId: number;
  productId: number;
  sku: string;
  productName: string;
  option1: string | null;
  option2: string | null;
  option3: string | null;
  barcode: string | null;
  price: number;
  available: number;
}

export interface LinkRowDb {
  id: number;
  variantId: number;
  remoteVariantId: string;
  remoteProductId: string | null;
  remoteInventoryItemId: string | null;
}

export interface LinkedPageRow extends LinkRowDb {
  /** Null when the remote variant is gone from the last full read ("remote missing"). */
  remote: RemoteVariantRow | null;
}

export interface NewLink {
  channelId: number;
  variantId: number;
  remoteVariantId: string;
  remoteInventoryItemId: string | null;
  remoteProductId: string | null;
  syncedPrice: number | null;
  syncedCompareAtPrice: number | null;
  syncedQuantity: number | null;
  at: string;
}

export type RemoteState = 'matched' | 'ambiguous' | 'remote_only';

const localRefSelect = `SELECT v.id AS variantId, v.product_id AS productId, v.sku, p.title AS productName, v.option1, v.option2,
  v.option3, v.barcode, v.price,
  (SELECT COALESCE(SUM(s.on_hand - s.committed), 0) FROM stock_levels s WHERE s.variant_id = v.id) AS available
  FROM variants v JOIN products p ON p.id = v.product_id`;

/** `lower(x) LIKE ?` on each column: portable (PostgreSQL's LIKE is case-sensitive), with \ escaping % and _. */
function searchClause(columns: readonly string[]): string {
  return `(${columns.map((c) => `lower(COALESCE(${c}, '')) LIKE @search ESCAPE '\\'`).join(' OR ')})`;
}

export function likePattern(search: string): string {
  return `%${search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const remoteSearch = searchClause(['r.sku', 'r.barcode', 'r.product_title', 'r.variant_title']);
const localSearch = searchClause(['v.sku', 'v.barcode', 'p.title']);

export function createLinkStore(db: Db) {
  const cache = new Map<string, Statement>();
  const prepared = <P extends unknown[] | object, R = unknown>(sql: string): Statement<P, R> => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement as Statement<P, R>;
  };

  return {
    // ---- matching -------------------------------------------------------------------------
    /** Every local variant that may be a candidate: archived ones are not offered. */
    localForMatching: (): MatchLocal[] =>
      prepared<[], MatchLocal>(`SELECT id, sku, barcode FROM variants WHERE status <> 'archived'`).all(),
    remoteForMatching: (channelId: number): MatchRemote[] =>
      prepared<[number], MatchRemote>(
        `SELECT remote_variant_id AS remoteVariantId, sku, barcode, match_state AS matchState, matched_by AS matchedBy, candidates
         FROM channel_remote_variants WHERE channel_id = ?`,
      ).all(channelId),
    linksOf: (channelId: number): LinkRowDb[] =>
      prepared<[number], LinkRowDb>(
        `SELECT id, variant_id AS variantId, remote_variant_id AS remoteVariantId, remote_product_id AS remoteProductId,
           remote_inventory_item_id AS remoteInventoryItemId FROM channel_links WHERE channel_id = ?`,
      ).all(channelId),
    /**
     * Writes the verdicts that differ from what is stored: a primary-key UPDATE each (an UPDATE …
     * FROM json_each was measured quadratic on SQLite — 95 s for 10,000 rows — as the planner
     * scans the JSON for every row), so a pass that changes nothing writes nothing.
     */
    writeVerdicts(channelId: number, verdicts: readonly Verdict[]): void {
      const update = prepared<[string, string | null, string, number, string]>(
        'UPDATE channel_remote_variants SET match_state = ?, matched_by = ?, candidates = ? WHERE channel_id = ? AND remote_variant_id = ?',
      );
      for (const v of verdicts) update.run(v.s, v.b, JSON.stringify(v.c), channelId, v.r);
    },
    counts(channelId: number): Record<RemoteState, number> & { linked: number; localOnly: number } {
      const byState = prepared<[number], { state: string; n: number }>(
        'SELECT match_state AS state, COUNT(*) AS n FROM channel_remote_variants WHERE channel_id = ? GROUP BY match_state',
      ).all(channelId);
      const of = (state: string) => byState.find((row) => row.state === state)?.n ?? 0;
      const linked = prepared<[number], { n: number }>('SELECT COUNT(*) AS n FROM channel_links WHERE channel_id = ?').get(channelId)?.n ?? 0;
      const localOnly =
        prepared<[number], { n: number }>(
          `SELECT COUNT(*) AS n FROM variants v WHERE v.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM channel_links l WHERE l.channel_id = ? AND l.variant_id = v.id)`,
        ).get(channelId)?.n ?? 0;
      return { linked, matched: of('matched'), ambiguous: of('ambiguous'), remote_only: of('remote_only'), localOnly };
    },

    // ---- review pages ---------------------------------------------------------------------
    remotePage(channelId: number, state: RemoteState, search: string | null, offset: number, limit: number): { rows: RemoteVariantRow[]; total: number } {
      const where = `r.channel_id = @channelId AND r.match_state = @state${search === null ? '' : ` AND ${remoteSearch}`}`;
      const params = { channelId, state, offset, limit, ...(search === null ? {} : { search: likePattern(search) }) };
      const rows = prepared<[typeof params], RemoteVariantRow>(
        `SELECT ${remoteVariantColumns} FROM channel_remote_variants r WHERE ${where}
         ORDER BY r.product_title, r.variant_title, r.remote_variant_id LIMIT @limit OFFSET @offset`,
      ).all(params);
      const total = prepared<[typeof params], { n: number }>(`SELECT COUNT(*) AS n FROM channel_remote_variants r WHERE ${where}`).get(params)?.n ?? 0;
      return { rows, total };
    },
    linkedPage(channelId: number, search: string | null, offset: number, limit: number): { rows: LinkedPageRow[]; total: number } {
      const from = `FROM channel_links l JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id
        LEFT JOIN channel_remote_variants r ON r.channel_id = l.channel_id AND r.remote_variant_id = l.remote_variant_id
        WHERE l.channel_id = @channelId${search === null ? '' : ` AND (${localSearch} OR ${remoteSearch})`}`;
      const params = { channelId, offset, limit, ...(search === null ? {} : { search: likePattern(search) }) };
      const links = prepared<[typeof params], LinkRowDb & { present: number }>(
        `SELECT l.id, l.variant_id AS variantId, l.remote_variant_id AS remoteVariantId, l.remote_product_id AS remoteProductId,
           l.remote_inventory_item_id AS remoteInventoryItemId, CASE WHEN r.remote_variant_id IS NULL THEN 0 ELSE 1 END AS present
         ${from} ORDER BY p.title, v.sku LIMIT @limit OFFSET @offset`,
      ).all(params);
      const total = prepared<[typeof params], { n: number }>(`SELECT COUNT(*) AS n ${from}`).get(params)?.n ?? 0;
      const remotes = new Map(
        prepared<[number, string], RemoteVariantRow>(
          `SELECT ${remoteVariantColumns} FROM channel_remote_variants WHERE channel_id = ? AND remote_variant_id IN (SELECT value FROM json_each(?))`,
        )
          .all(channelId, JSON.stringify(links.filter((l) => l.present === 1).map((l) => l.remoteVariantId)))
          .map((row) => [row.remoteVariantId, row]),
      );
      const rows = links.map(({ present: _present, ...link }) => ({ ...link, remote: remotes.get(link.remoteVariantId) ?? null }));
      return { rows, total };
    },
    localOnlyPage(channelId: number, search: string | null, offset: number, limit: number): { rows: LocalRefRow[]; total: number } {
      const where = `v.status = 'active' AND NOT EXISTS (SELECT 1 FROM channel_links l WHERE l.channel_id = @channelId AND l.variant_id = v.id)${
        search === null ? '' : ` AND ${localSearch}`
      }`;
      const params = { channelId, offset, limit, ...(search === null ? {} : { search: likePattern(search) }) };
      const rows = prepared<[typeof params], LocalRefRow>(`${localRefSelect} WHERE ${where} ORDER BY v.sku LIMIT @limit OFFSET @offset`).all(params);
      const total =
        prepared<[typeof params], { n: number }>(`SELECT COUNT(*) AS n FROM variants v JOIN products p ON p.id = v.product_id WHERE ${where}`).get(params)
          ?.n ?? 0;
      return { rows, total };
    },
    localRefs: (variantIds: readonly number[]): LocalRefRow[] =>
      prepared<[string], LocalRefRow>(`${localRefSelect} WHERE v.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(variantIds)),

    // ---- links ----------------------------------------------------------------------------
    variant: (variantId: number) =>
      prepared<[number], { id: number; sku: string; productId: number }>('SELECT id, sku, product_id AS productId FROM variants WHERE id = ?').get(variantId),
    linkByVariant: (channelId: number, variantId: number) =>
      prepared<[number, number], LinkRowDb>(
        `SELECT id, variant_id AS variantId, remote_variant_id AS remoteVariantId, remote_product_id AS remoteProductId,
           remote_inventory_item_id AS remoteInventoryItemId FROM channel_links WHERE channel_id = ? AND variant_id = ?`,
      ).get(channelId, variantId),
    linkByRemote: (channelId: number, remoteVariantId: string) =>
      prepared<[number, string], LinkRowDb & { sku: string }>(
        `SELECT l.id, l.variant_id AS variantId, l.remote_variant_id AS remoteVariantId, l.remote_product_id AS remoteProductId,
           l.remote_inventory_item_id AS remoteInventoryItemId, v.sku FROM channel_links l JOIN variants v ON v.id = l.variant_id
         WHERE l.channel_id = ? AND l.remote_variant_id = ?`,
      ).get(channelId, remoteVariantId),
    insertLink(link: NewLink): void {
      prepared<[NewLink]>(
        `INSERT INTO channel_links (channel_id, variant_id, remote_variant_id, remote_inventory_item_id, remote_product_id,
           synced_price, synced_compare_at_price, synced_quantity, synced_at, created_at)
         VALUES (@channelId, @variantId, @remoteVariantId, @remoteInventoryItemId, @remoteProductId, @syncedPrice,
           @syncedCompareAtPrice, @syncedQuantity, @at, @at)`,
      ).run(link);
    },
    /** The product is listed on the channel (external id: the remote product of its first link). */
    listProduct(productId: number, channelId: number, externalId: string | null, at: string): void {
      prepared<[number, number, string | null, string]>(
        `INSERT INTO channel_listings (product_id, channel_id, external_id, status, listed_at) VALUES (?, ?, ?, 'active', ?)
         ON CONFLICT (product_id, channel_id) DO UPDATE SET status = 'active',
           external_id = COALESCE(channel_listings.external_id, excluded.external_id),
           listed_at = CASE WHEN channel_listings.status = 'active' THEN channel_listings.listed_at ELSE excluded.listed_at END`,
      ).run(productId, channelId, externalId, at);
    },
    /** Deletes the channel's links of these variants, their pending pushes, and retires listings left without links. */
    unlink(channelId: number, variantIds: readonly number[]): number {
      const ids = JSON.stringify(variantIds);
      const products = prepared<[number, string], { productId: number }>(
        `SELECT DISTINCT v.product_id AS productId FROM channel_links l JOIN variants v ON v.id = l.variant_id
         WHERE l.channel_id = ? AND l.variant_id IN (SELECT value FROM json_each(?))`,
      ).all(channelId, ids);
      const removed = prepared<[number, string]>('DELETE FROM channel_links WHERE channel_id = ? AND variant_id IN (SELECT value FROM json_each(?))').run(
        channelId,
        ids,
      ).changes;
      prepared<[number, string]>('DELETE FROM sync_outbox WHERE channel_id = ? AND variant_id IN (SELECT value FROM json_each(?))').run(channelId, ids);
      prepared<[number, string, number]>(
        `UPDATE channel_listings SET status = 'removed' WHERE channel_id = ? AND product_id IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM channel_links l JOIN variants v ON v.id = l.variant_id
                         WHERE l.channel_id = ? AND v.product_id = channel_listings.product_id)`,
      ).run(channelId, JSON.stringify(products.map((p) => p.productId)), channelId);
      return removed;
    },

    // ---- locations ------------------------------------------------------------------------
    /** New remote locations default to NULL (all local stock); known ones only get their name refreshed. */
    saveLocation(channelId: number, remoteLocationId: string, name: string): void {
      prepared<[number, string, string]>(
        `INSERT INTO channel_location_map (channel_id, remote_location_id, remote_location_name, location_id) VALUES (?, ?, ?, NULL)
         ON CONFLICT (channel_id, remote_location_id) DO UPDATE SET remote_location_name = excluded.remote_location_name`,
      ).run(channelId, remoteLocationId, name);
    },
    localLocation: (locationId: number) =>
      prepared<[number], { id: number; name: string; active: number }>('SELECT id, name, active FROM locations WHERE id = ?').get(locationId),
    mapLocation: (channelId: number, remoteLocationId: string, locationId: number | null): number =>
      prepared<[number | null, number, string]>('UPDATE channel_location_map SET location_id = ? WHERE channel_id = ? AND remote_location_id = ?').run(
        locationId,
        channelId,
        remoteLocationId,
      ).changes,
    locations: (channelId: number) =>
      prepared<[number], { remoteLocationId: string; remoteLocationName: string; locationId: number | null }>(
        `SELECT remote_location_id AS remoteLocationId, remote_location_name AS remoteLocationName, location_id AS locationId
         FROM channel_location_map WHERE channel_id = ? ORDER BY remote_location_name, remote_location_id`,
      ).all(channelId),
    channelExists: (channelId: number): boolean =>
      prepared<[number], { id: number }>('SELECT id FROM channels WHERE id = ?').get(channelId) !== undefined,

    // ---- import of remote-only variants (remote-import.ts) -------------------------------
    channelName: (channelId: number): string =>
      prepared<[number], { name: string }>('SELECT name FROM channels WHERE id = ?').get(channelId)?.name ?? String(channelId),
    allSkus: (): string[] => prepared<[], { sku: string }>('SELECT sku FROM variants').all().map((row) => row.sku),
    allHandles: (): string[] => prepared<[], { handle: string }>('SELECT handle FROM products').all().map((row) => row.handle),
    shopLocale: (): string => prepared<[], { locale: string }>('SELECT locale FROM shop_settings WHERE id = 1').get()?.locale ?? 'en',
  };
}

export type LinkStore = ReturnType<typeof createLinkStore>;
