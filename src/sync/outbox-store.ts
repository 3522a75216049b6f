// The durable outbox of pushes owed to channels (table sync_outbox, migration 0011).
//
// Stock and price changes are enqueued by triggers (sync_outbox_stock_*, sync_outbox_price_update)
// inside the writer's own transaction, so the ledger, orders, imports and catalogue edits cannot
// forget to: the row commits or rolls back with the change it describes. With no channel linking
// the variant the trigger costs one probe of the channel_links_by_variant index, so bulk writes
// of a shop without channels stay as fast as before. This store holds the explicit enqueues (a new
// link, a channel's rule changed: push everything again) and the worker's side of the protocol:
//
//   1. `due` lists rows whose backoff has passed.
//   2. `issueKey` persists an idempotency key for the row's current version BEFORE the request
//      is sent (its own commit), so a retry after a lost answer reuses the same key.
//   3. `complete(id, version)` deletes the row only if no newer change arrived meanwhile; if one
//      did, the row stays due and the next `issueKey` hands out a fresh key for the new version.
//   4. `fail` counts the attempt, keeps the reason and sets the next try.
// A crash between any two steps leaves the row in place: the push is either done or still queued.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open.js';

export const outboxKinds = ['stock', 'price'] as const;
export type OutboxKind = (typeof outboxKinds)[number];

export interface OutboxRow {
  id: number;
  channelId: number;
  variantId: number;
  kind: OutboxKind;
  /** Bumped by every coalesced change; a push is for one version. */
  version: number;
  changedAt: string;
  attempts: number;
  nextTryAt: string | null;
  lastError: string | null;
  idempotencyKey: string | null;
  keyVersion: number | null;
}

export interface IssuedKey {
  version: number;
  idempotencyKey: string;
}

const columns = `id, channel_id AS channelId, variant_id AS variantId, kind, version, changed_at AS changedAt, attempts,
  next_try_at AS nextTryAt, last_error AS lastError, idempotency_key AS idempotencyKey, key_version AS keyVersion`;

// The same coalescing upsert as the triggers: one row per (channel, variant, kind).
const coalesce = `ON CONFLICT (channel_id, variant_id, kind) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at`;

export function createOutboxStore(db: Db, newKey: () => string = randomUUID) {
  const enqueueOne = db.prepare<[number, number, OutboxKind, string]>(
    `INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at) VALUES (?, ?, ?, ?) ${coalesce}`,
  );
  const enqueueChannel = db.prepare<[string, string, number]>(
    `INSERT INTO sync_outbox (channel_id, variant_id, kind, changed_at)
     SELECT channel_id, variant_id, ?, ? FROM channel_links WHERE channel_id = ? ${coalesce}`,
  );
  const due = db.prepare<[number, string, string, number], OutboxRow>(
    `SELECT ${columns} FROM sync_outbox
     WHERE channel_id = ? AND kind = ? AND (next_try_at IS NULL OR next_try_at <= ?)
     ORDER BY id LIMIT ?`,
  );
  const byId = db.prepare<[number], OutboxRow>(`SELECT ${columns} FROM sync_outbox WHERE id = ?`);
  const setKey = db.prepare<[string, number, number]>('UPDATE sync_outbox SET idempotency_key = ?, key_version = ? WHERE id = ?');
  const remove = db.prepare<[number, number]>('DELETE FROM sync_outbox WHERE id = ? AND version = ?');
  const failed = db.prepare<[string, string, number]>(
    'UPDATE sync_outbox SET attempts = attempts + 1, last_error = ?, next_try_at = ? WHERE id = ?',
  );
  const pending = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM sync_outbox WHERE channel_id = ?');

  const issueKey = db.transaction((id: number): IssuedKey | null => {
    const row = byId.get(id);
    if (!row) return null;
    if (row.idempotencyKey !== null && row.keyVersion === row.version) return { version: row.version, idempotencyKey: row.idempotencyKey };
    const idempotencyKey = newKey();
    setKey.run(idempotencyKey, row.version, id);
    return { version: row.version, idempotencyKey };
  });

  // A refused compare-and-set was not applied; its retry carries a different expected quantity,
  // and a platform that caches answers by key would replay the refusal for the old key.
  const renewKey = db.transaction((id: number): IssuedKey | null => {
    const row = byId.get(id);
    if (!row) return null;
    const idempotencyKey = newKey();
    setKey.run(idempotencyKey, row.version, id);
    return { version: row.version, idempotencyKey };
  });

  return {
    /** Queues (or coalesces into) a push of one variant to one channel. */
    enqueue(channelId: number, variantId: number, kind: OutboxKind, at: string): void {
      enqueueOne.run(channelId, variantId, kind, at);
    },
    /** Queues a push of every variant the channel links, e.g. after its buffer or share changed. */
    enqueueChannel(channelId: number, kind: OutboxKind, at: string): number {
      return enqueueChannel.run(kind, at, channelId).changes;
    },
    due(channelId: number, kind: OutboxKind, now: string, limit: number): OutboxRow[] {
      return due.all(channelId, kind, now, limit);
    },
    get(id: number): OutboxRow | undefined {
      return byId.get(id);
    },
    /**
     * The key to send with the row's current version, created and committed if needed. Call it
     * outside any other transaction, before sending. Null when the row is gone (already done).
     */
    issueKey(id: number): IssuedKey | null {
      return issueKey(id);
    },
    /**
     * A fresh key for the row's current version, committed before sending: only after the
     * platform refused the previous request (stale compare-and-set), never after a lost answer.
     */
    renewKey(id: number): IssuedKey | null {
      return renewKey(id);
    },
    /** The push of `version` succeeded: true when the row is gone, false when a newer change keeps it queued. */
    complete(id: number, version: number): boolean {
      return remove.run(id, version).changes > 0;
    },
    /** The attempt failed: count it, keep why, try again at `nextTryAt`. */
    fail(id: number, error: string, nextTryAt: string): void {
      failed.run(error, nextTryAt, id);
    },
    pendingCount(channelId: number): number {
      return pending.get(channelId)?.n ?? 0;
    },
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
