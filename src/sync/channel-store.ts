// SQL of connected channels: the `channels` row (settings JSON, sync_status), the mapping of its
// remote locations (read here; linker.ts writes it), per-product stock rules on links, the
// Channels page's counts (outbox, links, review queue; pull-state-store.ts has the times), the
// engine's own sync-log lines, and the clean-up of a disconnect. Portable SQL; callers wrap multi-row writes in db.transaction.
import type { Db } from '../db/open.js';
import { perDatabase } from '../db/per-database.js';
import type { ReasonText } from './connector.js';

export type SyncStatus = 'none' | 'connected' | 'failing' | 'disconnected';

export interface ChannelRow {
  id: number;
  code: string;
  name: string;
  platform: string;
  settings: string | null;
  syncStatus: SyncStatus;
  createdAt: string;
}

export interface ChannelCounts {
  queueLength: number;
  links: number;
  openReview: number;
  failedItems: number;
}

export interface SyncLogDbRow {
  id: number;
  channelId: number;
  at: string;
  direction: 'push' | 'pull' | 'test';
  summaryKey: string;
  /** JSON object of params. */
  summaryParams: string;
  requestExcerpt: string | null;
  answerExcerpt: string | null;
}

export interface LocationMapRow {
  remoteLocationId: string;
  remoteLocationName: string;
  locationId: number | null;
}

const channelColumns = 'id, code, name, platform, settings, sync_status AS syncStatus, created_at AS createdAt';

export function createChannelStore(db: Db) {
  const byId = db.prepare<[number], ChannelRow>(`SELECT ${channelColumns} FROM channels WHERE id = ?`);
  const all = db.prepare<[], ChannelRow>(`SELECT ${channelColumns} FROM channels ORDER BY name COLLATE NOCASE, id`);
  const connected = db.prepare<[], ChannelRow>(`SELECT ${channelColumns} FROM channels WHERE settings IS NOT NULL AND sync_status IN ('connected', 'failing') ORDER BY id`);
  const codeTaken = db.prepare<[string], { id: number }>('SELECT id FROM channels WHERE lower(code) = lower(?)');
  const nameTaken = db.prepare<[string, number], { id: number }>('SELECT id FROM channels WHERE lower(name) = lower(?) AND id <> ?');
  const insert = db.prepare<[string, string, string, string, string, string]>(
    "INSERT INTO channels (code, name, platform, active, created_at, settings, sync_status, updated_at) VALUES (?, ?, ?, 1, ?, ?, 'connected', ?)",
  );
  const setSettings = db.prepare<[string, string, number]>('UPDATE channels SET settings = ?, updated_at = ? WHERE id = ?');
  const setName = db.prepare<[string, string, number]>('UPDATE channels SET name = ?, updated_at = ? WHERE id = ?');
  const setStatus = db.prepare<[SyncStatus, string, number]>('UPDATE channels SET sync_status = ?, updated_at = ? WHERE id = ?');
  const counts = db.prepare<[number, number, number, number], ChannelCounts>(
    `SELECT (SELECT COUNT(*) FROM sync_outbox WHERE channel_id = ?) AS queueLength,
       (SELECT COUNT(*) FROM channel_links WHERE channel_id = ?) AS links,
       (SELECT COUNT(*) FROM review_queue WHERE channel_id = ? AND status = 'open') AS openReview,
       (SELECT COUNT(*) FROM review_queue WHERE channel_id = ? AND status = 'open' AND kind = 'failed_item') AS failedItems`,
  );
  const dueOutbox = db.prepare<[string], { channelId: number; n: number }>(
    'SELECT channel_id AS channelId, COUNT(*) AS n FROM sync_outbox WHERE next_try_at IS NULL OR next_try_at <= ? GROUP BY channel_id',
  );
  const locations = db.prepare<[number], LocationMapRow>(
    `SELECT remote_location_id AS remoteLocationId, remote_location_name AS remoteLocationName, location_id AS locationId
     FROM channel_location_map WHERE channel_id = ? ORDER BY remote_location_name, remote_location_id`,
  );
  const variantRule = db.prepare<[number | null, number | null, number, number]>(
    'UPDATE channel_links SET buffer = ?, share_basis_points = ? WHERE channel_id = ? AND variant_id = ?',
  );
  const forget = ['channel_credentials', 'channel_links', 'sync_outbox', 'channel_location_map', 'channel_remote_variants', 'sync_watermarks'].map((table) =>
    db.prepare<[number]>(`DELETE FROM ${table} WHERE channel_id = ?`),
  );
  const credentialsAt = db.prepare<[number], { updatedAt: string }>('SELECT updated_at AS updatedAt FROM channel_credentials WHERE channel_id = ?');
  const shopCurrency = db.prepare<[], { currency: string }>('SELECT currency FROM shop_settings WHERE id = 1');
  const log = db.prepare<[number, string, string, string, string, string | null]>(
    `INSERT INTO sync_log (channel_id, at, direction, summary_key, summary_params, request_excerpt, answer_excerpt)
     VALUES (?, ?, ?, ?, ?, NULL, ?)`,
  );
  const logRows = db.prepare<{ channelId: number; direction: string | null; offset: number; limit: number }, SyncLogDbRow>(
    `SELECT id, channel_id AS channelId, at, direction, summary_key AS summaryKey, summary_params AS summaryParams,
       request_excerpt AS requestExcerpt, answer_excerpt AS answerExcerpt
     FROM sync_log WHERE channel_id = @channelId AND (@direction IS NULL OR direction = @direction)
     ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset`,
  );
  const logTotal = db.prepare<{ channelId: number; direction: string | null }, { n: number }>(
    'SELECT COUNT(*) AS n FROM sync_log WHERE channel_id = @channelId AND (@direction IS NULL OR direction = @direction)',
  );
  const scannedAt = db.prepare<[number], { at: string | null }>('SELECT MAX(seen_at) AS at FROM channel_remote_variants WHERE channel_id = ?');
  const dropOpenReview = db.prepare<[number]>("DELETE FROM review_queue WHERE channel_id = ? AND status = 'open'");

  return {
    get: (id: number): ChannelRow | undefined => byId.get(id),
    list: (): ChannelRow[] => all.all(),
    /** Channels the scheduler looks after (connected or failing; paused ones are skipped by the caller). */
    connected: (): ChannelRow[] => connected.all(),
    codeTaken: (code: string): boolean => codeTaken.get(code) !== undefined,
    nameTaken: (name: string, exceptId = 0): boolean => nameTaken.get(name, exceptId) !== undefined,
    insert(row: { code: string; name: string; platform: string; settings: string; at: string }): number {
      return Number(insert.run(row.code, row.name, row.platform, row.at, row.settings, row.at).lastInsertRowid);
    },
    setSettings: (id: number, settings: string, at: string): void => void setSettings.run(settings, at, id),
    setName: (id: number, name: string, at: string): void => void setName.run(name, at, id),
    setStatus: (id: number, status: SyncStatus, at: string): void => void setStatus.run(status, at, id),
    counts: (id: number): ChannelCounts => counts.get(id, id, id, id) ?? { queueLength: 0, links: 0, openReview: 0, failedItems: 0 },
    /** Outbox rows due now per channel, in one cheap read (the scheduler polls it every few seconds). */
    dueOutboxCounts: (now: string): Map<number, number> => new Map(dueOutbox.all(now).map((row) => [row.channelId, row.n])),
    locations: (id: number): LocationMapRow[] => locations.all(id),
    setVariantRule: (id: number, variantId: number, buffer: number | null, share: number | null): boolean =>
      variantRule.run(buffer, share, id, variantId).changes > 0,
    /** When the channel's sealed credentials were last written; undefined when it has none. */
    credentialsUpdatedAt: (id: number): string | undefined => credentialsAt.get(id)?.updatedAt,
    shopCurrency: (): string => shopCurrency.get()?.currency ?? 'USD',
    /** A sync-log line the engine writes itself (connect, test, a pass's failure); the excerpt already redacted. */
    log(entry: { channelId: number; at: string; direction: 'push' | 'pull' | 'test'; summary: ReasonText; answerExcerpt: string | null }): void {
      log.run(entry.channelId, entry.at, entry.direction, entry.summary.key, JSON.stringify(entry.summary.params), entry.answerExcerpt);
    },
    /** The sync log, newest first. */
    logPage(channelId: number, direction: 'push' | 'pull' | 'test' | null, offset: number, limit: number): { rows: SyncLogDbRow[]; total: number } {
      return { rows: logRows.all({ channelId, direction, offset, limit }), total: logTotal.get({ channelId, direction })?.n ?? 0 };
    },
    /** When the channel's catalogue was last read (null: never). */
    scannedAt: (channelId: number): string | null => scannedAt.get(channelId)?.at ?? null,
    /** Credentials, links, queue, mapping, remote catalogue, watermarks and open review items go; orders and the log stay. */
    forget(id: number): void {
      for (const statement of forget) statement.run(id);
      dropOpenReview.run(id);
    },
  };
}

export type ChannelStore = ReturnType<typeof createChannelStore>;

/** One prepared store per connection (the scheduler reads it every few seconds). */
export const channelStoreOf = perDatabase(createChannelStore);
